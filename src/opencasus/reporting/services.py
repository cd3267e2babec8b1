"""Writes of reporting: advice to local administrators. (Police data imports: `reporting.imports`.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import roles
from opencasus.access.policy import CaseAccess, case_get
from opencasus.cases.services import case_subjects
from opencasus.cases.vocabulary import SubjectType
from opencasus.logbook import purposes
from opencasus.logbook.models import Action
from opencasus.logbook.services import record_processing
from opencasus.network.models import Municipality
from opencasus.reporting.audit import ACTIVITY
from opencasus.reporting.models import Advice

if TYPE_CHECKING:
    from opencasus.accounts.models import User

MAX_ADVICE_LENGTH = 10_000


@transaction.atomic
def advice_record(*, actor: User, case_id: int, text: str, municipality_code: str | None = None) -> Advice:
    """Record advice to a municipality's administrators that concludes an area or theme case (core staff)."""
    case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE)
    if case.subject_type != SubjectType.AREA:
        raise ValidationError(_("Advice to local administrators is recorded for area and theme cases only."),
                              code="not_area_case")
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write the advice."), code="required")
    if len(text) > MAX_ADVICE_LENGTH:
        raise ValidationError(_("The advice is too long (at most %(n)s characters).") % {"n": MAX_ADVICE_LENGTH},
                              code="max_length")
    municipality = case.municipality
    if municipality_code:
        found = Municipality.objects.filter(code=municipality_code).first()
        if found is None:
            raise ValidationError(_("Unknown municipality."), code="invalid_municipality")
        municipality = found
    advice = Advice.objects.create(house_id=case.house_id, case=case, municipality=municipality,
                                   target_group_id=case.target_group_id, text=text, given_by=actor,
                                   given_at=timezone.now())
    record_processing(action=Action.CREATE, activity_code=ACTIVITY, purpose=purposes.ADVICE,
                      who=roles.who(actor, case.house_id), house_id=case.house_id,
                      data_subjects=case_subjects(case), object_type="advice", object_id=advice.pk,
                      case_id=case.pk)
    return advice
