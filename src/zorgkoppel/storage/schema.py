"""Bringing a database to the schema this program version needs.

The stored revision is compared with a constant at every start, so alembic (a heavy
import) is only loaded when there is something to migrate.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text

from zorgkoppel.core.errors import ZorgkoppelError
from zorgkoppel.storage.database import Database

# The newest migration in storage/migrations/versions; a test keeps the two equal.
SCHEMA_REVISION = "0006"
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006")
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# Any fixed number: the PostgreSQL advisory lock that lets one program migrate at a time.
_MIGRATION_LOCK = 0x7A6B_0001


class SchemaTooNewError(ZorgkoppelError):
    pass


def stored_revision(db: Database) -> str | None:
    with db.engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def ensure_schema(db: Database, server_backups: Path | None = None) -> bool:
    """Create or upgrade the schema; True when migrations ran.

    A database on a server is backed up as an exchange file into `server_backups` first."""
    revision = stored_revision(db)
    if revision == SCHEMA_REVISION:
        return False
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise SchemaTooNewError(
            "This data was written by a newer version of zorgkoppel (schema {revision}). "
            "Install the newer version to open it; nothing was changed.",
            revision=revision,
        )
    if revision is not None:
        if db.path is None and server_backups is not None:
            from zorgkoppel.storage.server_backup import back_up_server

            back_up_server(db, server_backups, f"before-upgrade-{revision}")
        backup_before_upgrade(db, revision)
    run_migrations(db)
    from zorgkoppel.core.services.tasks import ensure_builtin_tasks

    ensure_builtin_tasks(db)
    return True


def backup_before_upgrade(db: Database, revision: str) -> Path | None:
    """A checked copy of the data as it was, kept apart from thinning, before any migration."""
    if db.path is None or not db.path.is_file():
        return None
    import datetime as dt

    from zorgkoppel.storage.backup import backup_folder, backup_name, write_checked_copy

    name = backup_name(dt.datetime.now(), f"before-upgrade-{revision}")
    target = backup_folder(db.path.parent) / name
    write_checked_copy(db.path, target, db.data_key)
    return target


def run_migrations(db: Database, target: str = "head") -> None:
    """Every pending migration in one transaction: all of them are applied, or none."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with db.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Two PCs starting a new version at once: the second waits, then finds the
            # schema current and alembic has nothing left to do.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, target)
