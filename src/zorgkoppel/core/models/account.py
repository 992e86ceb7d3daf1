"""Accounts: the people who log in, with the role and organisation that decide what they see."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field

from zorgkoppel.core.models.record import Record, Versioned
from zorgkoppel.core.models.types import UtcDateTime


class User(Versioned, Record, table=True):
    # Stored in lower case so that "Els" and "els" are one account.
    user_name: str = Field(max_length=40, unique=True, index=True)
    display_name: str = Field(default="", max_length=200)
    role: str = Field(max_length=16)
    organisation_id: str | None = Field(default=None, foreign_key="organisation.id", index=True)
    password_hash: str = Field(max_length=200)
    disabled: bool = Field(default=False)
    must_change_password: bool = Field(default=False)
    last_login: dt.datetime | None = Field(default=None, sa_type=UtcDateTime)
    failed_logins: int = Field(default=0)
    last_failed_at: dt.datetime | None = Field(default=None, sa_type=UtcDateTime)
