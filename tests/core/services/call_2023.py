"""An exchange file modelled on the 2023 call for pilots (proeftuinen), as the
parliamentary answer counts it: 44 partnerships; per province 6 Antwerpen, 1 Brussel,
24 Limburg, 7 Oost-Vlaanderen, 6 West-Vlaanderen; care partners in joint committee
330.01.20 (35), 319.01 (7), 331 (1) and one public-law welfare association; 19 distinct
social-economy organisations: 3 LDE and 16 custom-work companies."""

from __future__ import annotations

from typing import Any

PROVINCES = ["antwerpen"] * 6 + ["brussel"] + ["limburg"] * 24 + ["oost-vlaanderen"] * 7 \
    + ["west-vlaanderen"] * 6
COMMITTEES = ["330.01.20"] * 35 + ["319.01"] * 7 + ["331"] + ["welzijnsvereniging"]
LDE, CUSTOM_WORK = 3, 16


def enterprise_number(n: int) -> str:
    """A valid Belgian enterprise number: eight digits and their mod-97 check."""
    base = 4_000_000 + n
    return f"0{base:07d}{97 - base % 97:02d}"


def call_2023_document() -> dict[str, Any]:
    se = [{"id": f"se-lde-{n}", "name": f"LDE {n}", "kind": "local_services",
           "province": "limburg", "enterprise_number": enterprise_number(n)}
          for n in range(LDE)]
    se += [{"id": f"se-mw-{n}", "name": f"Maatwerkbedrijf {n}", "kind": "custom_work",
            "province": "limburg", "enterprise_number": enterprise_number(100 + n)}
           for n in range(CUSTOM_WORK)]
    care = []
    agreements = []
    for n, (province, committee) in enumerate(zip(PROVINCES, COMMITTEES, strict=True)):
        # Written as people write them: the same committee with stray spaces or case.
        written = f" {committee} " if n % 5 == 0 else committee.upper()
        care.append({"id": f"care-{n}", "name": f"Woonzorgcentrum {n}",
                     "kind": "care_facility", "care_type": "residential",
                     "joint_committee": written, "province": province})
        partner = se[n % len(se)]
        agreements.append({
            "id": f"ag-{n}", "reference": f"PT-2023-{n:03d}",
            "phase": "transition" if partner["kind"] == "local_services" else "service",
            "legal_form": "service_contract", "status": "active", "language": "nl",
            "care_partner": f"care-{n}", "se_partner": partner["id"],
            "signed_on": "2023-09-15", "start": "2023-10-01", "end": "2025-09-30",
            "scope": {"workers": 2, "fte": "1.5", "hours_per_week": "57"},
        })
    return {"format": "zorgkoppel-exchange", "version": 1,
            "organisations": se + care, "agreements": agreements}


def split_by_province(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The same call as the partners would send it: one file per province, each with its
    own ids for the social-economy organisations it names (known by enterprise number)."""
    files = []
    care = {o["id"]: o for o in document["organisations"] if o["kind"] == "care_facility"}
    se = {o["id"]: o for o in document["organisations"] if o["kind"] != "care_facility"}
    for province in sorted({o["province"] for o in care.values()}):
        agreements = [a for a in document["agreements"]
                      if care[a["care_partner"]]["province"] == province]
        named = {a["se_partner"] for a in agreements}
        local_ids = {key: f"{province}-{key}" for key in named}
        files.append({"format": "zorgkoppel-exchange", "version": 1,
                      "organisations": [{**se[key], "id": local_ids[key]} for key in named]
                      + [care[a["care_partner"]] for a in agreements],
                      "agreements": [{**a, "se_partner": local_ids[a["se_partner"]]}
                                     for a in agreements]})
    return files
