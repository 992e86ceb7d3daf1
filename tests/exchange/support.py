"""Helpers for exchange tests: the EXCHANGE.md example and checks of refused imports."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import Problem, ValidationError
from zorgkoppel.exchange.exporter import export_exchange
from zorgkoppel.exchange.importer import import_exchange

EXAMPLE = Path(__file__).with_name("example.json")
_EXAMPLE_DOCUMENT = json.loads(EXAMPLE.read_text(encoding="utf-8"))


def example_document() -> dict[str, Any]:
    return copy.deepcopy(_EXAMPLE_DOCUMENT)


def refused(ctx: ServiceContext, source: Any) -> list[Problem]:
    """The problems of an import that must fail, after checking it changed nothing."""
    before = export_exchange(ctx)
    with pytest.raises(ValidationError) as caught:
        import_exchange(ctx, source)
    assert export_exchange(ctx) == before
    return caught.value.problems


def messages_at(problems: list[Problem], path: str) -> list[str]:
    return [p.text() for p in problems if p.field == path]
