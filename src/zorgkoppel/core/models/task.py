"""Tasks a worker can do on the floor: the built-in catalogue plus a data set's own."""

from __future__ import annotations

from sqlmodel import Field

from zorgkoppel.core.models.record import Stamped


class Task(Stamped, table=True):
    code: str = Field(primary_key=True, max_length=64)
    label_nl: str = Field(max_length=120)
    label_fr: str = Field(max_length=120)
    label_en: str = Field(max_length=120)
    client_contact: bool = False
    needs_licence: bool = False
    min_dutch_level: str | None = Field(default=None, max_length=8)
    builtin: bool = False

    def label(self, language: str) -> str:
        return {"nl": self.label_nl, "fr": self.label_fr}.get(language, self.label_en)
