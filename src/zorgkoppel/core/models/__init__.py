"""All stored tables. Importing this module registers every table with SQLModel's metadata."""

from zorgkoppel.core.models.account import User
from zorgkoppel.core.models.agreement import Agreement, AgreementTask, AgreementWorker
from zorgkoppel.core.models.agreement_history import AgreementAmendment, ContractIssue
from zorgkoppel.core.models.audit import AuditEntry
from zorgkoppel.core.models.note import Note, NoteAction, NoteParticipant, NoteScore
from zorgkoppel.core.models.note_followup import NoteAddendum, ScoreItem
from zorgkoppel.core.models.organisation import Organisation, Person
from zorgkoppel.core.models.roster import (
    RosterAssignment,
    RosterDay,
    RosterPost,
    RosterPresence,
)
from zorgkoppel.core.models.roster_planning import RosterTemplatePost, SkillLevelChange
from zorgkoppel.core.models.sync import SyncState
from zorgkoppel.core.models.task import Task
from zorgkoppel.core.models.trajectory import IndexValue, Trajectory, TrajectoryPhase
from zorgkoppel.core.models.worker import Worker, WorkerPreference, WorkerSkill

__all__ = [
    "Agreement",
    "AgreementAmendment",
    "AgreementTask",
    "AgreementWorker",
    "AuditEntry",
    "ContractIssue",
    "IndexValue",
    "Note",
    "NoteAction",
    "NoteAddendum",
    "NoteParticipant",
    "NoteScore",
    "Organisation",
    "Person",
    "RosterAssignment",
    "RosterDay",
    "RosterPost",
    "RosterPresence",
    "RosterTemplatePost",
    "ScoreItem",
    "SkillLevelChange",
    "SyncState",
    "Task",
    "Trajectory",
    "TrajectoryPhase",
    "User",
    "Worker",
    "WorkerPreference",
    "WorkerSkill",
]
