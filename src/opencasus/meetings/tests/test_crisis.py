"""The crisis lane end to end: the conference deadline (from the admission, met by the first conference with the
case on its agenda), the crisis-lane list, the start page, the daily signal, the management information, the API
fields, and who sees them. A house with the crisis lane switched off shows and signals nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from opencasus.access.reporting import house_scope
from opencasus.accounts.models import User
from opencasus.cases.models import Case
from opencasus.cases.vocabulary import Urgency
from opencasus.cases.workflow import Status
from opencasus.core.aggregates import Count as AggregateCount
from opencasus.core.tests.world import World
from opencasus.logbook.models import ProcessingRecord
from opencasus.meetings import crisis
from opencasus.meetings.models import AgendaItem, MeetingStatus
from opencasus.meetings.tests.factories import meeting
from opencasus.network.models import Approach, House, HouseApproach, Role
from opencasus.network.tests.factories import HouseFactory, member
from opencasus.notifications.models import Kind, Notification
from opencasus.reporting.selectors.crisis import crisis_lane_tables
from opencasus.reporting.selectors.period import make_period
from opencasus.triage import services as triage
from opencasus.triage.crisis import DeadlineKind, DeadlineState
from opencasus.triage.tests.factories import admit, intake, make_world, meets

pytestmark = pytest.mark.django_db


def working_days_back(days: int, today: dt.date | None = None) -> dt.date:
    current = today or timezone.localdate()
    while days > 0:
        current -= dt.timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def lane_on(house: House, enabled: bool = True) -> None:
    HouseApproach.objects.update_or_create(house=house, approach=Approach.CRISIS_LANE,
                                           defaults={"enabled": enabled})


@pytest.fixture
def world() -> World:
    w = make_world()
    lane_on(w.house)
    return w


def crisis_intake(world: World, filed_on: dt.date) -> Case:
    return intake(world, urgency=Urgency.CRISIS, filed_at=at(filed_on))


def admitted(world: World, filed_on: dt.date) -> Case:
    """A crisis intake triaged and admitted today through the triage services."""
    case = crisis_intake(world, filed_on)
    triage.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    triage.decision_record(actor=world.director, case_id=case.pk, data=admit(world), notify_filer=False)
    case.refresh_from_db()
    return case


# --- The conference deadline ---------------------------------------------------------------------------------


def test_the_conference_deadline_counts_from_the_admission_and_is_met_by_the_first_conference(world: World) -> None:
    monday = dt.date(2026, 12, 7)
    case = crisis_intake(world, monday - dt.timedelta(days=3))
    Case.objects.filter(pk=case.pk).update(status=Status.ADMITTED, admitted_at=at(monday, 11))
    case.refresh_from_db()
    due = dt.date(2026, 12, 10)  # three working days after Monday
    deadline = crisis.conference_deadlines([case], today=monday)[case.pk]
    assert (deadline.kind, deadline.due_date, deadline.state) == (DeadlineKind.CONFERENCE, due, DeadlineState.OPEN)
    cancelled = meeting(world, date=dt.date(2026, 12, 8), status=MeetingStatus.CANCELLED)
    AgendaItem.objects.create(meeting=cancelled, case=case)
    planned = meeting(world, date=dt.date(2026, 12, 9))
    AgendaItem.objects.create(meeting=planned, case=case)
    ahead = crisis.conference_deadlines([case], today=monday)[case.pk]
    assert (ahead.state, ahead.planned_date, ahead.done_date) == (DeadlineState.OPEN, dt.date(2026, 12, 9), None)
    met = crisis.conference_deadlines([case], today=dt.date(2026, 12, 9))[case.pk]
    assert (met.state, met.done_date) == (DeadlineState.MET, dt.date(2026, 12, 9))
    planned.date = dt.date(2026, 12, 14)
    planned.save()
    assert crisis.conference_deadlines([case], today=dt.date(2026, 12, 11))[case.pk].state == DeadlineState.OVERDUE
    assert crisis.conference_deadlines([case], today=dt.date(2026, 12, 14))[case.pk].state == DeadlineState.LATE


def test_an_intake_has_no_conference_deadline_before_admission(world: World) -> None:
    case = crisis_intake(world, timezone.localdate())
    assert [d.kind for d in crisis.case_deadlines([case])[case.pk]] == [DeadlineKind.TRIAGE]


# --- The scenario of the issue: shown, signalled and reported (one met, one missed) ------------------------------


def test_crisis_lane_deadlines_are_shown_signalled_and_reported(
        world: World, verified_client: Callable[[User], Client], api_client: Callable[[User], APIClient]) -> None:
    today = timezone.localdate()
    met = admitted(world, working_days_back(1))  # filed yesterday (a working day), triaged today
    AgendaItem.objects.create(meeting=meeting(world, date=today), case=met)  # and discussed today
    missed = crisis_intake(world, working_days_back(3))  # filed three working days ago, still waiting
    intake(world)  # a normal intake: no deadline

    # Shown: the triage queue, the crisis-lane list and the start page of core staff.
    client = verified_client(world.director)
    queue = client.get(reverse("triage:queue")).content.decode()
    assert "Termijn crisisroute" in queue
    assert "Over de termijn" in queue
    listed = crisis.crisis_list(actor=world.director)
    assert [i.case.pk for i in listed] == [missed.pk]  # the met case has nothing open any more
    page = client.get(reverse("meetings:crisis-lane")).content.decode()
    assert missed.reference in page
    assert met.reference not in page
    start = client.get(reverse("core:start")).content.decode()
    assert "Crisistermijnen verstreken" in start
    assert crisis.crisis_counts(actor=world.director) == {"open": 1, "overdue": 1}
    workspace = client.get(reverse("cases:detail", args=[met.pk])).content.decode()
    assert "Crisisroute: Casusoverleg" in workspace
    assert "Op tijd gehaald" in workspace
    assessment = client.get(reverse("triage:assessment", args=[missed.pk])).content.decode()
    assert "Over de termijn" in assessment
    shared = verified_client(world.police_pro).get(reverse("cases:detail", args=[met.pk]))
    assert shared.status_code == 200
    assert "Crisisroute:" not in shared.content.decode()  # a participant is not shown the deadlines
    states = {d.kind: d.state for d in crisis.case_deadlines([met])[met.pk]}
    assert states == {DeadlineKind.TRIAGE: DeadlineState.MET, DeadlineKind.CONFERENCE: DeadlineState.MET}

    # Signalled: core staff of the house, once per deadline.
    assert crisis.signal_overdue_crisis_deadlines() == 1
    assert crisis.signal_overdue_crisis_deadlines() == 0
    told = Notification.objects.filter(kind=Kind.CRISIS_DEADLINE_OVERDUE)
    assert set(told.values_list("user_id", flat=True)) == {world.director.pk, world.secretary.pk}
    assert set(told.values_list("case_reference", flat=True)) == {missed.reference}

    # Reported: met on time / late / still open per deadline (the house shows counts from 1).
    House.objects.filter(pk=world.house.pk).update(small_count_threshold=1)
    manager = member(world.house, Role.HOUSE_MANAGER)
    period = make_period(today - dt.timedelta(days=30), today)
    [table] = crisis_lane_tables(house_scope(actor=manager, house_id=world.house.pk), period)
    values = {row.key: [cell.value for cell in row.values if isinstance(cell, AggregateCount)] for row in table.rows}
    assert values == {"triage": [1, 0, 1], "conference": [1, 0, 0]}
    response = api_client(manager).get(f"/api/v1/dashboards/houses/{world.house.pk}",
                                       {"dateFrom": period.date_from.isoformat(), "dateTo": today.isoformat()})
    assert response.status_code == 200
    assert "crisis-lane" in [t["slug"] for t in response.json()["tables"]]


def test_counts_below_the_threshold_are_suppressed(world: World) -> None:
    crisis_intake(world, working_days_back(3))
    manager = member(world.house, Role.HOUSE_MANAGER)
    today = timezone.localdate()
    [table] = crisis_lane_tables(house_scope(actor=manager, house_id=world.house.pk),
                                 make_period(today - dt.timedelta(days=30), today))
    assert [c.suppressed for c in table.rows[0].values if isinstance(c, AggregateCount)] == [False, False, True]


def test_a_house_with_the_crisis_lane_switched_off_shows_and_signals_nothing(
        world: World, verified_client: Callable[[User], Client]) -> None:
    today = timezone.localdate()
    missed = crisis_intake(world, working_days_back(3))
    lane_on(world.house, enabled=False)
    client = verified_client(world.director)
    queue = client.get(reverse("triage:queue")).content.decode()
    assert missed.reference in queue
    assert "Termijn crisisroute" in queue  # the column header stays, with nothing in it
    assert "Over de termijn" not in queue
    assert client.get(reverse("meetings:crisis-lane")).status_code == 404
    assert "Crisistermijnen" not in client.get(reverse("core:start")).content.decode()
    assert crisis.signal_overdue_crisis_deadlines() == 0
    manager = member(world.house, Role.HOUSE_MANAGER)
    assert crisis_lane_tables(house_scope(actor=manager, house_id=world.house.pk),
                              make_period(today - dt.timedelta(days=30), today)) == []


# --- API -------------------------------------------------------------------------------------------------------


def test_the_api_gives_the_deadlines_on_the_queue_and_the_case(world: World,
                                                              api_client: Callable[[User], APIClient]) -> None:
    missed = crisis_intake(world, working_days_back(3))
    normal = intake(world)
    client = api_client(world.director)
    items = {i["caseId"]: i for i in client.get("/api/v1/triage-queue").json()["results"]}
    assert items[missed.pk]["crisisDeadline"]["state"] == "overdue"
    assert items[missed.pk]["crisisDeadline"]["kind"] == "triage"
    assert items[missed.pk]["crisisDeadline"]["metDate"] is None
    assert items[normal.pk]["crisisDeadline"] is None
    detail = client.get(f"/api/v1/cases/{missed.pk}").json()
    assert [d["state"] for d in detail["crisisDeadlines"]] == ["overdue"]
    assert client.get(f"/api/v1/cases/{normal.pk}").json()["crisisDeadlines"] == []


# --- Access matrix -----------------------------------------------------------------------------------------------

CORE = {"director", "secretary"}


@pytest.mark.parametrize("actor", ["director", "secretary", "manager", "administrator", "filer", "participant",
                                   "other_house_director", "switched_off_house_director"])
def test_access_matrix(actor: str, world: World, verified_client: Callable[[User], Client],
                       api_client: Callable[[User], APIClient]) -> None:
    case = admitted(world, working_days_back(1))
    waiting = crisis_intake(world, working_days_back(3))
    off_house = HouseFactory.create()
    lane_on(off_house, enabled=False)
    users = {
        "director": world.director, "secretary": world.secretary,
        "manager": member(world.house, Role.HOUSE_MANAGER),
        "administrator": member(world.house, Role.FUNCTIONAL_ADMINISTRATOR),
        "filer": world.filer, "participant": world.police_pro,
        "other_house_director": member(HouseFactory.create(), Role.PROCESS_DIRECTOR),
        "switched_off_house_director": member(off_house, Role.PROCESS_DIRECTOR),
    }
    user = users[actor]
    before = ProcessingRecord.objects.filter(object_type="crisis-lane").count()
    response = verified_client(user).get(reverse("meetings:crisis-lane"))
    assert response.status_code == (200 if actor in CORE else 404)
    logged = ProcessingRecord.objects.filter(object_type="crisis-lane").count() - before
    assert (logged > 0) == (actor in CORE)
    assert crisis.crisis_counts(actor=user)["overdue"] == (1 if actor in CORE else 0)
    detail = api_client(user).get(f"/api/v1/cases/{case.pk}")
    if actor in CORE:
        assert [d["kind"] for d in detail.json()["crisisDeadlines"]] == ["triage", "conference"]
    elif actor == "participant":
        assert detail.status_code == 200
        assert "crisisDeadlines" not in detail.json()  # not core staff: no deadlines
    else:
        assert detail.status_code == 404 or "crisisDeadlines" not in detail.json()
    queue = api_client(user).get("/api/v1/triage-queue")
    shown = [i["caseId"] for i in queue.json()["results"]] if queue.status_code == 200 else []
    assert (waiting.pk in shown) == (actor in CORE)


def test_the_daily_reminder_command_signals_the_passed_deadlines(world: World) -> None:
    from io import StringIO

    from django.core.management import call_command

    crisis_intake(world, working_days_back(3))
    out = StringIO()
    call_command("send_reminders", stdout=out)
    assert "crisis-lane deadlines signalled: 1" in out.getvalue()
    assert Notification.objects.filter(kind=Kind.CRISIS_DEADLINE_OVERDUE, user=world.director).count() == 1
