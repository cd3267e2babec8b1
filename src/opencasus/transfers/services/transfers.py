"""Proposing, accepting and declining a transfer of a case to another house; marking information transferable."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from opencasus.access import policy, roles
from opencasus.access import transfers as access
from opencasus.cases.models import Case, InformationItem, Person, StatusChange
from opencasus.cases.services import case_subjects
from opencasus.cases.services.intake import next_reference
from opencasus.cases.workflow import Status
from opencasus.core import events
from opencasus.core.events import CaseFiguresChanged
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing
from opencasus.network.models import House, Municipality, Role
from opencasus.plans.models import Agreement, Goal, Plan
from opencasus.plans.services import case_close
from opencasus.plans.vocabulary import PENDING_STATUSES, ClosureOutcome
from opencasus.transfers.models import Transfer
from opencasus.transfers.services._common import log_both
from opencasus.transfers.vocabulary import TransferStatus

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def _plan_snapshot(plan: Plan) -> tuple[str, int, int]:
    """The adopted plan as text: its goals and open agreements (owner and deadline), and their counts."""
    goals = list(plan.goals.select_related("person").order_by("pk"))
    agreements = list(plan.agreements.filter(status__in=PENDING_STATUSES).select_related("owner_organisation")
                      .order_by("deadline", "pk"))
    with override("nl"):  # stored text: in the house's language, whoever proposes
        return _snapshot_text(goals, agreements), len(goals), len(agreements)


def _snapshot_text(goals: list[Goal], agreements: list[Agreement]) -> str:
    lines = [_("Goals:")]
    for goal in goals:
        who = f" ({goal.person})" if goal.person else ""
        lines.append(f"- {goal.get_life_domain_display()}{who}: {goal.description}")
    lines.append(_("Open agreements:"))
    for agreement in agreements:
        lines.append(f"- {agreement.description} ({agreement.owner_organisation}, {agreement.deadline.isoformat()})")
    return "\n".join(lines)


@transaction.atomic
def transfer_propose(*, actor: User, case_id: int, to_house_id: int | None, reason: str, move_date: dt.date | None,
                     include_purpose: bool = True, include_plan: bool = False,
                     information_item_ids: Iterable[int] = ()) -> Transfer:
    """Propose to move an admitted case to another house (process direction of the case's house)."""
    case, _level = policy.case_get(actor=actor, case_id=case_id, minimum=policy.CaseAccess.CORE, for_update=True)
    if not access.may_direct(actor, case):
        raise Http404
    if case.status != Status.ADMITTED:
        raise ValidationError(_("Only a running (admitted) case can be transferred."), code="invalid_transition")
    if Transfer.objects.filter(case=case, status=TransferStatus.PROPOSED).exists():
        raise ValidationError(_("A transfer of this case has already been proposed."), code="conflict")
    errors: dict[str, list[str]] = {}
    reason = (reason or "").strip()
    to_house = House.objects.filter(pk=to_house_id).exclude(pk=case.house_id).first() if to_house_id else None
    if to_house is None:
        errors["to_house"] = [_("Choose the house the case moves to.")]
    if not reason:
        errors["reason"] = [_("Give the reason for the transfer.")]
    if move_date is None:
        errors["move_date"] = [_("Give the date of the move.")]
    ids = {int(i) for i in information_item_ids}
    items = list(InformationItem.objects.filter(case=case, pk__in=ids, transferable=True))
    if len(items) != len(ids):
        errors["information_items"] = [_("Only information items of this case that their contributors marked "
                                         "transferable can go along.")]
    plan = Plan.objects.filter(case=case).first()
    if include_plan and (plan is None or plan.adopted_version == 0):
        errors["include_plan"] = [_("This case has no adopted plan to pass on.")]
    if errors:
        raise ValidationError(errors)
    assert to_house is not None
    assert move_date is not None
    snapshot, goal_count, agreement_count = _plan_snapshot(plan) if include_plan and plan else ("", 0, 0)
    transfer = Transfer.objects.create(
        case=case, from_house_id=case.house_id, to_house=to_house, case_reference=case.reference, reason=reason,
        move_date=move_date, include_purpose=include_purpose, purpose=case.purpose if include_purpose else "",
        questions=case.questions if include_purpose else "", include_plan=include_plan, plan_snapshot=snapshot,
        plan_goal_count=goal_count, plan_agreement_count=agreement_count, person_count=case.persons.count(),
        proposed_by=actor)
    transfer.information_items.set(items)
    log_both(actor=actor, transfer=transfer, action=Action.CREATE)
    events.publish(events.TransferProposed(transfer_id=transfer.pk, case_reference=transfer.case_reference,
                                           from_house_id=transfer.from_house_id, to_house_id=transfer.to_house_id))
    return transfer


def _decidable(*, actor: User, transfer_id: int, expected_version: int | None) -> Transfer:
    transfer = (Transfer.objects.select_for_update(of=("self",)).select_related("case", "from_house", "to_house")
                .filter(pk=transfer_id).first())
    if transfer is None or not access.may_decide(actor, transfer):
        raise Http404
    if expected_version is not None and int(expected_version) != transfer.version:
        raise ValidationError(_("This transfer was changed by someone else in the meantime. Reload and try again."),
                              code="conflict")
    if transfer.status != TransferStatus.PROPOSED:
        raise ValidationError(_("This transfer has already been decided."), code="invalid_transition")
    return transfer


def _new_case(*, actor: User, transfer: Transfer, municipality: Municipality, now: dt.datetime) -> Case:
    source = transfer.case
    to_house = transfer.to_house
    grant = roles.primary_grant(actor, to_house.pk, prefer=(Role.PROCESS_DIRECTOR,))
    assert grant is not None
    with override("nl"):  # the history is stored in the houses' language
        history = _("Transferred from %(reference)s (%(house)s)") % {
            "reference": transfer.case_reference, "house": transfer.from_house.name}
    case = Case.objects.create(
        house=to_house, reference=next_reference(to_house, timezone.localdate(now).year),
        subject_type=source.subject_type, status=Status.ADMITTED, filed_by=actor,
        filed_by_organisation_id=grant.organisation_id, filed_at=now,
        reason=f"{history}: {transfer.reason}", requested_purpose=transfer.purpose or transfer.reason,
        route=source.route, urgency=source.urgency, municipality=municipality,
        people_informed=source.people_informed, not_informed_reason=source.not_informed_reason,
        purpose=transfer.purpose, questions=transfer.questions, admitted_at=now, last_activity_at=now,
        process_director=actor)
    StatusChange.objects.create(case=case, house_id=to_house.pk, from_status="", to_status=Status.ADMITTED,
                                changed_at=now, changed_by=actor, reason=history)
    events.publish(CaseFiguresChanged(case_id=case.pk))
    return case


def _copy_content(*, transfer: Transfer, case: Case) -> None:
    """Persons, the chosen information items (with their legal basis) and the adopted plan's goals."""
    persons: dict[int, Person] = {}
    for person in Person.objects.filter(case_id=transfer.case_id).order_by("pk"):
        old_pk = person.pk
        person.pk = None
        person.id = None
        person.pseudonym = Person._meta.get_field("pseudonym").get_default()
        person.case = case
        person.save()
        persons[old_pk] = person
    for item in transfer.information_items.order_by("pk").prefetch_related("shared_with"):
        shared = list(item.shared_with.all())
        copy = InformationItem.objects.create(
            case=case, organisation_id=item.organisation_id, author_id=item.author_id,
            person=persons.get(item.person_id) if item.person_id else None, life_domain=item.life_domain,
            text=item.text, sharing_scope=item.sharing_scope, legal_basis=item.legal_basis, created_at=item.created_at)
        if shared:
            copy.shared_with.set(shared)
    if transfer.include_plan:
        source_plan = Plan.objects.filter(case_id=transfer.case_id).first()
        if source_plan is not None:
            plan = Plan.objects.create(case=case)
            Goal.objects.bulk_create([
                Goal(plan=plan, life_domain=g.life_domain, description=g.description,
                     person=persons.get(g.person_id) if g.person_id else None)
                for g in source_plan.goals.order_by("pk")])


@transaction.atomic
def transfer_accept(*, actor: User, transfer_id: int, reason: str = "", municipality_id: int | None = None,
                    expected_version: int | None = None) -> Transfer:
    """Accept a transfer (a process director of the receiving house), in one transaction: the receiving house
    gets a new admitted case with what goes along, linked to the old one, and the old case closes with the
    outcome "transferred" (its participants' access ends as for any closure)."""
    transfer = _decidable(actor=actor, transfer_id=transfer_id, expected_version=expected_version)
    source = Case.objects.select_for_update().get(pk=transfer.case_id)
    if source.status != Status.ADMITTED:
        raise ValidationError(_("The case is no longer running at the sending house."), code="invalid_transition")
    region_municipalities = Municipality.objects.filter(region_id=transfer.to_house.region_id)
    if municipality_id is not None:
        municipality = region_municipalities.filter(pk=municipality_id).first()
        if municipality is None:
            raise ValidationError({"municipality": _("Choose a municipality of the receiving house's region.")},
                                  code="invalid")
    else:
        municipality = (transfer.to_house.region.seat_municipality
                        or region_municipalities.order_by("name").first())
        if municipality is None:
            raise ValidationError({"municipality": _("Choose a municipality of the receiving house's region.")},
                                  code="invalid")
    now = timezone.now()
    case = _new_case(actor=actor, transfer=transfer, municipality=municipality, now=now)
    _copy_content(transfer=transfer, case=case)
    record_processing(
        action=Action.CREATE, activity_code=ActivityCode.INTAKE, purpose=case.purpose or case.requested_purpose,
        who=roles.who(actor, case.house_id), house_id=case.house_id, data_subjects=case_subjects(case),
        object_type="case", object_id=case.pk, case_id=case.pk)
    with override("nl"):
        note = _("Transferred to %(house)s (%(reference)s).") % {"house": transfer.to_house.name,
                                                                 "reference": case.reference}
    try:
        # The closure is the sending house's own act, by the process director who proposed it.
        case_close(actor=transfer.proposed_by, case_id=source.pk, outcome=ClosureOutcome.TRANSFERRED, note=note)
    except Http404:
        raise ValidationError(_("Whoever proposed this transfer no longer directs the case at the sending house; "
                                "ask that house to propose it again."), code="invalid_transition") from None
    transfer.status, transfer.decided_by, transfer.decided_at = TransferStatus.ACCEPTED, actor, now
    transfer.decision_reason = (reason or "").strip()
    transfer.new_case = case
    transfer.version += 1
    transfer.save()
    transfer.case.refresh_from_db()
    log_both(actor=actor, transfer=transfer, action=Action.UPDATE, subjects=case_subjects(transfer.case))
    events.publish(events.TransferAccepted(transfer_id=transfer.pk, case_reference=transfer.case_reference,
                                           from_house_id=transfer.from_house_id, to_house_id=transfer.to_house_id))
    return transfer


@transaction.atomic
def transfer_decline(*, actor: User, transfer_id: int, reason: str, expected_version: int | None = None) -> Transfer:
    """Decline a transfer with a reason (a process director of the receiving house); the case stays where it is."""
    transfer = _decidable(actor=actor, transfer_id=transfer_id, expected_version=expected_version)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for declining.")}, code="required")
    transfer.status, transfer.decided_by, transfer.decided_at = TransferStatus.DECLINED, actor, timezone.now()
    transfer.decision_reason = reason
    transfer.version += 1
    transfer.save()
    log_both(actor=actor, transfer=transfer, action=Action.UPDATE)
    return transfer


@transaction.atomic
def information_item_mark_transferable(*, actor: User, item_id: int, transferable: bool) -> InformationItem:
    """The contributor marks their own information item as one that may (or may not) go along with a transfer."""
    item = InformationItem.objects.select_for_update().filter(pk=item_id).first()
    if item is None:
        raise Http404
    case, level = policy.case_get(actor=actor, case_id=item.case_id, minimum=policy.CaseAccess.PARTICIPANT)
    if not policy.visible_information_items(actor=actor, case=case, level=level).filter(pk=item.pk).exists() \
            or not access.may_mark_transferable(actor, item):
        raise Http404
    item.transferable = bool(transferable)
    item.save(update_fields=["transferable"])
    record_processing(
        action=Action.UPDATE, activity_code=ActivityCode.CASE_CONFERENCE, purpose=case.purpose,
        who=roles.who(actor, case.house_id), house_id=case.house_id,
        data_subjects=[str(item.person.pseudonym)] if item.person else case_subjects(case),
        object_type="information-item", object_id=item.pk, case_id=case.pk)
    return item

