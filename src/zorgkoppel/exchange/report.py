"""What an import did, for the command line and the GUI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from zorgkoppel.core.changes import Changes
from zorgkoppel.i18n import N_, _, ngettext

SECTION_LABELS: dict[str, str] = {
    "tasks": N_("tasks"),
    "organisations": N_("organisations"),
    "people": N_("people"),
    "workers": N_("workers"),
    "agreements": N_("agreements"),
    "roster_days": N_("roster days"),
    "notes": N_("notes"),
    "trajectories": N_("trajectories"),
    "index_values": N_("index values"),
}
# Literal ngettext calls, so the extractor finds each singular and plural pair.
_COUNTED: dict[str, Callable[[int], str]] = {
    "tasks": lambda n: ngettext("{count} task", "{count} tasks", n),
    "organisations": lambda n: ngettext("{count} organisation", "{count} organisations", n),
    "people": lambda n: ngettext("{count} person", "{count} people", n),
    "workers": lambda n: ngettext("{count} worker", "{count} workers", n),
    "agreements": lambda n: ngettext("{count} agreement", "{count} agreements", n),
    "roster_days": lambda n: ngettext("{count} roster day", "{count} roster days", n),
    "notes": lambda n: ngettext("{count} note", "{count} notes", n),
    "trajectories": lambda n: ngettext("{count} trajectory", "{count} trajectories", n),
    "index_values": lambda n: ngettext("{count} index value", "{count} index values", n),
}


@dataclass
class Conflict:
    """A record changed both here and in the file since they last agreed."""

    section: str
    key: str
    kept: str  # "incoming" | "local"

    def text(self) -> str:
        if self.kept == "incoming":
            message = _("{section} {key}: changed here and in the file; the newer version "
                        "from the file was kept")
        else:
            message = _("{section} {key}: changed here and in the file; the newer version "
                        "here was kept")
        return message.format(section=_(SECTION_LABELS.get(self.section, self.section)),
                              key=self.key)


@dataclass
class ImportReport:
    """Counts per section (the file's section names) of what happened to its records."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    kept_local: dict[str, int] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)

    def summary(self) -> str:
        """One translated paragraph: what was created, updated, unchanged, kept, conflicts."""
        sentences = []
        for heading, counts in (
            (_("Created: {counts}."), self.created),
            (_("Updated: {counts}."), self.updated),
            (_("Kept as they are here (the file is older): {counts}."), self.kept_local),
        ):
            listed = _listing(counts)
            if listed:
                sentences.append(heading.format(counts=listed))
        unchanged = sum(self.unchanged.values())
        if unchanged:
            sentences.append(
                ngettext("{count} record was already up to date.",
                         "{count} records were already up to date.", unchanged
                         ).format(count=unchanged)
            )
        if self.conflicts:
            sentences.append(
                ngettext("{count} record was changed both here and in the file.",
                         "{count} records were changed both here and in the file.",
                         len(self.conflicts)).format(count=len(self.conflicts))
            )
        if not sentences:
            return _("The file holds no records; nothing was changed.")
        return " ".join(sentences)


def _listing(counts: dict[str, int]) -> str:
    return ", ".join(
        _COUNTED[name](count).format(count=count) for name, count in counts.items() if count
    )
