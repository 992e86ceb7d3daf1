"""Which database a command runs on: the data folder's SQLite file, or a server's database
named by --database-url (or ZORGKOPPEL_DATABASE_URL)."""

from __future__ import annotations

import os

DATABASE_URL_VARIABLE = "ZORGKOPPEL_DATABASE_URL"

# Set by main from the global option; one command per process.
_CHOSEN: dict[str, str | None] = {"url": None}


def choose_database_url(url: str | None) -> None:
    """The option wins over the environment; an empty value means the data folder."""
    _CHOSEN["url"] = url or os.environ.get(DATABASE_URL_VARIABLE) or None


def chosen_database_url() -> str | None:
    return _CHOSEN["url"]
