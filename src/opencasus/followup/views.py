"""Pages of the follow-through: check-backs, monitoring periods, closure feedback, anonymous consultations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from opencasus.access import followup as access
from opencasus.access.houses import narrow_to_current_house
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.followup import selectors, services
from opencasus.followup.filters import CheckBackFilter, ConsultationFilter, MonitoringFilter
from opencasus.followup.forms import (
    AdviceForm,
    CheckBackDateForm,
    CheckBackResolveForm,
    ConsultationForm,
    LastCheckForm,
    MonitoringDateForm,
    MonitoringStartForm,
)
from opencasus.followup.services._common import MONITORING, TRIAGE
from opencasus.logbook.models import ActivityCode
from opencasus.plans.views._helpers import run, version_of

if TYPE_CHECKING:
    pass

PAGE_SIZE = 25



def _require_core_staff(request: AuthenticatedHttpRequest) -> None:
    if not access.core_house_ids(request.user):
        raise Http404


def _filtered(request: AuthenticatedHttpRequest, filterset_class: Any) -> tuple[Any, dict[str, Any]]:
    filterset = filterset_class(data=request.GET or None)
    values = dict(filterset.form.cleaned_data) if filterset.is_valid() else {}
    return filterset, values


def _page(request: AuthenticatedHttpRequest, qs: Any, *, activity: ActivityCode, object_type: str) -> Any:
    page = Paginator(narrow_to_current_house(request, qs), PAGE_SIZE).get_page(request.GET.get("page"))
    selectors.record_list_view(actor=request.user, house_ids={item.house_id for item in page.object_list},
                               activity=activity, object_type=object_type)
    return page


# Check-backs -------------------------------------------------------------------------------------------------

@login_required
def check_back_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_core_staff(request)
    filterset, values = _filtered(request, CheckBackFilter)
    qs = selectors.check_back_list(actor=request.user, status=values.get("status") or None,
                                   due=bool(values.get("due")))
    page = _page(request, qs, activity=TRIAGE, object_type="check-back-list")
    return render(request, "followup/check_backs.html", {
        "filter": filterset, "page_obj": page, "breadcrumbs": [(_("Check-backs"), "")]})


@login_required
@require_http_methods(["GET", "POST"])
def check_back_detail(request: AuthenticatedHttpRequest, check_back_id: int) -> HttpResponse:
    check_back = selectors.check_back_get(actor=request.user, check_back_id=check_back_id)
    resolve_form = CheckBackResolveForm(initial={"version": check_back.version}, prefix="resolve")
    date_form = CheckBackDateForm(initial={"version": check_back.version, "due_date": check_back.due_date},
                                  prefix="date")
    status = 200
    if request.method == "POST":
        if "date-due_date" in request.POST:
            date_form = CheckBackDateForm(request.POST, prefix="date")
            if date_form.is_valid():
                _result, status = run(date_form, lambda: services.check_back_reschedule(
                    actor=request.user, check_back_id=check_back.pk, due_date=date_form.cleaned_data["due_date"],
                    expected_version=version_of(date_form)))
                if status == 200:
                    messages.success(request, _("The check-back date was changed."))
                    return redirect("followup:check-back", check_back_id=check_back.pk)
            else:
                status = 400
        else:
            resolve_form = CheckBackResolveForm(request.POST, prefix="resolve")
            if resolve_form.is_valid():
                data = resolve_form.cleaned_data
                _result, status = run(resolve_form, lambda: services.check_back_resolve(
                    actor=request.user, check_back_id=check_back.pk, status=data["status"], note=data["note"],
                    expected_version=version_of(resolve_form)))
                if status == 200:
                    messages.success(request, _("The check-back was recorded."))
                    return redirect("followup:check-back", check_back_id=check_back.pk)
            else:
                status = 400
    return render(request, "followup/check_back.html", {
        "check_back": check_back, "case": check_back.case, "resolve_form": resolve_form, "date_form": date_form,
        "breadcrumbs": [(_("Check-backs"), "/nacontroles"), (check_back.case.reference, "")]}, status=status)


# Monitoring --------------------------------------------------------------------------------------------------

@login_required
def monitoring_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_core_staff(request)
    filterset, values = _filtered(request, MonitoringFilter)
    qs = selectors.monitoring_list(actor=request.user, status=values.get("status") or None,
                                   due=bool(values.get("due")))
    page = _page(request, qs, activity=MONITORING, object_type="monitoring-list")
    return render(request, "followup/monitoring_list.html", {
        "filter": filterset, "page_obj": page, "breadcrumbs": [(_("Monitoring after hand-down"), "")]})


@login_required
@require_http_methods(["GET", "POST"])
def monitoring_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_core_staff(request)
    candidates = narrow_to_current_house(request, selectors.monitoring_candidates(actor=request.user))
    cases = [(case.pk, case.reference) for case in candidates[:200]]
    status = 200
    if request.method == "POST":
        form = MonitoringStartForm(request.POST, cases=cases)
        if form.is_valid():
            data = form.cleaned_data
            period, status = run(form, lambda: services.monitoring_start(
                actor=request.user, case_id=data["case"], local_approach=data["local_approach"],
                last_check_date=data["last_check_date"], note=data["note"]))
            if status == 200:
                messages.success(request, _("The case was handed down under monitoring."))
                return redirect("followup:monitoring-period", period_id=period.pk)
        else:
            status = 400
    else:
        initial = {"case": request.GET.get("casus")} if request.GET.get("casus") else {}
        form = MonitoringStartForm(initial=initial, cases=cases)
    return render(request, "followup/monitoring_new.html", {
        "form": form, "breadcrumbs": [(_("Monitoring after hand-down"), "/monitoring"), (_("Hand down"), "")]},
        status=status)


@login_required
@require_http_methods(["GET", "POST"])
def monitoring_detail(request: AuthenticatedHttpRequest, period_id: int) -> HttpResponse:
    period = selectors.monitoring_get(actor=request.user, period_id=period_id)
    check_form = LastCheckForm(initial={"version": period.version}, prefix="check")
    date_form = MonitoringDateForm(initial={"version": period.version, "last_check_date": period.last_check_date},
                                   prefix="date")
    status = 200
    if request.method == "POST":
        if "date-last_check_date" in request.POST:
            date_form = MonitoringDateForm(request.POST, prefix="date")
            if date_form.is_valid():
                _result, status = run(date_form, lambda: services.monitoring_reschedule(
                    actor=request.user, period_id=period.pk,
                    last_check_date=date_form.cleaned_data["last_check_date"], expected_version=version_of(date_form)))
                if status == 200:
                    messages.success(request, _("The date of the last check was changed."))
                    return redirect("followup:monitoring-period", period_id=period.pk)
            else:
                status = 400
        else:
            check_form = LastCheckForm(request.POST, prefix="check")
            if check_form.is_valid():
                data = check_form.cleaned_data
                _result, status = run(check_form, lambda: services.monitoring_last_check(
                    actor=request.user, period_id=period.pk, result=data["result"], note=data["note"],
                    expected_version=version_of(check_form)))
                if status == 200:
                    messages.success(request, _("The last check was recorded."))
                    return redirect("followup:monitoring-period", period_id=period.pk)
            else:
                status = 400
    return render(request, "followup/monitoring_period.html", {
        "period": period, "case": period.case, "check_form": check_form, "date_form": date_form,
        "breadcrumbs": [(_("Monitoring after hand-down"), "/monitoring"), (period.case.reference, "")]},
        status=status)


# Closure feedback --------------------------------------------------------------------------------------------

@login_required
def feedback_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    qs = selectors.closure_feedback_list(actor=request.user)
    page = _page(request, qs, activity=MONITORING, object_type="closure-feedback-list")
    return render(request, "followup/feedback_list.html", {
        "page_obj": page, "breadcrumbs": [(_("Feedback on closed cases"), "")]})


@login_required
def feedback_detail(request: AuthenticatedHttpRequest, feedback_id: int) -> HttpResponse:
    feedback = selectors.closure_feedback_get(actor=request.user, feedback_id=feedback_id)
    is_core = feedback.house_id in access.core_house_ids(request.user)
    return render(request, "followup/feedback.html", {
        "feedback": feedback, "is_core": is_core,
        "breadcrumbs": [(_("Feedback on closed cases"), "/terugkoppelingen"), (feedback.case.reference, "")]})


# Anonymous consultations -------------------------------------------------------------------------------------

@login_required
def consultation_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not access.consultation_houses(request.user):
        raise Http404
    filterset, values = _filtered(request, ConsultationFilter)
    qs = selectors.consultation_list(actor=request.user, status=values.get("status") or None)
    page = _page(request, qs, activity=TRIAGE, object_type="consultation-list")
    return render(request, "followup/consultations.html", {
        "filter": filterset, "page_obj": page, "is_core": bool(access.core_house_ids(request.user)),
        "breadcrumbs": [(_("Anonymous consultations"), "")]})


@login_required
@require_http_methods(["GET", "POST"])
def consultation_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    askers = selectors.consultation_askers(actor=request.user)
    if not askers:
        raise Http404
    municipalities = selectors.consultation_municipalities(actor=request.user)
    status = 200
    if request.method == "POST":
        form = ConsultationForm(request.POST, askers=askers, municipalities=municipalities)
        if form.is_valid():
            data = form.cleaned_data
            house_id, organisation_id = (int(part) for part in data["asker"].split(":"))
            consultation, status = run(form, lambda: services.consultation_ask(
                actor=request.user, house_id=house_id, organisation_id=organisation_id,
                question=data["question"], municipality_id=data["municipality"]))
            if status == 200:
                messages.success(request, _("Your question was sent to the house."))
                return redirect("followup:consultation", consultation_id=consultation.pk)
        else:
            status = 400
    else:
        form = ConsultationForm(askers=askers, municipalities=municipalities)
    return render(request, "followup/consultation_new.html", {
        "form": form, "breadcrumbs": [(_("Anonymous consultations"), "/adviesvragen"), (_("Ask for advice"), "")]},
        status=status)


@login_required
@require_http_methods(["GET", "POST"])
def consultation_detail(request: AuthenticatedHttpRequest, consultation_id: int) -> HttpResponse:
    if request.method == "POST":  # only core staff of the house advise; anyone else: 404 before anything is read
        selectors.require_advisable(actor=request.user, consultation_id=consultation_id)
    consultation = selectors.consultation_get(actor=request.user, consultation_id=consultation_id)
    may_advise = selectors.may_advise(actor=request.user, consultation=consultation)
    form = AdviceForm(initial={"version": consultation.version}) if may_advise else None
    status = 200
    if request.method == "POST":
        if not may_advise:
            raise Http404
        form = AdviceForm(request.POST)
        if form.is_valid():
            advice_form = form
            _result, status = run(form, lambda: services.consultation_advise(
                actor=request.user, consultation_id=consultation.pk,
                advice=advice_form.cleaned_data["advice"], expected_version=version_of(advice_form)))
            if status == 200:
                messages.success(request, _("The advice was recorded."))
                return redirect("followup:consultation", consultation_id=consultation.pk)
        else:
            status = 400
    return render(request, "followup/consultation.html", {
        "consultation": consultation, "form": form,
        "breadcrumbs": [(_("Anonymous consultations"), "/adviesvragen"), (_("Question"), "")]}, status=status)
