"""Helpers shared by the triage services: the processing-log record and the participant rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import roles
from opencasus.accounts.models import User
from opencasus.cases.models import Case
from opencasus.cases.services import case_subjects, subjects_by_case
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import Processing, record_processing, record_processing_many
from opencasus.network.models import House, Membership, Organisation, Partnership, Role

ACTIVITY = ActivityCode.TRIAGE


def case_purpose(case: Case) -> str:
    """The purpose a processing serves: the fixed purpose after admission, the requested one before."""
    return case.purpose or case.requested_purpose


def log_case(*, actor: User, case: Case, action: Action | str, object_type: str, object_id: Any = "") -> None:
    record_processing(
        action=action, activity_code=ACTIVITY, purpose=case_purpose(case), who=roles.who(actor, case.house_id),
        house_id=case.house_id, data_subjects=case_subjects(case), object_type=object_type,
        object_id=object_id if object_id != "" else case.pk, case_id=case.pk,
    )


def log_cases_shown(*, actor: User, cases: list[Case], object_type: str) -> None:
    """A list that shows several cases' people: one view record per person of each case, in one batch."""
    subjects = subjects_by_case([c.pk for c in cases])
    who = {house_id: roles.who(actor, house_id) for house_id in {c.house_id for c in cases}}
    record_processing_many([
        Processing(action=Action.VIEW, activity_code=ACTIVITY, purpose=case_purpose(case), who=who[case.house_id],
                   house_id=case.house_id, data_subjects=subjects.get(case.pk, ("",)), object_type=object_type,
                   object_id=case.pk, case_id=case.pk)
        for case in cases])


def conflict() -> ValidationError:
    return ValidationError(_("This case was changed by someone else in the meantime. Reload and try again."),
                           code="conflict")


def organisations_with_covenant(house: House, on: dt.date | None = None) -> dict[int, Organisation]:
    partnerships = Partnership.objects.covenant_in_force(on).filter(house=house).select_related("organisation")
    return {p.organisation_id: p.organisation for p in partnerships}


def partner_memberships(house: House, organisation_ids: set[int], on: dt.date | None = None) -> dict[int, set[int]]:
    """For each user: the organisations (of those given) they are an active partner professional for."""
    result: dict[int, set[int]] = {}
    rows = Membership.objects.active(on).filter(
        house=house, role=Role.PARTNER_PROFESSIONAL, organisation_id__in=organisation_ids,
        user__is_active=True, user__is_system_client=False,
    ).values_list("user_id", "organisation_id")
    for user_id, organisation_id in rows:
        result.setdefault(user_id, set()).add(organisation_id)
    return result


def check_participants(house: House, organisation_ids: list[int],
                       professionals: list[tuple[int, int]]) -> tuple[dict[int, Organisation], list[tuple[int, int]]]:
    """Validate organisations (covenant in force) and named professionals (user, organisation).

    Raises a ValidationError keyed by field; returns the organisations and the (user, organisation) pairs.
    """
    today = timezone.localdate()
    allowed = organisations_with_covenant(house, today)
    errors: dict[str, list[str]] = {}
    chosen: dict[int, Organisation] = {}
    for organisation_id in dict.fromkeys(organisation_ids):
        if organisation_id not in allowed:
            name = Organisation.objects.filter(pk=organisation_id).values_list("name", flat=True).first()
            errors.setdefault("organisations", []).append(
                _("%(organisation)s has no privacy covenant in force with this house; it cannot take part.")
                % {"organisation": name or organisation_id})
        else:
            chosen[organisation_id] = allowed[organisation_id]
    memberships = partner_memberships(house, set(allowed))
    pairs: list[tuple[int, int]] = []
    for user_id, organisation_id in dict.fromkeys(professionals):
        if organisation_id not in memberships.get(user_id, set()):
            user = User.objects.filter(pk=user_id).first()
            errors.setdefault("professionals", []).append(
                _("%(user)s is not an active partner professional of that organisation in this house.")
                % {"user": (user.get_full_name() or user.get_username()) if user else user_id})
            continue
        chosen.setdefault(organisation_id, allowed[organisation_id])
        pairs.append((user_id, organisation_id))
    if errors:
        raise ValidationError(errors)
    return chosen, pairs
