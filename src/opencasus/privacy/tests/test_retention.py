"""Exact retention behaviour, also as property tests over random timelines."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opencasus.cases.models import Case
from opencasus.cases.workflow import Status
from opencasus.network.tests.factories import HouseFactory
from opencasus.privacy import deletion, retention
from opencasus.privacy.models import AnonymisedCaseRecord, RetentionCategory
from opencasus.privacy.tests.factories import RetentionPolicyFactory, ended_case

DAYS = st.dates(min_value=dt.date(2018, 1, 1), max_value=dt.date(2026, 12, 31))


@given(anchor=DAYS, today=DAYS, months=st.integers(min_value=0, max_value=120))
def test_last_expired_anchor_is_exact(anchor: dt.date, today: dt.date, months: int) -> None:
    last = retention.last_expired_anchor(today, months)
    assert (retention.add_months(anchor, months) <= today) == (anchor <= last)


def test_add_months_clamps_to_the_end_of_the_month() -> None:
    assert retention.add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert retention.add_months(dt.date(2023, 8, 31), 6) == dt.date(2024, 2, 29)


CASE = st.tuples(st.sampled_from([Status.CLOSED, Status.DECLINED, Status.ROUTED, Status.ADVICE_GIVEN,
                                  Status.ADMITTED, Status.IN_TRIAGE]), DAYS)
PERIOD = st.one_of(st.none(), st.integers(min_value=0, max_value=60))


@pytest.mark.django_db
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases=st.lists(CASE, min_size=1, max_size=6), periods=st.fixed_dictionaries({
    RetentionCategory.CASE_CLOSED: PERIOD, RetentionCategory.INTAKE_DECLINED: PERIOD,
    RetentionCategory.INTAKE_ROUTED: PERIOD, RetentionCategory.INTAKE_ADVICE: PERIOD}), today=DAYS)
def test_nothing_goes_before_its_time_and_nothing_past_it_survives(
    cases: list[tuple[str, dt.date]], periods: dict[str, int | None], today: dt.date,
) -> None:
    with transaction.atomic():
        house = HouseFactory.create()
        for category, months in periods.items():
            if months is not None:
                RetentionPolicyFactory.create(house=house, category=category, period_months=months)
        made = [(ended_case(house, status, day), status, day) for status, day in cases]
        deletion.run_retention(house=house, today=today, dry_run=False)
        survivors = set(Case.objects.filter(house=house).values_list("pk", flat=True))
        expected_deleted = 0
        for case, status, day in made:
            case_category = retention.CASE_CATEGORY_BY_STATUS.get(status)
            months = periods.get(case_category) if case_category else None
            expired = months is not None and retention.add_months(day, months) <= today
            assert (case.pk not in survivors) == expired, (status, day, months, today)
            expected_deleted += expired
        assert AnonymisedCaseRecord.objects.filter(house=house).count() == expected_deleted
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_a_case_is_deleted_on_its_expiry_day_not_the_day_before() -> None:
    house = HouseFactory.create()
    RetentionPolicyFactory.create(house=house, category=RetentionCategory.INTAKE_DECLINED, period_months=6)
    case = ended_case(house, Status.DECLINED, dt.date(2025, 3, 10))
    assert deletion.run_retention(house=house, today=dt.date(2025, 9, 9), dry_run=False).summary == {}
    assert Case.objects.filter(pk=case.pk).exists()
    run = deletion.run_retention(house=house, today=dt.date(2025, 9, 10), dry_run=False)
    assert run.summary == {RetentionCategory.INTAKE_DECLINED: 1}
    assert not Case.objects.filter(pk=case.pk).exists()


@pytest.mark.django_db
def test_without_a_policy_nothing_expires_and_running_cases_never_do() -> None:
    house = HouseFactory.create()
    ended_case(house, Status.CLOSED, dt.date(2019, 1, 1))
    RetentionPolicyFactory.create(house=house, category=RetentionCategory.INTAKE_DECLINED, period_months=0)
    ended_case(house, Status.ADMITTED, dt.date(2019, 1, 1))
    assert retention.collect(house, dt.date(2026, 1, 1)) == []


@pytest.mark.django_db
def test_dry_run_lists_what_falls_due_soon_with_its_date() -> None:
    house = HouseFactory.create()
    RetentionPolicyFactory.create(house=house, category=RetentionCategory.CASE_CLOSED, period_months=12)
    now_due = ended_case(house, Status.CLOSED, dt.date(2024, 1, 1))
    later = ended_case(house, Status.CLOSED, dt.date(2024, 3, 15))
    far = ended_case(house, Status.CLOSED, dt.date(2025, 1, 1))
    run = deletion.run_retention(house=house, today=dt.date(2025, 1, 10), dry_run=True)
    by_id = {i["objectId"]: i for i in run.items}
    assert by_id[str(now_due.pk)]["due"] is True
    assert by_id[str(later.pk)] == {**by_id[str(later.pk)], "due": False, "expiresOn": "2025-03-15"}
    assert str(far.pk) not in by_id
    assert Case.objects.count() == 3
