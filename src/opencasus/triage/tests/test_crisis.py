"""The crisis lane's triage deadline: working days from the filing, met by the triage decision; nothing outside
the crisis lane (not a crisis intake, or a house that has the crisis lane switched off)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from opencasus.cases.models import Case
from opencasus.cases.vocabulary import Urgency
from opencasus.cases.workflow import Status
from opencasus.core.dates import add_working_days
from opencasus.core.tests.world import World
from opencasus.network.models import Approach, CrisisLaneSettings, HouseApproach
from opencasus.triage import selectors
from opencasus.triage.crisis import DeadlineKind, DeadlineState, triage_deadlines
from opencasus.triage.models import Decision, Verdict
from opencasus.triage.tests.factories import intake, make_world

pytestmark = pytest.mark.django_db

FRIDAY = dt.date(2026, 12, 4)


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


@pytest.fixture
def world() -> World:
    w = make_world()
    HouseApproach.objects.create(house=w.house, approach=Approach.CRISIS_LANE, enabled=True)
    return w


def _decide(case: Case, world: World, on: dt.date) -> None:
    Decision.objects.create(case=case, outcome="decline", grounds="Eén keten volstaat.", verdict=Verdict.MEETS,
                            decided_by=world.director, decided_at=at(on, 15))
    Case.objects.filter(pk=case.pk).update(status=Status.DECLINED)
    case.refresh_from_db()


def test_working_days_skip_the_weekend() -> None:
    assert add_working_days(FRIDAY, 1) == dt.date(2026, 12, 7)  # Monday
    assert add_working_days(FRIDAY, 3) == dt.date(2026, 12, 9)
    assert add_working_days(dt.date(2026, 12, 5), 1) == dt.date(2026, 12, 7)  # filed on a Saturday
    assert add_working_days(dt.date(2026, 12, 7), 0) == dt.date(2026, 12, 7)


def test_the_triage_deadline_is_due_then_overdue_and_met_or_late_by_the_decision(world: World) -> None:
    case = intake(world, urgency=Urgency.CRISIS, filed_at=at(FRIDAY))
    due = dt.date(2026, 12, 7)
    assert triage_deadlines([case], today=FRIDAY)[case.pk].state == DeadlineState.OPEN
    assert triage_deadlines([case], today=due)[case.pk].state == DeadlineState.OPEN
    overdue = triage_deadlines([case], today=due + dt.timedelta(days=1))[case.pk]
    assert (overdue.kind, overdue.due_date, overdue.state) == (DeadlineKind.TRIAGE, due, DeadlineState.OVERDUE)
    _decide(case, world, due)
    met = triage_deadlines([case], today=due + dt.timedelta(days=5))[case.pk]
    assert (met.state, met.done_date) == (DeadlineState.MET, due)
    late_case = intake(world, urgency=Urgency.CRISIS, filed_at=at(FRIDAY))
    _decide(late_case, world, due + dt.timedelta(days=1))
    assert triage_deadlines([late_case], today=due + dt.timedelta(days=5))[late_case.pk].state == DeadlineState.LATE


def test_the_house_sets_the_period(world: World) -> None:
    CrisisLaneSettings.objects.create(house=world.house, triage_days=2, conference_days=4)
    case = intake(world, urgency=Urgency.CRISIS, filed_at=at(FRIDAY))
    assert triage_deadlines([case], today=FRIDAY)[case.pk].due_date == dt.date(2026, 12, 8)


def test_no_deadline_outside_the_crisis_lane(world: World) -> None:
    normal = intake(world, urgency=Urgency.HIGH, filed_at=at(FRIDAY))
    crisis = intake(world, urgency=Urgency.CRISIS, filed_at=at(FRIDAY))
    no_decision = intake(world, urgency=Urgency.CRISIS, filed_at=at(FRIDAY), status=Status.DECLINED)
    assert set(triage_deadlines([normal, crisis, no_decision], today=FRIDAY)) == {crisis.pk}
    HouseApproach.objects.filter(house=world.house).update(enabled=False)
    assert triage_deadlines([crisis], today=FRIDAY) == {}


def test_the_queue_carries_the_deadline_and_filters_on_it(world: World) -> None:
    crisis = intake(world, urgency=Urgency.CRISIS)
    intake(world)
    items = selectors.triage_queue(actor=world.director)
    by_case = {i.case.pk: i.crisis_deadline for i in items}
    assert by_case[crisis.pk] is not None
    assert sum(1 for d in by_case.values() if d is None) == 1
    only = selectors.triage_queue(actor=world.director, only="crisis")
    assert [i.case.pk for i in only] == [crisis.pk]
