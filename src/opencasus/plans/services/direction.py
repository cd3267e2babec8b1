"""Case direction: the case director drafts the plan's next version and proposes it; the process director
(in the conference, named as the meeting) adopts it or returns it to draft.

The draft lives in `PlanProposal.content`; the live plan changes only at adoption, so participants see the
last adopted version until then. Access: `opencasus.access.plan_proposals`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access.plan_proposals import ProposalAccess, proposal_access, proposal_check
from opencasus.access.policy import CaseAccess, case_get
from opencasus.cases.models import Case, Participant
from opencasus.cases.workflow import Status
from opencasus.logbook.models import Action
from opencasus.network.models import Organisation
from opencasus.plans.models import Agreement, Plan, PlanProposal, PlanVersion
from opencasus.plans.services._common import check_version, log
from opencasus.plans.services.agreements import agreement_create
from opencasus.plans.services.plan import _clean_goal, _clean_intervention, plan_adopt, plan_replace
from opencasus.plans.state_tables import OPEN_PROPOSAL_STATUSES, PROPOSAL_TRANSITIONS, ProposalStatus
from opencasus.plans.vocabulary import PENDING_STATUSES

if TYPE_CHECKING:
    from opencasus.accounts.models import User


@dataclass(frozen=True)
class GoalRow:
    life_domain: str
    description: str
    person_id: int | None = None
    id: int | None = None


@dataclass(frozen=True)
class InterventionRow:
    line: str
    description: str
    organisation_id: int | None
    person_id: int | None = None
    id: int | None = None


@dataclass(frozen=True)
class AgreementRow:
    description: str
    owner_organisation_id: int | None
    deadline: dt.date | None
    owner_user_id: int | None = None
    id: int | None = None


def _open_case(*, actor: User, case_id: int) -> tuple[Case, CaseAccess, Plan | None]:
    case, level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.PARTICIPANT, for_update=True)
    return case, level, Plan.objects.select_for_update().filter(case=case).first()


def _locked_proposal(*, actor: User, proposal_id: int, minimum: ProposalAccess) -> PlanProposal:
    found = PlanProposal.objects.select_related("case", "plan").filter(pk=proposal_id).first()
    proposal_check(actor=actor, proposal=found, minimum=minimum)
    return PlanProposal.objects.select_for_update().select_related("case", "plan").get(pk=proposal_id)


def _require_running(case: Case) -> None:
    if case.status != Status.ADMITTED:
        raise ValidationError(_("The plan can only be changed while the case is running (admitted)."),
                              code="not_running")


def _move(proposal: PlanProposal, new: str) -> None:
    PROPOSAL_TRANSITIONS.check(proposal.status, new)
    proposal.status = new


def _organisation(pk: int | None) -> Organisation | None:
    return Organisation.objects.filter(pk=pk).first() if pk is not None else None


def live_content(plan: Plan) -> dict[str, list[dict[str, object]]]:
    """The live plan as proposal content: goals, interventions and the agreements still pending."""
    return {
        "goals": [{"id": g.pk, "life_domain": g.life_domain, "description": g.description,
                   "person_id": g.person_id} for g in plan.goals.order_by("id")],
        "interventions": [{"id": i.pk, "line": i.line, "description": i.description,
                           "organisation_id": i.organisation_id, "person_id": i.person_id}
                          for i in plan.interventions.order_by("line", "id")],
        "agreements": [{"id": a.pk, "description": a.description, "owner_organisation_id": a.owner_organisation_id,
                        "owner_user_id": a.owner_user_id, "deadline": a.deadline.isoformat()}
                       for a in plan.agreements.filter(status__in=PENDING_STATUSES).order_by("deadline", "id")],
    }


def _row_errors(name: str, index: int, exc: ValidationError) -> ValidationError:
    return ValidationError({f"{name}[{index}]": exc.messages}, code="invalid")


def _clean_content(case: Case, plan: Plan, goals: Iterable[GoalRow], interventions: Iterable[InterventionRow],
                   agreements: Iterable[AgreementRow]) -> dict[str, list[dict[str, object]]]:
    """Validate every row as the plan editor would; ids must name rows of this plan."""
    goal_ids = set(plan.goals.values_list("pk", flat=True))
    intervention_ids = set(plan.interventions.values_list("pk", flat=True))
    agreement_ids = set(plan.agreements.filter(status__in=PENDING_STATUSES).values_list("pk", flat=True))
    content: dict[str, list[dict[str, object]]] = {"goals": [], "interventions": [], "agreements": []}
    for index, goal in enumerate(goals):
        try:
            if goal.id is not None and goal.id not in goal_ids:
                raise ValidationError(_("Unknown item %(id)s in this plan.") % {"id": goal.id})
            values = _clean_goal(case, life_domain=goal.life_domain, description=goal.description,
                                 person=goal.person_id)
        except ValidationError as exc:
            raise _row_errors("goals", index, exc) from exc
        content["goals"].append({"id": goal.id, "life_domain": values["life_domain"],
                                 "description": values["description"],
                                 "person_id": values["person"].pk if values["person"] else None})
    for index, row in enumerate(interventions):
        try:
            if row.id is not None and row.id not in intervention_ids:
                raise ValidationError(_("Unknown item %(id)s in this plan.") % {"id": row.id})
            values = _clean_intervention(case, line=row.line, description=row.description,
                                         organisation=_organisation(row.organisation_id), person=row.person_id)
        except ValidationError as exc:
            raise _row_errors("interventions", index, exc) from exc
        content["interventions"].append({"id": row.id, "line": values["line"], "description": values["description"],
                                         "organisation_id": values["organisation"].pk,
                                         "person_id": values["person"].pk if values["person"] else None})
    active = Participant.objects.active().filter(case=case)
    for index, agreement in enumerate(agreements):
        try:
            if agreement.id is not None and agreement.id not in agreement_ids:
                raise ValidationError(_("Unknown item %(id)s in this plan.") % {"id": agreement.id})
            description = (agreement.description or "").strip()
            if not description:
                raise ValidationError(_("Describe the agreement."), code="required")
            if agreement.owner_organisation_id is None or not active.filter(
                    organisation_id=agreement.owner_organisation_id).exists():
                raise ValidationError(_("This organisation does not take part in the case."))
            if agreement.owner_user_id is not None and not active.filter(
                    organisation_id=agreement.owner_organisation_id, user_id=agreement.owner_user_id).exists():
                raise ValidationError(_("This professional does not take part in the case for this organisation."))
            if agreement.deadline is None:
                raise ValidationError(_("A deadline is required."), code="required")
            if agreement.deadline < timezone.localdate():
                raise ValidationError(_("The deadline lies in the past."))
        except ValidationError as exc:
            raise _row_errors("agreements", index, exc) from exc
        content["agreements"].append({"id": agreement.id, "description": description,
                                      "owner_organisation_id": agreement.owner_organisation_id,
                                      "owner_user_id": agreement.owner_user_id,
                                      "deadline": agreement.deadline.isoformat()})
    return content


@transaction.atomic
def proposal_start(*, actor: User, case_id: int) -> PlanProposal:
    """The case director starts a draft of the plan's next version from the plan as it stands."""
    case, level, plan = _open_case(actor=actor, case_id=case_id)
    if proposal_access(actor=actor, case=case, level=level, plan=plan) != ProposalAccess.DIRECTOR:
        raise PermissionDenied(_("Only the case director proposes a new version of the plan."))
    assert plan is not None  # a case director is named on a plan
    _require_running(case)
    if plan.proposals.filter(status__in=OPEN_PROPOSAL_STATUSES).exists():
        raise ValidationError(_("There is already an open proposal for this plan: continue with that one."),
                              code="exists")
    proposal = PlanProposal.objects.create(
        plan=plan, case=case, content=live_content(plan), created_by=actor,
        based_on_plan_version=plan.version, based_on_adopted_version=plan.adopted_version)
    log(actor=actor, case=case, action=Action.CREATE, object_type="plan-proposal", object_id=proposal.pk)
    return proposal


@transaction.atomic
def proposal_update(*, actor: User, proposal_id: int, expected_version: int | None, explanation: str,
                    goals: Iterable[GoalRow], interventions: Iterable[InterventionRow],
                    agreements: Iterable[AgreementRow]) -> PlanProposal:
    """The case director replaces the draft's goals, interventions and agreements (a draft only)."""
    proposal = _locked_proposal(actor=actor, proposal_id=proposal_id, minimum=ProposalAccess.DIRECTOR)
    check_version(current=proposal.version, expected=expected_version, what=_("proposal"))
    level = case_get(actor=actor, case_id=proposal.case_id, minimum=CaseAccess.PARTICIPANT)[1]
    if proposal_access(actor=actor, case=proposal.case, level=level, plan=proposal.plan) != ProposalAccess.DIRECTOR:
        raise PermissionDenied(_("Only the case director edits the proposal."))
    if proposal.status != ProposalStatus.DRAFT:
        raise ValidationError(_("Only a draft can be changed; a proposal awaiting adoption is returned to draft "
                                "by the process director."), code="invalid_transition")
    _require_running(proposal.case)
    proposal.content = _clean_content(proposal.case, proposal.plan, goals, interventions, agreements)
    proposal.explanation = (explanation or "").strip()
    proposal.updated_at = timezone.now()
    proposal.version += 1
    proposal.save()
    log(actor=actor, case=proposal.case, action=Action.UPDATE, object_type="plan-proposal", object_id=proposal.pk)
    return proposal


def _director_move(*, actor: User, proposal_id: int, expected_version: int | None, new: str) -> PlanProposal:
    proposal = _locked_proposal(actor=actor, proposal_id=proposal_id, minimum=ProposalAccess.DIRECTOR)
    check_version(current=proposal.version, expected=expected_version, what=_("proposal"))
    level = case_get(actor=actor, case_id=proposal.case_id, minimum=CaseAccess.PARTICIPANT)[1]
    if proposal_access(actor=actor, case=proposal.case, level=level, plan=proposal.plan) != ProposalAccess.DIRECTOR:
        raise PermissionDenied(_("Only the case director proposes or withdraws the proposal."))
    _move(proposal, new)
    if new == ProposalStatus.PROPOSED:
        if not proposal.content.get("goals"):
            raise ValidationError(_("A plan needs at least one goal before it can be adopted."), code="required")
        proposal.proposed_at = timezone.now()
    proposal.updated_at = timezone.now()
    proposal.version += 1
    proposal.save()
    log(actor=actor, case=proposal.case, action=Action.UPDATE, object_type="plan-proposal", object_id=proposal.pk)
    return proposal


@transaction.atomic
def proposal_submit(*, actor: User, proposal_id: int, expected_version: int | None) -> PlanProposal:
    """The case director proposes the draft for adoption; from now on it waits for the process director."""
    return _director_move(actor=actor, proposal_id=proposal_id, expected_version=expected_version,
                          new=ProposalStatus.PROPOSED)


@transaction.atomic
def proposal_withdraw(*, actor: User, proposal_id: int, expected_version: int | None) -> PlanProposal:
    """The case director withdraws an open proposal; the plan stays as adopted."""
    return _director_move(actor=actor, proposal_id=proposal_id, expected_version=expected_version,
                          new=ProposalStatus.WITHDRAWN)


@transaction.atomic
def proposal_return(*, actor: User, proposal_id: int, expected_version: int | None, note: str) -> PlanProposal:
    """The process director sends a proposal back to draft, saying why."""
    proposal = _locked_proposal(actor=actor, proposal_id=proposal_id, minimum=ProposalAccess.CORE)
    check_version(current=proposal.version, expected=expected_version, what=_("proposal"))
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("Say what the case director should change.")}, code="required")
    _move(proposal, ProposalStatus.DRAFT)
    proposal.decision_note = note
    proposal.decided_by, proposal.decided_at = actor, timezone.now()
    proposal.updated_at = proposal.decided_at
    proposal.version += 1
    proposal.save()
    log(actor=actor, case=proposal.case, action=Action.UPDATE, object_type="plan-proposal", object_id=proposal.pk)
    return proposal


def _apply_agreements(*, actor: User, case: Case, rows: list[Mapping[str, Any]]) -> None:
    """Pending agreements named in the proposal take its text, owner and deadline; new rows become agreements.
    Agreements the proposal leaves out keep their own course (their status is the owner's)."""
    for row in rows:
        deadline = dt.date.fromisoformat(str(row["deadline"]))
        organisation = _organisation(row["owner_organisation_id"])
        owner_user_id = row.get("owner_user_id")
        if row.get("id") is None:
            from opencasus.accounts.models import User as UserModel

            agreement_create(actor=actor, case_id=case.pk, description=str(row["description"]),
                             owner_organisation=organisation, deadline=deadline, source=_("plan proposal"),
                             owner_user=UserModel.objects.filter(pk=owner_user_id).first() if owner_user_id else None)
            continue
        agreement = Agreement.objects.select_for_update().filter(
            pk=row["id"], case=case, status__in=PENDING_STATUSES).first()
        if agreement is None:
            continue  # finished or cancelled since the draft: its owner's course stands
        agreement.description = str(row["description"])
        agreement.owner_organisation = organisation  # type: ignore[assignment]
        agreement.owner_user_id = owner_user_id
        if deadline >= timezone.localdate():
            agreement.deadline = deadline
        agreement.updated_at = timezone.now()
        agreement.version += 1
        agreement.save()


@transaction.atomic
def proposal_adopt(*, actor: User, proposal_id: int, expected_version: int | None, meeting_id: int | None = None,
                   note: str = "") -> PlanVersion:
    """The process director adopts a proposal (in the conference named): the live plan takes its goals,
    interventions and agreements, and becomes the next adopted version."""
    proposal = _locked_proposal(actor=actor, proposal_id=proposal_id, minimum=ProposalAccess.CORE)
    check_version(current=proposal.version, expected=expected_version, what=_("proposal"))
    _move(proposal, ProposalStatus.ADOPTED)
    case, plan, content = proposal.case, proposal.plan, proposal.content
    plan_replace(
        actor=actor, case_id=case.pk, expected_version=None, director_organisation=plan.director_organisation,
        director_user=plan.director_user, evaluation_date=plan.evaluation_date,
        goals=[{"id": g.get("id"), "life_domain": g["life_domain"], "description": g["description"],
                "person": g.get("person_id")} for g in content.get("goals", [])],
        interventions=[{"id": i.get("id"), "line": i["line"], "description": i["description"],
                        "organisation": _organisation(i["organisation_id"]), "person": i.get("person_id")}
                       for i in content.get("interventions", [])])
    _apply_agreements(actor=actor, case=case, rows=list(content.get("agreements", [])))
    adopted = plan_adopt(actor=actor, case_id=case.pk, expected_version=None, meeting_id=meeting_id,
                         note=(note or "").strip() or proposal.explanation)
    proposal.adopted_as = adopted
    proposal.decided_by, proposal.decided_at = actor, timezone.now()
    proposal.decision_note = (note or "").strip()
    proposal.updated_at = proposal.decided_at
    proposal.version += 1
    proposal.save()
    log(actor=actor, case=case, action=Action.UPDATE, object_type="plan-proposal", object_id=proposal.pk)
    return adopted
