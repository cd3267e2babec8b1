"""The privacy API: access matrix, logging, trace ids, the flows."""

import datetime as dt
from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.cases.models import Case, Person
from opencasus.cases.tests.factories import CaseFactory, PersonFactory
from opencasus.cases.workflow import Status
from opencasus.logbook.models import Action, ActivityCode, ProcessingRecord
from opencasus.logbook.services import Who, record_processing
from opencasus.network.models import House, Role
from opencasus.network.tests.factories import HouseFactory, member
from opencasus.privacy import services
from opencasus.privacy.models import (
    RetentionCategory,
    RetentionPolicy,
    RetentionRun,
    RightsRequest,
    SubjectAccessRequest,
)
from opencasus.privacy.tests.factories import RetentionPolicyFactory, ended_case, officer

pytestmark = pytest.mark.django_db
BSN = "111222333"
API = "/api/v1"
Setup = tuple[House, User, Case, Person, SubjectAccessRequest, RetentionRun, RetentionPolicy]


@pytest.fixture
def setup() -> Setup:
    house = HouseFactory.create()
    fg = officer(house)
    case = CaseFactory.create(house=house, status=Status.ADMITTED)
    person = PersonFactory.create(case=case, bsn=BSN)
    sar = services.subject_access_request_create(actor=fg, house=house, requester_name="P",
                                                 received_on=dt.date.today(), bsn=BSN)
    run = services.retention_dry_run(actor=fg, house=house)
    policy = RetentionPolicyFactory.create(house=house)
    return house, fg, case, person, sar, run, policy


def endpoints(
    house: House, sar: SubjectAccessRequest, run: RetentionRun, policy: RetentionPolicy,
) -> list[tuple[str, str, dict[str, object] | None]]:
    h = house.pk
    return [
        ("get", f"{API}/processing-log?houseId={h}", None),
        ("get", f"{API}/subject-access-requests", None),
        ("post", f"{API}/subject-access-requests", {"houseId": h, "requesterName": "X",
                                                    "receivedDate": "2025-01-01", "bsn": BSN}),
        ("get", f"{API}/subject-access-requests/{sar.pk}", None),
        ("get", f"{API}/subject-access-requests/{sar.pk}/export", None),
        ("get", f"{API}/subject-access-requests/{sar.pk}/export-pdf", None),
        ("get", f"{API}/rights-requests", None),
        ("post", f"{API}/rights-requests", {"houseId": h, "kind": "rectification", "requesterName": "X",
                                            "receivedDate": "2025-01-01", "description": "Adres klopt niet"}),
        ("get", f"{API}/rights-requests/{sar.rights_request_id}", None),
        ("patch", f"{API}/rights-requests/{sar.rights_request_id}", {"version": 1, "status": "in_progress"}),
        ("get", f"{API}/retention-policies", None),
        ("get", f"{API}/retention-policies/{policy.pk}", None),
        ("get", f"{API}/retention-runs", None),
        ("get", f"{API}/retention-runs/{run.pk}", None),
        ("post", f"{API}/retention-runs", {"houseId": h, "runDate": "2025-01-01"}),
        ("get", f"{API}/log-verifications?houseId={h}", None),
        ("post", f"{API}/log-verifications", {"houseId": h}),
    ]


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.PRIVACY_OFFICER] + ["other-house-officer"])
def test_access_matrix_everyone_but_the_privacy_officer_gets_404(
    setup: Setup, api_client: Callable[[User], APIClient], role: str,
) -> None:
    house, _fg, _case, _person, sar, run, policy = setup
    user = officer(HouseFactory.create()) if role == "other-house-officer" else member(house, role)
    client = api_client(user)
    before = ProcessingRecord.objects.filter(chain=house.pk).count()
    for method, url, body in endpoints(house, sar, run, policy):
        response = getattr(client, method)(url, body, format="json")
        if role == "other-house-officer" and method == "get" and "houseId" not in url and url.count("/") == 3:
            assert response.status_code == 200, url
            assert response.json()["count"] == 0, url  # their own (empty) lists
            continue
        assert response.status_code == 404, (role, method, url, response.status_code)
        assert response["Content-Type"] == "application/problem+json"
    assert ProcessingRecord.objects.filter(chain=house.pk).count() == before


def test_the_privacy_officer_reaches_every_endpoint_and_each_call_is_logged(
    setup: Setup, api_client: Callable[[User], APIClient],
) -> None:
    house, fg, _case, _person, sar, run, policy = setup
    client = api_client(fg)
    for method, url, body in endpoints(house, sar, run, policy):
        before = ProcessingRecord.objects.filter(chain=house.pk, activity_code=ActivityCode.PRIVACY).count()
        response = getattr(client, method)(url, body, format="json")
        assert response.status_code in {200, 201}, (url, response.content[:300])
        assert ProcessingRecord.objects.filter(chain=house.pk, activity_code=ActivityCode.PRIVACY).count() > before, url


def test_log_records_carry_the_trace_id_of_the_request(setup: Setup, api_client: Callable[[User], APIClient]) -> None:
    house, fg, *_ = setup
    trace, parent = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"
    response = api_client(fg).get(f"{API}/processing-log?houseId={house.pk}",
                                  HTTP_TRACEPARENT=f"00-{trace}-{parent}-01")
    assert response["traceparent"].startswith(f"00-{trace}-")
    record = ProcessingRecord.objects.filter(chain=house.pk).order_by("-sequence").first()
    assert record is not None
    # The record joins the partner's trace; its parent is the span of our handling of the request.
    assert (record.trace_id, record.action) == (trace, Action.SEARCH)
    assert record.parent_span_id == response["traceparent"].split("-")[2] != parent


def test_processing_log_search_filters(setup: Setup, api_client: Callable[[User], APIClient]) -> None:
    house, fg, case, person, *_ = setup
    record_processing(action=Action.VIEW, activity_code=ActivityCode.TRIAGE, purpose="Weegoverleg", house_id=house.pk,
                      who=Who(user_id=999, username="x", organisation_id=5), data_subjects=[str(person.pseudonym)],
                      case_id=case.pk)
    client = api_client(fg)
    data = client.get(f"{API}/processing-log", {"dataSubject": str(person.pseudonym), "userId": "999"}).json()
    assert data["count"] == 1
    assert data["results"][0]["purpose"] == "Weegoverleg"
    assert data["results"][0]["organisationId"] == 5
    assert data["results"][0]["traceId"]
    assert client.get(f"{API}/processing-log", {"caseId": str(case.pk), "action": "view"}).json()["count"] == 1
    assert client.get(f"{API}/processing-log", {"fromDate": "2999-01-01"}).json()["count"] == 0
    bad = client.get(f"{API}/processing-log", {"fromDate": "gisteren"})
    assert bad.status_code == 400
    assert bad.json()["invalidParams"][0]["name"] == "fromDate"


def test_subject_access_export_json_lists_the_case(setup: Setup, api_client: Callable[[User], APIClient]) -> None:
    _house, fg, case, _person, sar, *_ = setup
    data = api_client(fg).get(f"{API}/subject-access-requests/{sar.pk}/export").json()
    assert [c["reference"] for c in data["cases"]] == [case.reference]
    pdf = api_client(fg).get(f"{API}/subject-access-requests/{sar.pk}/export-pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_rights_request_deadline_overdue_and_conflict(setup: Setup, api_client: Callable[[User], APIClient]) -> None:
    house, fg, *_ = setup
    client = api_client(fg)
    created = client.post(f"{API}/rights-requests", {
        "houseId": house.pk, "kind": "restriction", "requesterName": "Y", "receivedDate": "2025-03-31",
        "description": "Beperk de verwerking"}, format="json").json()
    assert created["deadlineDate"] == "2025-04-30"
    assert created["overdue"] is True
    url = f"{API}/rights-requests/{created['id']}"
    ok = client.patch(url, {"version": 1, "status": "granted", "handling": "Verwerking beperkt"}, format="json")
    assert ok.status_code == 200
    assert ok.json()["overdue"] is False
    assert ok.json()["decidedDate"]
    conflict = client.patch(url, {"version": 1, "status": "refused", "handling": "x"}, format="json")
    assert conflict.status_code == 409
    future = client.post(f"{API}/rights-requests", {
        "houseId": house.pk, "kind": "erasure", "requesterName": "Y", "receivedDate": "2999-01-01",
        "description": "x"}, format="json")
    assert future.status_code == 400
    assert "toekomst" in future.json()["invalidParams"][0]["reason"]
    assert RightsRequest.objects.filter(house=house).count() == 2  # the access request and this one


def test_dry_run_via_the_api(setup: Setup, api_client: Callable[[User], APIClient]) -> None:
    house, fg, *_ = setup
    RetentionPolicyFactory.create(house=house, category=RetentionCategory.INTAKE_ROUTED, period_months=3)
    gone = ended_case(house, Status.ROUTED, dt.date(2024, 1, 1))
    data = api_client(fg).post(f"{API}/retention-runs", {"houseId": house.pk, "runDate": "2024-06-01"},
                               format="json").json()
    assert data["dryRun"] is True
    assert data["summary"] == [{"category": "intake_routed", "count": 1}]
    assert data["items"][0]["objectId"] == str(gone.pk)
    assert data["items"][0]["expiresDate"] == "2024-04-01"


def test_verification_via_the_api_reports_the_house_chain(
    setup: Setup, api_client: Callable[[User], APIClient],
) -> None:
    house, fg, *_ = setup
    data = api_client(fg).post(f"{API}/log-verifications", {"houseId": house.pk}, format="json").json()
    assert data["intact"] is True
    assert data["records"] > 0
    assert data["trigger"] == "on_demand"
    listed = api_client(fg).get(f"{API}/log-verifications").json()
    assert listed["results"][0]["id"] == data["id"]
