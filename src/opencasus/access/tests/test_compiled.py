"""The visibility query is compiled once per user and shape, and reused with the cutoffs of the moment."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from opencasus.access import compiled
from opencasus.access.policy import CaseAccess, visible_cases
from opencasus.accounts.models import User
from opencasus.cases.models import Case, Participant
from opencasus.cases.tests.factories import CaseFactory, ParticipantFactory
from opencasus.cases.workflow import Status
from opencasus.network.models import House, Role
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    compiled.clear()


def _setup() -> tuple[House, User, Case]:
    house, org = HouseFactory.create(read_only_days_after_closure=30), OrganisationFactory.create()
    partner = member(house, Role.PARTNER_PROFESSIONAL, org)
    closed = CaseFactory.create(house=house, status=Status.CLOSED,
                                closed_at=timezone.now() - dt.timedelta(days=30, minutes=-10))
    ParticipantFactory.create(case=closed, organisation=org, user=partner)
    return house, partner, closed


def test_a_reused_query_takes_the_read_only_cutoff_of_the_moment(monkeypatch: pytest.MonkeyPatch) -> None:
    _house, partner, closed = _setup()
    assert list(visible_cases(actor=partner)) == [closed]
    assert compiled.entries() == 1
    before = timezone.now()
    later = before + dt.timedelta(minutes=20)  # past the 30 days of the read-only period
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert list(visible_cases(actor=partner)) == []
    # The same compiled query with another cutoff (a new one only if midnight passed: the day is in the key).
    assert compiled.entries() == (1 if timezone.localdate(later) == timezone.localdate(before) else 2)


def test_what_the_database_decides_is_decided_on_every_execution() -> None:
    _house, partner, closed = _setup()
    assert list(visible_cases(actor=partner)) == [closed]
    Participant.objects.filter(case=closed).update(ended_at=timezone.now())
    assert list(visible_cases(actor=partner)) == []
    assert compiled.entries() == 1


def test_a_changed_read_only_period_or_level_compiles_anew() -> None:
    house, partner, closed = _setup()
    assert list(visible_cases(actor=partner)) == [closed]
    house.read_only_days_after_closure = 10
    house.save()
    assert list(visible_cases(actor=partner)) == []
    assert compiled.entries() == 2
    # At participant level a partner has one branch (participations), compiled on its own.
    assert list(visible_cases(actor=partner, minimum=CaseAccess.PARTICIPANT)) == []
    assert compiled.entries() == 3
    house.read_only_days_after_closure = 30
    house.save()
    assert list(visible_cases(actor=partner, minimum=CaseAccess.PARTICIPANT)) == [closed]
    assert compiled.entries() == 4
