"""Fields every stored record carries: a string UUID key and its creation and change times."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel
from sqlmodel.main import SQLModelConfig

from zorgkoppel.core.models.types import UtcDateTime, new_id, utcnow

# Stored records are never validated by pydantic (SQLModel skips it for tables); building
# each class's validation schema only when first asked for halves the models' import, which
# every start of the window pays.
DEFERRED = SQLModelConfig(defer_build=True)


class Stamped(SQLModel):
    model_config = DEFERRED

    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=UtcDateTime, nullable=False)
    updated_at: dt.datetime = Field(default_factory=utcnow, sa_type=UtcDateTime, nullable=False)


class Record(Stamped):
    id: str = Field(default_factory=new_id, primary_key=True, max_length=64)


class Versioned(SQLModel):
    """A record edited through forms: SQLAlchemy bumps `version` at every UPDATE and refuses
    one whose row changed since it was read (StaleDataError), so no edit is overwritten."""

    model_config = DEFERRED

    version: int = Field(default=1, sa_column_kwargs={"server_default": text("1")})

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]
