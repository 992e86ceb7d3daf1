"""The sections of an exchange file, in the order records may refer to earlier ones."""

from __future__ import annotations

from typing import Any

from zorgkoppel.exchange.sections.agreements import AgreementsSection
from zorgkoppel.exchange.sections.base import Section
from zorgkoppel.exchange.sections.notes import NotesSection
from zorgkoppel.exchange.sections.organisations import OrganisationsSection, PeopleSection
from zorgkoppel.exchange.sections.roster_days import RosterDaysSection
from zorgkoppel.exchange.sections.tasks import TasksSection
from zorgkoppel.exchange.sections.trajectories import IndexValuesSection, TrajectoriesSection
from zorgkoppel.exchange.sections.workers import WorkersSection

SECTIONS: tuple[Section[Any], ...] = (
    TasksSection(),
    OrganisationsSection(),
    PeopleSection(),
    WorkersSection(),
    AgreementsSection(),
    RosterDaysSection(),
    NotesSection(),
    TrajectoriesSection(),
    IndexValuesSection(),
)
SECTION_NAMES: tuple[str, ...] = tuple(section.name for section in SECTIONS)
