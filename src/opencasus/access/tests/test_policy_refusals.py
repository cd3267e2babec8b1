"""A hidden case and a missing one: the same answer, the same queries, and a record of the attempt."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import connection
from django.http import Http404, HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django import DjangoAssertNumQueries

from opencasus.access.policy import CaseAccess, case_get
from opencasus.access.tests.test_case_matrix import build_scene, make_actor, missing_case_id
from opencasus.core.tests.clients import ApiClient, VerifiedClient
from opencasus.logbook.models import RefusedAccess
from opencasus.network.models import Role

pytestmark = pytest.mark.django_db

HIDDEN = [(Role.PROCESS_DIRECTOR, "other_house"), (Role.PARTNER_PROFESSIONAL, "non_participant"),
          (Role.PARTNER_PROFESSIONAL, "other_house"), (Role.HOUSE_MANAGER, "non_participant"),
          (Role.FUNCTIONAL_ADMINISTRATOR, "non_participant"), (Role.PARTNER_PROFESSIONAL, "membership_ended")]


def _shape(queries: list[dict[str, str]]) -> list[str]:
    """The statements with their values (numbers, quoted text, NULL) and savepoint names taken out."""
    return [re.sub(r"'[^']*'|\b\d+\b|\bNULL\b|\"s\d+_x\d+\"", "?", q["sql"]) for q in queries]


def _run(client: Client, url: str) -> tuple[HttpResponse, Any]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, _shape(queries.captured_queries)


@pytest.mark.parametrize(("role", "relation"), HIDDEN)
def test_hidden_and_missing_pages_run_the_same_queries(role: str, relation: str,
                                                       verified_client: VerifiedClient) -> None:
    scene = build_scene()
    client = verified_client(make_actor(scene, role, relation))
    client.get("/casussen")  # first request of the session out of the way
    absent = missing_case_id()
    hidden, hidden_sql = _run(client, f"/casussen/{scene.case.pk}")
    missing, missing_sql = _run(client, f"/casussen/{absent}")
    assert hidden.status_code == missing.status_code == 404
    assert hidden_sql == missing_sql


@pytest.mark.parametrize(("role", "relation"), HIDDEN)
def test_hidden_and_missing_api_details_run_the_same_queries(role: str, relation: str, api_client: ApiClient) -> None:
    scene = build_scene()
    client = api_client(make_actor(scene, role, relation))
    absent = missing_case_id()
    hidden, hidden_sql = _run(client, f"/api/v1/cases/{scene.case.pk}")
    missing, missing_sql = _run(client, f"/api/v1/cases/{absent}")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()
    assert hidden_sql == missing_sql


@pytest.mark.parametrize("minimum", [CaseAccess.FILER, CaseAccess.PARTICIPANT, CaseAccess.CORE])
def test_case_get_runs_the_same_queries_for_hidden_and_missing(
    minimum: Any, django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    scene = build_scene()
    user = make_actor(scene, Role.PARTNER_PROFESSIONAL, "non_participant")
    # Role grants are cached on the user object: a fresh one for each call.
    first, second = type(user).objects.get(pk=user.pk), type(user).objects.get(pk=user.pk)
    absent = missing_case_id()
    with CaptureQueriesContext(connection) as missing, pytest.raises(Http404):
        case_get(actor=first, case_id=absent, minimum=minimum)
    with django_assert_num_queries(len(missing.captured_queries)), pytest.raises(Http404):
        case_get(actor=second, case_id=scene.case.pk, minimum=minimum)


def test_a_refusal_inside_a_service_transaction_is_kept(api_client: ApiClient) -> None:
    """The service's transaction is rolled back with the 404; the record of the attempt is not."""
    scene = build_scene()
    user = make_actor(scene, Role.PARTNER_PROFESSIONAL, "non_participant")
    response = api_client(user).post(f"/api/v1/cases/{scene.case.pk}/information-items", {
        "lifeDomain": "housing", "text": "Nieuw", "sharingScope": "all_participants", "legalBasis": "Convenant"},
        format="json")
    assert response.status_code == 404
    assert RefusedAccess.objects.filter(user_id=user.pk, case_id=scene.case.pk, house_id=scene.case.house_id).exists()


def test_a_visible_case_leaves_no_refusal(verified_client: VerifiedClient) -> None:
    scene = build_scene()
    client = verified_client(make_actor(scene, Role.PROCESS_DIRECTOR, "non_participant"))
    assert client.get(f"/casussen/{scene.case.pk}").status_code == 200
    assert not RefusedAccess.objects.exists()


@pytest.mark.parametrize("number", [0, 2**63, 10**20])
def test_a_number_beyond_any_case_answers_404_without_a_record(number: Any, api_client: ApiClient,
                                                               verified_client: VerifiedClient) -> None:
    scene = build_scene()
    user = make_actor(scene, Role.PARTNER_PROFESSIONAL, "non_participant")
    assert verified_client(user).get(f"/casussen/{number}").status_code == 404
    assert api_client(user).get(f"/api/v1/cases/{number}").status_code == 404
    assert not RefusedAccess.objects.exists()
