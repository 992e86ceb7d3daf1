"""Contract terms that live only in the program, not in the exchange file.

Renewal, the working-time reduction under the VIA agreements and the optional clauses
(confidentiality, GDPR processing, liability and insurance, invoicing, disputes).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

from zorgkoppel.core.errors import Problem, Problems
from zorgkoppel.core.rules.values import check_code, check_not_negative
from zorgkoppel.i18n import N_

RENEWALS: dict[str, str] = {
    "none": N_("Ends on the end date"),
    "tacit": N_("Renewed tacitly for the same period"),
    "indefinite": N_("Continues for an indefinite period"),
}
INVOICING_FREQUENCIES: dict[str, str] = {
    "monthly": N_("Monthly"),
    "quarterly": N_("Quarterly"),
}
DISPUTE_RESOLUTIONS: dict[str, str] = {
    "courts": N_("Competent courts"),
    "mediation": N_("Mediation first, then the courts"),
}


@dataclass
class ContractTerms:
    renewal: str = "none"
    via_reduction_days_per_year: Decimal | None = None
    confidentiality: bool = True
    gdpr_processing: bool = True
    liability_insurance: bool = True
    invoicing_frequency: str = "monthly"
    payment_term_days: int = 30
    disputes: str = "courts"

    def columns(self) -> dict[str, Any]:
        """The Agreement columns these terms are stored in (same names)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def of(cls, row: Any) -> ContractTerms:
        return cls(**{f.name: getattr(row, f.name) for f in fields(cls)})


def validate_terms(terms: ContractTerms) -> list[Problem]:
    problems = Problems()
    check_code(problems, "terms.renewal", terms.renewal, RENEWALS)
    check_code(problems, "terms.invoicing_frequency", terms.invoicing_frequency,
               INVOICING_FREQUENCIES)
    check_code(problems, "terms.disputes", terms.disputes, DISPUTE_RESOLUTIONS)
    check_not_negative(problems, "financing.via_reduction_days_per_year",
                       terms.via_reduction_days_per_year)
    check_not_negative(problems, "terms.payment_term_days", terms.payment_term_days)
    if terms.payment_term_days is not None and terms.payment_term_days > 120:
        problems.add("terms.payment_term_days", N_("must be at most {max} days"), max=120)
    return problems.items
