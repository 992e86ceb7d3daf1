"""Organisations (care facilities, social-economy enterprises, authorities) and their people."""

from __future__ import annotations

from sqlmodel import Field

from zorgkoppel.core.models.record import Record, Versioned


class Organisation(Versioned, Record, table=True):
    name: str = Field(max_length=200, index=True)
    kind: str = Field(max_length=32)
    care_type: str | None = Field(default=None, max_length=32)
    enterprise_number: str | None = Field(default=None, max_length=16)
    joint_committee: str | None = Field(default=None, max_length=32)
    province: str | None = Field(default=None, max_length=32)
    street: str | None = Field(default=None, max_length=200)
    postcode: str | None = Field(default=None, max_length=16)
    city: str | None = Field(default=None, max_length=100)


class Person(Versioned, Record, table=True):
    name: str = Field(max_length=200, index=True)
    organisation_id: str | None = Field(default=None, foreign_key="organisation.id", index=True)
    role: str | None = Field(default=None, max_length=32)
    email: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=50)
