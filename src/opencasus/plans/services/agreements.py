"""Agreements: what, who (organisation and professional), when, status and progress notes."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import capacities, roles
from opencasus.access.policy import CaseAccess
from opencasus.cases.models import Case, Participant
from opencasus.cases.workflow import Status
from opencasus.core import events
from opencasus.core.events import AgreementGiven, MonthFiguresChanged
from opencasus.core.unset import UNSET, Unset
from opencasus.logbook.models import Action
from opencasus.notifications.models import Kind
from opencasus.notifications.services import notify
from opencasus.plans.models import Agreement, AgreementNote, AgreementStatusChange, Goal, Plan
from opencasus.plans.services._common import (
    check_version,
    core_case,
    log,
    participant_case,
    require,
    validate_participant,
)
from opencasus.plans.vocabulary import AgreementStatus, NoteKind
from opencasus.plans.workflow import REASON_REQUIRED, Mover, may_move, someone_may

if TYPE_CHECKING:
    from opencasus.accounts.models import User
    from opencasus.network.models import Organisation


def plan_for(case: Case) -> Plan:
    plan, _created = Plan.objects.get_or_create(case=case, defaults={"version": 0})  # as a read of no plan says
    return plan


def mark_plan_changed(plan: Plan, actor: User) -> None:
    """A content change after adoption makes the plan a draft of its next version."""
    Plan.objects.filter(pk=plan.pk).update(changed_since_adoption=True, updated_at=timezone.now(),
                                           updated_by=actor if getattr(actor, "pk", None) else None)


def is_owner(*, actor: User, agreement: Agreement) -> bool:
    """The owner professional, or a participant of the case on behalf of the owner organisation."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return False
    if agreement.owner_user_id == actor.pk:
        return True
    return Participant.objects.active().filter(case_id=agreement.case_id, user=actor,
                                               organisation_id=agreement.owner_organisation_id).exists()


def movers(*, actor: User, agreement: Agreement) -> set[Mover]:
    """In which capacities the actor may change this agreement's status (see `plans.workflow`)."""
    result: set[Mover] = set()
    if is_owner(actor=actor, agreement=agreement):
        result.add(Mover.OWNER)
    if getattr(actor, "is_authenticated", False) and capacities.is_process_director(
            actor, agreement.house_id):
        result.add(Mover.DIRECTOR)
    return result


def _move(agreement: Agreement, new: str, mover: Mover) -> None:
    """One status change, checked against the transition table."""
    if not may_move(agreement.status, new, mover):
        raise PermissionDenied(_("You may not give this agreement this status."))
    agreement.status = new
    agreement.completed_at = timezone.now() if new == AgreementStatus.DONE else None


def _apply_deadline_rule(agreement: Agreement) -> None:
    """The system's part: open past its deadline is late; late with a deadline still to come is open."""
    today = timezone.localdate()
    if agreement.status == AgreementStatus.OPEN and agreement.deadline < today:
        _move(agreement, AgreementStatus.LATE, Mover.SYSTEM)
    elif agreement.status == AgreementStatus.LATE and agreement.deadline >= today:
        _move(agreement, AgreementStatus.OPEN, Mover.SYSTEM)


def _change_status(agreement: Agreement, new: str, capacities: set[Mover], reason: str) -> None:
    if new not in AgreementStatus.values:
        raise ValidationError({"status": _("Unknown status.")}, code="invalid")
    if not someone_may(agreement.status, new):
        raise ValidationError({"status": _("An agreement with status \"%(current)s\" cannot become \"%(new)s\".")
                               % {"current": AgreementStatus(agreement.status).label,
                                  "new": AgreementStatus(new).label}}, code="transition")
    mover = next((m for m in (Mover.OWNER, Mover.DIRECTOR) if m in capacities
                  and may_move(agreement.status, new, m)), None)
    if mover is None:
        raise PermissionDenied(_("You may not give this agreement this status."))
    if new in REASON_REQUIRED and not reason:
        raise ValidationError({"reason": _("Give the reason for cancelling the agreement.")}, code="required")
    _move(agreement, new, mover)


def _validate_deadline(deadline: dt.date | None) -> dt.date:
    if deadline is None:
        raise ValidationError({"deadline": _("A deadline is required.")}, code="required")
    if deadline < timezone.localdate():
        raise ValidationError({"deadline": _("The deadline lies in the past.")}, code="invalid")
    return deadline


@transaction.atomic
def agreement_create(*, actor: User, case_id: int, description: str, owner_organisation: Any,
                     owner_user: Any = None, deadline: dt.date, source: str = "", goal: Any = None,
                     exceeds_mandate: bool = False) -> Agreement:
    """Record an agreement in the case's plan (core staff; also used for decisions from the minutes).
    `exceeds_mandate`: it goes beyond the limited mandate of the organisation's participant at the case's last
    conference (the meetings app then asks the organisation to confirm it, `events.AgreementGiven`)."""
    case = core_case(actor=actor, case_id=case_id)
    description = (description or "").strip()
    if not description:
        raise ValidationError({"description": _("Describe what was agreed.")}, code="required")
    _validate_deadline(deadline)
    validate_participant(case=case, organisation=owner_organisation, user=owner_user)
    plan = plan_for(case)
    agreement = Agreement.objects.create(
        plan=plan, case=case, house_id=case.house_id, description=description, owner_organisation=owner_organisation,
        owner_user=owner_user, deadline=deadline, source=(source or "")[:200], created_by=actor,
        goal=_goal_of(plan, goal))
    events.publish(MonthFiguresChanged.of(house_id=case.house_id, days=[deadline]))
    mark_plan_changed(plan, actor)
    log(actor=actor, case=case, action=Action.CREATE, object_type="agreement", object_id=agreement.pk)
    notify_owner(agreement, case, actor)
    events.publish(AgreementGiven(agreement_id=agreement.pk, case_id=case.pk,
                                  organisation_id=agreement.owner_organisation_id, actor_id=actor.pk,
                                  source=agreement.source, exceeds_mandate=exceeds_mandate))
    return agreement


def _goal_of(plan: Plan, goal: Any) -> Goal | None:
    """The goal an agreement serves: one of this plan's goals, or none."""
    if goal in (None, ""):
        return None
    found = Goal.objects.filter(plan=plan, pk=getattr(goal, "pk", goal)).first()
    if found is None:
        raise ValidationError({"goal": _("Choose a goal of this plan.")}, code="invalid")
    return found


def notify_owner(agreement: Agreement, case: Case, actor: User) -> None:
    """Tell a named owner (not the one who assigned it) that the agreement is theirs."""
    if agreement.owner_user_id and agreement.owner_user_id != getattr(actor, "pk", None):
        notify(user_ids=[agreement.owner_user_id], kind=Kind.AGREEMENT_ASSIGNED,
               link=reverse("plans:agreement", args=[agreement.pk]), case_reference=case.reference,
               house_id=case.house_id, on_date=agreement.deadline,
               subject_key=f"agreement-{agreement.pk}-{agreement.owner_user_id}")


def _locked_agreement(*, actor: User, agreement_id: int) -> tuple[Agreement, Case, CaseAccess]:
    agreement = Agreement.objects.select_for_update().filter(pk=agreement_id).first()
    if agreement is None:
        from django.http import Http404

        raise Http404
    case, level = participant_case(actor=actor, case_id=agreement.case_id)
    return agreement, case, level


def _dashboard_fields(agreement: Agreement) -> tuple[Any, ...]:
    """What the dashboard counts of an agreement (reporting.sources.agreements_by_organisation)."""
    return (agreement.deadline, agreement.owner_organisation_id, agreement.status, agreement.completed_at)


@transaction.atomic
def agreement_update(*, actor: User, agreement_id: int, expected_version: int | None,
                     description: str | Unset = UNSET, owner_organisation: Organisation | Unset | None = UNSET,
                     owner_user: User | Unset | None = UNSET, deadline: dt.date | Unset = UNSET,
                     goal: int | Unset | None = UNSET, status: str | None = None, reason: str = "",
                     progress_note: str = "") -> Agreement:
    """Change an agreement. Core staff may change its content; status changes follow `plans.workflow`.

    The content (description, owner_organisation, owner_user, deadline, goal: the pk of a goal of the plan)
    changes where given (an owner organisation of None is refused); `status` moves the agreement,
    `reason` is required for cancelling and kept as a note, `progress_note` is a note by the owner, stored
    with the change. A stale `expected_version` is a conflict.
    """
    agreement, case, level = _locked_agreement(actor=actor, agreement_id=agreement_id)
    core = level >= CaseAccess.CORE
    capacities = movers(actor=actor, agreement=agreement)
    owner = Mover.OWNER in capacities
    require(core or owner)
    check_version(current=agreement.version, expected=expected_version, what=_("agreement"))
    if case.status != Status.ADMITTED:
        raise ValidationError(_("The case is closed; its agreements can no longer be changed."), code="not_running")
    given_content = {"description": description, "owner_organisation": owner_organisation,
                     "owner_user": owner_user, "deadline": deadline, "goal": goal}
    content: dict[str, Any] = {k: v for k, v in given_content.items() if v is not UNSET}
    if content:
        require(core)
    if "description" in content:
        content["description"] = (content["description"] or "").strip()
        if not content["description"]:
            raise ValidationError({"description": _("Describe what was agreed.")}, code="required")
    if "deadline" in content and content["deadline"] != agreement.deadline:
        _validate_deadline(content["deadline"])
    if "owner_organisation" in content or "owner_user" in content:
        validate_participant(case=case, organisation=content.get("owner_organisation", agreement.owner_organisation),
                             user=content.get("owner_user", agreement.owner_user))
    if "goal" in content:
        content["goal"] = _goal_of(agreement.plan, content["goal"])
    counted_in = agreement.deadline
    status_before = agreement.status
    owner_before = agreement.owner_user_id
    counted_as = _dashboard_fields(agreement)
    for name, value in content.items():
        setattr(agreement, name, value)
    reason = (reason or "").strip()
    if status is not None and status != agreement.status:
        _change_status(agreement, status, capacities, reason)
    _apply_deadline_rule(agreement)
    note = (progress_note or "").strip()
    if reason and agreement.status in REASON_REQUIRED and status in REASON_REQUIRED:
        note = "\n".join(filter(None, [_("Reason for cancelling: %(reason)s") % {"reason": reason}, note]))
    if note:
        _add_note(actor=actor, agreement=agreement, case=case, text=note, owner=owner or core)
    agreement.version += 1
    agreement.updated_at = timezone.now()
    agreement.save()
    if agreement.status != status_before:
        AgreementStatusChange.objects.create(agreement=agreement, from_status=status_before,
                                             to_status=agreement.status, changed_by=actor, note=note)
    if _dashboard_fields(agreement) != counted_as:  # a progress note alone changes no figure
        events.publish(MonthFiguresChanged.of(house_id=agreement.house_id, days=[counted_in, agreement.deadline]))
    if content:
        mark_plan_changed(agreement.plan, actor)
    log(actor=actor, case=case, action=Action.UPDATE, object_type="agreement", object_id=agreement.pk)
    if agreement.owner_user_id != owner_before:
        notify_owner(agreement, case, actor)
    return agreement


def _add_note(*, actor: User, agreement: Agreement, case: Case, text: str, owner: bool) -> AgreementNote:
    organisation_id = (Participant.objects.active().filter(case=case, user=actor)
                       .values_list("organisation_id", flat=True).first())
    if organisation_id is None:
        grant = roles.primary_grant(actor, case.house_id)
        organisation_id = grant.organisation_id if grant else None
    return AgreementNote.objects.create(
        agreement=agreement, kind=NoteKind.PROGRESS if owner else NoteKind.COMMENT, text=text, author=actor,
        organisation_id=organisation_id)


@transaction.atomic
def agreement_note_add(*, actor: User, agreement_id: int, text: str) -> AgreementNote:
    """The owner (and core staff) add progress notes; other participants comment."""
    agreement, case, level = _locked_agreement(actor=actor, agreement_id=agreement_id)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write a note.")}, code="required")
    if case.status != Status.ADMITTED:
        raise ValidationError(_("The case is closed; no notes can be added."), code="not_running")
    owner = level >= CaseAccess.CORE or is_owner(actor=actor, agreement=agreement)
    note = _add_note(actor=actor, agreement=agreement, case=case, text=text, owner=owner)
    log(actor=actor, case=case, action=Action.CREATE, object_type="agreement-note", object_id=note.pk)
    return note
