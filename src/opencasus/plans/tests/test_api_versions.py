"""Optimistic locking through the API: the version read is required for an update, a fresh plan can be
written with the version its read returned, and unset values read as null."""

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.plans import services
from opencasus.plans.models import Agreement
from opencasus.plans.tests.factories import in_days, world
from opencasus.plans.vocabulary import EscalationLevel

pytestmark = pytest.mark.django_db
API = "/api/v1"
PLAN: dict[str, object] = {"directorOrganisationId": None, "directorUserId": None, "evaluationDate": None, "goals": [],
        "interventions": []}


def test_a_fresh_plan_is_written_with_the_version_its_read_returned(api_client: Callable[[User], APIClient]) -> None:
    w = world()
    client = api_client(w.director)
    read = client.get(f"{API}/cases/{w.case.pk}/plan")
    assert read.json()["version"] == 0
    assert read["ETag"] == '"0"'
    put = client.put(f"{API}/cases/{w.case.pk}/plan", {**PLAN, "evaluationDate": in_days(30).isoformat()},
                     format="json", HTTP_IF_MATCH=read["ETag"])
    assert put.status_code == 200, put.json()
    assert put.json()["version"] == 1
    assert put["ETag"] == '"1"'


def test_a_fresh_plan_with_a_body_version_of_zero(api_client: Callable[[User], APIClient]) -> None:
    w = world()
    put = api_client(w.director).put(f"{API}/cases/{w.case.pk}/plan", {**PLAN, "version": 0}, format="json")
    assert put.status_code == 200, put.json()


def test_an_update_without_the_version_answers_428_and_changes_nothing(api_client: Callable[[User], APIClient]) -> None:
    w = world()
    agreement = services.agreement_create(actor=w.director, case_id=w.case.pk, description="Huisbezoek",
                                          owner_organisation=w.police, owner_user=w.owner, deadline=in_days(7))
    response = api_client(w.director).patch(f"{API}/agreements/{agreement.pk}", {"description": "Overschreven"},
                                            format="json")
    assert response.status_code == 428
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["type"].endswith("/precondition-required")
    assert Agreement.objects.get(pk=agreement.pk).description == "Huisbezoek"


def test_a_plan_put_without_the_version_answers_428(api_client: Callable[[User], APIClient]) -> None:
    w = world()
    response = api_client(w.director).put(f"{API}/cases/{w.case.pk}/plan", PLAN, format="json")
    assert response.status_code == 428


def test_a_stale_if_match_answers_409(api_client: Callable[[User], APIClient]) -> None:
    w = world()
    agreement = services.agreement_create(actor=w.director, case_id=w.case.pk, description="Huisbezoek",
                                          owner_organisation=w.police, owner_user=w.owner, deadline=in_days(7))
    client = api_client(w.director)
    etag = client.get(f"{API}/agreements/{agreement.pk}")["ETag"]
    assert client.patch(f"{API}/agreements/{agreement.pk}", {"description": "Eerste"}, format="json",
                        HTTP_IF_MATCH=etag).status_code == 200
    stale = client.patch(f"{API}/agreements/{agreement.pk}", {"description": "Tweede"}, format="json",
                         HTTP_IF_MATCH=etag)
    assert stale.status_code == 409
    assert stale.json()["type"].endswith("/conflict")
    assert Agreement.objects.get(pk=agreement.pk).description == "Eerste"


def test_an_escalation_without_outcome_reads_null_and_has_an_etag(api_client: Callable[[User], APIClient]) -> None:
    w = world()
    escalation = services.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.TACTICAL,
                                           organisation=w.police, reason="Levert niet")
    response = api_client(w.director).get(f"{API}/escalations/{escalation.pk}")
    assert response.json()["outcome"] is None
    assert response["ETag"] == f'"{escalation.version}"'


def test_an_invalid_transition_answers_409_through_closure_as_through_triage(
    api_client: Callable[[User], APIClient],
) -> None:
    w = world()
    client = api_client(w.director)
    response = client.post(f"{API}/cases/{w.case.pk}/reopen", {"reason": "Toch nodig"}, format="json")
    assert response.status_code == 409
    assert response.json()["type"].endswith("/invalid-transition")
