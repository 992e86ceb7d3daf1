from __future__ import annotations

from typing import Any

import pytest

from tests.exchange.support import example_document


@pytest.fixture
def example() -> dict[str, Any]:
    """The EXCHANGE.md example, a fresh copy for each test to change."""
    return example_document()
