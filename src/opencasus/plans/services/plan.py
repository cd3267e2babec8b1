"""The plan itself: case director, evaluation date, goals, interventions, adoption as a version, evaluation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.cases.models import Case, Person
from opencasus.cases.vocabulary import LifeDomain
from opencasus.core import events
from opencasus.core.events import CaseFiguresChanged
from opencasus.logbook.models import Action
from opencasus.plans import gates
from opencasus.plans.models import Evaluation, Goal, GoalEvaluation, Intervention, Plan, PlanVersion
from opencasus.plans.services._common import check_version, core_case, log, validate_participant
from opencasus.plans.snapshot import build_snapshot
from opencasus.plans.state_tables import PLAN_TRANSITIONS, PlanState, plan_state
from opencasus.plans.vocabulary import GoalResult, InterventionLine

if TYPE_CHECKING:
    from opencasus.accounts.models import User

UNSET: Any = object()


def _locked_plan(case: Case) -> Plan:
    Plan.objects.get_or_create(case=case, defaults={"version": 0})  # as the read of a missing plan says
    return Plan.objects.select_for_update().get(case=case)


def _touch(plan: Plan, actor: User) -> None:
    plan.version += 1
    plan.changed_since_adoption = True
    plan.updated_at = timezone.now()
    plan.updated_by = actor
    plan.save()



def _person(case: Case, person: Any) -> Person | None:
    if person in (None, ""):
        return None
    person_id = getattr(person, "pk", person)
    found = Person.objects.filter(case=case, pk=person_id).first()
    if found is None:
        raise ValidationError({"person": _("This person is not part of the case.")}, code="invalid")
    return found


def _clean_goal(case: Case, *, life_domain: str, description: str, person: Any) -> dict[str, Any]:
    if life_domain not in LifeDomain.values:
        raise ValidationError({"life_domain": _("Choose a life domain.")}, code="invalid")
    description = (description or "").strip()
    if not description:
        raise ValidationError({"description": _("Describe the goal.")}, code="required")
    return {"life_domain": life_domain, "description": description, "person": _person(case, person)}


def _clean_intervention(case: Case, *, line: str, description: str, organisation: Any,
                        person: Any) -> dict[str, Any]:
    if line not in InterventionLine.values:
        raise ValidationError({"line": _("Choose a line: criminal law, administrative or care.")}, code="invalid")
    description = (description or "").strip()
    if not description:
        raise ValidationError({"description": _("Describe the intervention.")}, code="required")
    validate_participant(case=case, organisation=organisation, field="organisation")
    return {"line": line, "description": description, "organisation": organisation, "person": _person(case, person)}


def _set_header(plan: Plan, case: Case, *, director_organisation: Any, director_user: Any,
                evaluation_date: Any) -> None:
    if director_organisation is not UNSET or director_user is not UNSET:
        org = plan.director_organisation if director_organisation is UNSET else director_organisation
        user = plan.director_user if director_user is UNSET else director_user
        if org is None and user is not None:
            raise ValidationError({"director_organisation": _("Choose the case director's organisation.")},
                                  code="required")
        if org is not None:
            validate_participant(case=case, organisation=org, user=user, field="director_organisation",
                                 user_field="director_user")
        plan.director_organisation, plan.director_user = org, user
    if evaluation_date is not UNSET:
        if evaluation_date is not None and evaluation_date < timezone.localdate():
            raise ValidationError({"evaluation_date": _("The evaluation date lies in the past.")}, code="invalid")
        plan.evaluation_date = evaluation_date


@transaction.atomic
def plan_update(*, actor: User, case_id: int, expected_version: int | None, director_organisation: Any = UNSET,
                director_user: Any = UNSET, evaluation_date: Any = UNSET) -> Plan:
    """Set the case director (a participating organisation and professional) and the evaluation date."""
    case = core_case(actor=actor, case_id=case_id)
    plan = _locked_plan(case)
    check_version(current=plan.version, expected=expected_version, what=_("plan"))
    _set_header(plan, case, director_organisation=director_organisation, director_user=director_user,
                evaluation_date=evaluation_date)
    _touch(plan, actor)
    log(actor=actor, case=case, action=Action.UPDATE, object_type="plan", object_id=plan.pk)
    return plan


@transaction.atomic
def plan_replace(*, actor: User, case_id: int, expected_version: int | None, director_organisation: Any,
                 director_user: Any, evaluation_date: dt.date | None, goals: Iterable[dict[str, Any]],
                 interventions: Iterable[dict[str, Any]]) -> Plan:
    """Replace the plan's content at once (API PUT): rows with an id are kept and changed, others are new,
    rows left out are removed."""
    case = core_case(actor=actor, case_id=case_id)
    plan = _locked_plan(case)
    check_version(current=plan.version, expected=expected_version, what=_("plan"))
    _set_header(plan, case, director_organisation=director_organisation, director_user=director_user,
                evaluation_date=evaluation_date)
    for model, rows, clean in ((Goal, list(goals), _clean_goal), (Intervention, list(interventions),
                                                                  _clean_intervention)):
        existing = {obj.pk: obj for obj in model.objects.filter(plan=plan)}
        keep: set[int] = set()
        for index, row in enumerate(rows):
            row = dict(row)
            row_id = row.pop("id", None)
            try:
                values = clean(case, **row)
            except ValidationError as exc:
                name = "goals" if model is Goal else "interventions"
                raise ValidationError({f"{name}[{index}]": exc.messages}, code="invalid") from exc
            if row_id is not None:
                obj = existing.get(row_id)
                if obj is None:
                    raise ValidationError({"id": _("Unknown item %(id)s in this plan.") % {"id": row_id}})
                for name, value in values.items():
                    setattr(obj, name, value)
                obj.save()
                keep.add(row_id)
            else:
                model.objects.create(plan=plan, **values)
        model.objects.filter(plan=plan).exclude(pk__in=keep).filter(
            pk__in=list(existing)).delete()
    _touch(plan, actor)
    log(actor=actor, case=case, action=Action.UPDATE, object_type="plan", object_id=plan.pk)
    return plan


@transaction.atomic
def goal_add(*, actor: User, case_id: int, life_domain: str, description: str, person: Any = None) -> Goal:
    case = core_case(actor=actor, case_id=case_id)
    plan = _locked_plan(case)
    goal = Goal.objects.create(plan=plan, **_clean_goal(case, life_domain=life_domain, description=description,
                                                        person=person))
    _touch(plan, actor)
    log(actor=actor, case=case, action=Action.CREATE, object_type="goal", object_id=goal.pk)
    return goal


@transaction.atomic
def goal_update(*, actor: User, case_id: int, goal_id: int, expected_version: int | None, life_domain: str,
                description: str, person: Any = None) -> Goal:
    """Change a goal of a running case's plan (core staff); a stale plan version is a conflict."""
    case = core_case(actor=actor, case_id=case_id)
    plan = _locked_plan(case)
    check_version(current=plan.version, expected=expected_version, what=_("plan"))
    goal = Goal.objects.filter(plan=plan, pk=goal_id).first()
    if goal is None:
        from django.http import Http404

        raise Http404
    for name, value in _clean_goal(case, life_domain=life_domain, description=description, person=person).items():
        setattr(goal, name, value)
    goal.save()
    _touch(plan, actor)
    log(actor=actor, case=case, action=Action.UPDATE, object_type="goal", object_id=goal.pk)
    return goal


@transaction.atomic
def goal_delete(*, actor: User, case_id: int, goal_id: int, expected_version: int | None) -> None:
    case = core_case(actor=actor, case_id=case_id)
    plan = _locked_plan(case)
    check_version(current=plan.version, expected=expected_version, what=_("plan"))
    goal = Goal.objects.filter(plan=plan, pk=goal_id).first()
    if goal is None:
        from django.http import Http404

        raise Http404
    goal.delete()
    _touch(plan, actor)
    log(actor=actor, case=case, action=Action.DELETE, object_type="goal", object_id=goal_id)


@transaction.atomic
def intervention_add(*, actor: User, case_id: int, line: str, description: str, organisation: Any,
                     person: Any = None) -> Intervention:
    case = core_case(actor=actor, case_id=case_id)
    plan = _locked_plan(case)
    intervention = Intervention.objects.create(plan=plan, **_clean_intervention(
        case, line=line, description=description, organisation=organisation, person=person))
    _touch(plan, actor)
    log(actor=actor, case=case, action=Action.CREATE, object_type="intervention", object_id=intervention.pk)
    return intervention


@transaction.atomic
def intervention_delete(*, actor: User, case_id: int, intervention_id: int, expected_version: int | None) -> None:
    case = core_case(actor=actor, case_id=case_id)
    plan = _locked_plan(case)
    check_version(current=plan.version, expected=expected_version, what=_("plan"))
    deleted, _rows = Intervention.objects.filter(plan=plan, pk=intervention_id).delete()
    if not deleted:
        from django.http import Http404

        raise Http404
    _touch(plan, actor)
    log(actor=actor, case=case, action=Action.DELETE, object_type="intervention", object_id=intervention_id)


@transaction.atomic
def plan_adopt(*, actor: User, case_id: int, expected_version: int | None, meeting_id: int | None = None,
               note: str = "") -> PlanVersion:
    """Adopt the plan as it stands (in a meeting): an immutable snapshot becomes the next version."""
    case = core_case(actor=actor, case_id=case_id)
    plan = _locked_plan(case)
    check_version(current=plan.version, expected=expected_version, what=_("plan"))
    if plan.director_organisation_id is None:
        raise ValidationError({"director_organisation": _("Name the case director before adopting the plan.")},
                              code="required")
    if not plan.goals.exists():
        raise ValidationError(_("A plan needs at least one goal before it can be adopted."), code="required")
    gates.check_adoption_gates(case)
    state = plan_state(adopted_version=plan.adopted_version, changed_since_adoption=plan.changed_since_adoption)
    if not PLAN_TRANSITIONS.allowed(state, PlanState.ADOPTED):
        raise ValidationError(_("Nothing changed since version %(n)s was adopted.") % {"n": plan.adopted_version},
                              code="unchanged")
    if meeting_id is not None and not apps.get_model("meetings", "Meeting").objects.filter(
            pk=meeting_id, house_id=case.house_id).exists():
        raise ValidationError({"meeting_id": _("Choose a case conference of this house.")}, code="invalid")
    number = plan.adopted_version + 1
    events.publish(CaseFiguresChanged(case_id=case.pk))  # the first adoption counts in earlier closures' durations
    adopted = PlanVersion.objects.create(plan=plan, number=number, adopted_by=actor, meeting_id=meeting_id,
                                         note=(note or "").strip(), snapshot=build_snapshot(plan))
    plan.adopted_version = number
    plan.changed_since_adoption = False
    plan.version += 1
    plan.updated_at, plan.updated_by = timezone.now(), actor
    plan.save()
    log(actor=actor, case=case, action=Action.CREATE, object_type="plan-version", object_id=adopted.pk)
    return adopted


@transaction.atomic
def evaluation_record(*, actor: User, case_id: int, evaluated_on: dt.date, results: Iterable[dict[str, Any]],
                      note: str = "", next_evaluation_date: dt.date | None = None) -> Evaluation:
    """What was reached per goal (reached / partly / not reached + note); optionally the next date."""
    case = core_case(actor=actor, case_id=case_id)
    plan = _locked_plan(case)
    if evaluated_on is None or evaluated_on > timezone.localdate():
        raise ValidationError({"evaluated_on": _("An evaluation cannot lie in the future.")}, code="invalid")
    goals = {g.pk: g for g in plan.goals.all()}
    rows = list(results)
    seen = set()
    for row in rows:
        if row.get("goal_id") not in goals:
            raise ValidationError({"results": _("Each result must be about a goal of this plan.")}, code="invalid")
        if row.get("result") not in GoalResult.values:
            raise ValidationError({"results": _("Choose reached, partly reached or not reached.")}, code="invalid")
        seen.add(row["goal_id"])
    if not goals or seen != set(goals):
        raise ValidationError({"results": _("Record a result for every goal of the plan.")}, code="required")
    evaluation = Evaluation.objects.create(plan=plan, evaluated_on=evaluated_on, note=(note or "").strip(),
                                           recorded_by=actor)
    GoalEvaluation.objects.bulk_create([
        GoalEvaluation(evaluation=evaluation, goal=goals[row["goal_id"]],
                       goal_description=goals[row["goal_id"]].description, result=row["result"],
                       note=(row.get("note") or "").strip())
        for row in rows
    ])
    if next_evaluation_date is not None:
        if next_evaluation_date <= evaluated_on:
            raise ValidationError({"next_evaluation_date": _("The next evaluation must come after this one.")},
                                  code="invalid")
        plan.evaluation_date = next_evaluation_date
        plan.version += 1
        plan.save(update_fields=["evaluation_date", "version"])
    log(actor=actor, case=case, action=Action.CREATE, object_type="evaluation", object_id=evaluation.pk)
    return evaluation
