"""Writes for what happens at and after the meeting: attendance, minutes in BOB form, decisions
that become agreements in the case's plan, and the chair's self-report (Stappenmeter)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import capacities
from opencasus.access import meetings as meeting_access
from opencasus.access.policy import CaseAccess, case_get
from opencasus.accounts.models import User
from opencasus.cases.models import Participant
from opencasus.core.versions import version_missing
from opencasus.logbook import purposes
from opencasus.logbook.models import Action
from opencasus.meetings.mandates import confirmations_for_minutes, link_decision_agreement
from opencasus.meetings.models import (
    AgendaItem,
    Decision,
    Invitation,
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesStatus,
    SelfReport,
    SelfReportKind,
)
from opencasus.meetings.processing import log_case, log_without_subject
from opencasus.meetings.selectors import meeting_get
from opencasus.meetings.workflow import MINUTES_TRANSITIONS
from opencasus.network.models import Organisation
from opencasus.plans.services import agreement_create


def _require_started(meeting: Meeting) -> None:
    """Attendance and minutes are about a meeting that took place: not one still to come or cancelled."""
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("This meeting was cancelled; there is no attendance or minutes to record."),
                              code="cancelled")
    if meeting.starts_at() > timezone.now():
        raise ValidationError(_("This meeting has not taken place yet. Record attendance and minutes once it has "
                                "started."), code="not_started")


@transaction.atomic
def attendance_record(*, actor: User, meeting_id: int, attended: Mapping[int, bool | None]) -> list[Invitation]:
    """Record per invitee (user id) whether they attended; None clears it."""
    meeting = meeting_get(actor=actor, meeting_id=meeting_id, core=True, for_update=True)
    _require_started(meeting)
    invitations = {inv.user_id: inv for inv in Invitation.objects.filter(meeting=meeting).select_related("user")}
    unknown = set(attended) - set(invitations)
    if unknown:
        raise ValidationError({"attendance": _("Attendance can only be recorded for invitees of this meeting.")})
    for user_id, value in attended.items():
        invitation = invitations[user_id]
        if invitation.attended != value:
            invitation.attended = value
            invitation.save(update_fields=["attended"])
    log_without_subject(actor=actor, house_id=meeting.house_id, action=Action.UPDATE, object_type="attendance",
                        object_id=meeting.pk, purpose=purposes.MEETING_ATTENDANCE)
    return list(invitations.values())


@dataclass(frozen=True)
class DecisionInput:
    description: str
    owner_organisation_id: int | None = None
    owner_user_id: int | None = None
    deadline: dt.date | None = None
    exceeds_mandate: bool = False  # beyond the limited mandate of the owner organisation's participant


def _item_for_minutes(actor: User, meeting_id: int, item_id: int) -> tuple[Meeting, AgendaItem]:
    meeting = meeting_get(actor=actor, meeting_id=meeting_id, core=True, for_update=True)
    item = AgendaItem.objects.filter(meeting=meeting, pk=item_id).select_related("case").first()
    if item is None:
        raise Http404
    return meeting, item


def _validate_decisions(item: AgendaItem, decisions: Sequence[DecisionInput]) -> None:
    participants = Participant.objects.active().filter(case_id=item.case_id)
    orgs = set(participants.values_list("organisation_id", flat=True))
    users = set(participants.exclude(user=None).values_list("user_id", flat=True))
    errors = []
    today = timezone.localdate()
    for index, decision in enumerate(decisions, start=1):
        if not decision.description.strip():
            errors.append(_("Decision %(n)s: describe what was decided.") % {"n": index})
        if decision.deadline is not None and decision.deadline < today:
            errors.append(_("Decision %(n)s: the deadline lies in the past; an agreement needs a date still to "
                            "come.") % {"n": index})
        if decision.owner_organisation_id is not None and decision.owner_organisation_id not in orgs:
            errors.append(_("Decision %(n)s: the owner must be an organisation taking part in the case.")
                          % {"n": index})
        if decision.owner_user_id is not None and decision.owner_user_id not in users:
            errors.append(_("Decision %(n)s: the owner must be a professional taking part in the case.")
                          % {"n": index})
    if errors:
        raise ValidationError({"decisions": errors})


@transaction.atomic
def minutes_save(*, actor: User, meeting_id: int, item_id: int, picture_forming: str, judgement: str,
                 decisions: Sequence[DecisionInput], expected_version: int | None = None,
                 version_required: bool = False) -> Minutes:
    """The secretary (or other core staff) writes the minutes of one item; approved minutes are read-only.
    With `version_required` a change of existing minutes without the version read is refused."""
    meeting, item = _item_for_minutes(actor, meeting_id, item_id)
    _require_started(meeting)
    minutes = Minutes.objects.select_for_update().filter(agenda_item=item).first()
    if minutes is not None:
        if expected_version is None and version_required:
            raise version_missing()
        if expected_version is not None and expected_version != minutes.version:
            raise ValidationError(_("These minutes were changed by someone else in the meantime. Reload and "
                                    "try again."), code="conflict")
        if minutes.status == MinutesStatus.APPROVED:
            raise ValidationError(_("Approved minutes can no longer be changed."), code="approved")
    _validate_decisions(item, decisions)
    if minutes is None:
        minutes = Minutes(agenda_item=item, written_by=actor)
    else:
        minutes.version += 1
    minutes.picture_forming, minutes.judgement = picture_forming.strip(), judgement.strip()
    minutes.written_by, minutes.updated_at = actor, timezone.now()
    minutes.save()
    minutes.decisions.all().delete()
    Decision.objects.bulk_create([
        Decision(minutes=minutes, position=index, description=d.description.strip(),
                 owner_organisation_id=d.owner_organisation_id, owner_user_id=d.owner_user_id, deadline=d.deadline,
                 exceeds_mandate=d.exceeds_mandate and d.owner_organisation_id is not None)
        for index, d in enumerate(decisions)])
    log_case(actor=actor, case=item.case, action=Action.UPDATE, object_type="minutes", object_id=minutes.pk)
    return minutes


@transaction.atomic
def minutes_approve(*, actor: User, meeting_id: int, item_id: int, expected_version: int | None = None) -> Minutes:
    meeting, item = _item_for_minutes(actor, meeting_id, item_id)
    if not meeting_access.may_approve_minutes(actor, meeting):
        raise PermissionDenied(_("Only the chair of the meeting approves the minutes."))
    minutes = Minutes.objects.select_for_update().filter(agenda_item=item).first()
    if minutes is None:
        raise ValidationError(_("There are no minutes to approve yet."), code="no_minutes")
    if expected_version is not None and expected_version != minutes.version:
        raise ValidationError(_("These minutes were changed by someone else in the meantime. Reload and try again."),
                              code="conflict")
    if not MINUTES_TRANSITIONS.allowed(minutes.status, MinutesStatus.APPROVED):
        raise ValidationError(_("These minutes are already approved."), code="invalid_transition")
    minutes.status, minutes.approved_by, minutes.approved_at = MinutesStatus.APPROVED, actor, timezone.now()
    minutes.version += 1
    minutes.save()
    log_case(actor=actor, case=item.case, action=Action.UPDATE, object_type="minutes", object_id=minutes.pk)
    confirmations_for_minutes(actor=actor, minutes=minutes)  # decisions beyond a mandate wait for confirmation
    return minutes


@transaction.atomic
def decision_to_agreement(*, actor: User, decision_id: int) -> Decision:
    """Turn a decision of approved minutes into an agreement in the case's plan (once)."""
    decision = (Decision.objects.select_for_update(of=("self",))
                .select_related("minutes__agenda_item__meeting", "minutes__agenda_item__case")
                .filter(pk=decision_id).first())
    if decision is None or not capacities.is_core_staff(actor, decision.minutes.agenda_item.meeting.house_id):
        raise Http404
    if decision.minutes.status != MinutesStatus.APPROVED:
        raise ValidationError(_("Decisions become agreements once the chair has approved the minutes."),
                              code="not_approved")
    if decision.agreement_id is not None:
        raise ValidationError(_("This decision is already an agreement in the plan."), code="exists")
    if decision.owner_organisation_id is None or decision.deadline is None:
        raise ValidationError(_("An agreement needs an owner organisation and a deadline."), code="incomplete")
    owner_organisation = Organisation.objects.get(pk=decision.owner_organisation_id)
    owner_user = User.objects.get(pk=decision.owner_user_id) if decision.owner_user_id else None
    agreement = agreement_create(
        actor=actor, case_id=decision.minutes.agenda_item.case_id, description=decision.description,
        owner_organisation=owner_organisation, owner_user=owner_user, deadline=decision.deadline,
        source=f"meeting:{decision.minutes.agenda_item.meeting_id}", exceeds_mandate=decision.exceeds_mandate)
    decision.agreement_id = agreement.pk
    decision.save(update_fields=["agreement_id"])
    link_decision_agreement(decision=decision, agreement=agreement)
    return decision


@transaction.atomic
def decision_deadline_correct(*, actor: User, decision_id: int, deadline: dt.date) -> Decision:
    """A process director of the house corrects the deadline of a decision not yet made an agreement.

    Approved minutes are otherwise read-only; a decision whose deadline has passed could never become an
    agreement without this correction.
    """
    decision = (Decision.objects.select_for_update(of=("self",))
                .select_related("minutes__agenda_item__meeting", "minutes__agenda_item__case")
                .filter(pk=decision_id).first())
    if decision is None or not capacities.is_core_staff(actor, decision.minutes.agenda_item.meeting.house_id):
        raise Http404
    if not meeting_access.may_correct_decisions(actor, decision.minutes.agenda_item.meeting.house_id):
        raise PermissionDenied(_("Only a process director corrects the deadline of a decision."))
    if decision.agreement_id is not None:
        raise ValidationError({"deadline": _("This decision is already an agreement; change the deadline in the "
                                             "plan.")}, code="exists")
    if deadline is None:
        raise ValidationError({"deadline": _("A deadline is required.")}, code="required")
    if deadline < timezone.localdate():
        raise ValidationError({"deadline": _("The deadline lies in the past.")}, code="invalid")
    decision.deadline = deadline
    decision.save(update_fields=["deadline"])
    log_case(actor=actor, case=decision.minutes.agenda_item.case, action=Action.UPDATE, object_type="decision",
             object_id=decision.pk)
    return decision


@transaction.atomic
def self_report_create(*, actor: User, case_id: int, kind: str, goals_score: int, cooperation_score: int,
                       note: str = "", meeting_id: int | None = None) -> SelfReport:
    """The chair's Stappenmeter, recorded by core staff of the case's house (the chair is core staff)."""
    case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE)
    meeting = None
    if meeting_id is not None:
        meeting = meeting_get(actor=actor, meeting_id=meeting_id, core=True)
        if not AgendaItem.objects.filter(meeting=meeting, case_id=case_id).exists():
            raise ValidationError({"meeting": _("This case was not on the agenda of that meeting.")})
    errors = {}
    if kind not in SelfReportKind.values:
        errors["kind"] = _("Choose after a case conference or at evaluation.")
    if kind == SelfReportKind.CONFERENCE and meeting is None:
        errors["meeting"] = _("Choose the case conference this report is about.")
    for name, value in (("goals_score", goals_score), ("cooperation_score", cooperation_score)):
        if not isinstance(value, int) or not 1 <= value <= 5:
            errors[name] = _("Choose a score from 1 to 5.")
    if errors:
        raise ValidationError(errors)
    report = SelfReport.objects.create(case=case, meeting=meeting, kind=kind, goals_score=goals_score,
                                       cooperation_score=cooperation_score, note=note.strip(), reported_by=actor)
    log_case(actor=actor, case=case, action=Action.CREATE, object_type="self-report", object_id=report.pk)
    return report
