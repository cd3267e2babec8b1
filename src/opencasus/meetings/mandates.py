"""Mandates at a meeting and confirmations of decisions beyond a mandate.

Core staff record per invited professional whether they may commit their organisation (and up to what). A
decision of the minutes, or an agreement of the plan, that goes beyond it is marked as needing the
organisation's confirmation by a deadline; a professional of that organisation confirms or refuses it. One
past its deadline is overdue (`overdue_confirmations`, the start page). Access: `opencasus.access.confirmations`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import confirmations as access
from opencasus.access.meetings import meeting_check
from opencasus.access.policy import CaseAccess, case_get
from opencasus.cases.services import case_subjects
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing
from opencasus.meetings.models import (
    Confirmation,
    ConfirmationStatus,
    Decision,
    Invitation,
    Mandate,
    MandateScope,
    Meeting,
)
from opencasus.meetings.workflow import CONFIRMATION_TRANSITIONS
from opencasus.network.models import Membership
from opencasus.plans.models import Agreement

if TYPE_CHECKING:
    from opencasus.accounts.models import User

ACTIVITY = ActivityCode.ACTION_PLAN


def _conflict(current: int, expected: int | None) -> None:
    if expected is not None and int(expected) != current:
        raise ValidationError(_("This record was changed by someone else in the meantime. Reload the page and make "
                                "your change again."), code="conflict")


def _log(*, actor: User, confirmation: Confirmation, action: str) -> None:
    from opencasus.access import roles

    case = confirmation.case
    record_processing(action=action, activity_code=ACTIVITY, purpose=case.purpose or case.requested_purpose,
                      who=roles.who(actor, case.house_id), house_id=case.house_id, data_subjects=case_subjects(case),
                      object_type="confirmation", object_id=confirmation.pk, case_id=case.pk)


def _clean_scope(scope: str, limit: str) -> tuple[str, str]:
    if scope not in MandateScope.values:
        raise ValidationError({"scope": _("Choose whether the professional may commit their organisation.")},
                              code="invalid")
    limit = (limit or "").strip()
    if scope == MandateScope.LIMITED and not limit:
        raise ValidationError({"limit": _("Say up to what the professional may commit their organisation.")},
                              code="required")
    return scope, limit if scope == MandateScope.LIMITED else ""


def mandate_list(*, actor: User, meeting_id: int) -> tuple[Meeting, QuerySet[Mandate]]:
    meeting = meeting_check(actor=actor, meeting=Meeting.objects.filter(pk=meeting_id).first())
    return meeting, Mandate.objects.filter(meeting=meeting).select_related("user", "organisation")


@transaction.atomic
def mandate_record(*, actor: User, meeting_id: int, user_id: int, organisation_id: int, scope: str,
                   limit: str = "") -> Mandate:
    """Core staff record an invitee's mandate for one organisation (at the invitation or in the meeting)."""
    meeting = meeting_check(actor=actor, meeting=Meeting.objects.select_for_update().filter(pk=meeting_id).first(),
                            core=True)
    if not Invitation.objects.filter(meeting=meeting, user_id=user_id).exists():
        raise ValidationError({"user_id": _("This professional is not invited to the meeting.")}, code="invalid")
    if not Membership.objects.active().filter(user_id=user_id, organisation_id=organisation_id,
                                              house_id=meeting.house_id).exists():
        raise ValidationError({"organisation_id": _("The professional does not work for this organisation.")},
                              code="invalid")
    scope, limit = _clean_scope(scope, limit)
    if Mandate.objects.filter(meeting=meeting, user_id=user_id, organisation_id=organisation_id).exists():
        raise ValidationError(_("A mandate is already recorded for this professional; change that one."),
                              code="exists")
    return Mandate.objects.create(meeting=meeting, user_id=user_id, organisation_id=organisation_id, scope=scope,
                                  limit=limit, recorded_by=actor)


@transaction.atomic
def mandate_update(*, actor: User, mandate_id: int, expected_version: int | None, scope: str,
                   limit: str = "") -> Mandate:
    found = Mandate.objects.select_for_update().select_related("meeting").filter(pk=mandate_id).first()
    if found is None:
        raise Http404
    meeting_check(actor=actor, meeting=found.meeting, core=True)
    _conflict(found.version, expected_version)
    found.scope, found.limit = _clean_scope(scope, limit)
    found.recorded_by, found.recorded_at = actor, timezone.now()
    found.version += 1
    found.save()
    return found


def _deadline(deadline: dt.date | None) -> dt.date:
    if deadline is None:
        raise ValidationError({"deadline": _("Give a date by which the organisation confirms.")}, code="required")
    if deadline < timezone.localdate():
        raise ValidationError({"deadline": _("The deadline lies in the past.")}, code="invalid")
    return deadline


@transaction.atomic
def confirmation_request(*, actor: User, deadline: dt.date | None, reason: str = "", decision_id: int | None = None,
                         agreement_id: int | None = None) -> Confirmation:
    """Core staff mark a decision (of the minutes) or an agreement (of the plan) as beyond the mandate of the
    organisation's participant: it waits for that organisation's confirmation by `deadline`."""
    if (decision_id is None) == (agreement_id is None):
        raise ValidationError(_("Name either a decision or an agreement."), code="invalid")
    meeting = None
    if decision_id is not None:
        decision = (Decision.objects.select_related("minutes__agenda_item__meeting", "minutes__agenda_item__case")
                    .filter(pk=decision_id).first())
        if decision is None:
            raise Http404
        item = decision.minutes.agenda_item
        meeting = meeting_check(actor=actor, meeting=item.meeting, core=True)
        case, _level = case_get(actor=actor, case_id=item.case_id, minimum=CaseAccess.CORE)
        organisation_id, subject = decision.owner_organisation_id, decision.description
        agreement = Agreement.objects.filter(pk=decision.agreement_id).first() if decision.agreement_id else None
    else:
        agreement = Agreement.objects.filter(pk=agreement_id or 0).first()
        if agreement is None:
            raise Http404
        case, _level = case_get(actor=actor, case_id=agreement.case_id, minimum=CaseAccess.CORE)
        decision, organisation_id, subject = None, agreement.owner_organisation_id, agreement.description
    if organisation_id is None:
        raise ValidationError(_("The decision names no organisation to confirm it."), code="invalid")
    pending = Confirmation.objects.filter(status=ConfirmationStatus.PENDING, organisation_id=organisation_id)
    if (decision is not None and pending.filter(decision=decision).exists()) or (
            agreement is not None and pending.filter(agreement=agreement).exists()):
        raise ValidationError(_("A confirmation of this is already pending."), code="exists")
    confirmation = Confirmation.objects.create(
        case=case, house_id=case.house_id, organisation_id=organisation_id, decision=decision, agreement=agreement,
        meeting=meeting, subject=subject, reason=(reason or "").strip(), deadline=_deadline(deadline),
        requested_by=actor)
    _log(actor=actor, confirmation=confirmation, action=Action.CREATE)
    return confirmation


@transaction.atomic
def confirmation_answer(*, actor: User, confirmation_id: int, expected_version: int | None, confirmed: bool,
                        note: str = "") -> Confirmation:
    """A professional of the organisation confirms or refuses; a refusal says why."""
    found = Confirmation.objects.select_for_update().select_related("case").filter(pk=confirmation_id).first()
    access.confirmation_check(actor=actor, confirmation=found, minimum=access.ConfirmationAccess.PARTICIPANT)
    assert found is not None
    if access.confirmation_access(actor=actor, confirmation=found) != access.ConfirmationAccess.ORGANISATION:
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied(_("Only the organisation asked confirms or refuses."))
    _conflict(found.version, expected_version)
    note = (note or "").strip()
    if not confirmed and not note:
        raise ValidationError({"note": _("Say why the organisation does not confirm.")}, code="required")
    new = ConfirmationStatus.CONFIRMED if confirmed else ConfirmationStatus.REFUSED
    CONFIRMATION_TRANSITIONS.check(found.status, new)
    found.status, found.answer_note = new, note
    found.answered_by, found.answered_at = actor, timezone.now()
    found.version += 1
    found.save()
    _log(actor=actor, confirmation=found, action=Action.UPDATE)
    return found


def confirmation_list(*, actor: User, status: str | None = None, overdue: bool | None = None,
                      case_id: int | None = None, mine: bool = False,
                      today: dt.date | None = None) -> QuerySet[Confirmation]:
    """Confirmations the actor may see (`mine`: those their organisation is asked for), with filters."""
    qs = access.to_answer(actor=actor) if mine else access.visible_confirmations(actor=actor)
    qs = qs.select_related("case", "organisation", "requested_by", "answered_by")
    if status:
        qs = qs.filter(status=status)
    if case_id is not None:
        qs = qs.filter(case_id=case_id)
    if overdue is not None:
        late = {"status": ConfirmationStatus.PENDING, "deadline__lt": today or timezone.localdate()}
        qs = qs.filter(**late) if overdue else qs.exclude(**late)
    return qs.order_by("deadline", "id")


def confirmation_get(*, actor: User, confirmation_id: int) -> tuple[Confirmation, access.ConfirmationAccess]:
    found = Confirmation.objects.select_related("case", "organisation", "requested_by", "answered_by").filter(
        pk=confirmation_id).first()
    access.confirmation_check(actor=actor, confirmation=found)
    assert found is not None
    _log(actor=actor, confirmation=found, action=Action.VIEW)
    return found, access.confirmation_access(actor=actor, confirmation=found)


def overdue_confirmations(*, actor: User, today: dt.date | None = None) -> QuerySet[Confirmation]:
    """Pending past the deadline: for the start page of core staff and of the organisation asked."""
    return confirmation_list(actor=actor, overdue=True, today=today)
