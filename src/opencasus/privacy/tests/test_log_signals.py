"""Signals in the processing log, by the house's thresholds."""

import datetime as dt
from collections.abc import Iterable

import pytest
from django.utils import timezone

from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import Who, record_processing
from opencasus.network.models import House
from opencasus.network.tests.factories import HouseFactory
from opencasus.privacy import log_signals
from opencasus.privacy.models import PrivacySettings

pytestmark = pytest.mark.django_db
NOW = timezone.make_aware(dt.datetime(2025, 3, 12, 15, 0))


def view(house: House, user_id: int, case_id: int | None, moment: dt.datetime, action: str = Action.VIEW,
         subjects: Iterable[str] = ("p",)) -> None:
    record_processing(action=action, activity_code=ActivityCode.CASE_CONFERENCE, purpose="t", house_id=house.pk,
                      who=Who(user_id=user_id, username=f"user{user_id}"), data_subjects=subjects,
                      case_id=case_id, started_at=moment)


@pytest.fixture
def house() -> House:
    house = HouseFactory.create()
    PrivacySettings.objects.create(house=house, many_cases_count=3, many_cases_window_minutes=10,
                                   export_persons_count=4, look_back_days=7)
    return house


def test_many_cases_in_a_short_time(house: House) -> None:
    start = NOW - dt.timedelta(hours=2)
    for i in range(4):  # four different cases within 6 minutes: more than 3
        view(house, 1, 100 + i, start + dt.timedelta(minutes=2 * i))
    for i in range(4):  # the same four, but spread over 40 minutes: not a signal
        view(house, 2, 100 + i, start + dt.timedelta(minutes=11 * i))
    for _i in range(6):  # many views of one case: not a signal
        view(house, 3, 100, start)
    found = log_signals.signals_for(house, house.privacy_settings, now=NOW)
    assert [(s.kind, s.user_id, s.count) for s in found] == [("many-cases", 1, 4)]


def test_odd_hours_in_amsterdam_time(house: House) -> None:
    view(house, 5, 1, timezone.make_aware(dt.datetime(2025, 3, 11, 23, 30)))
    view(house, 5, 1, timezone.make_aware(dt.datetime(2025, 3, 11, 5, 59)))
    view(house, 6, 1, timezone.make_aware(dt.datetime(2025, 3, 11, 6, 0)))
    view(house, 6, 1, timezone.make_aware(dt.datetime(2025, 3, 11, 21, 59)))
    found = log_signals.signals_for(house, house.privacy_settings, now=NOW)
    assert [(s.kind, s.user_id, s.count) for s in found] == [("odd-hours", 5, 2)]
    assert log_signals.is_odd_hour(timezone.make_aware(dt.datetime(2025, 7, 1, 22, 0)), 22, 6)
    assert not log_signals.is_odd_hour(timezone.make_aware(dt.datetime(2025, 7, 1, 12, 0)), 9, 9)


def test_exports_of_many_persons(house: House) -> None:
    view(house, 7, None, NOW - dt.timedelta(hours=1), action=Action.EXPORT, subjects=["a", "b", "c", "d"])
    view(house, 8, None, NOW - dt.timedelta(hours=1), action=Action.EXPORT, subjects=["a", "b", "c"])
    found = log_signals.signals_for(house, house.privacy_settings, now=NOW)
    assert [(s.kind, s.user_id, s.count) for s in found] == [("large-export", 7, 4)]


def test_old_records_and_system_jobs_are_not_signalled(house: House) -> None:
    view(house, 9, 1, NOW - dt.timedelta(days=8, hours=-1) - dt.timedelta(hours=12))
    record_processing(action=Action.VIEW, activity_code=ActivityCode.PRIVACY, purpose="t", house_id=house.pk,
                      who=Who.system("retention"), started_at=timezone.make_aware(dt.datetime(2025, 3, 11, 2)))
    assert log_signals.signals_for(house, house.privacy_settings, now=NOW) == []


def triage_morning(house: House, user_id: int, role: str, day: int, cases: int, first_case: int = 1000) -> None:
    """A professional opens `cases` different cases between 9:00 and 10:00 on `day` (days before NOW)."""
    start = timezone.make_aware(dt.datetime(2025, 3, 12, 9, 0)) - dt.timedelta(days=day)
    for i in range(cases):
        record_processing(action=Action.VIEW, activity_code=ActivityCode.TRIAGE, purpose="t", house_id=house.pk,
                          who=Who(user_id=user_id, username=f"user{user_id}", role=role), data_subjects=["p"],
                          case_id=first_case + i, started_at=start + dt.timedelta(minutes=i * 50 // cases))


@pytest.fixture
def busy_house() -> House:
    """The defaults: more than 15 different cases within 60 minutes is the floor."""
    house = HouseFactory.create()
    PrivacySettings.objects.create(house=house, look_back_days=14)
    return house


def test_normal_triage_work_of_process_directors_is_not_signalled(busy_house: House) -> None:
    for user_id in (21, 22, 23):  # three process directors triage 20-30 intakes one morning a week
        for week in range(4):
            triage_morning(busy_house, user_id, "process_director", 1 + 7 * week, 20 + user_id % 10 + week)
    triage_morning(busy_house, 31, "partner_professional", 2, 3)  # a partner opens a few cases
    assert log_signals.signals_for(busy_house, busy_house.privacy_settings, now=NOW) == []


def test_a_professional_far_above_their_role_is_signalled(busy_house: House) -> None:
    for user_id in (21, 22, 23):
        for week in range(4):
            triage_morning(busy_house, user_id, "process_director", 1 + 7 * week, 20 + week)
    triage_morning(busy_house, 24, "process_director", 3, 90)  # ninety cases in one hour: not normal
    for week in range(4):  # partners open a few cases a day; one suddenly opens twenty
        triage_morning(busy_house, 31, "partner_professional", 1 + 7 * week, 2)
        triage_morning(busy_house, 32, "partner_professional", 2 + 7 * week, 3)
    triage_morning(busy_house, 33, "partner_professional", 4, 20)
    found = log_signals.signals_for(busy_house, busy_house.privacy_settings, now=NOW)
    assert sorted((s.kind, s.user_id, s.count) for s in found) == [("many-cases", 24, 90), ("many-cases", 33, 20)]
    thresholds = {s.user_id: s.detail["threshold"] for s in found}
    assert thresholds[33] == 15  # the floor: three times a partner's normal is less
    assert thresholds[24] > 60  # three times a director's normal triage morning
