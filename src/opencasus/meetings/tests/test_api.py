from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core import mail
from pytest_django import DjangoCaptureOnCommitCallbacks
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.logbook.models import ProcessingRecord
from opencasus.meetings.models import AgendaItem, Invitation, Meeting, Minutes, SelfReport
from opencasus.meetings.tests.conftest import ALL, CORE, World
from opencasus.plans.models import Agreement

pytestmark = pytest.mark.django_db

# (path builder, who besides core staff may read it)
READS: list[tuple[Callable[[World], str], set[str]]] = [
    (lambda w: f"/api/v1/meetings/{w.meeting.pk}", {"invitee"}),
    (lambda w: f"/api/v1/meetings/{w.meeting.pk}/agenda-items", {"invitee"}),
    (lambda w: f"/api/v1/meetings/{w.meeting.pk}/agenda-items/{w.own.pk}", {"invitee"}),
    (lambda w: f"/api/v1/meetings/{w.meeting.pk}/agenda-items/{w.other.pk}", set()),
    (lambda w: f"/api/v1/meetings/{w.meeting.pk}/attendance", {"invitee"}),
    (lambda w: f"/api/v1/self-reports/{SelfReport.objects.get().pk}", set()),
]
WRITES: list[tuple[str, Callable[[World], str], object]] = [
    ("patch", lambda w: f"/api/v1/meetings/{w.meeting.pk}", {"location": "Elders", "version": 3}),
    ("post", lambda w: f"/api/v1/meetings/{w.meeting.pk}/cancel", {}),
    ("post", lambda w: f"/api/v1/meetings/{w.meeting.pk}/optimise", {}),
    ("post", lambda w: f"/api/v1/meetings/{w.meeting.pk}/invitations", {}),
    ("put", lambda w: f"/api/v1/meetings/{w.meeting.pk}/attendance", {"attendance": []}),
    ("post", lambda w: f"/api/v1/meetings/{w.meeting.pk}/agenda-items/reorder", "reorder"),
    ("post", lambda w: f"/api/v1/meetings/{w.meeting.pk}/agenda-items", "add"),
    ("patch", lambda w: f"/api/v1/meetings/{w.meeting.pk}/agenda-items/{w.own.pk}", {"minutes": 30}),
    ("delete", lambda w: f"/api/v1/meetings/{w.meeting.pk}/agenda-items/{w.own.pk}", None),
    ("put", lambda w: f"/api/v1/meetings/{w.meeting.pk}/agenda-items/{w.own.pk}/minutes",
     {"pictureForming": "x", "judgement": "y", "decisions": []}),
    ("post", lambda w: f"/api/v1/meetings/{w.meeting.pk}/agenda-items/{w.own.pk}/minutes/approve", {}),
    ("post", lambda w: "/api/v1/self-reports", "self-report"),
]


@pytest.fixture
def api_world(world: World) -> World:
    SelfReport.objects.create(
        case=world.own.case, kind="evaluation", goals_score=3, cooperation_score=4, reported_by=world.s.director)
    Invitation.objects.create(meeting=world.meeting, user=world.users["invitee"])
    Invitation.objects.create(meeting=world.meeting, user=world.s.professionals[2])
    return world


@pytest.mark.parametrize("who", ALL)
def test_read_access_matrix(api_world: World, api_client: Callable[[User], APIClient], who: str) -> None:
    client = api_client(api_world.users[who])
    for path, also in READS:
        response = client.get(path(api_world))
        assert response.status_code == (200 if who in CORE | also else 404), (path(api_world), who)
        if response.status_code == 404:
            assert response["Content-Type"] == "application/problem+json"
    listing = client.get("/api/v1/meetings").json()
    assert [m["id"] for m in listing] == ([api_world.meeting.pk] if who in CORE | {"invitee"} else [])
    reports = client.get("/api/v1/self-reports").json()
    assert len(reports) == (1 if who in CORE else 0)


@pytest.mark.parametrize("who", [w for w in ALL if w not in CORE])
def test_writes_hidden_from_everyone_but_core_staff(
    api_world: World, api_client: Callable[[User], APIClient], who: str,
) -> None:
    client = api_client(api_world.users[who])
    w = api_world
    payloads = {"reorder": {"itemIds": [w.other.pk, w.own.pk]}, "add": {"caseId": w.own.case_id},
                "self-report": {"caseId": w.own.case_id, "kind": "evaluation", "goalsScore": 3,
                                "cooperationScore": 3}}
    for method, path, data in WRITES:
        data = payloads.get(data, data) if isinstance(data, str) else data
        response = getattr(client, method)(path(api_world), data, format="json")
        assert response.status_code == 404, (method, path(api_world), who)
    meeting = Meeting.objects.get()
    assert (meeting.version, meeting.status, meeting.location) == (3, "planned", "Veiligheidshuis, zaal 2")
    assert AgendaItem.objects.count() == 2
    assert not Minutes.objects.exists()
    assert SelfReport.objects.count() == 1


def test_invitee_sees_only_their_items_in_the_api(api_world: World, api_client: Callable[[User], APIClient]) -> None:
    client = api_client(api_world.users["invitee"])
    items = client.get(f"/api/v1/meetings/{api_world.meeting.pk}/agenda-items").json()
    assert [i["caseReference"] for i in items] == [api_world.own.case.reference]
    assert api_world.other.case.reference not in str(items)
    rows = client.get(f"/api/v1/meetings/{api_world.meeting.pk}/attendance").json()
    assert [r["userId"] for r in rows] == [api_world.users["invitee"].pk]


def test_core_staff_end_to_end(api_world: World, api_client: Callable[[User], APIClient],
                               django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks) -> None:
    w = api_world
    client = api_client(w.s.director)
    created = client.post("/api/v1/meetings", {
        "houseId": w.s.house.pk, "meetingTypeId": w.s.meeting_type.pk, "date": "2026-12-15", "startTime": "14:00",
        "videoLink": "https://video.example/overleg", "chairId": w.s.director.pk}, format="json")
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["startTime"] == "14:00"
    assert body["status"] == "planned"
    meeting_id = body["id"]
    bad = client.post("/api/v1/meetings", {"houseId": w.s.house.pk, "meetingTypeId": w.s.meeting_type.pk,
                                          "date": "2026-12-15", "startTime": "25:00"}, format="json")
    assert bad.status_code == 400
    item = client.post(f"/api/v1/meetings/{meeting_id}/agenda-items", {"caseId": w.own.case_id, "minutes": 25},
                       format="json")
    assert item.status_code == 201
    assert item.json()["professionalIds"] == sorted([w.s.professionals[0].pk, w.s.professionals[1].pk])
    second = client.post(f"/api/v1/meetings/{meeting_id}/agenda-items", {"caseId": w.other.case_id},
                         format="json").json()
    reordered = client.post(f"/api/v1/meetings/{meeting_id}/agenda-items/reorder",
                            {"itemIds": [second["id"], item.json()["id"]]}, format="json").json()
    assert [r["id"] for r in reordered] == [second["id"], item.json()["id"]]
    assert reordered[1]["startOffset"] == 20
    figures = client.post(f"/api/v1/meetings/{meeting_id}/optimise").json()
    assert figures["totalMinutes"] <= figures["targetGroupMinutes"]
    assert figures["savingMinutes"] == figures["targetGroupMinutes"] - figures["totalMinutes"]
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(f"/api/v1/meetings/{meeting_id}/invitations").json()
    assert sent["invited"] == 3
    assert len(mail.outbox) == 3
    stale = client.patch(f"/api/v1/meetings/{meeting_id}", {"location": "Zaal 9", "version": 1}, format="json")
    assert stale.status_code == 409
    assert stale["Content-Type"] == "application/problem+json"
    version = client.get(f"/api/v1/meetings/{meeting_id}").json()["version"]
    assert client.patch(f"/api/v1/meetings/{meeting_id}", {"location": "Zaal 9", "version": version},
                        format="json").status_code == 200
    attendance = client.put(f"/api/v1/meetings/{meeting_id}/attendance",
                            {"attendance": [{"userId": w.s.professionals[0].pk, "attended": True}]}, format="json")
    assert attendance.status_code == 400  # the meeting is still to come
    Meeting.objects.filter(pk=meeting_id).update(date=dt.date.today() - dt.timedelta(days=1))
    attendance = client.put(f"/api/v1/meetings/{meeting_id}/attendance",
                            {"attendance": [{"userId": w.s.professionals[0].pk, "attended": True}]}, format="json")
    assert attendance.status_code == 200
    minutes_url = f"/api/v1/meetings/{meeting_id}/agenda-items/{item.json()['id']}/minutes"
    assert client.get(minutes_url).status_code == 404  # none yet
    deadline = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    saved = client.put(minutes_url, {"pictureForming": "Beeld", "judgement": "Oordeel", "decisions": [
        {"description": "Stopgesprek", "ownerOrganisationId": w.s.organisations[0].pk, "deadline": deadline}]},
        format="json")
    assert saved.status_code == 200, saved.json()
    assert saved.json()["status"] == "draft"
    approved = client.post(f"{minutes_url}/approve", {"version": 1}, format="json")
    assert approved.status_code == 200
    assert approved.json()["status"] == "approved"
    assert client.put(minutes_url, {"pictureForming": "", "judgement": "", "decisions": [],
                                    "version": approved.json()["version"]}, format="json").status_code == 400
    decision_id = approved.json()["decisions"][0]["id"]
    made = client.post(f"{minutes_url}/decisions/{decision_id}/agreement")
    assert made.status_code == 200
    assert Agreement.objects.filter(pk=made.json()["agreementId"], case=w.own.case).exists()
    report = client.post("/api/v1/self-reports", {"caseId": w.own.case_id, "meetingId": meeting_id,
                                                  "kind": "conference", "goalsScore": 4, "cooperationScore": 5},
                         format="json")
    assert report.status_code == 201
    assert client.post("/api/v1/self-reports", {"caseId": w.own.case_id, "kind": "evaluation", "goalsScore": 9,
                                                "cooperationScore": 1}, format="json").status_code == 400
    cancelled = client.post(f"/api/v1/meetings/{meeting_id}/cancel")
    assert cancelled.json()["status"] == "cancelled"


def test_api_reads_are_logged(api_world: World, api_client: Callable[[User], APIClient]) -> None:
    client = api_client(api_world.users["invitee"])
    client.get(f"/api/v1/meetings/{api_world.meeting.pk}/agenda-items/{api_world.own.pk}")
    records = ProcessingRecord.objects.filter(object_type="agenda-item", action="view")
    assert set(records.values_list("case_id", flat=True)) == {api_world.own.case_id}
    assert set(records.values_list("data_subject", flat=True)) == {
        str(p.pseudonym) for p in api_world.own.case.persons.all()}
    assert all(r.activity_code == "case-conference" for r in records)


def test_process_director_corrects_a_decision_deadline_over_the_api(
    api_world: World, api_client: Callable[[User], APIClient],
) -> None:
    from opencasus.meetings import minutes as minute_services
    from opencasus.meetings.models import Decision

    w = api_world
    Meeting.objects.filter(pk=w.meeting.pk).update(date=dt.date.today() - dt.timedelta(days=1))
    record = minute_services.minutes_save(
        actor=w.s.secretary, meeting_id=w.meeting.pk, item_id=w.own.pk, picture_forming="Beeld", judgement="Oordeel",
        decisions=[minute_services.DecisionInput("Huisbezoek", w.s.organisations[0].pk, None,
                                                 dt.date.today() + dt.timedelta(days=2))])
    minute_services.minutes_approve(actor=w.s.director, meeting_id=w.meeting.pk, item_id=w.own.pk)
    decision = record.decisions.get()
    Decision.objects.filter(pk=decision.pk).update(deadline=dt.date.today() - dt.timedelta(days=1))
    url = f"/api/v1/meetings/{w.meeting.pk}/agenda-items/{w.own.pk}/minutes/decisions/{decision.pk}"
    new = (dt.date.today() + dt.timedelta(days=9)).isoformat()
    assert api_client(w.s.secretary).patch(url, {"deadline": new}, format="json").status_code == 403
    assert api_client(w.s.director).patch(url, {"deadline": "2020-01-01"}, format="json").status_code == 400
    response = api_client(w.s.director).patch(url, {"deadline": new}, format="json")
    assert response.status_code == 200, response.json()
    decision.refresh_from_db()
    assert decision.deadline is not None
    assert decision.deadline.isoformat() == new
