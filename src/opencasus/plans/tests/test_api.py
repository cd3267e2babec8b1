from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.cases.vocabulary import LifeDomain
from opencasus.logbook.models import ProcessingRecord
from opencasus.plans import services
from opencasus.plans.models import Agreement, Escalation, Plan
from opencasus.plans.tests.factories import World, a_meeting, in_days, world
from opencasus.plans.vocabulary import EscalationLevel

pytestmark = pytest.mark.django_db

CORE = {"director", "secretary"}
PARTICIPANTS = {"owner", "colleague", "participant"}
MANAGERS = {"manager", "steering"}
EVERYONE = ["director", "secretary", "owner", "colleague", "participant", "outsider", "filer", "manager", "steering",
            "municipality_officer", "privacy_officer", "administrator", "other_house_director"]
API = "/api/v1"


@pytest.fixture
def setup() -> tuple[World, Agreement, Escalation]:
    w = world()
    services.plan_update(actor=w.director, case_id=w.case.pk, expected_version=None, director_organisation=w.police,
                         director_user=w.owner, evaluation_date=in_days(30))
    services.goal_add(actor=w.director, case_id=w.case.pk, life_domain=LifeDomain.HOUSING, description="Woning houden")
    agreement = services.agreement_create(actor=w.director, case_id=w.case.pk, description="Huisbezoek",
                                          owner_organisation=w.police, owner_user=w.owner, deadline=in_days(7))
    services.plan_adopt(actor=w.director, case_id=w.case.pk, expected_version=Plan.objects.get(case=w.case).version)
    escalation = services.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.TACTICAL,
                                           organisation=w.police, reason="Geheime reden")
    return w, agreement, escalation


@pytest.mark.parametrize("who", EVERYONE)
def test_api_read_access_matrix(setup: tuple[World, Agreement, Escalation], api_client: Callable[[User], APIClient],
                                who: str) -> None:
    w, agreement, escalation = setup
    client = api_client(getattr(w, who))
    case = w.case.pk
    reads = {
        f"{API}/cases/{case}/plan": CORE | PARTICIPANTS,
        f"{API}/cases/{case}/plan/versions": CORE | PARTICIPANTS,
        f"{API}/cases/{case}/plan/evaluations": CORE | PARTICIPANTS,
        f"{API}/cases/{case}/plan/pdf": CORE | PARTICIPANTS,
        f"{API}/agreements/{agreement.pk}": CORE | PARTICIPANTS,
        f"{API}/agreements/{agreement.pk}/notes": CORE | PARTICIPANTS,
        f"{API}/escalations/{escalation.pk}": CORE | MANAGERS | PARTICIPANTS,
    }
    for url, allowed in reads.items():
        response = client.get(url)
        assert response.status_code == (200 if who in allowed else 404), (who, url, response.status_code)
        if response.status_code == 404:
            assert response["Content-Type"] == "application/problem+json"
    listed = client.get(f"{API}/agreements?mine=false").json()["results"]
    assert (agreement.pk in [a["id"] for a in listed]) == (who in CORE | PARTICIPANTS)
    escalations = client.get(f"{API}/escalations").json()["results"]
    assert (escalation.pk in [e["id"] for e in escalations]) == (who in CORE | MANAGERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_api_write_access_matrix(setup: tuple[World, Agreement, Escalation], api_client: Callable[[User], APIClient],
                                 who: str) -> None:
    w, agreement, escalation = setup
    client = api_client(getattr(w, who))
    case = w.case.pk
    version = Plan.objects.get(case=w.case).version
    put = client.put(f"{API}/cases/{case}/plan", {"version": version, "directorOrganisationId": w.police.pk,
                                                   "directorUserId": None, "evaluationDate": None,
                                                   "goals": [], "interventions": []}, format="json")
    assert put.status_code == (200 if who in CORE else 404), (who, put.status_code)
    created = client.post(f"{API}/agreements", {"caseId": case, "description": "Nieuw", "ownerOrganisationId":
                                                w.care.pk, "deadline": in_days(5).isoformat()}, format="json")
    assert created.status_code == (201 if who in CORE else 404), (who, created.status_code)
    patch = client.patch(f"{API}/agreements/{agreement.pk}", {"status": "done", "version": agreement.version},
                         format="json")
    # Status changes follow plans.workflow: the owner and a process director, not the secretary.
    expected = 200 if who in {"director", "owner", "colleague"} else 403 if who in {"participant", "secretary"} else 404
    assert patch.status_code == expected, (who, patch.status_code)
    note = client.post(f"{API}/agreements/{agreement.pk}/notes", {"text": "Opmerking"}, format="json")
    assert note.status_code == (201 if who in CORE | PARTICIPANTS else 404)
    raised = client.post(f"{API}/escalations", {"caseId": case, "level": "operational",
                                                "organisationId": w.care.pk, "reason": "Levert niet"}, format="json")
    assert raised.status_code == (201 if who in CORE else 404)
    respond = client.patch(f"{API}/escalations/{escalation.pk}", {"response": "Opgepakt", "outcome": "resolved",
                                                                   "version": escalation.version}, format="json")
    expected = 200 if who in CORE | {"manager"} else 403 if who in {"steering"} | PARTICIPANTS else 404
    assert respond.status_code == expected, (who, respond.status_code)


def test_plan_get_put_with_if_match_and_409(setup: tuple[World, Agreement, Escalation],
                                            api_client: Callable[[User], APIClient]) -> None:
    w, _agreement, _escalation = setup
    client = api_client(w.director)
    got = client.get(f"{API}/cases/{w.case.pk}/plan")
    body = got.json()
    assert body["adoptedVersion"] == 1
    assert body["goals"][0]["lifeDomain"] == "housing"
    assert got["ETag"] == f'"{body["version"]}"'
    payload = {"directorOrganisationId": w.care.pk, "directorUserId": w.participant.pk,
               "evaluationDate": in_days(40).isoformat(),
               "goals": [{"id": body["goals"][0]["id"], "lifeDomain": "housing", "description": "Woning behouden"},
                         {"lifeDomain": "education_work", "personId": w.persons[2].pk, "description": "School"}],
               "interventions": [{"line": "administrative", "organisationId": w.police.pk,
                                  "description": "Bestuurlijke waarschuwing"}]}
    first = client.put(f"{API}/cases/{w.case.pk}/plan", payload, format="json", HTTP_IF_MATCH=got["ETag"])
    assert first.status_code == 200
    assert len(first.json()["goals"]) == 2
    second = client.put(f"{API}/cases/{w.case.pk}/plan", payload, format="json", HTTP_IF_MATCH=got["ETag"])
    assert second.status_code == 409
    assert second["Content-Type"] == "application/problem+json"
    assert "intussen door iemand anders gewijzigd" in second.json()["detail"]
    adopt = client.post(f"{API}/cases/{w.case.pk}/plan/adopt",
                        {"version": first.json()["version"], "meetingId": a_meeting(w)}, format="json")
    assert adopt.status_code == 201
    assert adopt.json()["number"] == 2
    versions = client.get(f"{API}/cases/{w.case.pk}/plan/versions").json()
    assert [v["number"] for v in versions] == [2, 1]
    assert len(versions[1]["snapshot"]["goals"]) == 1


def test_concurrent_agreement_patches_conflict_in_the_api(
    setup: tuple[World, Agreement, Escalation], api_client: Callable[[User], APIClient],
) -> None:
    w, agreement, _escalation = setup
    director, owner = api_client(w.director), api_client(w.owner)
    read = owner.get(f"{API}/agreements/{agreement.pk}")
    assert read.json()["version"] == 1
    assert director.patch(f"{API}/agreements/{agreement.pk}", {"version": 1, "deadline": in_days(14).isoformat()},
                          format="json").status_code == 200
    stale = owner.patch(f"{API}/agreements/{agreement.pk}", {"status": "done", "progressNote": "klaar"},
                        format="json", HTTP_IF_MATCH=read["ETag"])
    assert stale.status_code == 409
    agreement.refresh_from_db()
    assert agreement.status == "open"
    assert agreement.deadline == in_days(14)
    assert not agreement.notes.exists()


def test_agreement_list_filters_and_validation(setup: tuple[World, Agreement, Escalation],
                                               api_client: Callable[[User], APIClient]) -> None:
    w, agreement, _escalation = setup
    client = api_client(w.owner)
    assert [a["id"] for a in client.get(f"{API}/agreements").json()["results"]] == [agreement.pk]
    assert client.get(f"{API}/agreements?overdue=true").json()["count"] == 0
    Agreement.objects.filter(pk=agreement.pk).update(deadline=in_days(-1))
    assert client.get(f"{API}/agreements?overdue=true").json()["results"][0]["isOverdue"] is True
    assert client.get(f"{API}/agreements?status=nonsense").status_code == 400
    assert client.get(f"{API}/agreements?caseId={w.case.pk}&status=open").json()["count"] == 1
    assert ProcessingRecord.objects.filter(object_type="agreement-list", audit__username=w.owner.username).exists()


def test_escalations_api_hides_content_from_managers(
    setup: tuple[World, Agreement, Escalation], api_client: Callable[[User], APIClient],
) -> None:
    w, _agreement, escalation = setup
    row = api_client(w.manager).get(f"{API}/escalations").json()["results"][0]
    assert row["caseReference"] == w.case.reference
    assert row["reason"] is None
    assert row["level"] == "tactical"
    assert api_client(w.director).get(f"{API}/escalations/{escalation.pk}").json()["reason"] == "Geheime reden"
    assert api_client(w.manager).get(f"{API}/escalations/{escalation.pk}").json()["reason"] is None


def test_closure_and_reopen_api(
    setup: tuple[World, Agreement, Escalation], api_client: Callable[[User], APIClient],
) -> None:
    w, _agreement, _escalation = setup
    client = api_client(w.director)
    bad = client.post(f"{API}/cases/{w.case.pk}/closure", {"outcome": "regular_care"}, format="json")
    assert bad.status_code == 400
    assert "warme overdracht" in str(bad.json()["invalidParams"])
    closed = client.post(f"{API}/cases/{w.case.pk}/closure", {"outcome": "transferred", "handedOverToId": w.care.pk,
                                                              "note": "Naar Rotterdam"}, format="json")
    assert closed.status_code == 201
    assert closed.json()["handedOverToName"] == str(w.care)
    assert api_client(w.owner).post(f"{API}/cases/{w.case.pk}/reopen", {"reason": "x"},
                                    format="json").status_code == 404
    reopened = client.post(f"{API}/cases/{w.case.pk}/reopen", {"reason": "Nieuwe meldingen"}, format="json")
    assert reopened.status_code == 200
    assert reopened.json()["reopenReason"] == "Nieuwe meldingen"


def test_evaluation_api(setup: tuple[World, Agreement, Escalation], api_client: Callable[[User], APIClient]) -> None:
    w, _agreement, _escalation = setup
    client = api_client(w.director)
    goal_id = client.get(f"{API}/cases/{w.case.pk}/plan").json()["goals"][0]["id"]
    response = client.post(f"{API}/cases/{w.case.pk}/plan/evaluations", {
        "evaluatedOn": in_days(0).isoformat(), "results": [{"goalId": goal_id, "result": "partly", "note": "bijna"}]},
        format="json")
    assert response.status_code == 201
    assert response.json()["results"][0]["result"] == "partly"
