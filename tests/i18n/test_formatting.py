from __future__ import annotations

import datetime as dt
from decimal import Decimal

from zorgkoppel.i18n.catalog import normalise_language
from zorgkoppel.i18n.formatting import format_date, format_money


def test_dutch_belgian_formats() -> None:
    assert format_money(Decimal("1260"), "nl") == "€\xa01.260,00"
    assert format_date(dt.date(2024, 9, 1), "nl") == "1 september 2024"


def test_french_and_english_formats() -> None:
    assert format_money(Decimal("4200"), "fr") == "4\u202f200,00\xa0€"
    assert format_date(dt.date(2024, 9, 1), "fr") == "1 septembre 2024"
    assert format_money(Decimal("17.5"), "en") == "€17.50"


def test_language_names_fall_back_to_dutch() -> None:
    assert normalise_language("fr_BE.UTF-8") == "fr"
    assert normalise_language("nl-BE") == "nl"
    assert normalise_language("de_DE") == "nl"
    assert normalise_language(None) == "nl"
