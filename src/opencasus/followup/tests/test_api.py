from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.followup.models import CheckBack, Consultation, MonitoringPeriod
from opencasus.followup.tests.factories import FollowupWorld, make_followup_world
from opencasus.plans import services as plans
from opencasus.plans.vocabulary import ClosureOutcome
from opencasus.triage.tests.factories import does_not_meet, intake

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], APIClient]


@pytest.fixture
def w() -> FollowupWorld:
    return make_followup_world()


def test_check_back_read_reschedule_and_resolve(w: FollowupWorld, api_client: ClientFor) -> None:
    api = api_client(w.director)
    listed = api.get("/api/v1/check-backs?status=open").json()
    assert [item["caseReference"] for item in listed["results"]] == [w.routed.reference]
    due_later = (timezone.localdate() + dt.timedelta(days=60)).isoformat()
    assert api.get(f"/api/v1/check-backs?due=true&houseId={w.triage.house.pk}").json()["results"] == []
    response = api.get(f"/api/v1/check-backs/{w.check_back.pk}")
    assert response["ETag"] == '"1"'
    assert response.json()["receiver"] == "Veilig Thuis"
    assert api.patch(f"/api/v1/check-backs/{w.check_back.pk}", {"dueDate": due_later}, format="json").status_code == 428
    stale = api.patch(f"/api/v1/check-backs/{w.check_back.pk}", {"dueDate": due_later}, format="json",
                      HTTP_IF_MATCH='"9"')
    assert stale.status_code == 409
    moved = api.patch(f"/api/v1/check-backs/{w.check_back.pk}", {"dueDate": due_later}, format="json",
                      HTTP_IF_MATCH='"1"')
    assert moved.status_code == 200
    assert moved.json()["dueDate"] == due_later
    no_note = api.post(f"/api/v1/check-backs/{w.check_back.pk}/resolution", {"status": "reopened"}, format="json")
    assert no_note.status_code == 400
    assert no_note["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in no_note.json()["invalidParams"]] == ["note"]
    done = api.post(f"/api/v1/check-backs/{w.check_back.pk}/resolution",
                    {"status": "reopened", "note": "Niet opgepakt; opnieuw aanmelden.", "version": 2}, format="json")
    assert done.status_code == 200
    assert done.json()["status"] == "reopened"
    assert api.get("/api/v1/check-backs?status=bogus").status_code == 400


def test_triage_decision_in_the_api_names_the_check_back_date(w: FollowupWorld, api_client: ClientFor) -> None:
    from opencasus.triage import services as triage

    case = intake(w.triage)
    triage.assessment_save(actor=w.director, case_id=case.pk, data=does_not_meet())
    day = (timezone.localdate() + dt.timedelta(days=14)).isoformat()
    response = api_client(w.director).post(
        f"/api/v1/cases/{case.pk}/triage-decision",
        {"outcome": "route", "grounds": "Past bij het ZSM-overleg.", "routedTo": "zsm", "checkBackDate": day},
        format="json")
    assert response.status_code == 201, response.json()
    assert CheckBack.objects.get(case=case).due_date.isoformat() == day


def test_monitoring_period_via_the_api(w: FollowupWorld, api_client: ClientFor) -> None:
    api = api_client(w.director)
    last = (timezone.localdate() + dt.timedelta(days=90)).isoformat()
    running = api.post("/api/v1/monitoring-periods", {"caseId": w.running.pk, "localApproach": "PGA Delft",
                                                      "lastCheckDate": last}, format="json")
    assert running.status_code == 409  # the case is still running
    plans.case_close(actor=w.director, case_id=w.running.pk, outcome=ClosureOutcome.GOALS_REACHED)
    bad_date = api.post("/api/v1/monitoring-periods", {"caseId": w.running.pk, "localApproach": "PGA Delft",
                                                       "lastCheckDate": "2001-01-01"}, format="json")
    assert bad_date.status_code == 400
    assert [p["name"] for p in bad_date.json()["invalidParams"]] == ["lastCheckDate"]
    created = api.post("/api/v1/monitoring-periods", {"caseId": w.running.pk, "localApproach": "PGA Delft",
                                                      "lastCheckDate": last, "note": "Lokaal verder."}, format="json")
    assert created.status_code == 201
    period_id = created.json()["id"]
    assert created.json()["checkResult"] is None
    checked = api.post(f"/api/v1/monitoring-periods/{period_id}/last-check",
                       {"result": "concerns", "note": "Nieuwe meldingen van overlast."}, format="json")
    assert checked.status_code == 200
    assert checked.json()["status"] == "checked"
    assert MonitoringPeriod.objects.get(pk=period_id).check_result == "concerns"
    hidden = api_client(w.triage.police_pro).post(f"/api/v1/monitoring-periods/{period_id}/last-check",
                                                  {"result": "stable", "note": "x"}, format="json")
    assert hidden.status_code == 404


def test_consultation_via_the_api_refuses_a_bsn(w: FollowupWorld, api_client: ClientFor) -> None:
    asker = api_client(w.triage.police_pro)
    body = {"houseId": w.triage.house.pk, "organisationId": w.triage.police.pk,
            "question": "Het gaat om BSN 123456782, wat nu?"}
    refused = asker.post("/api/v1/consultations", body, format="json")
    assert refused.status_code == 400
    assert [p["name"] for p in refused.json()["invalidParams"]] == ["question"]
    assert not Consultation.objects.exists()
    body["question"] = "Een gezin met schulden en overlast; is dit iets voor het weegoverleg?"
    created = asker.post("/api/v1/consultations", body, format="json")
    assert created.status_code == 201
    consultation_id = created.json()["id"]
    assert asker.post(f"/api/v1/consultations/{consultation_id}/advice", {"advice": "Ja."},
                      format="json").status_code == 404
    advised = api_client(w.director).post(f"/api/v1/consultations/{consultation_id}/advice",
                                          {"advice": "Meld het aan; het raakt meerdere ketens.", "version": 1},
                                          format="json")
    assert advised.status_code == 200
    mine = asker.get("/api/v1/consultations").json()["results"]
    assert mine[0]["advice"].startswith("Meld het aan")


def test_closure_feedback_via_the_api(w: FollowupWorld, api_client: ClientFor) -> None:
    plans.case_close(actor=w.director, case_id=w.running.pk, outcome=ClosureOutcome.REGULAR_CARE,
                     handed_over_to=w.triage.police)
    listed = api_client(w.officer).get("/api/v1/closure-feedback").json()["results"]
    assert [(item["caseReference"], item["outcome"], item["handedOverToName"]) for item in listed] == [
        (w.running.reference, "regular_care", w.triage.police.name)]
    assert "note" not in listed[0]
    assert api_client(w.other_officer).get("/api/v1/closure-feedback").json()["results"] == []
