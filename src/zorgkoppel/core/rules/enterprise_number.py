"""Belgian enterprise numbers (ondernemingsnummer, KBO): 10 digits with a mod-97 check."""

from __future__ import annotations

from stdnum.be import vat
from stdnum.exceptions import ValidationError as StdnumError


def normalise_enterprise_number(value: str) -> str | None:
    """`0412.345.614` for any valid spelling (with or without BE, dots, spaces); None if invalid."""
    try:
        digits = vat.validate(value)
    except StdnumError:
        return None
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"
