"""Mandates at a meeting and confirmations of decisions beyond a mandate.

Core staff record per invited professional whether they may commit their organisation (and up to what). A
decision of the minutes, or an agreement of the plan, that goes beyond it is marked as needing the
organisation's confirmation by a deadline; a professional of that organisation confirms or refuses it. One
past its deadline is overdue (`overdue_confirmations`, the start page). Access: `opencasus.access.confirmations`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from opencasus.access import confirmations as access
from opencasus.access.meetings import meeting_check
from opencasus.access.policy import CaseAccess, case_get
from opencasus.cases.services import case_subjects
from opencasus.core.events import AgreementGiven
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing
from opencasus.meetings.models import (
    AgendaItem,
    Confirmation,
    ConfirmationStatus,
    Decision,
    Invitation,
    InvitationStatus,
    Mandate,
    MandateScope,
    Meeting,
    MeetingStatus,
    Minutes,
)
from opencasus.meetings.workflow import CONFIRMATION_TRANSITIONS
from opencasus.network.models import Membership, Organisation, Role
from opencasus.notifications.models import Kind
from opencasus.notifications.services import notify
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


@dataclass(frozen=True)
class MandateRow:
    """One invitee for one of their organisations in the meeting's house, with the mandate recorded (if any)."""

    invitation: Invitation
    organisation: Organisation
    mandate: Mandate | None

    @property
    def key(self) -> str:
        return f"{self.invitation.user_id}-{self.organisation.pk}"


def mandate_rows(*, actor: User, meeting: Meeting) -> list[MandateRow]:
    """Core staff: every invitee (not cancelled) per organisation they work for in the meeting's house."""
    meeting_check(actor=actor, meeting=meeting, core=True)
    invitations = {inv.user_id: inv for inv in Invitation.objects.filter(meeting=meeting).exclude(
        status=InvitationStatus.CANCELLED).select_related("user")}
    pairs = (Membership.objects.active().filter(house_id=meeting.house_id, user_id__in=list(invitations))
             .select_related("organisation").order_by("organisation__name"))
    recorded = {(m.user_id, m.organisation_id): m for m in Mandate.objects.filter(meeting=meeting)}
    rows: dict[tuple[int, int], MandateRow] = {}
    for membership in pairs:
        key = (membership.user_id, membership.organisation_id)
        if key not in rows:
            rows[key] = MandateRow(invitations[membership.user_id], membership.organisation, recorded.get(key))
    return sorted(rows.values(), key=lambda r: (str(r.invitation.user.get_full_name() or r.invitation.user.username),
                                                r.organisation.name))


@dataclass(frozen=True)
class MandateInput:
    user_id: int
    organisation_id: int
    scope: str  # "" leaves the row as it is (none recorded yet)
    limit: str = ""
    version: int | None = None


@transaction.atomic
def mandates_save(*, actor: User, meeting_id: int, rows: list[MandateInput]) -> int:
    """The attendance page: record or change the mandates of several invitees at once (all or none). A row
    without a scope and without a recorded mandate is skipped. Returns the number recorded or changed."""
    changed = 0
    errors: dict[str, list[str]] = {}
    for row in rows:
        existing = Mandate.objects.filter(meeting_id=meeting_id, user_id=row.user_id,
                                          organisation_id=row.organisation_id).first()
        try:
            if existing is None:
                if row.scope:
                    mandate_record(actor=actor, meeting_id=meeting_id, user_id=row.user_id,
                                   organisation_id=row.organisation_id, scope=row.scope, limit=row.limit)
                    changed += 1
            elif (existing.scope, existing.limit) != _clean_scope(row.scope, row.limit):
                mandate_update(actor=actor, mandate_id=existing.pk, expected_version=row.version, scope=row.scope,
                               limit=row.limit)
                changed += 1
        except ValidationError as error:
            key = f"mandate-{row.user_id}-{row.organisation_id}"
            errors.setdefault(key, []).extend(error.messages)
    if errors:
        raise ValidationError(errors)
    return changed


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
    organisation's participant: it waits for that organisation's confirmation by `deadline`. (Decisions and
    agreements given to an organisation whose participant had no mandate, or a limited one they exceed, are
    marked without asking: `confirmations_for_minutes`, `confirmation_for_agreement`.)"""
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
    _notify_asked(confirmation)
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
                      case_id: int | None = None, mine: bool = False, core_houses: bool = False,
                      today: dt.date | None = None) -> QuerySet[Confirmation]:
    """Confirmations the actor may see (`mine`: those their organisation is asked for; `core_houses`: those of
    the houses where the actor is core staff), with filters."""
    qs = access.to_answer(actor=actor) if mine else access.visible_confirmations(actor=actor)
    if core_houses:
        from opencasus.access import capacities

        qs = qs.filter(house_id__in=capacities.core_staff_house_ids(actor))
    qs = qs.select_related("case", "organisation", "requested_by", "answered_by")
    if status:
        qs = qs.filter(status=status)
    if case_id is not None:
        qs = qs.filter(case_id=case_id)
    if overdue is not None:
        late = {"status": ConfirmationStatus.PENDING, "deadline__lt": today or timezone.localdate()}
        qs = qs.filter(**late) if overdue else qs.exclude(**late)
    return qs.order_by("deadline", "id")


def log_list(*, actor: User, confirmations: list[Confirmation]) -> None:
    """A list of confirmations shows what was decided in a case: one VIEW record per case shown."""
    from opencasus.access import roles

    for case in {c.case_id: c.case for c in confirmations}.values():
        record_processing(action=Action.VIEW, activity_code=ACTIVITY, purpose=case.purpose or case.requested_purpose,
                          who=roles.who(actor, case.house_id), house_id=case.house_id,
                          data_subjects=case_subjects(case), object_type="confirmation-list", object_id=case.pk,
                          case_id=case.pk)


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


# --- Marking without asking: decisions and agreements beyond a recorded mandate -------------------------------


def add_working_days(start: dt.date, days: int) -> dt.date:
    """`days` working days (Monday to Friday) after `start`."""
    current = start
    while days > 0:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def default_deadline(today: dt.date | None = None) -> dt.date:
    """The deadline of a confirmation marked without asking: `OPENCASUS_CONFIRMATION_WORKING_DAYS` working days."""
    return add_working_days(today or timezone.localdate(),
                            int(getattr(settings, "OPENCASUS_CONFIRMATION_WORKING_DAYS", 10)))


_WIDTH = {MandateScope.NONE: 0, MandateScope.LIMITED: 1, MandateScope.FULL: 2}


def meeting_mandate(*, meeting_id: int, organisation_id: int) -> Mandate | None:
    """The mandate the organisation had at the meeting: the widest recorded for its invitees (one who may commit
    the organisation commits it); None when none was recorded."""
    invited = Invitation.objects.filter(meeting_id=meeting_id).exclude(status=InvitationStatus.CANCELLED)
    found = list(Mandate.objects.filter(meeting_id=meeting_id, organisation_id=organisation_id,
                                        user_id__in=invited.values("user_id")))
    return max(found, key=lambda m: _WIDTH[MandateScope(m.scope)], default=None)


def _beyond(mandate: Mandate | None, exceeds: bool) -> bool:
    return mandate is not None and (mandate.scope == MandateScope.NONE
                                    or (mandate.scope == MandateScope.LIMITED and exceeds))


def _reason(mandate: Mandate) -> str:
    """Kept with the confirmation in the installation's language (it is a record, not a label)."""
    with translation.override(settings.LANGUAGE_CODE):
        if mandate.scope == MandateScope.NONE:
            return _("The participant of the organisation had no mandate to commit it.")
        return _("Beyond the participant's mandate (up to: %(limit)s).") % {"limit": mandate.limit}


def _notify_asked(confirmation: Confirmation) -> None:
    notify(user_ids=_organisation_professionals(confirmation), kind=Kind.CONFIRMATION_REQUESTED,
           link=reverse("meetings:confirmation", args=[confirmation.pk]),
           case_reference=confirmation.case.reference, house_id=confirmation.house_id, on_date=confirmation.deadline,
           subject_key=f"confirmation-{confirmation.pk}")


def _organisation_professionals(confirmation: Confirmation) -> list[int]:
    return list(Membership.objects.active().filter(
        house_id=confirmation.house_id, organisation_id=confirmation.organisation_id,
        role=Role.PARTNER_PROFESSIONAL, user__is_active=True, user__is_system_client=False)
        .values_list("user_id", flat=True).distinct())


def _mark(*, actor: User, mandate: Mandate, case_id: int, subject: str, decision: Decision | None = None,
          agreement: Agreement | None = None, today: dt.date | None = None) -> Confirmation | None:
    pending = Confirmation.objects.filter(status=ConfirmationStatus.PENDING, organisation_id=mandate.organisation_id)
    if (decision is not None and pending.filter(decision=decision).exists()) or (
            agreement is not None and pending.filter(agreement=agreement).exists()):
        return None
    case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE)
    confirmation = Confirmation.objects.create(
        case=case, house_id=case.house_id, organisation_id=mandate.organisation_id, decision=decision,
        agreement=agreement, meeting_id=mandate.meeting_id, subject=subject, reason=_reason(mandate),
        deadline=default_deadline(today), requested_by=actor)
    _log(actor=actor, confirmation=confirmation, action=Action.CREATE)
    _notify_asked(confirmation)
    return confirmation


def confirmations_for_minutes(*, actor: User, minutes: Minutes,
                              today: dt.date | None = None) -> list[Confirmation]:
    """At approval of the minutes (when the decisions are final): every decision given to an organisation whose
    participant had no mandate, or a limited one the decision exceeds (ticked), waits for its confirmation."""
    item = minutes.agenda_item
    created = []
    for decision in minutes.decisions.exclude(owner_organisation=None):
        assert decision.owner_organisation_id is not None
        mandate = meeting_mandate(meeting_id=item.meeting_id, organisation_id=decision.owner_organisation_id)
        if mandate is not None and _beyond(mandate, decision.exceeds_mandate):
            found = _mark(actor=actor, mandate=mandate, case_id=item.case_id, subject=decision.description,
                          decision=decision, today=today)
            if found is not None:
                created.append(found)
    return created


def link_decision_agreement(*, decision: Decision, agreement: Agreement) -> None:
    """A decision that became an agreement: its confirmation is the agreement's too."""
    Confirmation.objects.filter(decision=decision, agreement=None).update(agreement=agreement)


def last_conference(*, case_id: int, today: dt.date | None = None) -> Meeting | None:
    """The case's most recent meeting that took place (or takes place today) with the case on its agenda."""
    items = AgendaItem.objects.filter(case_id=case_id, meeting__date__lte=today or timezone.localdate()).exclude(
        meeting__status=MeetingStatus.CANCELLED).select_related("meeting")
    item = items.order_by("-meeting__date", "-meeting__start_time").first()
    return item.meeting if item is not None else None


def confirmation_for_agreement(*, actor: User, agreement: Agreement, exceeds_mandate: bool = False,
                               today: dt.date | None = None) -> Confirmation | None:
    """An agreement of the plan (not from the minutes: those are marked with their decision) given to an
    organisation whose participant at the case's last conference had no mandate, or a limited one it exceeds."""
    meeting = last_conference(case_id=agreement.case_id, today=today)
    if meeting is None:
        return None
    mandate = meeting_mandate(meeting_id=meeting.pk, organisation_id=agreement.owner_organisation_id)
    if mandate is None or not _beyond(mandate, exceeds_mandate):
        return None
    return _mark(actor=actor, mandate=mandate, case_id=agreement.case_id, subject=agreement.description,
                 agreement=agreement, today=today)


def on_agreement_given(event: AgreementGiven) -> None:
    """Subscriber of `core.events.AgreementGiven` (in the creating transaction)."""
    from opencasus.accounts.models import User as UserModel

    if event.source.startswith("meeting:"):
        return  # a decision of the minutes: marked at the approval, linked by `decision_to_agreement`
    agreement = Agreement.objects.filter(pk=event.agreement_id).first()
    actor = UserModel.objects.filter(pk=event.actor_id).first()
    if agreement is not None and actor is not None:
        confirmation_for_agreement(actor=actor, agreement=agreement, exceeds_mandate=event.exceeds_mandate)


# --- Signalling: past the deadline ------------------------------------------------------------------------------


def signal_overdue_confirmations(*, today: dt.date | None = None) -> int:
    """Notify the organisation's professionals and the one who asked, once per confirmation, of every pending
    confirmation past its deadline (no content in the notification). Returns the number signalled."""
    today = today or timezone.localdate()
    late = Confirmation.objects.filter(status=ConfirmationStatus.PENDING, deadline__lt=today).select_related("case")
    count = 0
    for confirmation in late:
        with transaction.atomic():
            users = {*_organisation_professionals(confirmation), confirmation.requested_by_id}
            created = notify(user_ids=users, kind=Kind.CONFIRMATION_OVERDUE,
                             link=reverse("meetings:confirmation", args=[confirmation.pk]),
                             case_reference=confirmation.case.reference, house_id=confirmation.house_id,
                             on_date=confirmation.deadline, subject_key=f"confirmation-{confirmation.pk}")
            count += bool(created)
    return count
