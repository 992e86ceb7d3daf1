from __future__ import annotations

import datetime as dt

import pytest

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import ValidationError
from zorgkoppel.core.rules.organisation import OrganisationData
from zorgkoppel.core.rules.worker import SkillData, WorkerData
from zorgkoppel.core.services import organisations, workers


@pytest.fixture
def employer_id(ctx: ServiceContext) -> str:
    return organisations.save_organisation(
        ctx, OrganisationData("Buurtwerk Plus vzw", "local_services")
    ).value.id


@pytest.fixture
def care_id(ctx: ServiceContext) -> str:
    return organisations.save_organisation(
        ctx, OrganisationData("WZC Ter Linde", "care_facility", care_type="residential")
    ).value.id


def samir(employer: str, **changes: object) -> WorkerData:
    data = WorkerData(
        first_name="Samir",
        last_name="El Amrani",
        employer_id=employer,
        programme="local_services",
        integration_start=dt.date(2021, 3, 1),
        dutch_level="B1",
        driving_licence=True,
        skills=[
            SkillData("driver", "with_companion", dt.date(2024, 5, 6)),
            SkillData("kitchen", "independent"),
        ],
        preferences={"kitchen": 1, "laundry": -1},
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def test_worker_with_skills_and_preferences_round_trips(
    ctx: ServiceContext, employer_id: str
) -> None:
    created = workers.save_worker(ctx, samir(employer_id)).value
    detail = workers.get_worker(ctx, created.id)
    assert detail.as_data() == samir(employer_id)
    assert detail.worker.full_name == "Samir El Amrani"


def test_skill_change_keeps_row_and_removal_deletes(ctx: ServiceContext, employer_id: str) -> None:
    created = workers.save_worker(ctx, samir(employer_id)).value
    before = {s.task_code: s.id for s in workers.get_worker(ctx, created.id).skills}
    changed = samir(employer_id, skills=[SkillData("driver", "independent", dt.date(2024, 5, 27))])
    workers.save_worker(ctx, changed, created.id)
    after = workers.get_worker(ctx, created.id).skills
    assert [(s.task_code, s.level, s.id) for s in after] == [
        ("driver", "independent", before["driver"])
    ]


def test_employer_must_be_social_economy(ctx: ServiceContext, care_id: str) -> None:
    with pytest.raises(ValidationError) as caught:
        workers.save_worker(ctx, samir(care_id))
    assert [p.field for p in caught.value.problems] == ["employer"]
    assert workers.list_workers(ctx) == []


def test_every_bad_field_is_reported(ctx: ServiceContext, employer_id: str) -> None:
    bad = samir(
        employer_id,
        first_name="",
        programme="job",
        dutch_level="B7",
        skills=[SkillData("juggling", "master"), SkillData("driver", "learning")],
        preferences={"kitchen": 5},
    )
    with pytest.raises(ValidationError) as caught:
        workers.save_worker(ctx, bad)
    assert {p.field for p in caught.value.problems} == {
        "first_name",
        "programme",
        "dutch_level",
        "skills[0].task",
        "skills[0].level",
        "preferences.kitchen",
    }


def test_search_and_filters(ctx: ServiceContext, employer_id: str) -> None:
    workers.save_worker(ctx, samir(employer_id))
    workers.save_worker(ctx, samir(employer_id, first_name="Greet", last_name="Claes"))
    assert [w.last_name for w in workers.list_workers(ctx)] == ["Claes", "El Amrani"]
    assert [w.first_name for w in workers.list_workers(ctx, search="sam")] == ["Samir"]
    assert workers.list_workers(ctx, programme="article_60") == []


def test_delete_worker_removes_skills(ctx: ServiceContext, employer_id: str) -> None:
    created = workers.save_worker(ctx, samir(employer_id)).value
    workers.delete_worker(ctx, created.id)
    assert workers.list_workers(ctx) == []


def test_level_changes_in_the_form_enter_the_skill_history(
    ctx: ServiceContext, employer_id: str
) -> None:
    from zorgkoppel.core.services.skill_progression import skill_history

    created = workers.save_worker(ctx, samir(employer_id)).value
    changed = samir(employer_id, skills=[SkillData("driver", "independent", dt.date(2024, 5, 27))])
    workers.save_worker(ctx, changed, created.id)
    history = [(h.task_code, h.level, h.since) for h in skill_history(ctx, created.id)]
    assert ("driver", "with_companion", dt.date(2024, 5, 6)) in history
    assert ("driver", "independent", dt.date(2024, 5, 27)) in history
    assert len(history) == 2  # the undated kitchen level is no step in a progression
