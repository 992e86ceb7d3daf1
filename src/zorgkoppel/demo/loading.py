"""Loading the demo data set through the importer, like any exchange file."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import NotFoundError
from zorgkoppel.core.services.organisations import get_organisation
from zorgkoppel.demo.document import demo_document
from zorgkoppel.demo.organisations import CARE_HOME, DAY_CARE

if TYPE_CHECKING:
    from zorgkoppel.exchange.importer import ImportReport

# The organisation whose presence shows that the demo was loaded before.
DEMO_MARKER = DAY_CARE


def has_demo_data(ctx: ServiceContext) -> bool:
    try:
        get_organisation(ctx, DEMO_MARKER)
    except NotFoundError:
        return False
    return True


def load_demo(ctx: ServiceContext, today: dt.date | None = None) -> ImportReport:
    """Import the demo document; its ids are fixed, so loading it again adds nothing twice."""
    from zorgkoppel.core.services.roster_planning import templates_from_days
    from zorgkoppel.exchange.importer import import_exchange

    day = today or dt.date.today()
    report = import_exchange(ctx, demo_document(day))
    # Weekly templates are not part of exchange files: the demo's usual week becomes them.
    for site in (DAY_CARE, CARE_HOME):
        templates_from_days(ctx, site, day)
    return report
