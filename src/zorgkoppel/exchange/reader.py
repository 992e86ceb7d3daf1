"""Reading JSON values into typed ones, with one problem per mismatch named by its JSON path.

A reader collects the problems of one record with paths relative to it (`financing.rate`);
the importer prefixes them with the record's own path (`agreements[2]`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from decimal import Decimal
from typing import Any

from zorgkoppel.core.errors import Problems
from zorgkoppel.core.rules.values import MSG_REQUIRED
from zorgkoppel.i18n import N_

DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TIME_PATTERN = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
# Plain decimal notation only: no exponent, no thousands separator, no comma.
DECIMAL_PATTERN = re.compile(r"^-?\d{1,15}(\.\d{1,10})?$")
LARGEST_INTEGER = 2**31 - 1

MSG_UNKNOWN_FIELD = N_("unknown field")
MSG_NOT_OBJECT = N_("not an object")
MSG_NOT_LIST = N_("not a list")
MSG_NOT_TEXT = N_("not a text")
MSG_NOT_DECIMAL = N_("not a decimal")
MSG_DECIMAL_AS_NUMBER = N_('not a decimal: write it as a string, e.g. "17.50"')
MSG_TOO_LONG = N_("is longer than {max} characters")


def join(path: str, name: str | int) -> str:
    if isinstance(name, int):
        return f"{path}[{name}]"
    return f"{path}.{name}" if path else name


class Reader:
    def __init__(self) -> None:
        self.problems = Problems()

    def add(self, path: str, message: str, **params: Any) -> None:
        self.problems.add(path, message, **params)

    def fields(
        self, value: Any, path: str, allowed: Collection[str]
    ) -> Mapping[str, Any] | None:
        """The object at `path` after reporting its unknown fields; None if it is no object."""
        if not isinstance(value, Mapping):
            self.add(path, MSG_NOT_OBJECT)
            return None
        for name in value:
            if name not in allowed:
                self.add(join(path, str(name)), MSG_UNKNOWN_FIELD)
        return value

    def child(
        self, obj: Mapping[str, Any], name: str, path: str, allowed: Collection[str]
    ) -> Mapping[str, Any]:
        """A nested object (`scope`, `financing`); absent or null reads as empty."""
        value = obj.get(name)
        if value is None:
            return {}
        return self.fields(value, join(path, name), allowed) or {}

    def items(self, obj: Mapping[str, Any], name: str, path: str = "") -> list[tuple[str, Any]]:
        """The elements of a list with their paths; absent or null reads as empty."""
        value = obj.get(name)
        if value is None:
            return []
        where = join(path, name)
        if not isinstance(value, list):
            self.add(where, MSG_NOT_LIST)
            return []
        return [(join(where, i), item) for i, item in enumerate(value)]

    def entries(
        self, obj: Mapping[str, Any], name: str, path: str = ""
    ) -> list[tuple[str, str, Any]]:
        """(key, path, value) of an object whose keys are data (preferences, scores)."""
        value = obj.get(name)
        if value is None:
            return []
        where = join(path, name)
        if not isinstance(value, Mapping):
            self.add(where, MSG_NOT_OBJECT)
            return []
        return [(str(key), join(where, str(key)), item) for key, item in value.items()]

    def text(
        self,
        obj: Mapping[str, Any],
        name: str,
        path: str = "",
        max_length: int | None = None,
        required: bool = False,
    ) -> str | None:
        return self.text_value(obj.get(name), join(path, name), max_length, required)

    def text_value(
        self, value: Any, where: str, max_length: int | None = None, required: bool = False
    ) -> str | None:
        if value is None:
            if required:
                self.add(where, MSG_REQUIRED)
            return None
        if not isinstance(value, str):
            self.add(where, MSG_NOT_TEXT)
            return None
        if required and not value.strip():
            self.add(where, MSG_REQUIRED)
            return None
        if max_length is not None and len(value) > max_length:
            self.add(where, MSG_TOO_LONG, max=max_length)
            return None
        return value

    def texts(
        self, obj: Mapping[str, Any], name: str, path: str = "", max_length: int = 64
    ) -> list[str]:
        """A list of texts (ids, sites); a wrong element is reported and read as "".

        Positions are kept, so the rules name the same index as the file.
        """
        return [
            self.text_value(item, where, max_length, required=True) or ""
            for where, item in self.items(obj, name, path)
        ]

    def boolean(
        self, obj: Mapping[str, Any], name: str, path: str = "", default: bool = False
    ) -> bool:
        value = obj.get(name)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.add(join(path, name), N_("must be true or false"))
            return default
        return value

    def integer(self, obj: Mapping[str, Any], name: str, path: str = "") -> int | None:
        return self.integer_value(obj.get(name), join(path, name))

    def integer_value(self, value: Any, where: str) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(where, N_("must be a whole number"))
            return None
        if abs(value) > LARGEST_INTEGER:
            self.add(where, N_("is too large"))
            return None
        return value

    def decimal(self, obj: Mapping[str, Any], name: str, path: str = "") -> Decimal | None:
        value = obj.get(name)
        where = join(path, name)
        if value is None:
            return None
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            # Money is exchanged as text: a JSON number may already have lost cents.
            self.add(where, MSG_DECIMAL_AS_NUMBER)
            return None
        if not isinstance(value, str) or not DECIMAL_PATTERN.match(value):
            self.add(where, MSG_NOT_DECIMAL)
            return None
        return Decimal(value)

    def date(self, obj: Mapping[str, Any], name: str, path: str = "") -> dt.date | None:
        value = obj.get(name)
        if value is None:
            return None
        if isinstance(value, str) and DATE_PATTERN.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.add(join(path, name), N_("not a date (YYYY-MM-DD)"))
        return None

    def time(self, obj: Mapping[str, Any], name: str, path: str = "") -> dt.time | None:
        value = obj.get(name)
        if value is None:
            return None
        if isinstance(value, str) and TIME_PATTERN.match(value):
            return dt.time.fromisoformat(value)
        self.add(join(path, name), N_("not a time (HH:MM)"))
        return None

    def timestamp(self, obj: Mapping[str, Any], name: str, path: str = "") -> dt.datetime | None:
        value = obj.get(name)
        if value is None:
            return None
        parsed: dt.datetime | None = None
        if isinstance(value, str) and "T" in value:
            try:
                parsed = dt.datetime.fromisoformat(value)
            except ValueError:
                parsed = None
        if parsed is None or parsed.tzinfo is None:
            self.add(
                join(path, name),
                N_("not a timestamp with offset (e.g. 2024-10-15T09:30:00+02:00)"),
            )
            return None
        return parsed.astimezone(dt.UTC)
