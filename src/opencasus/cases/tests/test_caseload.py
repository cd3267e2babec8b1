"""The process director of a case, the house's maximums at triage, the workload and the load over time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.cases.caseload import history, selectors, services
from opencasus.cases.models import AssignmentKind, Case, DirectorAssignment, OverLimitAdmission, StatusChange
from opencasus.cases.workflow import Status
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import CaseloadLimit, Role
from opencasus.network.tests.factories import member
from opencasus.plans.models import Plan
from opencasus.triage import services as triage
from opencasus.triage.models import Decision
from opencasus.triage.tests.factories import World, admit, intake, make_world, meets

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return make_world()


def _admitted(world: World, actor: User | None = None, **fields: object) -> Case:
    case = intake(world)
    triage.assessment_save(actor=actor or world.director, case_id=case.pk, data=meets())
    triage.decision_record(actor=actor or world.director, case_id=case.pk, data=admit(world, **fields))
    return Case.objects.get(pk=case.pk)


def test_a_process_director_who_picks_up_an_intake_directs_it(world: World) -> None:
    case = intake(world)
    triage.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    case.refresh_from_db()
    assert case.process_director == world.director
    row = DirectorAssignment.objects.get(case=case)
    assert (row.kind, row.from_director, row.by, row.house_id) == (AssignmentKind.INTAKE, None, world.director,
                                                                  world.house.pk)
    other = intake(world)
    triage.assessment_save(actor=world.secretary, case_id=other.pk, data=meets())
    assert Case.objects.get(pk=other.pk).process_director is None  # a secretary does not direct


def test_reassignment_needs_a_reason_and_is_recorded(world: World) -> None:
    second = member(world.house, Role.PROCESS_DIRECTOR)
    case = _admitted(world)
    with pytest.raises(ValidationError) as exc:
        services.director_assign(actor=world.secretary, case_id=case.pk, director_id=second.pk, reason=" ")
    assert "reason" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.director_assign(actor=world.secretary, case_id=case.pk, director_id=world.police_pro.pk,
                                 reason="Ruil.")
    assert "director" in exc.value.message_dict  # not a process director of this house
    with pytest.raises(ValidationError) as exc:
        services.director_assign(actor=world.secretary, case_id=case.pk, director_id=world.director.pk,
                                 reason="Ruil.")
    assert "director" in exc.value.message_dict  # already the director
    with pytest.raises(ValidationError) as exc:
        services.director_assign(actor=world.secretary, case_id=case.pk, director_id=second.pk, reason="Verlof.",
                                 expected_version=case.version - 1)
    assert exc.value.code == "conflict"
    row = services.director_assign(actor=world.secretary, case_id=case.pk, director_id=second.pk,
                                   reason="Verlof.", expected_version=case.version)
    assert (row.kind, row.from_director, row.to_director, row.by, row.reason) == (
        AssignmentKind.REASSIGNMENT, world.director, second, world.secretary, "Verlof.")
    assert Case.objects.get(pk=case.pk).process_director == second
    assert ProcessingRecord.objects.filter(case_id=case.pk, object_type="process-director",
                                           object_id=str(row.pk)).exists()


def test_admission_past_the_maximum_waits_for_confirmation(world: World) -> None:
    CaseloadLimit.objects.create(house=world.house, per_director=1)
    _admitted(world)
    case = intake(world)
    triage.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    with pytest.raises(ValidationError) as exc:
        triage.decision_record(actor=world.director, case_id=case.pk, data=admit(world))
    messages = exc.value.message_dict["confirm_over_limit"]
    assert any("1" in m for m in messages)
    assert Case.objects.get(pk=case.pk).status == Status.IN_TRIAGE
    assert not Decision.objects.filter(case=case).exists()
    triage.decision_record(actor=world.director, case_id=case.pk, data=admit(world, confirm_over_limit=True))
    record = OverLimitAdmission.objects.get(case=case)
    assert (record.director, record.director_load, record.per_director, record.confirmed_by) == (
        world.director, 1, 1, world.director)
    assert Case.objects.get(pk=case.pk).status == Status.ADMITTED


def test_the_house_maximum_counts_every_director(world: World) -> None:
    second = member(world.house, Role.PROCESS_DIRECTOR)
    CaseloadLimit.objects.create(house=world.house, per_house=1)
    _admitted(world)
    case = intake(world)
    triage.assessment_save(actor=second, case_id=case.pk, data=meets())
    with pytest.raises(ValidationError) as exc:
        triage.decision_record(actor=second, case_id=case.pk, data=admit(world))
    assert "confirm_over_limit" in exc.value.message_dict
    # A decline is no admission: no warning.
    triage.decision_record(actor=second, case_id=case.pk, data=admit(world, outcome="decline"))
    assert not OverLimitAdmission.objects.exists()


def test_triage_names_the_chosen_director(world: World) -> None:
    second = member(world.house, Role.PROCESS_DIRECTOR)
    case = _admitted(world, process_director_id=second.pk)
    assert case.process_director == second
    kinds = list(DirectorAssignment.objects.filter(case=case).values_list("kind", "to_director_id"))
    assert kinds == [(AssignmentKind.INTAKE, world.director.pk), (AssignmentKind.TRIAGE, second.pk)]
    with pytest.raises(ValidationError) as exc:
        other = intake(world)
        triage.assessment_save(actor=world.director, case_id=other.pk, data=meets())
        triage.decision_record(actor=world.director, case_id=other.pk,
                               data=admit(world, process_director_id=world.police_pro.pk))
    assert "process_director" in exc.value.message_dict


def test_the_workload_per_director(world: World) -> None:
    CaseloadLimit.objects.create(house=world.house, per_director=1)
    case = _admitted(world)
    Plan.objects.create(case=case, evaluation_date=dt.date(2027, 3, 1))
    waiting = intake(world)
    triage.assessment_save(actor=world.director, case_id=waiting.pk, data=meets())
    intake(world)  # not picked up
    data = selectors.workload(actor=world.secretary, house_id=world.house.pk)
    mine = next(d for d in data.directors if d.director_id == world.director.pk)
    assert (mine.active, mine.open_intakes, mine.next_evaluation_date, mine.at_maximum) == (
        1, 1, dt.date(2027, 3, 1), True)
    assert {c.reference for c in mine.cases} == {case.reference, waiting.reference}
    nobody = data.directors[-1]
    assert nobody.director_id is None
    assert nobody.open_intakes == 1
    assert data.house_active == 1


def test_the_load_over_time_follows_status_and_director_history(world: World) -> None:
    second = member(world.house, Role.PROCESS_DIRECTOR)
    case = _admitted(world)
    now = timezone.now()
    two_months_ago = now - dt.timedelta(days=62)
    StatusChange.objects.filter(case=case).update(changed_at=two_months_ago)
    DirectorAssignment.objects.filter(case=case).update(at=two_months_ago)
    services.director_assign(actor=world.secretary, case_id=case.pk, director_id=second.pk, reason="Verlof.")
    data = history.load_history(actor=world.director, house_id=world.house.pk, months=4)
    rows = {r.director_id: r.counts for r in data.directors}
    assert rows[world.director.pk][:1] == [0]
    assert sum(rows[world.director.pk]) >= 1
    assert rows[second.pk][-1] == 1
    assert data.totals[-1] == 1
    assert len(data.months) == 4


def test_the_decision_page_shows_the_load_and_the_warning(world: World,
                                                         verified_client: Callable[[User], Client]) -> None:
    CaseloadLimit.objects.create(house=world.house, per_director=1, per_house=10)
    _admitted(world)
    case = intake(world)
    triage.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    client = verified_client(world.director)
    url = reverse("triage:decision", args=[case.pk])
    page = client.get(url).content.decode()
    assert 'name="confirm_over_limit"' in page
    assert 'name="process_director"' in page
    data = {"outcome": "admit", "grounds": "Voldoet.", "purpose": "Doel.", "questions": "Vragen?",
            "meeting_type": str(world.meeting_type.pk), "organisations": [str(world.police.pk)],
            "version": str(Case.objects.get(pk=case.pk).version)}
    response = client.post(url, data)
    assert response.status_code == 200
    assert Case.objects.get(pk=case.pk).status == Status.IN_TRIAGE
    response = client.post(url, {**data, "confirm_over_limit": "on"})
    assert response.status_code == 302
    assert OverLimitAdmission.objects.filter(case=case).exists()


def test_the_api_decision_refuses_an_unconfirmed_admission(world: World,
                                                           api_client: Callable[[User], APIClient]) -> None:
    CaseloadLimit.objects.create(house=world.house, per_house=1)
    _admitted(world)
    case = intake(world)
    triage.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    body = {"outcome": "admit", "grounds": "Voldoet.", "purpose": "Doel.", "questions": "Vragen?",
            "meetingTypeId": world.meeting_type.pk, "organisationIds": [world.police.pk]}
    client = api_client(world.director)
    response = client.post(f"/api/v1/cases/{case.pk}/triage-decision", body, format="json")
    assert response.status_code == 400
    assert "confirmOverLimit" in {p["name"] for p in response.json()["invalidParams"]}
    response = client.post(f"/api/v1/cases/{case.pk}/triage-decision", {**body, "confirmOverLimit": True},
                           format="json")
    assert response.status_code == 201


def test_my_cases_lists_the_cases_i_direct(world: World, verified_client: Callable[[User], Client],
                                           api_client: Callable[[User], APIClient]) -> None:
    mine = _admitted(world)
    other = intake(world)
    page = verified_client(world.director).get(f"{reverse('cases:list')}?directing=on").content.decode()
    assert mine.reference in page
    assert other.reference not in page
    refs = [c["reference"] for c in api_client(world.director).get("/api/v1/cases?directedByMe=true").json()["results"]]
    assert refs == [mine.reference]


def test_the_direction_page_assigns_and_shows_the_history(world: World,
                                                         verified_client: Callable[[User], Client]) -> None:
    case = intake(world)
    client = verified_client(world.secretary)
    url = reverse("cases:direction", args=[case.pk])
    assert "Nobody yet" in client.get(url).content.decode() or "Nog niemand" in client.get(url).content.decode()
    response = client.post(url, {"director": str(world.director.pk), "version": str(case.version)})
    assert response.status_code == 302
    response = client.post(url, {"director": str(world.director.pk), "version": "1"})
    assert response.status_code == 200  # stale version or same director: the form stays, with the message
    assert Case.objects.get(pk=case.pk).process_director == world.director
