from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoCaptureOnCommitCallbacks

from opencasus.accounts.models import User
from opencasus.logbook.models import ProcessingRecord
from opencasus.meetings import minutes as minute_services
from opencasus.meetings.models import AgendaItem, Decision, Invitation, Meeting, Minutes, SelfReport
from opencasus.meetings.tests.conftest import ALL, CORE, World

pytestmark = pytest.mark.django_db

# (url name, kwargs builder, who besides core staff may see it)
PAGES: list[tuple[str, Callable[[World], list[int]], set[str]]] = [
    ("meetings:agenda", lambda w: [w.meeting.pk], {"invitee"}),
    ("meetings:edit", lambda w: [w.meeting.pk], set()),
    ("meetings:item", lambda w: [w.meeting.pk, w.own.pk], set()),
    ("meetings:minutes", lambda w: [w.meeting.pk, w.own.pk], {"invitee"}),
    ("meetings:minutes", lambda w: [w.meeting.pk, w.other.pk], set()),
    ("meetings:attendance", lambda w: [w.meeting.pk], set()),
    ("meetings:self-report", lambda w: [w.meeting.pk, w.own.pk], set()),
]
POSTS: list[tuple[str, Callable[[World], list[int]], dict[str, str]]] = [
    ("meetings:status", lambda w: [w.meeting.pk], {"status": "cancelled"}),
    ("meetings:agenda-add", lambda w: [w.meeting.pk], {}),
    ("meetings:optimise", lambda w: [w.meeting.pk], {}),
    ("meetings:invite", lambda w: [w.meeting.pk], {}),
    ("meetings:move", lambda w: [w.meeting.pk, w.other.pk], {"direction": "up"}),
    ("meetings:approve", lambda w: [w.meeting.pk, w.own.pk], {}),
    ("meetings:attendance", lambda w: [w.meeting.pk], {}),
]


@pytest.mark.parametrize("who", ALL)
def test_page_access_matrix(world: World, verified_client: Callable[[User], Client], who: str) -> None:
    client = verified_client(world.users[who])
    for name, args, also in PAGES:
        response = client.get(reverse(name, args=args(world)))
        assert response.status_code == (200 if who in CORE | also else 404), (name, who)


@pytest.mark.parametrize("who", [w for w in ALL if w not in CORE])
def test_writes_are_hidden_from_everyone_but_core_staff(
    world: World, verified_client: Callable[[User], Client], who: str,
) -> None:
    client = verified_client(world.users[who])
    world.meeting.refresh_from_db()
    version = world.meeting.version
    for name, args, data in POSTS:
        response = client.post(reverse(name, args=args(world)), data)
        assert response.status_code == 404, (name, who)
    world.meeting.refresh_from_db()
    assert world.meeting.version == version
    assert world.meeting.status == "planned"
    assert not Minutes.objects.exists()


@pytest.mark.parametrize("who", ALL)
def test_list_and_my_meetings_show_only_own(world: World, verified_client: Callable[[User], Client], who: str) -> None:
    client = verified_client(world.users[who])
    listing = client.get(reverse("meetings:list")).content.decode()
    mine = client.get(reverse("meetings:mine")).content.decode()
    shows_meeting = reverse("meetings:agenda", args=[world.meeting.pk]) in listing
    assert shows_meeting == (who in CORE | {"invitee"})
    assert (world.own.case.reference in mine) == (who == "invitee")
    assert world.other.case.reference not in mine


def test_invitee_sees_only_their_item_not_even_the_other_reference(
    world: World, verified_client: Callable[[User], Client],
) -> None:
    page = verified_client(world.users["invitee"]).get(reverse("meetings:agenda", args=[world.meeting.pk]))
    text = page.content.decode()
    assert world.own.case.reference in text
    assert world.other.case.reference not in text
    assert "Uw agendapunten" in text
    assert "Aanwezigheidstijd per professional" not in text
    records = ProcessingRecord.objects.filter(object_type="agenda", action="view")
    assert set(records.values_list("case_id", flat=True)) == {world.own.case_id}


def test_core_staff_agenda_shows_figures_and_logs_every_case(
    world: World, verified_client: Callable[[User], Client],
) -> None:
    text = verified_client(world.s.secretary).get(reverse("meetings:agenda", args=[world.meeting.pk])).content.decode()
    assert "Aanwezigheidstijd per professional" in text
    assert "geordend op doelgroep" in text
    assert world.other.case.reference in text
    records = ProcessingRecord.objects.filter(object_type="agenda", action="view", activity_code="case-conference")
    assert set(records.values_list("case_id", flat=True)) == {world.own.case_id, world.other.case_id}
    assert set(records.values_list("data_subject", flat=True)) == {
        str(p.pseudonym) for item in (world.own, world.other) for p in item.case.persons.all()}


def test_plan_a_meeting_in_dutch(world: World, verified_client: Callable[[User], Client]) -> None:
    client = verified_client(world.s.director)
    response = client.post(reverse("meetings:list"), {
        "house": world.s.house.pk, "meeting_type": world.s.meeting_type.pk, "date": "2026-12-15",
        "start_time": "13:00", "location": "", "video_link": ""})
    assert response.status_code == 200
    assert "Geef een plaats of een videoverbinding." in response.content.decode()
    response = client.post(reverse("meetings:list"), {
        "house": world.s.house.pk, "meeting_type": world.s.meeting_type.pk, "date": "2026-12-15",
        "start_time": "13:00", "location": "Zaal 4", "chair": world.s.director.pk})
    meeting = Meeting.objects.get(location="Zaal 4")
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:agenda", args=[meeting.pk])


def test_reorder_optimise_and_invite_from_the_agenda(
    world: World, verified_client: Callable[[User], Client],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    client = verified_client(world.s.director)
    client.post(reverse("meetings:move", args=[world.meeting.pk, world.other.pk]), {"direction": "up"})
    assert list(AgendaItem.objects.filter(meeting=world.meeting).values_list("pk", flat=True)) == [
        world.other.pk, world.own.pk]
    response = client.post(reverse("meetings:optimise", args=[world.meeting.pk]), follow=True)
    text = response.content.decode()
    assert "geordend op benodigde partners" in text or "al in de beste gevonden volgorde" in text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("meetings:invite", args=[world.meeting.pk]), follow=True)
    assert "Uitnodigingen verstuurd: 3 nieuw" in response.content.decode()
    assert len(mail.outbox) == 3
    assert Invitation.objects.filter(meeting=world.meeting).count() == 3


def _took_place(world: World) -> None:
    Meeting.objects.filter(pk=world.meeting.pk).update(date=dt.date.today() - dt.timedelta(days=1))


def test_process_director_corrects_a_decision_deadline_on_the_minutes_page(
    world: World, verified_client: Callable[[User], Client],
) -> None:
    _took_place(world)
    s = world.s
    record = minute_services.minutes_save(
        actor=s.secretary, meeting_id=world.meeting.pk, item_id=world.own.pk, picture_forming="Beeld",
        judgement="Oordeel", decisions=[minute_services.DecisionInput(
            "Huisbezoek", s.organisations[0].pk, None, dt.date.today() + dt.timedelta(days=3))])
    minute_services.minutes_approve(actor=s.director, meeting_id=world.meeting.pk, item_id=world.own.pk)
    decision = record.decisions.get()
    Decision.objects.filter(pk=decision.pk).update(deadline=dt.date.today() - dt.timedelta(days=2))
    url = reverse("meetings:minutes", args=[world.meeting.pk, world.own.pk])
    director = verified_client(s.director)
    assert "De termijn is verstreken: nieuwe termijn" in director.get(url).content.decode()
    assert "Termijn aanpassen" not in verified_client(s.secretary).get(url).content.decode()
    target = reverse("meetings:decision-deadline", args=[world.meeting.pk, world.own.pk, decision.pk])
    new = dt.date.today() + dt.timedelta(days=10)
    verified_client(s.secretary).post(target, {"deadline": new.isoformat()})
    decision.refresh_from_db()
    assert decision.deadline is not None
    assert decision.deadline < dt.date.today()
    response = director.post(target, {"deadline": new.isoformat()}, follow=True)
    assert "De termijn van het besluit is aangepast." in response.content.decode()
    decision.refresh_from_db()
    assert decision.deadline == new
    assert verified_client(world.users["invitee"]).post(target, {"deadline": new.isoformat()}).status_code == 404


def test_minutes_flow_on_pages(world: World, verified_client: Callable[[User], Client]) -> None:
    url = reverse("meetings:minutes", args=[world.meeting.pk, world.own.pk])
    secretary = verified_client(world.s.secretary)
    data = {"picture_forming": "Beeld", "judgement": "Oordeel", "version": "",
            "decisions-TOTAL_FORMS": "2", "decisions-INITIAL_FORMS": "0",
            "decisions-0-description": "Stopgesprek", "decisions-0-owner_organisation": world.s.organisations[0].pk,
            "decisions-0-deadline": (dt.date.today() + dt.timedelta(days=17)).isoformat(),
            "decisions-1-description": ""}
    refused = secretary.post(url, data)  # the meeting is still to come
    assert refused.status_code == 200
    assert "heeft nog niet plaatsgevonden" in refused.content.decode()
    assert not Minutes.objects.exists()
    _took_place(world)
    assert secretary.post(url, data).status_code == 302
    assert Minutes.objects.get().decisions.count() == 1
    # The invitee does not see draft minutes.
    invitee = verified_client(world.users["invitee"])
    assert "Nog geen verslag." in invitee.get(url).content.decode()
    # The secretary is not the chair.
    secretary.post(reverse("meetings:approve", args=[world.meeting.pk, world.own.pk]), {"version": "1"})
    assert Minutes.objects.get().status == "draft"
    verified_client(world.s.director).post(reverse("meetings:approve", args=[world.meeting.pk, world.own.pk]),
                                           {"version": "1"})
    assert Minutes.objects.get().status == "approved"
    text = invitee.get(url).content.decode()
    assert "Beeld" in text, text[text.find("<main"):text.find("</main>")]
    assert "Stopgesprek" in text, text[text.find("<main"):text.find("</main>")]
    assert "Vastgesteld" in text, text[text.find("<main"):text.find("</main>")]
    response = secretary.post(url, data, follow=True)
    assert "Een vastgesteld verslag kan niet meer worden gewijzigd." in response.content.decode()


def test_attendance_and_self_report_pages(world: World, verified_client: Callable[[User], Client]) -> None:
    Invitation.objects.create(meeting=world.meeting, user=world.users["invitee"])
    client = verified_client(world.s.secretary)
    refused = client.post(reverse("meetings:attendance", args=[world.meeting.pk]),
                          {f"attended-{world.users['invitee'].pk}": "no"})
    assert "heeft nog niet plaatsgevonden" in refused.content.decode()
    assert Invitation.objects.get().attended is None
    _took_place(world)
    client.post(reverse("meetings:attendance", args=[world.meeting.pk]),
                {f"attended-{world.users['invitee'].pk}": "no"})
    assert Invitation.objects.get().attended is False
    response = client.post(reverse("meetings:self-report", args=[world.meeting.pk, world.own.pk]),
                           {"kind": "conference", "goals_score": "4", "cooperation_score": "2", "note": "x"})
    assert response.status_code == 302
    assert SelfReport.objects.get().cooperation_score == 2
    text = client.get(reverse("meetings:self-report", args=[world.meeting.pk, world.own.pk])).content.decode()
    assert "In hoeverre zijn de doelen bereikt?" in text
    assert "Slecht" in text


def test_menu_link(world: World, verified_client: Callable[[User], Client]) -> None:
    text = verified_client(world.users["invitee"]).get(reverse("core:start")).content.decode()
    assert "Overleggen" in text
    text = verified_client(world.users["privacy_officer"]).get(reverse("core:start")).content.decode()
    assert ">Overleggen<" not in text


def test_agenda_page_shows_the_meetings_own_weekday_and_no_negative_saving(
    world: World, verified_client: Callable[[User], Client],
) -> None:
    thursday = dt.date.today() + dt.timedelta(days=(3 - dt.date.today().weekday()) % 7 + 7)
    Meeting.objects.filter(pk=world.meeting.pk).update(date=thursday)
    world.meeting.meeting_type.cadence = "wekelijks, dinsdag"
    world.meeting.meeting_type.save()
    text = verified_client(world.s.director).get(reverse("meetings:agenda", args=[world.meeting.pk])).content.decode()
    assert "wekelijks, donderdag" in text
    assert "dinsdag" not in text
    assert "besparing: -" not in text
    assert "Totale aanwezigheid in deze volgorde" in text


def test_a_meeting_edit_without_the_version_is_refused(world: World, verified_client: Callable[[User], Client]) -> None:
    m = world.meeting
    body = {"house": world.s.house.pk, "meeting_type": m.meeting_type_id, "date": m.date.isoformat(),
            "start_time": "13:00", "location": "Zaal 9", "chair": world.s.director.pk}
    response = verified_client(world.s.director).post(reverse("meetings:edit", args=[m.pk]), body)
    assert response.status_code == 200
    assert "De versie die u hebt gelezen ontbreekt" in response.content.decode()
    assert Meeting.objects.get(pk=m.pk).location != "Zaal 9"
