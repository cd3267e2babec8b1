"""The case workspace pages: the case with its tabs, and in-place edits that keep the reader's place.

Every link and form works without JavaScript (a tab is `?tab=<slug>`, a form posts and redirects back
to its tab and anchor); with htmx a tab or a form swaps only the tab region (`#werkruimte`) or the
edited line.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from opencasus.access.policy import CaseAccess
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.cases import selectors, services
from opencasus.cases.forms import InformationItemForm, split_service_errors
from opencasus.cases.workflow import Status
from opencasus.cases.workspace.page import workspace


def is_htmx(request: AuthenticatedHttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def tab_url(case_id: int, tab: str, anchor: str = "") -> str:
    url = reverse("cases:detail", args=[case_id])
    url = url if tab == "overzicht" else f"{url}?tab={tab}"
    return f"{url}#{anchor}" if anchor else url


def _render(request: AuthenticatedHttpRequest, ctx: dict[str, Any], status: int = 200) -> HttpResponse:
    if is_htmx(request) and request.headers.get("HX-Target") == "werkruimte":
        ctx["partial"] = True
        return render(request, "cases/workspace/_tabs.html", ctx, status=status)
    return render(request, "cases/workspace/page.html", ctx, status=status)


def _context(request: AuthenticatedHttpRequest, case_id: int, tab: str | None) -> dict[str, Any]:
    ctx = workspace(actor=request.user, case_id=case_id, tab=tab, page=request.GET.get("pagina"))
    view = ctx["view"]
    if ctx["tab"].slug == "informatie" and view.is_participant and view.case.status == Status.ADMITTED:
        ctx["info_form"] = InformationItemForm(
            **selectors.information_form_options(actor=request.user, view=view))
    if ctx["tab"].slug == "plan" and request.GET.get("doel", "").isdigit() and view.is_core:
        goal = next((g for groups in ctx["goal_groups"].values() for gs in groups.values() for g in gs
                     if g.pk == int(request.GET["doel"])), None)
        if goal is not None:
            ctx.update(_goal_form_context(view.case, goal, ctx["plan_version"]))
    return ctx


@login_required
def case_detail(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    """The workspace: the header and one tab (`?tab=`); a hidden case or tab is missing (404)."""
    return _render(request, _context(request, case_id, request.GET.get("tab")))


@login_required
@require_http_methods(["GET", "POST"])
def information_add(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    view = selectors.case_detail(actor=request.user, case_id=case_id, object_type="information-form",
                                 minimum=CaseAccess.PARTICIPANT)
    form = InformationItemForm(request.POST or None,
                               **selectors.information_form_options(actor=request.user, view=view))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            item = services.information_item_add(
                actor=request.user, case_id=case_id, organisation_id=d["organisation"], person_id=d["person"],
                life_domain=d["life_domain"], text=d["text"], sharing_scope=d["sharing_scope"],
                shared_with_ids=d["shared_with"], legal_basis=d["legal_basis"])
        except ValidationError as exc:
            form.add_service_errors(split_service_errors(exc))
        else:
            messages.success(request, _("The information has been added."))
            if is_htmx(request):
                ctx = _context(request, case_id, "informatie")
                response = _render(request, ctx)
                response["HX-Push-Url"] = tab_url(case_id, "informatie")
                return response
            return redirect(tab_url(case_id, "informatie", f"informatie-{item.pk}"))
    if request.method == "POST" and is_htmx(request):
        ctx = _context(request, case_id, "informatie")
        ctx["info_form"] = form
        return _render(request, ctx, status=400)
    return render(request, "cases/information_form.html", {"form": form, "case": view.case},
                  status=400 if request.method == "POST" else 200)


def _goal_form_context(case: Any, goal: Any, plan_version: int, form: Any = None) -> dict[str, Any]:
    from opencasus.plans.forms import GoalEditForm

    if form is None:
        form = GoalEditForm(case=case, goal_id=goal.pk, initial={
            "life_domain": goal.life_domain, "person": goal.person_id, "description": goal.description,
            "version": plan_version})
    return {"edit_goal": goal, "goal_form": form}


@login_required
@require_http_methods(["GET", "POST"])
def goal_edit(request: AuthenticatedHttpRequest, case_id: int, goal_id: int) -> HttpResponse:
    """Edit one goal in place (core staff, running case). htmx gets the line; otherwise back to the plan tab."""
    from opencasus.plans import selectors as plan_selectors
    from opencasus.plans import services as plan_services
    from opencasus.plans.forms import GoalEditForm
    from opencasus.plans.views._helpers import run, version_of

    case, _level = plan_selectors.core_case(actor=request.user, case_id=case_id)
    _case, _lvl, plan = plan_selectors.plan_get(actor=request.user, case_id=case_id)
    goal = next((g for g in (plan.goals.all() if plan else []) if g.pk == goal_id), None)
    if goal is None or case.status != Status.ADMITTED:
        raise Http404
    anchor = tab_url(case_id, "plan", f"doel-{goal_id}")
    if request.method == "GET":
        if not is_htmx(request):  # the plan tab with this goal's form open
            ctx = _context(request, case_id, "plan")
            ctx.update(_goal_form_context(case, goal, plan.version if plan else 0))
            return _render(request, ctx)
        if request.GET.get("annuleren"):
            return render(request, "cases/workspace/_goal.html", {"g": goal, "case": case})
        return render(request, "cases/workspace/_goal_form.html",
                      {"case": case, **_goal_form_context(case, goal, plan.version if plan else 0)})
    form = GoalEditForm(request.POST, case=case, goal_id=goal_id)
    status = 400
    if form.is_valid():
        d = form.cleaned_data
        updated, status = run(form, lambda: plan_services.goal_update(
            actor=request.user, case_id=case_id, goal_id=goal_id, expected_version=version_of(form),
            life_domain=d["life_domain"], description=d["description"], person=d["person"]))
        if status == 200:
            if is_htmx(request):
                return render(request, "cases/workspace/_goal.html", {"g": updated, "case": case, "saved": True})
            messages.success(request, _("The goal was saved."))
            return redirect(anchor)
    if is_htmx(request):
        return render(request, "cases/workspace/_goal_form.html",
                      {"case": case, **_goal_form_context(case, goal, 0, form)}, status=status)
    ctx = _context(request, case_id, "plan")
    ctx.update(_goal_form_context(case, goal, 0, form))
    return _render(request, ctx, status=status)
