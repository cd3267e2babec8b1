"""Every role x every relation to the triage table x every new triage-table page and endpoint: core staff of
the house get through; a standing member (an organisation's seat or a named seat) sees the session, the intake on
its list and its contributions; the addressed organisation sees its information request; a house manager and
the process director manage the seats; everyone else sees nothing (hidden answers 404, lists are empty).
A 404 leaves no processing-log record on the case and never shows its reference."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import CORE_STAFF_ROLES, Role
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, member
from opencasus.triage import services
from opencasus.triage.models import StandingMember
from opencasus.triage.tests.table_world import Table, make_table

pytestmark = pytest.mark.django_db

NOT_LOGGED = {"page sessions", "api sessions"}  # dates and counts, no person of a case
RELATIONS = ["seat", "named_seat", "seat_ended", "no_seat", "addressee", "other_house"]


@dataclass
class Call:
    name: str
    group: str  # table | request | manage | list
    kind: str  # page | api
    method: str
    path: str
    data: dict[str, Any] | None
    core: int  # status for core staff of the house
    other: int  # status for the standing member (table) or the addressee (request)


def calls(table: Table, request_id: int) -> list[Call]:
    case, session = table.listed, table.session
    return [
        Call("page sessions", "table", "page", "get", reverse("triage:sessions"), None, 200, 200),
        Call("page session", "table", "page", "get", reverse("triage:session", args=[session.pk]), None, 200, 200),
        Call("page table intake", "table", "page", "get", reverse("triage:table-intake", args=[case.pk]), None,
             200, 200),
        Call("api session", "table", "api", "get", f"/api/v1/triage-sessions/{session.pk}", None, 200, 200),
        Call("api intake", "table", "api", "get", f"/api/v1/triage-intakes/{case.pk}", None, 200, 200),
        Call("api contributions", "table", "api", "get", f"/api/v1/cases/{case.pk}/triage-contributions", None,
             200, 200),
        Call("api contribution post", "table", "api", "post", f"/api/v1/cases/{case.pk}/triage-contributions",
             {"text": "Bekend bij ons.", "lifeDomains": ["housing"]}, 201, 201),
        Call("page request", "request", "page", "get", reverse("triage:request", args=[request_id]), None, 200, 200),
        Call("api request", "request", "api", "get", f"/api/v1/information-requests/{request_id}", None, 200, 200),
        Call("api answer post", "request", "api", "post", f"/api/v1/information-requests/{request_id}/answer",
             {"text": "Niet bekend.", "legalBasis": "Convenant, artikel 5"}, 403, 201),
        Call("page standing members", "manage", "page", "get", reverse("triage:standing-members"), None, 200, 200),
        Call("api standing members", "manage", "api", "get",
             f"/api/v1/triage-standing-members?houseId={table.world.house.pk}", None, 200, 200),
        Call("page requests", "list", "page", "get", reverse("triage:requests"), None, 200, 200),
        Call("api requests", "list", "api", "get", "/api/v1/information-requests", None, 200, 200),
        Call("api sessions", "list", "api", "get", "/api/v1/triage-sessions", None, 200, 200),
    ]


def expected(call: Call, role: str, relation: str) -> int:
    in_house = relation != "other_house"
    core = in_house and role in CORE_STAFF_ROLES
    professional = in_house and role == Role.PARTNER_PROFESSIONAL
    if call.group == "list":
        return 200
    if call.name == "page sessions" and role in CORE_STAFF_ROLES:
        return 200  # their own house's sessions, without this one (checked: no reference shown)
    if call.name == "page standing members" and role in (Role.PROCESS_DIRECTOR, Role.HOUSE_MANAGER):
        return 200  # their own house's seats
    if call.group == "manage":
        return 200 if in_house and role in (Role.PROCESS_DIRECTOR, Role.HOUSE_MANAGER) else 404
    if core:
        return call.core
    if call.group == "table" and professional and relation in ("seat", "named_seat"):
        return call.other
    if call.group == "request" and professional and relation == "addressee":
        return call.other
    return 404


def sees_case(call: Call, role: str, relation: str) -> bool:
    """Whether a successful answer may show the intake's reference."""
    in_house = relation != "other_house"
    if call.group == "manage" or not in_house:
        return False
    if role in CORE_STAFF_ROLES:
        return True
    if role != Role.PARTNER_PROFESSIONAL:
        return False
    if call.group == "list":
        return call.name != "api sessions" and relation == "addressee"
    return expected(call, role, relation) in (200, 201)


def actor_for(table: Table, role: str, relation: str) -> User:
    house = table.world.house
    if relation == "other_house":
        return member(HouseFactory(), role, table.om)
    if relation == "seat":
        return member(house, role, table.om)
    if relation == "addressee":
        return member(house, role, table.municipality)
    organisation = OrganisationFactory()
    user = member(house, role, organisation)
    if relation == "named_seat":
        StandingMember.objects.create(house=house, organisation=organisation, user=user,
                                      started_by=table.world.director)
    elif relation == "seat_ended":
        StandingMember.objects.create(house=house, organisation=organisation, started_by=table.world.director,
                                      ended_at=timezone.now(), ended_by=table.world.director, end_reason="Klaar.")
    return user


@pytest.mark.parametrize("relation", RELATIONS)
@pytest.mark.parametrize("role", Role.values)
def test_triage_table_access_matrix(role: str, relation: str, verified_client: Callable[[User], Client],
                                    api_client: Callable[[User], APIClient]) -> None:
    table = make_table()
    person = table.listed.persons.first()
    assert person is not None
    request = services.information_request_create(
        actor=table.world.director, case_id=table.listed.pk, organisation_id=table.municipality.pk,
        person_ids=[person.pk], life_domains=["housing"], question="Huurachterstand?",
        due_date=timezone.localdate() + dt.timedelta(days=3))
    user = actor_for(table, role, relation)
    page, api = verified_client(user), api_client(user)
    for call in calls(table, request.pk):
        client = page if call.kind == "page" else api
        before = ProcessingRecord.objects.filter(case_id=table.listed.pk, activity_code="triage").count()
        kwargs = {"format": "json"} if call.kind == "api" and call.data is not None else {}
        response = getattr(client, call.method)(call.path, call.data, **kwargs)
        want = expected(call, role, relation)
        assert response.status_code == want, (call.name, role, relation, response.status_code)
        after = ProcessingRecord.objects.filter(case_id=table.listed.pk, activity_code="triage").count()
        if want == 404 or not sees_case(call, role, relation):
            assert after == before, (call.name, role, relation, "logged without access")
            assert table.listed.reference.encode() not in response.content, (call.name, role, relation, "leak")
        elif want == 200 and call.method == "get" and call.name not in NOT_LOGGED:
            assert after > before, (call.name, role, relation, "read without processing-log record")
        if want == 404 and call.kind == "api":
            assert response["Content-Type"] == "application/problem+json"
        assert table.other.reference.encode() not in response.content or (
            role in CORE_STAFF_ROLES and relation != "other_house"), (call.name, "the intake off the list leaked")
