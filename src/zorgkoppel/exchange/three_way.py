"""The three-way merge of one record: what both sides last agreed (the base), ours, theirs.

Records are compared as an export renders them (JSON values per field), so "changed" means
exactly what a file would show. Per field:
- changed on one side only: that side's value is taken;
- changed on both sides to the same value: nothing to decide;
- changed on both sides to different values: a conflict, ours stays until a person decides;
- a text field (a note's text) changed on both sides keeps our text and their text as an
  addendum, so not a word is lost; it is listed all the same.
Without a base (the two never agreed on this record) every differing field is a conflict:
nobody can tell which side changed it.

A deletion (a tombstone in the file) removes a record only when ours is still the agreed
version; a record changed since is a conflict instead. A file that would delete a large
part of a section is refused unless the user allows it (CouchDB's fail-safe).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from zorgkoppel.core.errors import Problem, ValidationError
from zorgkoppel.i18n import N_

# Bookkeeping fields: they change with every save and are no content of their own.
IGNORED = frozenset({"updated_at", "created_at"})
MASS_DELETE_SHARE = 0.20
MASS_DELETE_COUNT = 50


@dataclass(frozen=True)
class FieldConflict:
    field: str
    base: Any
    ours: Any
    theirs: Any


@dataclass(frozen=True)
class Merged:
    record: dict[str, Any]  # ours with their one-sided changes; ours where they conflict
    taken: tuple[str, ...] = ()  # fields taken from theirs
    conflicts: tuple[FieldConflict, ...] = ()
    addenda: tuple[FieldConflict, ...] = ()  # text fields kept twice (theirs as an addendum)

    @property
    def changed(self) -> bool:
        return bool(self.taken or self.addenda)


def merge_record(
    base: Mapping[str, Any] | None,
    ours: Mapping[str, Any],
    theirs: Mapping[str, Any],
    text_fields: Collection[str] = (),
    ignored: Collection[str] = IGNORED,
) -> Merged:
    """Merge `theirs` into `ours` against their common `base` (None: never agreed)."""
    record = dict(ours)
    taken: list[str] = []
    conflicts: list[FieldConflict] = []
    addenda: list[FieldConflict] = []
    for name in sorted((set(ours) | set(theirs)) - set(ignored)):
        mine, other = ours.get(name), theirs.get(name)
        if mine == other:
            continue
        agreed = base.get(name) if base is not None else None
        if base is not None and mine == agreed:
            record[name] = other
            taken.append(name)
        elif base is not None and other == agreed:
            continue  # only we changed it
        elif name in text_fields and isinstance(mine, str) and isinstance(other, str) \
                and base is not None:
            addenda.append(FieldConflict(name, agreed, mine, other))
        else:
            conflicts.append(FieldConflict(name, agreed, mine, other))
    return Merged(record, tuple(taken), tuple(conflicts), tuple(addenda))


@dataclass(frozen=True)
class Deletion:
    """What a tombstone does to our record: remove it, or a conflict (changed since)."""

    remove: bool
    conflict: bool = False


def merge_deletion(base: Mapping[str, Any] | None, ours: Mapping[str, Any] | None,
                   ignored: Collection[str] = IGNORED) -> Deletion:
    if ours is None:
        return Deletion(remove=False)  # already gone here
    if base is not None and _content(ours, ignored) == _content(base, ignored):
        return Deletion(remove=True)
    return Deletion(remove=False, conflict=True)


def _content(record: Mapping[str, Any], ignored: Collection[str]) -> dict[str, Any]:
    return {name: value for name, value in record.items() if name not in ignored}


@dataclass
class DeleteGuard:
    """Counts the deletions a file asks for per section, against what the section holds."""

    held: dict[str, int]
    asked: dict[str, int] = field(default_factory=dict)

    def add(self, section: str, count: int = 1) -> None:
        self.asked[section] = self.asked.get(section, 0) + count

    def problems(self) -> list[Problem]:
        found = []
        for section, count in sorted(self.asked.items()):
            held = self.held.get(section, 0)
            if count > MASS_DELETE_COUNT or (held and count > held * MASS_DELETE_SHARE):
                found.append(Problem(section, N_(
                    "the file would delete {count} of the {held} records of {section}; such "
                    "a mass deletion is refused unless it is allowed (--allow-mass-delete)"),
                    {"count": count, "held": held, "section": section}))
        return found

    def check(self, allowed: bool) -> None:
        problems = self.problems()
        if problems and not allowed:
            raise ValidationError(problems)
