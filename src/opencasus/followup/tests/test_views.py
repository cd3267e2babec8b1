from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.followup import services
from opencasus.followup.models import CheckBack, Consultation, MonitoringPeriod
from opencasus.followup.tests.factories import FollowupWorld, make_followup_world
from opencasus.plans import services as plans
from opencasus.plans.vocabulary import ClosureOutcome

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


@pytest.fixture
def w() -> FollowupWorld:
    return make_followup_world()


def test_check_back_overview_and_resolution_page(w: FollowupWorld, verified_client: ClientFor) -> None:
    page = verified_client(w.director)
    overview = page.get(reverse("followup:check-backs"))
    assert overview.status_code == 200
    assert w.routed.reference in overview.content.decode()
    assert "Nacontroles" in overview.content.decode()
    url = reverse("followup:check-back", args=[w.check_back.pk])
    missing_note = page.post(url, {"resolve-status": "reopened", "resolve-note": "", "resolve-version": 1})
    assert missing_note.status_code == 400
    assert "heropend" in missing_note.content.decode()
    stale = page.post(url, {"resolve-status": "confirmed", "resolve-note": "Opgepakt door VT.",
                            "resolve-version": 5})
    assert stale.status_code == 409
    assert "Opgepakt door VT." in stale.content.decode()  # the input is kept
    done = page.post(url, {"resolve-status": "confirmed", "resolve-note": "Opgepakt door VT.", "resolve-version": 1})
    assert done.status_code == 302
    assert CheckBack.objects.get(pk=w.check_back.pk).status == "confirmed"


def test_check_back_date_change_on_the_page(w: FollowupWorld, verified_client: ClientFor) -> None:
    page = verified_client(w.director)
    day = timezone.localdate() + dt.timedelta(days=50)
    response = page.post(reverse("followup:check-back", args=[w.check_back.pk]),
                         {"date-due_date": day.isoformat(), "date-version": 1})
    assert response.status_code == 302
    assert CheckBack.objects.get(pk=w.check_back.pk).due_date == day


def test_start_page_counts_check_backs_due(w: FollowupWorld, verified_client: ClientFor) -> None:
    CheckBack.objects.filter(pk=w.check_back.pk).update(due_date=timezone.localdate() - dt.timedelta(days=1))
    start = verified_client(w.director).get(reverse("core:start")).content.decode()
    assert "Nacontroles die aan de beurt zijn" in start
    assert reverse("followup:check-backs") + "?due=on" in start
    assert "Nacontroles die aan de beurt zijn" not in verified_client(w.triage.police_pro).get(
        reverse("core:start")).content.decode()


def test_hand_down_under_monitoring_and_the_last_check(w: FollowupWorld, verified_client: ClientFor) -> None:
    plans.case_close(actor=w.director, case_id=w.running.pk, outcome=ClosureOutcome.PARTLY_REACHED)
    page = verified_client(w.director)
    form = page.get(reverse("followup:monitoring-new") + f"?casus={w.running.pk}")
    assert w.running.reference in form.content.decode()
    last = (timezone.localdate() + dt.timedelta(days=90)).isoformat()
    bad = page.post(reverse("followup:monitoring-new"), {"case": w.running.pk, "local_approach": "",
                                                          "last_check_date": last})
    assert bad.status_code == 400
    response = page.post(reverse("followup:monitoring-new"), {
        "case": w.running.pk, "local_approach": "Persoonsgerichte aanpak Delft", "last_check_date": last,
        "note": "Doelen grotendeels bereikt."})
    assert response.status_code == 302
    period = MonitoringPeriod.objects.get(case=w.running)
    url = reverse("followup:monitoring-period", args=[period.pk])
    assert "Persoonsgerichte aanpak Delft" in page.get(url).content.decode()
    checked = page.post(url, {"check-result": "stable", "check-note": "Geen nieuwe signalen.", "check-version": 1})
    assert checked.status_code == 302
    assert MonitoringPeriod.objects.get(pk=period.pk).status == "checked"


def test_consultation_form_says_no_personal_data_and_refuses_a_bsn_keeping_the_text(
        w: FollowupWorld, verified_client: ClientFor) -> None:
    page = verified_client(w.triage.police_pro)
    form = page.get(reverse("followup:consultation-new")).content.decode()
    assert "zonder iemand te noemen" in form
    text = "Jongen met BSN 123456782 spijbelt; wat te doen?"
    refused = page.post(reverse("followup:consultation-new"), {
        "asker": f"{w.triage.house.pk}:{w.triage.police.pk}", "question": text})
    assert refused.status_code == 400
    body = refused.content.decode()
    assert "burgerservicenummer" in body
    assert "Jongen met BSN" in body  # nothing lost
    assert not Consultation.objects.exists()
    sent = page.post(reverse("followup:consultation-new"), {
        "asker": f"{w.triage.house.pk}:{w.triage.police.pk}", "question": "Een jongen spijbelt en steelt."})
    assert sent.status_code == 302
    consultation = Consultation.objects.get()
    director = verified_client(w.director)
    detail = director.get(reverse("followup:consultation", args=[consultation.pk])).content.decode()
    assert "Advies geven" in detail
    advised = director.post(reverse("followup:consultation", args=[consultation.pk]),
                            {"advice": "Meld bij het ZSM-overleg.", "version": 1})
    assert advised.status_code == 302
    answered = page.get(reverse("followup:consultation", args=[consultation.pk])).content.decode()
    assert "Meld bij het ZSM-overleg." in answered


def test_closure_feedback_page_for_the_municipality_officer(w: FollowupWorld, verified_client: ClientFor) -> None:
    plans.case_close(actor=w.director, case_id=w.running.pk, outcome=ClosureOutcome.MOVED_AWAY,
                     note="Vertrouwelijke toelichting.")
    page = verified_client(w.officer)
    listing = page.get(reverse("followup:feedback-list")).content.decode()
    assert w.running.reference in listing
    assert "Verhuisd" in listing
    assert "Vertrouwelijke toelichting" not in listing


def test_the_intake_start_shows_the_national_criteria(w: FollowupWorld, verified_client: ClientFor) -> None:
    content = verified_client(w.triage.police_pro).get(reverse("cases:intake-start")).content.decode()
    assert reverse("followup:consultation-new") in content
    assert content.count("<li>") >= 4


def test_services_and_pages_agree_on_due_monitoring(w: FollowupWorld, verified_client: ClientFor) -> None:
    plans.case_close(actor=w.director, case_id=w.running.pk, outcome=ClosureOutcome.GOALS_REACHED)
    period = services.monitoring_start(actor=w.director, case_id=w.running.pk, local_approach="PGA",
                                       last_check_date=timezone.localdate() + dt.timedelta(days=10))
    MonitoringPeriod.objects.filter(pk=period.pk).update(last_check_date=timezone.localdate())
    due = verified_client(w.director).get(reverse("followup:monitoring") + "?due=on").content.decode()
    assert w.running.reference in due


def test_start_page_tells_the_municipality_officer_of_closures(w: FollowupWorld, verified_client: ClientFor) -> None:
    assert "teruggekoppeld" not in verified_client(w.officer).get(reverse("core:start")).content.decode()
    plans.case_close(actor=w.director, case_id=w.running.pk, outcome=ClosureOutcome.GOALS_REACHED)
    start = verified_client(w.officer).get(reverse("core:start")).content.decode()
    assert "Afgesloten casussen die aan u zijn teruggekoppeld" in start
    assert reverse("followup:feedback-list") in start


def test_the_triage_decision_page_sets_the_check_back_date(w: FollowupWorld, verified_client: ClientFor) -> None:
    from opencasus.triage import services as triage
    from opencasus.triage.tests.factories import does_not_meet, intake

    case = intake(w.triage)
    triage.assessment_save(actor=w.director, case_id=case.pk, data=does_not_meet())
    case.refresh_from_db()
    page = verified_client(w.director)
    form = page.get(reverse("triage:decision", args=[case.pk])).content.decode()
    assert 'name="check_back_date"' in form
    day = timezone.localdate() + dt.timedelta(days=21)
    response = page.post(reverse("triage:decision", args=[case.pk]), {
        "version": case.version, "outcome": "advice", "grounds": "Eén leefgebied.", "advice": "Wijkteam inschakelen.",
        "check_back_date": day.isoformat()})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert CheckBack.objects.get(case=case).due_date == day
