"""Bad input for the follow-through: check-backs, monitoring after hand-down and anonymous consultations
(which also refuse a BSN-shaped number)."""

from __future__ import annotations

import datetime as dt

from opencasus.core.tests.bad_input.common import Endpoint, Target, catalogue, choice, date, name, ref, text
from opencasus.followup import services
from opencasus.followup.tests.factories import FollowupWorld, make_followup_world
from opencasus.plans import services as plans
from opencasus.plans.vocabulary import ClosureOutcome

LATER = (dt.date.today() + dt.timedelta(days=60)).isoformat()
BSN_SHAPED = [("a BSN-shaped number", "123456782"), ("a BSN with dots", "Het gaat om 1234.56.782.")]


def _closed() -> FollowupWorld:
    w = make_followup_world()
    plans.case_close(actor=w.director, case_id=w.running.pk, outcome=ClosureOutcome.GOALS_REACHED)
    return w


def _consultation() -> Target:
    w = make_followup_world()
    return Target(w.triage.police_pro, "/api/v1/consultations", {
        "houseId": w.triage.house.pk, "organisationId": w.triage.police.pk, "question": "Past dit bij het huis?"})


def _advice() -> Target:
    w = make_followup_world()
    item = services.consultation_ask(actor=w.triage.police_pro, house_id=w.triage.house.pk,
                                     organisation_id=w.triage.police.pk, question="Past dit bij het huis?")
    return Target(w.director, f"/api/v1/consultations/{item.pk}/advice", {"advice": "Ja.", "version": 1})


def _resolution() -> Target:
    w = make_followup_world()
    return Target(w.director, f"/api/v1/check-backs/{w.check_back.pk}/resolution",
                  {"status": "reopened", "note": "Niet opgepakt."})


def _check_back_date() -> Target:
    w = make_followup_world()
    return Target(w.director, f"/api/v1/check-backs/{w.check_back.pk}", {"dueDate": LATER, "version": 1},
                  method="patch")


def _monitoring() -> Target:
    w = _closed()
    return Target(w.director, "/api/v1/monitoring-periods", {
        "caseId": w.running.pk, "localApproach": "PGA Delft", "lastCheckDate": LATER, "note": "Lokaal verder."})


def _last_check() -> Target:
    w = _closed()
    period = services.monitoring_start(actor=w.director, case_id=w.running.pk, local_approach="PGA Delft",
                                       last_check_date=dt.date.today() + dt.timedelta(days=60))
    return Target(w.director, f"/api/v1/monitoring-periods/{period.pk}/last-check",
                  {"result": "stable", "note": "Loopt goed."})


API = {
    "consultation": Endpoint(_consultation, [
        *ref("houseId"), *ref("organisationId"), *ref("municipalityId", required=False), *text("question"),
        *[(f"question: {label}", "question", value) for label, value in BSN_SHAPED]], legitimate=["question"]),
    "advice": Endpoint(_advice, [*text("advice"), *[(f"advice: {label}", "advice", value)
                                                   for label, value in BSN_SHAPED]], legitimate=["advice"]),
    "check-back resolution": Endpoint(_resolution, [*choice("status"), *text("note", required=False),
                                                    ("note: only spaces when reopened", "note", "   ")],
                                      legitimate=["note"]),
    "check-back date": Endpoint(_check_back_date, [*date("dueDate"), ("dueDate: before the decision", "dueDate",
                                                                      "2001-01-01")]),
    "monitoring": Endpoint(_monitoring, [
        *ref("caseId"), *name("localApproach"), *date("lastCheckDate"),
        ("lastCheckDate: today", "lastCheckDate", dt.date.today().isoformat()),
        ("lastCheckDate: beyond a year", "lastCheckDate", "2999-01-01"), *text("note", required=False)],
        legitimate=["note"], names=["localApproach"]),
    "last check": Endpoint(_last_check, [*choice("result"), *text("note")], legitimate=["note"]),
}


def _consultation_page() -> Target:
    w = make_followup_world()
    return Target(w.triage.police_pro, "/adviesvragen/nieuw", {
        "asker": f"{w.triage.house.pk}:{w.triage.police.pk}", "question": "Past dit bij het huis?"})


def _advice_page() -> Target:
    w = make_followup_world()
    item = services.consultation_ask(actor=w.triage.police_pro, house_id=w.triage.house.pk,
                                     organisation_id=w.triage.police.pk, question="Past dit bij het huis?")
    return Target(w.director, f"/adviesvragen/{item.pk}", {"advice": "Ja.", "version": 1})


def _monitoring_page() -> Target:
    w = _closed()
    return Target(w.director, "/monitoring/nieuw", {"case": w.running.pk, "local_approach": "PGA Delft",
                                                     "last_check_date": LATER, "note": "Lokaal verder."})


PAGES = {
    "consultation": Endpoint(_consultation_page, [
        *choice("asker", api=False), *text("question", api=False),
        *[(f"question: {label}", "question", value) for label, value in BSN_SHAPED]], legitimate=["question"]),
    "advice": Endpoint(_advice_page, [*text("advice", api=False)], legitimate=["advice"]),
    "monitoring": Endpoint(_monitoring_page, [
        *ref("case", api=False), *name("local_approach", api=False), *date("last_check_date", api=False),
        *text("note", required=False, api=False)], legitimate=["note"], names=["local_approach"]),
}

test_api_refuses, test_api_keeps_legitimate_text, test_page_refuses, test_page_keeps_legitimate_text = catalogue(
    API, PAGES)
