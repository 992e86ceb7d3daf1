"""The code lists of the exchange file (EXCHANGE.md), with their translatable labels.

Codes are stored and exchanged as they are; labels are English msgids translated when shown.
"""

from __future__ import annotations

from zorgkoppel.i18n import N_, _

ORGANISATION_KINDS: dict[str, str] = {
    "care_facility": N_("Care facility"),
    "custom_work": N_("Custom-work company (maatwerkbedrijf)"),
    "local_services": N_("Local-services enterprise (LDE)"),
    "local_authority": N_("Local authority"),
    "other": N_("Other"),
}
SOCIAL_ECONOMY_KINDS = ("custom_work", "local_services")

# The roles of an account (not in the exchange file: accounts stay in their installation).
ROLE_LABELS: dict[str, str] = {
    "admin": N_("administrator"),
    "coordinator": N_("coordinator"),
    "job_coach": N_("job coach"),
    "viewer": N_("viewer"),
}

CARE_TYPES: dict[str, str] = {
    "residential": N_("Residential care centre"),
    "day_care": N_("Day-care centre"),
    "assisted_living": N_("Assisted living"),
    "hospital": N_("Hospital"),
    "disability_care": N_("Disability care"),
    "childcare": N_("Childcare"),
    "other": N_("Other"),
}

PROVINCES: dict[str, str] = {
    "antwerpen": N_("Antwerp"),
    "limburg": N_("Limburg"),
    "oost-vlaanderen": N_("East Flanders"),
    "west-vlaanderen": N_("West Flanders"),
    "vlaams-brabant": N_("Flemish Brabant"),
    "brussel": N_("Brussels"),
    "wallonie": N_("Wallonia"),
}

PERSON_ROLES: dict[str, str] = {
    "job_coach": N_("Job coach"),
    "supervisor": N_("Direct supervisor"),
    "coordinator": N_("Coordinator"),
    "director": N_("Director"),
    "representative": N_("Legal representative"),
    "other": N_("Other"),
}

PROGRAMMES: dict[str, str] = {
    "custom_work": N_("Custom work"),
    "local_services": N_("Local services economy"),
    "individual_custom_work": N_("Individual custom work"),
    "article_60": N_("Article 60"),
    "other": N_("Other"),
}

SKILL_LEVELS: dict[str, str] = {
    "learning": N_("Learning"),
    "with_companion": N_("With companion"),
    "independent": N_("Independent"),
}

DUTCH_LEVELS: tuple[str, ...] = ("A1", "A2", "B1", "B2", "C1", "C2", "native")

AGREEMENT_PHASES: dict[str, str] = {
    "service": N_("Service (phase 1)"),
    "transition": N_("Transition (phase 2)"),
}
LEGAL_FORMS: dict[str, str] = {
    "service_contract": N_("Service contract"),
    "enclave": N_("Enclave"),
}
AGREEMENT_STATUSES: dict[str, str] = {
    "draft": N_("Draft"),
    "signed": N_("Signed"),
    "active": N_("Active"),
    "ended": N_("Ended"),
    "terminated": N_("Terminated"),
}
RATE_TYPES: dict[str, str] = {
    "per_hour": N_("Per hour"),
    "per_fte": N_("Per FTE per month"),
    "lump_sum": N_("Lump sum per month"),
}
CONTRACT_LANGUAGES: tuple[str, ...] = ("nl", "fr", "en")

PRESENCE_STATUSES: dict[str, str] = {
    "present": N_("Present"),
    "absent": N_("Absent"),
    "sick": N_("Sick"),
    "leave": N_("Leave"),
}

NOTE_KINDS: dict[str, str] = {
    "contact": N_("Contact moment"),
    "performance_meeting": N_("Performance meeting"),
    "evaluation_meeting": N_("Evaluation meeting"),
    "intake": N_("Intake"),
    "transition_milestone": N_("Transition milestone"),
}
VISIBILITIES: dict[str, str] = {
    "shared": N_("Shared with the care facility"),
    "enterprise_only": N_("Enterprise only (confidential)"),
}
SCORE_ITEMS: dict[str, str] = {
    "punctuality": N_("Punctuality"),
    "keeps_agreements": N_("Keeps agreements"),
    "teamwork": N_("Teamwork"),
    "client_contact": N_("Client contact"),
    "independence": N_("Independence"),
    "pace": N_("Pace"),
}

TRAJECTORY_PHASES: dict[str, str] = {
    "pre_trajectory": N_("Pre-trajectory"),
    "job_matching": N_("Job matching"),
    "internship": N_("Internship"),
    "aftercare": N_("Aftercare"),
}
TRAJECTORY_OUTCOMES: dict[str, str] = {
    "hired": N_("Hired"),
    "not_hired": N_("Not hired"),
    "stopped": N_("Stopped"),
}


def label(codes: dict[str, str], code: str | None) -> str:
    """The translated label of a code; the code itself when it is not in the list."""
    if code is None:
        return ""
    text = codes.get(code)
    return _(text) if text is not None else code


def dutch_level_rank(level: str | None) -> int:
    """Order of CEFR levels, 'native' highest; -1 for none."""
    if level is None or level not in DUTCH_LEVELS:
        return -1
    return DUTCH_LEVELS.index(level)
