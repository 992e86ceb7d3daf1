"""Health index values per month."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError, ValidationError
from zorgkoppel.core.rules.trajectory import IndexValueData
from zorgkoppel.core.services.index_values import (
    delete_index_value,
    get_index_value,
    latest_index_value,
    list_index_values,
    save_index_value,
)


def test_save_replace_and_find_the_latest(ctx: ServiceContext) -> None:
    save_index_value(ctx, IndexValueData("2024-08", Decimal("131.44")))
    save_index_value(ctx, IndexValueData("2018-12", Decimal("107.89")))
    save_index_value(ctx, IndexValueData("2024-08", Decimal("131.50")))

    assert [(v.month, v.value) for v in list_index_values(ctx)] == [
        ("2018-12", Decimal("107.89")), ("2024-08", Decimal("131.50"))]
    latest = latest_index_value(ctx, "2024-07")
    assert latest is not None and latest.month == "2018-12"
    assert latest_index_value(ctx, "2018-11") is None


def test_invalid_value_is_refused(ctx: ServiceContext) -> None:
    with pytest.raises(ValidationError) as caught:
        save_index_value(ctx, IndexValueData("2024-13", Decimal("0")))
    assert {p.field for p in caught.value.problems} == {"month", "value"}
    assert list_index_values(ctx) == []


def test_delete(ctx: ServiceContext) -> None:
    save_index_value(ctx, IndexValueData("2024-08", Decimal("131.44")))
    delete_index_value(ctx, "2024-08")
    with pytest.raises(NotFoundError):
        get_index_value(ctx, "2024-08")
