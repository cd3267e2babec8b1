"""Plan pages: the plan editor, versions, adoption, evaluation and the PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opencasus.access.policy import CaseAccess
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.plans import selectors, services
from opencasus.plans.document import plan_pdf
from opencasus.plans.forms import (
    AdoptForm,
    AgreementForm,
    EvaluationForm,
    GoalForm,
    InterventionForm,
    PlanHeaderForm,
    VersionForm,
)
from opencasus.plans.gates import adoption_blockers
from opencasus.plans.views._helpers import run, version_of

if TYPE_CHECKING:
    pass


def _plan_context(request: AuthenticatedHttpRequest, case_id: int) -> dict[str, Any]:
    case, level, plan = selectors.plan_view(actor=request.user, case_id=case_id)
    core = level >= CaseAccess.CORE
    ctx: dict[str, Any] = {
        "case": case, "plan": plan, "core": core, "agreements": selectors.plan_agreements(plan),
        "goals": list(plan.goals.all()) if plan else [],
        "interventions": list(plan.interventions.all()) if plan else [],
        "escalations": selectors.case_escalations(case), "closures": selectors.closure_list(case),
        # Without a plan, the version a new plan starts at: the first save creates it with this version.
        "plan_version": plan.version if plan else 0,
    }
    from opencasus.plans import selectors_direction

    ctx["proposal_access"] = int(selectors_direction.case_proposal_access(
        actor=request.user, case=case, level=level))
    if ctx["proposal_access"]:
        ctx["open_proposal"] = selectors_direction.open_proposal(case)
    if core:
        initial = {"version": ctx["plan_version"]}
        if plan:
            initial.update(director_organisation=plan.director_organisation_id, director_user=plan.director_user_id,
                           evaluation_date=plan.evaluation_date)
        ctx.update(header_form=PlanHeaderForm(initial=initial, case=case), goal_form=GoalForm(case=case),
                   intervention_form=InterventionForm(case=case), agreement_form=AgreementForm(case=case, new=True))
    return ctx


@login_required
def plan_detail(request: AuthenticatedHttpRequest, case_id: int, status: int = 200, **forms: Any) -> HttpResponse:
    ctx = _plan_context(request, case_id)
    ctx.update(forms)
    ctx["adoption_blockers"] = adoption_blockers(ctx["case"])
    return render(request, "plans/plan.html", ctx, status=status)


def _post(request: AuthenticatedHttpRequest, case_id: int, form: Any, form_name: str, call: Any,
          done: str) -> HttpResponse:
    if form.is_valid():
        _result, status = run(form, lambda: call(form))
        if status == 200:
            messages.success(request, done)
            return redirect("plans:plan", case_id=case_id)
    else:
        status = 400
    return plan_detail(request, case_id, status=status, **{form_name: form})


@login_required
@require_POST
def plan_header(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case, _level = selectors.core_case(actor=request.user, case_id=case_id)
    form = PlanHeaderForm(request.POST, case=case)
    return _post(request, case_id, form, "header_form", lambda f: services.plan_update(
        actor=request.user, case_id=case_id, expected_version=version_of(f),
        director_organisation=f.cleaned_data["director_organisation"],
        director_user=f.cleaned_data["director_user"], evaluation_date=f.cleaned_data["evaluation_date"]),
        _("The plan was saved."))


@login_required
@require_POST
def goal_add(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case, _level = selectors.core_case(actor=request.user, case_id=case_id)
    form = GoalForm(request.POST, case=case)
    return _post(request, case_id, form, "goal_form", lambda f: services.goal_add(
        actor=request.user, case_id=case_id, **f.cleaned_data), _("The goal was added."))


@login_required
@require_POST
def intervention_add(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case, _level = selectors.core_case(actor=request.user, case_id=case_id)
    form = InterventionForm(request.POST, case=case)
    return _post(request, case_id, form, "intervention_form", lambda f: services.intervention_add(
        actor=request.user, case_id=case_id, **f.cleaned_data), _("The intervention was added."))


@login_required
@require_POST
def agreement_add(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case, _level = selectors.core_case(actor=request.user, case_id=case_id)
    form = AgreementForm(request.POST, case=case, new=True)
    return _post(request, case_id, form, "agreement_form", lambda f: services.agreement_create(
        actor=request.user, case_id=case_id, description=f.cleaned_data["description"],
        owner_organisation=f.cleaned_data["owner_organisation"], owner_user=f.cleaned_data["owner_user"],
        deadline=f.cleaned_data["deadline"], source=_("plan editor"), goal=f.cleaned_data.get("goal"),
        exceeds_mandate=bool(f.cleaned_data.get("exceeds_mandate"))),
        _("The agreement was added."))


@login_required
@require_POST
def item_delete(request: AuthenticatedHttpRequest, case_id: int, kind: str, item_id: int) -> HttpResponse:
    selectors.core_case(actor=request.user, case_id=case_id)
    form = VersionForm(request.POST)
    call = services.goal_delete if kind == "goal" else services.intervention_delete
    key = "goal_id" if kind == "goal" else "intervention_id"
    if form.is_valid():
        _result, status = run(form, lambda: call(actor=request.user, case_id=case_id, expected_version=version_of(form),
                                                 **{key: item_id}))
        if status == 200:
            messages.success(request, _("The item was removed."))
            return redirect("plans:plan", case_id=case_id)
        for error in form.non_field_errors():
            messages.error(request, str(error))
        return plan_detail(request, case_id, status=status)
    raise Http404


@login_required
def adopt(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case, _level = selectors.core_case(actor=request.user, case_id=case_id)
    _case, _lvl, plan = selectors.plan_get(actor=request.user, case_id=case_id)
    status = 200
    if request.method == "POST":
        form = AdoptForm(request.POST, meetings=selectors.meeting_choices(case))
        if form.is_valid():
            adopted, status = run(form, lambda: services.plan_adopt(
                actor=request.user, case_id=case_id, expected_version=version_of(form),
                meeting_id=form.cleaned_data["meeting_id"], note=form.cleaned_data["note"]))
            if status == 200:
                messages.success(request, _("Version %(n)s of the plan was adopted.") % {"n": adopted.number})
                return redirect("plans:versions", case_id=case_id)
        else:
            status = 400
    else:
        form = AdoptForm(initial={"version": plan.version if plan else 0}, meetings=selectors.meeting_choices(case))
    return render(request, "plans/adopt.html", {"case": case, "plan": plan, "form": form,
                                                "adoption_blockers": adoption_blockers(case)}, status=status)


@login_required
def versions(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case, versions_list = selectors.version_list(actor=request.user, case_id=case_id)
    names = selectors.meeting_names({v.meeting_id for v in versions_list if v.meeting_id})
    for version in versions_list:
        version.meeting_name = names.get(version.meeting_id or 0, "")  # type: ignore[attr-defined]
    return render(request, "plans/versions.html", {"case": case, "versions": versions_list})


@login_required
def version_detail(request: AuthenticatedHttpRequest, case_id: int, number: int) -> HttpResponse:
    case, version = selectors.version_get(actor=request.user, case_id=case_id, number=number)
    return render(request, "plans/version.html", {"case": case, "version": version, "snapshot": version.snapshot})


@login_required
def evaluation(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case, _level = selectors.core_case(actor=request.user, case_id=case_id)
    _case, _lvl, plan = selectors.plan_get(actor=request.user, case_id=case_id)
    goals = list(plan.goals.all()) if plan else []
    status = 200
    if request.method == "POST":
        form = EvaluationForm(request.POST, goals=goals)
        if form.is_valid():
            _result, status = run(form, lambda: services.evaluation_record(
                actor=request.user, case_id=case_id, evaluated_on=form.cleaned_data["evaluated_on"],
                results=form.results(), note=form.cleaned_data["note"],
                next_evaluation_date=form.cleaned_data["next_evaluation_date"]))
            if status == 200:
                messages.success(request, _("The evaluation was recorded."))
                return redirect("plans:plan", case_id=case_id)
        else:
            status = 400
    else:
        form = EvaluationForm(goals=goals)
    evaluations = plan.evaluations.prefetch_related("results") if plan else []
    return render(request, "plans/evaluation.html", {"case": case, "plan": plan, "form": form,
                                                     "evaluations": evaluations}, status=status)


@login_required
def pdf(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    data, case = plan_pdf(actor=request.user, case_id=case_id)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="plan-van-aanpak-{case.reference}.pdf"'
    return response
