"""The monitoring report over exchange files that are not imported (a department receives
files from many partners): each file is read into a throwaway in-memory database with
every check of an import, then counted; organisations with an enterprise number count
once across the files. A file that fails its checks is named and nothing is counted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.pool import StaticPool
from sqlmodel import SQLModel

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import Problem, ValidationError
from zorgkoppel.core.services.partnership_report import (
    Partnership,
    PartnershipReport,
    Period,
    check_groupings,
    count_partnerships,
    stored_partnerships,
)
from zorgkoppel.core.services.tasks import ensure_builtin_tasks
from zorgkoppel.i18n import N_


def report_over_files(
    paths: Sequence[Path], by: Sequence[str], start: dt.date | None = None,
    end: dt.date | None = None, signed_in: bool = False, today: dt.date | None = None,
) -> PartnershipReport:
    groupings = check_groupings(by)
    period = Period.of(start, end, today)
    found: list[Partnership] = []
    for path in paths:
        found.extend(_partnerships_of(path, period, signed_in))
    return count_partnerships(found, groupings, period, signed_in)


def _partnerships_of(path: Path, period: Period, signed_in: bool) -> list[Partnership]:
    from zorgkoppel.exchange.importer import import_exchange
    from zorgkoppel.storage.database import Database

    # One connection for the whole life of the database: an in-memory SQLite database
    # lives as long as its connection.
    db = Database("sqlite://", poolclass=StaticPool,
                  connect_args={"check_same_thread": False})
    try:
        import zorgkoppel.core.models  # noqa: F401  (every table on the metadata)

        SQLModel.metadata.create_all(db.engine)
        ensure_builtin_tasks(db)
        ctx = ServiceContext(db)
        try:
            import_exchange(ctx, path)
        except ValidationError as error:
            raise ValidationError([
                Problem(f"{path.name}: {problem.field}" if problem.field else path.name,
                        problem.message, problem.params)
                for problem in error.problems]) from None
        except OSError as error:
            raise ValidationError([Problem(path.name, N_("cannot be read: {reason}"),
                                           {"reason": error.strerror or str(error)})]
                                  ) from None
        return stored_partnerships(ctx, period, signed_in, source=path.name)
    finally:
        db.dispose()
