"""The privacy officer's log search by professional and by organisation (through the audit record's time)."""

import datetime as dt

import pytest
from django.utils import timezone

from opencasus.logbook.models import ActivityCode, AuditRecord, ProcessingRecord
from opencasus.logbook.services import Who, record_processing
from opencasus.network.tests.factories import HouseFactory
from opencasus.privacy.selectors import LogFilters, processing_log_search

pytestmark = pytest.mark.django_db

BASE = timezone.make_aware(dt.datetime(2024, 12, 31, 23, 0))


def _log(house_id: int, who: Who, at: dt.datetime, subject: str) -> ProcessingRecord:
    [record] = record_processing(action="view", activity_code=ActivityCode.TRIAGE, purpose="Beoordelen",
                                 who=who, house_id=house_id, data_subjects=[subject], started_at=at)
    return record


def test_search_by_professional_or_organisation_is_newest_first_and_of_the_house_only() -> None:
    house, other = HouseFactory.create(), HouseFactory.create()
    anna = Who(user_id=11, username="anna", organisation_id=21, role="secretary")
    bert = Who(user_id=12, username="bert", organisation_id=21, role="secretary")
    # Over a year boundary: the records lie in two yearly partitions on PostgreSQL.
    times = [BASE + dt.timedelta(hours=h) for h in (0, 2, -5, 30)]
    mine = [_log(house.pk, anna, at, f"p{i}") for i, at in enumerate(times)]
    colleague = _log(house.pk, bert, BASE + dt.timedelta(hours=1), "q")
    _log(other.pk, anna, BASE + dt.timedelta(hours=40), "elsewhere")
    newest_first = [r.pk for r in sorted(mine, key=lambda r: r.started_at, reverse=True)]

    by_user = list(processing_log_search(house=house, filters=LogFilters(user_id=11)))
    assert [r.pk for r in by_user] == newest_first
    assert all(r.audit.username == "anna" for r in by_user)

    by_organisation = [r.pk for r in processing_log_search(house=house, filters=LogFilters(organisation_id=21))]
    assert by_organisation == sorted([*newest_first, colleague.pk],
                                     key=lambda pk: ProcessingRecord.objects.get(pk=pk).started_at, reverse=True)

    in_period = processing_log_search(house=house, filters=LogFilters(
        user_id=11, from_date=dt.date(2025, 1, 1), to_date=dt.date(2025, 1, 2)))
    assert [r.data_subject for r in in_period] == ["p3", "p1"]
    assert list(processing_log_search(house=house, filters=LogFilters(user_id=99))) == []


def test_every_audit_record_carries_its_records_time() -> None:
    house = HouseFactory.create()
    record = _log(house.pk, Who(user_id=1, username="a"), BASE, "x")
    assert AuditRecord.objects.get(record_id=record.pk).started_at == record.started_at == BASE
