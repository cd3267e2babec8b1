"""The pseudonym key list of a recidivism measurement: who is behind each pseudonym, for the police.

A measurement is a house and a period: its persons are the subject persons of the house's cases whose
action plan was first adopted in the period. The police match these persons against their records and
return the incident file with the pseudonyms only (`reporting.imports`). The list identifies persons, so
each export is a processing-log record with the persons as data subjects, and a measurement's list is
exported once per reason: a second export needs a new reason.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import roles
from opencasus.access.reporting import key_list_house_get
from opencasus.cases.models import Case, Person
from opencasus.cases.vocabulary import Relation
from opencasus.core.text import refuse_control_characters
from opencasus.logbook import purposes
from opencasus.logbook.models import Action
from opencasus.logbook.services import record_processing
from opencasus.reporting import sources
from opencasus.reporting.audit import ACTIVITY
from opencasus.reporting.exports import neutralise
from opencasus.reporting.models import KeyListExport, RecidivismMeasurement
from opencasus.reporting.selectors.period import make_period

if TYPE_CHECKING:
    from opencasus.accounts.models import User

HEADER = ["person_pseudonym", "last_name", "first_name", "date_of_birth", "plan_adopted_on"]
REASON_MAX = 500


@dataclass(frozen=True)
class KeyList:
    export: KeyListExport
    content: bytes

    @property
    def filename(self) -> str:
        m = self.export.measurement
        return f"sleutellijst-{m.house_id}-{m.period_start:%Y%m%d}-{m.period_end:%Y%m%d}-{self.export.pk}.csv"


def clean_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Give the reason for this export.")]})
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": [_("The reason is too long (at most %(max)s characters).")
                                          % {"max": REASON_MAX}]})
    try:
        refuse_control_characters(reason)
    except ValidationError as error:
        raise ValidationError({"reason": error.messages}) from None
    return reason


def reason_key(reason: str) -> str:
    folded = " ".join(reason.casefold().split()).rstrip(".")
    return hashlib.sha256(folded.encode()).hexdigest()


def _as_date(value: dt.datetime) -> dt.date:
    return timezone.localdate(value) if timezone.is_aware(value) else value.date()


def _rows(house_id: int, start: dt.date, end: dt.date) -> list[tuple[str, str, str, str, str]]:
    tz = timezone.get_current_timezone()
    adoptions = sources.plan_adoption_dates(
        Case.objects.filter(house_id=house_id).values("pk"),
        start=dt.datetime.combine(start, dt.time.min, tz),
        end=dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tz)) or {}
    persons = (Person.objects.filter(case_id__in=list(adoptions), relation=Relation.SUBJECT)
               .order_by("last_name", "first_name", "pk")
               .values_list("pseudonym", "last_name", "first_name", "date_of_birth", "case_id"))
    return [(str(pseudonym), last, first, born.isoformat() if born else "", _as_date(adoptions[case_id]).isoformat())
            for pseudonym, last, first, born, case_id in persons]


def _csv(rows: list[tuple[str, str, str, str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


@transaction.atomic
def key_list_export(*, actor: User, house_id: int, date_from: dt.date, date_to: dt.date, reason: str,
                    purpose: str = purposes.RECIDIVISM_KEY_LIST) -> KeyList:
    """Export the key list of the house's measurement for [date_from, date_to] (created on first export).

    Raises ValidationError (Dutch, nothing written) for a bad period or reason, and with code "conflict"
    when this measurement's list was already exported for the same reason.
    """
    house = key_list_house_get(actor=actor, house_id=house_id)
    reason = clean_reason(reason)
    period = make_period(date_from, date_to)
    if period.date_to > timezone.localdate():
        raise ValidationError({"date_to": [_("The period of a measurement cannot end in the future.")]})
    measurement, _created = RecidivismMeasurement.objects.get_or_create(
        house=house, period_start=period.date_from, period_end=period.date_to, defaults={"created_by": actor})
    measurement = RecidivismMeasurement.objects.select_for_update().get(pk=measurement.pk)
    key = reason_key(reason)
    already = ValidationError(_("The key list of this measurement was already exported for this reason. "
                                "Give a new reason for a new export."), code="conflict")
    if KeyListExport.objects.filter(measurement=measurement, reason_key=key).exists():
        raise already
    rows = _rows(house.pk, period.date_from, period.date_to)
    try:
        with transaction.atomic():  # a simultaneous export with the same reason won the unique constraint
            export = KeyListExport.objects.create(measurement=measurement, reason=reason, reason_key=key,
                                                  exported_by=actor, person_count=len(rows))
    except IntegrityError:
        raise already from None
    record_processing(action=Action.EXPORT, activity_code=ACTIVITY, purpose=purpose,
                      who=roles.who(actor, house.pk), house_id=house.pk,
                      data_subjects=[r[0] for r in rows] or ("",), object_type="recidivism-measurement",
                      object_id=measurement.pk)
    return KeyList(export, _csv(rows))
