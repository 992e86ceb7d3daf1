"""Turning what the caller hands over (a mapping, JSON text, bytes or a file) into a document."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from zorgkoppel.core.errors import Problem, ValidationError
from zorgkoppel.i18n import N_

Source = Mapping[str, Any] | str | bytes | os.PathLike[str]


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def read_document(source: Source) -> Any:
    """The parsed JSON value; unreadable or malformed input is a ValidationError."""
    if isinstance(source, Mapping):
        return source
    if isinstance(source, os.PathLike):
        try:
            source = Path(source).read_bytes()
        except OSError as error:
            raise _failure(N_("cannot read the file {path}: {reason}"),
                           path=os.fspath(source), reason=error.strerror or str(error)) from None
    if isinstance(source, bytes):
        try:
            # utf-8-sig: a byte-order mark, as some Windows editors write, is no error.
            source = source.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise _failure(N_("the file is not UTF-8 text (byte {position})"),
                           position=error.start) from None
    try:
        return json.loads(
            source,
            parse_float=Decimal,  # a float is reported where it is used, not rounded here
            parse_constant=_reject_constant,
            object_pairs_hook=_unique_keys,
        )
    except json.JSONDecodeError as error:
        raise _failure(N_("not valid JSON at line {line}, column {column}: {reason}"),
                       line=error.lineno, column=error.colno, reason=error.msg) from None
    except _DuplicateKey as error:
        raise _failure(N_("the key '{key}' appears twice in one object"),
                       key=error.key) from None
    except ValueError as error:
        raise _failure(N_("not valid JSON: {reason}"), reason=str(error)) from None


def _failure(message: str, **params: Any) -> ValidationError:
    return ValidationError([Problem("", message, params)])


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json would keep the last of two equal keys: data silently dropped.
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result
