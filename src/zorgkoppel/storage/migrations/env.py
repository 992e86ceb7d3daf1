"""Alembic environment: runs on the connection the program hands over."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import zorgkoppel.core.models  # noqa: F401  (registers every table)

target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
