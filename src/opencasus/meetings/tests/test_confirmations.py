"""Decisions and agreements beyond a recorded mandate: marked without asking, the overdue task, the mandate and
confirmation pages (with their access matrix) and the list API's FilterSet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import Settings
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.meetings import mandates, minutes
from opencasus.meetings.models import (
    AgendaItem,
    Confirmation,
    ConfirmationStatus,
    Invitation,
    Mandate,
    MandateScope,
    Meeting,
)
from opencasus.meetings.tasks import signal_overdue_confirmations_task
from opencasus.network.models import MeetingType
from opencasus.notifications.models import Kind, Notification
from opencasus.plans import services as plan_services
from opencasus.plans.tests.factories import World, in_days, world

pytestmark = pytest.mark.django_db


def _past_meeting(w: World) -> Meeting:
    """Yesterday's conference on the world's case, the police professional `owner` invited."""
    meeting_type = MeetingType.objects.create(house=w.house, name="Casusoverleg")
    meeting = Meeting.objects.create(house=w.house, meeting_type=meeting_type, date=in_days(-1),
                                     start_time=dt.time(10, 0), created_by=w.director, chair=w.director)
    AgendaItem.objects.create(meeting=meeting, case=w.case)
    Invitation.objects.create(meeting=meeting, user=w.owner)
    Invitation.objects.create(meeting=meeting, user=w.participant)
    return meeting


def _mandate(w: World, meeting: Meeting, scope: str, limit: str = "") -> Mandate:
    return mandates.mandate_record(actor=w.director, meeting_id=meeting.pk, user_id=w.owner.pk,
                                   organisation_id=w.police.pk, scope=scope, limit=limit)


def _approve(w: World, meeting: Meeting, *decisions: minutes.DecisionInput) -> None:
    item = AgendaItem.objects.get(meeting=meeting)
    minutes.minutes_save(actor=w.director, meeting_id=meeting.pk, item_id=item.pk, picture_forming="Beeld",
                         judgement="Oordeel", decisions=list(decisions))
    minutes.minutes_approve(actor=w.director, meeting_id=meeting.pk, item_id=item.pk)


def _decision(w: World, text: str, *, exceeds: bool = False, police: bool = True) -> minutes.DecisionInput:
    return minutes.DecisionInput(description=text, owner_organisation_id=(w.police if police else w.care).pk,
                                 deadline=in_days(14), exceeds_mandate=exceeds)


def test_working_days_skip_the_weekend() -> None:
    friday = dt.date(2026, 12, 4)
    assert mandates.add_working_days(friday, 1) == dt.date(2026, 12, 7)
    assert mandates.add_working_days(friday, 10) == dt.date(2026, 12, 18)


def test_a_decision_for_an_organisation_without_mandate_waits_for_confirmation_at_approval() -> None:
    w = world()
    meeting = _past_meeting(w)
    _mandate(w, meeting, MandateScope.NONE)
    _approve(w, meeting, _decision(w, "Wijkagent twee keer per week langs"), _decision(w, "Zorg", police=False))
    found = Confirmation.objects.get()  # the care organisation's participant has no mandate recorded: no mark
    assert (found.organisation, found.status, found.meeting) == (w.police, ConfirmationStatus.PENDING, meeting)
    assert found.subject == "Wijkagent twee keer per week langs"
    assert found.deadline == mandates.default_deadline()
    assert found.reason
    told = set(Notification.objects.filter(kind=Kind.CONFIRMATION_REQUESTED).values_list("user_id", flat=True))
    assert {w.owner.pk, w.colleague.pk} <= told
    assert w.participant.pk not in told


def test_a_limited_mandate_needs_the_tick_and_a_full_one_never() -> None:
    w = world()
    meeting = _past_meeting(w)
    _mandate(w, meeting, MandateScope.LIMITED, "Tot 4 uur per week")
    _approve(w, meeting, _decision(w, "Binnen het mandaat"), _decision(w, "Erboven", exceeds=True))
    assert list(Confirmation.objects.values_list("subject", flat=True)) == ["Erboven"]
    assert "Tot 4 uur per week" in Confirmation.objects.get().reason

    other = world()
    meeting = _past_meeting(other)
    _mandate(other, meeting, MandateScope.FULL)
    _approve(other, meeting, _decision(other, "Alles mag", exceeds=True))
    assert not Confirmation.objects.filter(case=other.case).exists()


def test_the_deadline_is_configurable(settings: Settings) -> None:
    settings.OPENCASUS_CONFIRMATION_WORKING_DAYS = 3
    assert mandates.default_deadline(dt.date(2026, 12, 4)) == dt.date(2026, 12, 9)


def test_a_decision_made_an_agreement_keeps_its_confirmation() -> None:
    w = world()
    meeting = _past_meeting(w)
    _mandate(w, meeting, MandateScope.NONE)
    _approve(w, meeting, _decision(w, "Huisbezoek"))
    decision = Confirmation.objects.get().decision
    assert decision is not None
    minutes.decision_to_agreement(actor=w.director, decision_id=decision.pk)
    confirmation = Confirmation.objects.get()  # not a second one for the agreement
    assert confirmation.agreement is not None
    assert confirmation.agreement.description == "Huisbezoek"


def test_a_plan_agreement_beyond_the_mandate_at_the_last_conference_waits() -> None:
    w = world()
    meeting = _past_meeting(w)
    _mandate(w, meeting, MandateScope.LIMITED, "Tot 4 uur per week")
    within = plan_services.agreement_create(actor=w.director, case_id=w.case.pk, description="Binnen",
                                            owner_organisation=w.police, deadline=in_days(7))
    beyond = plan_services.agreement_create(actor=w.director, case_id=w.case.pk, description="Erboven",
                                            owner_organisation=w.police, deadline=in_days(7), exceeds_mandate=True)
    care = plan_services.agreement_create(actor=w.director, case_id=w.case.pk, description="Zorg",
                                          owner_organisation=w.care, deadline=in_days(7), exceeds_mandate=True)
    assert list(Confirmation.objects.values_list("agreement_id", flat=True)) == [beyond.pk]
    assert within.pk != care.pk


def test_without_a_conference_a_plan_agreement_is_not_marked() -> None:
    w = world()
    plan_services.agreement_create(actor=w.director, case_id=w.case.pk, description="Erboven",
                                   owner_organisation=w.police, deadline=in_days(7), exceeds_mandate=True)
    assert not Confirmation.objects.exists()


def test_the_task_is_on_the_daily_beat_schedule() -> None:
    from opencasus.celery import app

    names = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert signal_overdue_confirmations_task.name in names


def test_the_daily_task_signals_an_overdue_confirmation_once() -> None:
    w = world()
    meeting = _past_meeting(w)
    _mandate(w, meeting, MandateScope.NONE)
    _approve(w, meeting, _decision(w, "Huisbezoek"))
    assert signal_overdue_confirmations_task() == 0
    Confirmation.objects.update(deadline=in_days(-1))
    assert signal_overdue_confirmations_task() == 1
    assert signal_overdue_confirmations_task() == 0  # told once
    told = set(Notification.objects.filter(kind=Kind.CONFIRMATION_OVERDUE).values_list("user_id", flat=True))
    assert told == {w.owner.pk, w.colleague.pk, w.director.pk}
    Confirmation.objects.update(status=ConfirmationStatus.CONFIRMED)
    assert mandates.signal_overdue_confirmations(today=in_days(30)) == 0


# --- Pages ------------------------------------------------------------------------------------------------------


def test_core_staff_record_mandates_on_the_attendance_page(verified_client: Callable[[User], Client]) -> None:
    w = world()
    meeting = _past_meeting(w)
    client = verified_client(w.director)
    page = client.get(reverse("meetings:attendance", args=[meeting.pk]))
    assert page.status_code == 200
    key = f"{w.owner.pk}-{w.police.pk}"
    assert f'name="scope-{key}"' in page.content.decode()
    url = reverse("meetings:mandates", args=[meeting.pk])
    refused = client.post(url, {f"scope-{key}": MandateScope.LIMITED, f"limit-{key}": " "})
    assert refused.status_code == 400  # a limit needs its text; nothing is saved and the choice stays
    assert 'value="limited" selected' in refused.content.decode()
    assert not Mandate.objects.exists()
    saved = client.post(url, {f"scope-{key}": MandateScope.LIMITED, f"limit-{key}": "Tot 4 uur"})
    assert saved.status_code == 302
    mandate = Mandate.objects.get()
    assert (mandate.scope, mandate.limit, mandate.organisation) == (MandateScope.LIMITED, "Tot 4 uur", w.police)
    client.post(url, {f"scope-{key}": MandateScope.NONE, f"version-{key}": str(mandate.version)})
    assert Mandate.objects.get().scope == MandateScope.NONE
    stale = client.post(url, {f"scope-{key}": MandateScope.FULL, f"version-{key}": str(mandate.version)})
    assert stale.status_code == 400
    assert Mandate.objects.get().scope == MandateScope.NONE


@pytest.mark.parametrize("who", ["owner", "participant", "outsider", "manager", "other_house_director"])
def test_only_core_staff_reach_the_mandates(who: str, verified_client: Callable[[User], Client]) -> None:
    w = world()
    meeting = _past_meeting(w)
    client = verified_client(getattr(w, who))
    assert client.get(reverse("meetings:attendance", args=[meeting.pk])).status_code == 404
    key = f"{w.owner.pk}-{w.police.pk}"
    assert client.post(reverse("meetings:mandates", args=[meeting.pk]),
                       {f"scope-{key}": MandateScope.FULL}).status_code == 404
    assert not Mandate.objects.exists()


def _pending(w: World) -> Confirmation:
    meeting = _past_meeting(w)
    _mandate(w, meeting, MandateScope.NONE)
    _approve(w, meeting, _decision(w, "Huisbezoek met de wijkagent"))
    return Confirmation.objects.get()


@pytest.mark.parametrize(("who", "sees"), [
    ("director", True), ("secretary", True), ("owner", True), ("colleague", True), ("participant", True),
    ("outsider", False), ("filer", False), ("manager", False), ("steering", False), ("municipality_officer", False),
    ("privacy_officer", False), ("administrator", False), ("other_house_director", False),
])
def test_access_matrix_of_the_confirmation_pages(who: str, sees: bool,
                                                 verified_client: Callable[[User], Client]) -> None:
    w = world()
    confirmation = _pending(w)
    client = verified_client(getattr(w, who))
    detail = client.get(reverse("meetings:confirmation", args=[confirmation.pk]))
    assert detail.status_code == (200 if sees else 404)
    missing = client.get(reverse("meetings:confirmation", args=[confirmation.pk + 1000]))
    assert missing.status_code == 404
    listed = client.get(reverse("meetings:confirmations") + "?status=pending")
    assert listed.status_code == 200
    shown = "Huisbezoek met de wijkagent" in listed.content.decode()
    # The list: core staff see their house's; the organisation asked sees what it must answer; a participant
    # of another organisation reads it with the case only.
    assert shown == (who in {"director", "secretary", "owner", "colleague"})


def test_the_organisation_confirms_or_refuses_with_a_reason(verified_client: Callable[[User], Client]) -> None:
    w = world()
    confirmation = _pending(w)
    url = reverse("meetings:confirmation", args=[confirmation.pk])
    client = verified_client(w.colleague)
    page = client.get(url)
    assert 'name="answer"' in page.content.decode()
    refused = client.post(url, {"answer": "refuse", "note": "", "version": confirmation.version})
    assert refused.status_code == 200  # a refusal needs its reason: shown again
    assert Confirmation.objects.get().status == ConfirmationStatus.PENDING
    done = client.post(url, {"answer": "refuse", "note": "Past niet in onze capaciteit",
                             "version": confirmation.version})
    assert done.status_code == 302
    answered = Confirmation.objects.get()
    assert (answered.status, answered.answer_note) == (ConfirmationStatus.REFUSED, "Past niet in onze capaciteit")
    assert 'name="answer"' not in client.get(url).content.decode()


def test_core_staff_and_other_participants_do_not_answer(verified_client: Callable[[User], Client]) -> None:
    w = world()
    confirmation = _pending(w)
    url = reverse("meetings:confirmation", args=[confirmation.pk])
    for actor in (w.director, w.participant):
        client = verified_client(actor)
        assert 'name="answer"' not in client.get(url).content.decode()
        client.post(url, {"answer": "confirm", "version": confirmation.version})
    assert Confirmation.objects.get().status == ConfirmationStatus.PENDING


def test_the_list_filters_overdue_and_the_start_page_links_there(verified_client: Callable[[User], Client]) -> None:
    w = world()
    confirmation = _pending(w)
    client = verified_client(w.director)
    url = reverse("meetings:confirmations")
    assert "Huisbezoek" not in client.get(url + "?overdue=on").content.decode()
    Confirmation.objects.filter(pk=confirmation.pk).update(deadline=timezone.localdate() - dt.timedelta(days=1))
    assert "Huisbezoek" in client.get(url + "?overdue=on").content.decode()
    assert f'href="{url}?overdue=on"' in client.get(reverse("core:start")).content.decode()
    partner_start = verified_client(w.colleague).get(reverse("core:start")).content.decode()
    assert f'href="{url}?status=pending&amp;mine=on"' in partner_start
    assert client.get(url + "?overdue=perhaps").status_code == 200  # a bad value: the form says so


# --- API --------------------------------------------------------------------------------------------------------


def test_the_confirmations_api_reads_its_parameters_through_the_filterset(
        api_client: Callable[[User], APIClient]) -> None:
    w = world()
    confirmation = _pending(w)
    director = api_client(w.director)
    assert [c["id"] for c in director.get("/api/v1/confirmations?overdue=false").json()] == [confirmation.pk]
    assert director.get("/api/v1/confirmations?overdue=true").json() == []
    assert director.get("/api/v1/confirmations?status=refused").json() == []
    bad = director.get("/api/v1/confirmations?overdue=perhaps")
    assert bad.status_code == 400
    assert bad.json()["invalidParams"][0]["name"] == "overdue"
    assert director.get("/api/v1/confirmations?status=unknown").status_code == 400
    assert [c["id"] for c in api_client(w.colleague).get("/api/v1/confirmations?mine=true").json()] == [
        confirmation.pk]
    assert api_client(w.participant).get("/api/v1/confirmations?mine=true").json() == []
    assert api_client(w.outsider).get("/api/v1/confirmations").json() == []


def test_an_agreement_from_the_plan_editor_or_the_api_can_exceed_the_mandate(
        verified_client: Callable[[User], Client], api_client: Callable[[User], APIClient]) -> None:
    w = world()
    meeting = _past_meeting(w)
    _mandate(w, meeting, MandateScope.LIMITED, "Tot 4 uur per week")
    page = verified_client(w.director).post(reverse("plans:agreement-add", args=[w.case.pk]), {
        "description": "Dagelijks toezicht", "owner_organisation": w.police.pk,
        "deadline": in_days(7).isoformat(), "exceeds_mandate": "on"})
    assert page.status_code == 302
    created = api_client(w.director).post("/api/v1/agreements", {
        "caseId": w.case.pk, "description": "Nachtelijk toezicht", "ownerOrganisationId": w.police.pk,
        "deadline": in_days(7).isoformat(), "exceedsMandate": True}, format="json")
    assert created.status_code == 201, created.json()
    assert sorted(Confirmation.objects.values_list("subject", flat=True)) == ["Dagelijks toezicht",
                                                                               "Nachtelijk toezicht"]
