"""Errors a user can read: each carries an English msgid and is rendered in the user's language."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from zorgkoppel.i18n import _, ngettext


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where (a field name or JSON path) and what."""

    field: str
    message: str
    params: dict[str, Any] = field(default_factory=dict)
    # With a plural msgid the message is chosen by params["count"].
    plural: str | None = None

    def text(self, translate: Callable[[str], str] | None = None) -> str:
        if self.plural is not None:
            chosen = ngettext(self.message, self.plural, int(self.params["count"]))
            return chosen.format(**self.params)
        return (translate or _)(self.message).format(**self.params)

    def at(self, prefix: str) -> Problem:
        """The same problem one level deeper: `rate` under `agreements[2].financing`."""
        if not prefix:
            return self
        if not self.field:
            joined = prefix
        elif self.field.startswith("["):
            joined = f"{prefix}{self.field}"
        else:
            joined = f"{prefix}.{self.field}"
        return Problem(joined, self.message, self.params, self.plural)

    def __str__(self) -> str:
        return f"{self.field}: {self.text()}" if self.field else self.text()


class ZorgkoppelError(Exception):
    """A failure to explain to the user, never a traceback."""

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params

    def text(self) -> str:
        return _(self.message).format(**self.params)

    def __str__(self) -> str:
        return self.text()


class ValidationError(ZorgkoppelError):
    """Input breaks one or more rules; nothing was changed."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("The input is not valid.")

    def text(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    def for_field(self, name: str) -> list[Problem]:
        return [p for p in self.problems if p.field == name or p.field.startswith(name + ".")]


class NotFoundError(ZorgkoppelError):
    pass


class PermissionDenied(ZorgkoppelError):
    pass


class Problems:
    """Collects problems while a whole input is checked, so the user sees all of them at once."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, field_name: str, message: str, **params: Any) -> None:
        self.items.append(Problem(field_name, message, params))

    def add_counted(
        self, field_name: str, forms: tuple[str, str], count: int, **params: Any
    ) -> None:
        """A message with singular and plural forms (mark them with NP_)."""
        self.items.append(Problem(field_name, forms[0], {"count": count, **params}, forms[1]))

    def extend(self, problems: Iterable[Problem], prefix: str = "") -> None:
        self.items.extend(p.at(prefix) for p in problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationError(self.items)


@dataclass(frozen=True)
class ConflictField:
    """One field of a record edited by two people: the form's value, the stored one and,
    when known, the value both started from."""

    name: str
    label: str  # msgid
    mine: Any
    theirs: Any
    base: Any = None

    @property
    def differs(self) -> bool:
        return self.mine != self.theirs


class EditConflict(ZorgkoppelError):
    """Someone changed the record after this user started editing it; nothing was saved.

    `mine` and `theirs` are the service's data objects (the form's and the stored one),
    so a resolution can save either, or a mix of both, over `theirs_version`.
    """

    def __init__(
        self,
        message: str,
        *,
        kind: str,
        record_id: str,
        mine_version: int | None,
        theirs_version: int,
        mine: Any,
        theirs: Any,
        labels: dict[str, str],
        base: Any = None,
    ) -> None:
        super().__init__(message, key=record_id)
        self.kind = kind
        self.record_id = record_id
        self.mine_version = mine_version
        self.theirs_version = theirs_version
        self.mine = mine
        self.theirs = theirs
        self.base = base
        self.fields = [
            ConflictField(
                name,
                label,
                getattr(mine, name),
                getattr(theirs, name),
                None if base is None else getattr(base, name),
            )
            for name, label in labels.items()
        ]

    def differing(self) -> list[ConflictField]:
        return [f for f in self.fields if f.differs]
