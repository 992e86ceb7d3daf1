from __future__ import annotations

import pytest

from tests.documents.sample import Sample, make_sample
from zorgkoppel.core.context import ServiceContext


@pytest.fixture
def sample(ctx: ServiceContext) -> Sample:
    return make_sample(ctx)
