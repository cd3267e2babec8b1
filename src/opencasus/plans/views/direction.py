"""Pages of case direction: the case director's proposal (draft, propose, withdraw) and its adoption or return."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opencasus.access.plan_proposals import ProposalAccess
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.cases.selectors import participating_organisations, participating_professionals
from opencasus.plans import selectors
from opencasus.plans.forms import AdoptForm, VersionForm
from opencasus.plans.forms_direction import (
    AgreementFormSet,
    GoalFormSet,
    InterventionFormSet,
    ProposalForm,
    ReturnForm,
    agreement_rows,
    goal_rows,
    initial_rows,
    intervention_rows,
)
from opencasus.plans.selectors_direction import proposal_get
from opencasus.plans.services import direction as services
from opencasus.plans.state_tables import ProposalStatus
from opencasus.plans.views._helpers import run, version_of

if TYPE_CHECKING:
    pass

TONES: dict[str, str] = {ProposalStatus.DRAFT: "neutral", ProposalStatus.PROPOSED: "warning",
                         ProposalStatus.ADOPTED: "success", ProposalStatus.WITHDRAWN: "inactive"}



def _names(case_id: int) -> tuple[dict[int, str], dict[int, str]]:
    organisations = {o.pk: o.name for o in participating_organisations(case_id=case_id)}
    users = {u.pk: str(u) for u in participating_professionals(case_id=case_id)}
    return organisations, users


@login_required
@require_POST
def proposal_start(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    try:
        proposal = services.proposal_start(actor=request.user, case_id=case_id)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("plans:plan", case_id=case_id)
    messages.success(request, _("A draft of the plan's next version was started."))
    return redirect("plans:proposal-edit", proposal_id=proposal.pk)


@login_required
def proposal_detail(request: AuthenticatedHttpRequest, proposal_id: int, status: int = 200,
                    **forms: Any) -> HttpResponse:
    proposal, access = proposal_get(actor=request.user, proposal_id=proposal_id)
    organisations, users = _names(proposal.case_id)
    content = proposal.content
    ctx: dict[str, Any] = {
        "proposal": proposal, "case": proposal.case, "core": access == ProposalAccess.CORE,
        "director": access == ProposalAccess.DIRECTOR, "tone": TONES.get(proposal.status, "neutral"),
        "goals": content.get("goals", []),
        "interventions": [{**i, "organisation": organisations.get(i["organisation_id"], "—")}
                          for i in content.get("interventions", [])],
        "agreements": [{**a, "owner_organisation": organisations.get(a["owner_organisation_id"], "—"),
                        "owner_user": users.get(a.get("owner_user_id") or 0, "")}
                       for a in content.get("agreements", [])],
        "plan_changed": proposal.plan.version != proposal.based_on_plan_version,
        "breadcrumbs": [(_("Case %(ref)s") % {"ref": proposal.case.reference}, f"/casussen/{proposal.case_id}"),
                        (_("Plan"), f"/casussen/{proposal.case_id}/plan"), (_("Proposal"), "")],
    }
    if ctx["core"] and proposal.status == ProposalStatus.PROPOSED:
        ctx.setdefault("adopt_form", AdoptForm(initial={"version": proposal.version},
                                               meetings=selectors.meeting_choices(proposal.case)))
        ctx.setdefault("return_form", ReturnForm(initial={"version": proposal.version}))
    ctx.update(forms)
    return render(request, "plans/proposal.html", ctx, status=status)


@login_required
def proposal_edit(request: AuthenticatedHttpRequest, proposal_id: int) -> HttpResponse:
    proposal, access = proposal_get(actor=request.user, proposal_id=proposal_id)
    case = proposal.case
    if access != ProposalAccess.DIRECTOR or proposal.status != ProposalStatus.DRAFT:
        return redirect("plans:proposal", proposal_id=proposal.pk)
    status = 200
    kwargs: dict[str, Any] = {"form_kwargs": {"case": case}}
    if request.method == "POST":
        form = ProposalForm(request.POST)
        goals = GoalFormSet(request.POST, prefix="goals", **kwargs)
        interventions = InterventionFormSet(request.POST, prefix="interventions", **kwargs)
        agreements = AgreementFormSet(request.POST, prefix="agreements", **kwargs)
        if form.is_valid() and goals.is_valid() and interventions.is_valid() and agreements.is_valid():
            _result, status = run(form, lambda: services.proposal_update(
                actor=request.user, proposal_id=proposal.pk, expected_version=version_of(form),
                explanation=form.cleaned_data["explanation"], goals=goal_rows(goals),
                interventions=intervention_rows(interventions), agreements=agreement_rows(agreements)))
            if status == 200:
                messages.success(request, _("The draft was saved."))
                return redirect("plans:proposal", proposal_id=proposal.pk)
        else:
            status = 400
    else:
        rows = initial_rows(proposal.content)
        form = ProposalForm(initial={"version": proposal.version, "explanation": proposal.explanation})
        goals = GoalFormSet(initial=rows["goals"], prefix="goals", **kwargs)
        interventions = InterventionFormSet(initial=rows["interventions"], prefix="interventions", **kwargs)
        agreements = AgreementFormSet(initial=rows["agreements"], prefix="agreements", **kwargs)
    return render(request, "plans/proposal_edit.html", {
        "proposal": proposal, "case": case, "form": form, "goal_formset": goals,
        "intervention_formset": interventions, "agreement_formset": agreements,
        "breadcrumbs": [(_("Case %(ref)s") % {"ref": case.reference}, f"/casussen/{case.pk}"),
                        (_("Plan"), f"/casussen/{case.pk}/plan"),
                        (_("Proposal"), f"/plan-voorstellen/{proposal.pk}"), (_("Edit"), "")],
    }, status=status)


def _action(request: AuthenticatedHttpRequest, proposal_id: int, call: Any, done: str) -> HttpResponse:
    form = VersionForm(request.POST)
    if form.is_valid():
        _result, status = run(form, lambda: call(actor=request.user, proposal_id=proposal_id,
                                                 expected_version=version_of(form)))
        if status == 200:
            messages.success(request, done)
            return redirect("plans:proposal", proposal_id=proposal_id)
    for error in form.non_field_errors():
        messages.error(request, str(error))
    return redirect("plans:proposal", proposal_id=proposal_id)


@login_required
@require_POST
def proposal_submit(request: AuthenticatedHttpRequest, proposal_id: int) -> HttpResponse:
    proposal_get(actor=request.user, proposal_id=proposal_id)
    return _action(request, proposal_id, services.proposal_submit, _("The proposal awaits adoption."))


@login_required
@require_POST
def proposal_withdraw(request: AuthenticatedHttpRequest, proposal_id: int) -> HttpResponse:
    proposal_get(actor=request.user, proposal_id=proposal_id)
    return _action(request, proposal_id, services.proposal_withdraw, _("The proposal was withdrawn."))


@login_required
@require_POST
def proposal_return(request: AuthenticatedHttpRequest, proposal_id: int) -> HttpResponse:
    proposal_get(actor=request.user, proposal_id=proposal_id)
    form = ReturnForm(request.POST)
    if form.is_valid():
        _result, status = run(form, lambda: services.proposal_return(
            actor=request.user, proposal_id=proposal_id, expected_version=version_of(form),
            note=form.cleaned_data["note"]))
        if status == 200:
            messages.success(request, _("The proposal went back to the case director."))
            return redirect("plans:proposal", proposal_id=proposal_id)
    else:
        status = 400
    return proposal_detail(request, proposal_id, status=status, return_form=form)


@login_required
@require_POST
def proposal_adopt(request: AuthenticatedHttpRequest, proposal_id: int) -> HttpResponse:
    proposal, _access = proposal_get(actor=request.user, proposal_id=proposal_id)
    form = AdoptForm(request.POST, meetings=selectors.meeting_choices(proposal.case))
    if form.is_valid():
        adopted, status = run(form, lambda: services.proposal_adopt(
            actor=request.user, proposal_id=proposal_id, expected_version=version_of(form),
            meeting_id=form.cleaned_data["meeting_id"], note=form.cleaned_data["note"]))
        if status == 200:
            messages.success(request, _("Version %(n)s of the plan was adopted.") % {"n": adopted.number})
            return redirect("plans:versions", case_id=proposal.case_id)
    else:
        status = 400
    return proposal_detail(request, proposal_id, status=status, adopt_form=form)
