"""Moving a whole data set between databases (SQLite ⇄ PostgreSQL) through the exchange
format, checked by exporting both sides and comparing every data section.

Accounts and the audit trail are not part of the exchange format and are not copied: the
target makes its own (its first account, then its own chain from the copy on).
"""

from __future__ import annotations

from dataclasses import dataclass

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.core.services.dataset import is_empty
from zorgkoppel.exchange.exporter import export_exchange
from zorgkoppel.exchange.importer import import_exchange
from zorgkoppel.exchange.sections import SECTION_NAMES
from zorgkoppel.i18n import N_


class CopyError(ZorgkoppelError):
    """The target was not empty, or the copy differs from the source."""


@dataclass(frozen=True)
class CopyResult:
    records: int
    sections: int


def copy_data(source: ServiceContext, target: ServiceContext) -> CopyResult:
    """Every record of `source` into the empty `target`; both exports must then be equal."""
    if not is_empty(target):
        raise CopyError(N_(
            "The target already holds data; copy only into an empty database. Nothing was "
            "changed."))
    document = export_exchange(source)
    import_exchange(target, document)
    copied = export_exchange(target)
    differing = [name for name in SECTION_NAMES if document.get(name) != copied.get(name)]
    if differing:
        raise CopyError(N_(
            "The copy differs from the source in: {sections}. Do not use the copy."),
            sections=", ".join(differing))
    count = sum(len(document.get(name) or []) for name in SECTION_NAMES)
    return CopyResult(count, len(SECTION_NAMES))
