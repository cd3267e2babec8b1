"""Agreement pages: "My agreements", the agreements of a case, one agreement with notes and status."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opencasus.access.houses import narrow_to_current_house
from opencasus.access.policy import CaseAccess
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.plans import selectors, services
from opencasus.plans.filters import MyAgreementsFilter
from opencasus.plans.forms import AgreementForm, AgreementStatusForm, NoteForm
from opencasus.plans.views._helpers import run, version_of

DUE_SOON_DAYS = 14


@login_required
def my_agreements(request: AuthenticatedHttpRequest) -> HttpResponse:
    filters = MyAgreementsFilter(request.GET or None)  # the API list's parameters, and two of the page's own
    form = filters.form
    status = overdue = due_within = None
    mine = True
    if form.is_bound and form.is_valid():
        status = form.cleaned_data["status"] or None
        overdue = True if form.cleaned_data["overdue"] else None
        due_within = DUE_SOON_DAYS if form.cleaned_data["due_soon"] else None
        mine = not form.cleaned_data["all_cases"]
    agreements = list(narrow_to_current_house(
        request, selectors.agreement_list(actor=request.user, mine=mine, status=status, overdue=overdue,
                                          due_within=due_within),
        "case__house_id")[:200])
    selectors.record_agreement_list_view(actor=request.user, agreements=agreements)
    return render(request, "plans/my_agreements.html", {"agreements": agreements, "form": form})


@login_required
def case_agreements(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case, level, agreements = selectors.case_agreements(actor=request.user, case_id=case_id)
    return render(request, "plans/case_agreements.html", {"case": case, "agreements": agreements,
                                                          "core": level >= CaseAccess.CORE})


def _detail(request: AuthenticatedHttpRequest, agreement_id: int, status: int = 200, **forms: Any) -> HttpResponse:
    agreement, case, level = selectors.agreement_get(actor=request.user, agreement_id=agreement_id)
    core = level >= CaseAccess.CORE
    owner = services.is_owner(actor=request.user, agreement=agreement)
    ctx: dict[str, Any] = {"agreement": agreement, "case": case, "core": core, "owner": owner,
                           "notes": selectors.agreement_note_list(agreement),
                           "note_form": NoteForm()}
    if core or owner:
        ctx["status_form"] = AgreementStatusForm(initial={"status": agreement.status, "version": agreement.version},
                                                 current=agreement.status,
                                                 capacities=services.movers(actor=request.user, agreement=agreement))
    if core:
        ctx["edit_form"] = AgreementForm(case=case, initial={
            "description": agreement.description, "owner_organisation": agreement.owner_organisation_id,
            "owner_user": agreement.owner_user_id, "deadline": agreement.deadline, "version": agreement.version})
    ctx["source_text"] = source_text(agreement.source)
    ctx.update(forms)
    return render(request, "plans/agreement.html", ctx, status=status)


def source_text(source: str) -> str:
    """Where an agreement comes from, in words: "meeting:12" is the decision of a case conference."""
    if source.startswith("meeting:") and source[8:].isdigit():
        name = selectors.meeting_names({int(source[8:])}).get(int(source[8:]))
        return _("Decision of %(meeting)s") % {"meeting": name} if name else _("Decision of a case conference")
    return source


@login_required
def agreement_detail(request: AuthenticatedHttpRequest, agreement_id: int) -> HttpResponse:
    return _detail(request, agreement_id)


@login_required
@require_POST
def agreement_status(request: AuthenticatedHttpRequest, agreement_id: int) -> HttpResponse:
    agreement, _case, _level = selectors.agreement_check(actor=request.user, agreement_id=agreement_id)
    form = AgreementStatusForm(request.POST, current=agreement.status,
                               capacities=services.movers(actor=request.user, agreement=agreement))
    if not form.is_valid():
        return _detail(request, agreement_id, status=400, status_form=form)
    data = form.cleaned_data
    _result, status = run(form, lambda: services.agreement_update(
        actor=request.user, agreement_id=agreement_id, expected_version=version_of(form),
        status=data.get("status") or None, reason=data.get("reason", ""), progress_note=data["progress_note"]))
    if status != 200:
        return _detail(request, agreement_id, status=status, status_form=form)
    messages.success(request, _("The agreement was saved."))
    return redirect("plans:agreement", agreement_id=agreement_id)


@login_required
@require_POST
def agreement_edit(request: AuthenticatedHttpRequest, agreement_id: int) -> HttpResponse:
    _agreement, case, _level = selectors.agreement_check(actor=request.user, agreement_id=agreement_id)
    form = AgreementForm(request.POST, case=case)
    if not form.is_valid():
        return _detail(request, agreement_id, status=400, edit_form=form)
    data = dict(form.cleaned_data)
    _result, status = run(form, lambda: services.agreement_update(
        actor=request.user, agreement_id=agreement_id, expected_version=version_of(form),
        description=data["description"], owner_organisation=data["owner_organisation"],
        owner_user=data["owner_user"], deadline=data["deadline"]))
    if status != 200:
        return _detail(request, agreement_id, status=status, edit_form=form)
    messages.success(request, _("The agreement was saved."))
    return redirect("plans:agreement", agreement_id=agreement_id)


@login_required
@require_POST
def agreement_note(request: AuthenticatedHttpRequest, agreement_id: int) -> HttpResponse:
    selectors.agreement_check(actor=request.user, agreement_id=agreement_id)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _detail(request, agreement_id, status=400, note_form=form)
    _result, status = run(form, lambda: services.agreement_note_add(
        actor=request.user, agreement_id=agreement_id, text=form.cleaned_data["text"]))
    if status != 200:
        return _detail(request, agreement_id, status=status, note_form=form)
    messages.success(request, _("The note was added."))
    return redirect("plans:agreement", agreement_id=agreement_id)
