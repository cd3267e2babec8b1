from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from factory.declarations import SubFactory
from factory.django import DjangoModelFactory

from opencasus.cases.models import Case, StatusChange
from opencasus.cases.tests.factories import CaseFactory
from opencasus.cases.workflow import Status
from opencasus.network.models import House, Role
from opencasus.network.tests.factories import HouseFactory, member
from opencasus.privacy.models import RetentionCategory, RetentionPolicy


class RetentionPolicyFactory(DjangoModelFactory[RetentionPolicy]):
    class Meta:
        model = RetentionPolicy
        django_get_or_create = ("house", "category")

    house = SubFactory(HouseFactory)
    category = RetentionCategory.CASE_CLOSED
    period_months = 24
    source = "Privacyconvenant art. 7 (voorbeeld)"
    is_example = True


def officer(house: House, **kwargs: Any) -> Any:
    return member(house, Role.PRIVACY_OFFICER, **kwargs)


def at(day: dt.date, hour: int = 12) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def ended_case(house: House, status: str, day: dt.date, **kwargs: Any) -> Case:
    """A case that ended on `day`: closed then, or decided at the triage table then."""
    filed = day - dt.timedelta(days=30)
    case = CaseFactory.create(house=house, status=status, filed_at=at(filed), last_activity_at=at(day),
                       closed_at=at(day) if status == Status.CLOSED else None, **kwargs)
    StatusChange.objects.create(case=case, house_id=case.house_id,
                                from_status=Status.SUBMITTED, to_status=Status.IN_TRIAGE,
                                changed_at=at(filed))
    decision = Status.ADMITTED if status == Status.CLOSED else status
    StatusChange.objects.create(case=case, house_id=case.house_id, from_status=Status.IN_TRIAGE, to_status=decision,
                                changed_at=at(day if status != Status.CLOSED else filed + dt.timedelta(days=7)))
    if status == Status.CLOSED:
        StatusChange.objects.create(case=case, house_id=case.house_id, from_status=Status.ADMITTED,
                                    to_status=Status.CLOSED, changed_at=at(day))
    return case
