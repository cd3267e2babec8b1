from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from factory.declarations import LazyAttribute, SubFactory
from factory.django import DjangoModelFactory

from opencasus.cases.models import Case, StatusChange
from opencasus.cases.tests.factories import CaseFactory
from opencasus.cases.workflow import Status
from opencasus.network.models import House
from opencasus.reporting.models import Advice


def at(year: int, month: int, day: int, hour: int = 12) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, hour))


def case_with_history(house: House, filed_at: dt.datetime, *steps: tuple[str, dt.datetime], **fields: Any) -> Case:
    """A case filed at `filed_at` that went through `steps` (status, moment), recorded as status changes."""
    case = CaseFactory.create(house=house, filed_at=filed_at, **fields)
    previous = Status.SUBMITTED.value
    for status, moment in steps:
        StatusChange.objects.create(case=case, house_id=case.house_id,
                                    from_status=previous, to_status=status, changed_at=moment)
        previous = status
        if status == Status.ADMITTED:
            case.admitted_at = moment
        if status == Status.CLOSED:
            case.closed_at = moment
    case.status = previous
    case.save()
    return case


def triaged(house: House, filed_at: dt.datetime, outcome: str = Status.ADMITTED, days: int = 7,
            **fields: Any) -> Case:
    return case_with_history(house, filed_at, (Status.IN_TRIAGE, filed_at + dt.timedelta(days=1)),
                             (outcome, filed_at + dt.timedelta(days=days)), **fields)


class AdviceFactory(DjangoModelFactory[Advice]):
    class Meta:
        model = Advice

    house = LazyAttribute(lambda o: o.case.house)
    case = SubFactory(CaseFactory, subject_type="area")
    municipality = LazyAttribute(lambda o: o.case.municipality)
    text = "Investeer in straatverlichting en jongerenwerk in de wijk."
    given_by = LazyAttribute(lambda o: o.case.filed_by)
