"""The work-attitude items a note scores: the six built-in ones, hidden or renamed, plus own.

A built-in item without a row is active with its translated label; a row overrides it.
Items stay valid in notes that already scored them even when hidden: hiding only takes
them off the note editor.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from sqlmodel import Session, select

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.codes import SCORE_ITEMS
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import Problem, ValidationError
from zorgkoppel.core.models import ScoreItem
from zorgkoppel.core.models.types import utcnow
from zorgkoppel.core.rules.values import MSG_REQUIRED
from zorgkoppel.core.services.access import require_admin
from zorgkoppel.i18n import N_, _

CODE_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


@dataclass(frozen=True)
class ScoreItemRow:
    code: str
    label: str
    position: int
    active: bool
    builtin: bool


class _WellFormedScoreItems:
    """Every well-formed item code: files from another database may score its own items.

    Lists the built-in items where a message names the allowed ones.
    """

    def __contains__(self, code: object) -> bool:
        return (
            isinstance(code, str) and 0 < len(code) <= 40 and set(code) <= CODE_CHARACTERS
        )

    def __iter__(self) -> Iterator[str]:
        return iter(SCORE_ITEMS)


ANY_SCORE_ITEM = _WellFormedScoreItems()


def ensure_score_items(session: Session, codes: Collection[str]) -> None:
    """Add an own item (labelled with its code) for each code not known yet."""
    missing = set(codes) - score_item_codes(session)
    for code in sorted(missing):
        session.add(ScoreItem(code=code, label=code, position=100))


def score_item_codes(session: Session) -> set[str]:
    """Every code a note may score: built-in and own, shown or hidden."""
    return set(SCORE_ITEMS) | set(session.exec(select(ScoreItem.code)).all())


def list_score_items(ctx: ServiceContext, active_only: bool = False) -> list[ScoreItemRow]:
    with ctx.db.session() as session:
        stored = {row.code: row for row in session.exec(select(ScoreItem)).all()}
    rows = []
    for position, (code, label) in enumerate(SCORE_ITEMS.items()):
        row = stored.pop(code, None)
        rows.append(
            ScoreItemRow(code, row.label if row and row.label else _(label),
                         row.position if row else position, row.active if row else True, True)
        )
    rows += [ScoreItemRow(r.code, r.label, r.position, r.active, False) for r in stored.values()]
    rows.sort(key=lambda r: (r.position, r.code))
    return [r for r in rows if r.active or not active_only]


def save_score_item(
    ctx: ServiceContext, code: str, label: str, position: int = 100, active: bool = True
) -> Changes:
    """Add an own item, or rename, move, hide or show one (a built-in label may stay empty)."""
    require_admin(ctx)
    problems = []
    if not code:
        problems.append(Problem("code", MSG_REQUIRED))
    elif len(code) > 40 or not set(code) <= CODE_CHARACTERS:
        problems.append(Problem("code", N_("use lower-case letters, digits and _ only")))
    if code not in SCORE_ITEMS and not label.strip():
        problems.append(Problem("label", MSG_REQUIRED))
    if problems:
        raise ValidationError(problems)
    with ctx.db.transaction() as session:
        row = session.get(ScoreItem, code) or ScoreItem(code=code, label="")
        row.label = label.strip()
        row.position = position
        row.active = active
        row.updated_at = utcnow()
        session.add(row)
    return Changes.of("notes")
