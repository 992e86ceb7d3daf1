"""All stored tables. Importing this module registers every table with SQLModel's metadata."""

from zorgkoppel.core.models.agreement import Agreement, AgreementTask, AgreementWorker
from zorgkoppel.core.models.note import Note, NoteAction, NoteParticipant, NoteScore
from zorgkoppel.core.models.organisation import Organisation, Person
from zorgkoppel.core.models.roster import (
    RosterAssignment,
    RosterDay,
    RosterPost,
    RosterPresence,
)
from zorgkoppel.core.models.sync import SyncState
from zorgkoppel.core.models.task import Task
from zorgkoppel.core.models.trajectory import IndexValue, Trajectory, TrajectoryPhase
from zorgkoppel.core.models.worker import Worker, WorkerPreference, WorkerSkill

__all__ = [
    "Agreement",
    "AgreementTask",
    "AgreementWorker",
    "IndexValue",
    "Note",
    "NoteAction",
    "NoteParticipant",
    "NoteScore",
    "Organisation",
    "Person",
    "RosterAssignment",
    "RosterDay",
    "RosterPost",
    "RosterPresence",
    "SyncState",
    "Task",
    "Trajectory",
    "TrajectoryPhase",
    "Worker",
    "WorkerPreference",
    "WorkerSkill",
]
