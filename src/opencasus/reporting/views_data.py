"""Pages for recidivism (police data import and results), trend signals and advice."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from opencasus.access import reporting as access
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.logbook import purposes
from opencasus.network.selectors import municipality_list
from opencasus.reporting.exports import CSV_TYPE
from opencasus.reporting.forms import AdviceForm, IncidentUploadForm, KeyListExportForm
from opencasus.reporting.imports import incident_import_start
from opencasus.reporting.keylist import key_list_export
from opencasus.reporting.models import ImportStatus
from opencasus.reporting.selectors import reads
from opencasus.reporting.selectors.advice import area_cases_for_advice
from opencasus.reporting.selectors.imports import incident_imports_for, key_list_exports_for
from opencasus.reporting.selectors.trends import ALPHA, HISTORY_MONTHS, MIN_HISTORY_MONTHS
from opencasus.reporting.services import advice_record
from opencasus.reporting.tasks import run_incident_import
from opencasus.reporting.views import _panels


@login_required
def recidivism_view(request: AuthenticatedHttpRequest, house_id: int) -> HttpResponse:
    data = reads.recidivism_view(actor=request.user, house_id=house_id, purpose=purposes.RECIDIVISM)
    can_import = access.may_import(request.user, house_id)
    return render(request, "reporting/recidivism.html", {
        "data": data, "scope": data.scope, "panels": _panels(data.tables), "can_import": can_import,
        "can_export_key_list": access.may_export_key_list(request.user, house_id),
        "imports": incident_imports_for(actor=request.user, house_id=house_id)[:10] if can_import else []})


@login_required
def incident_upload(request: AuthenticatedHttpRequest, house_id: int) -> HttpResponse:
    house = access.import_house_get(actor=request.user, house_id=house_id)
    form = IncidentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job = incident_import_start(actor=request.user, house_id=house.pk, filename=upload.name,
                                        content=upload.read())
        except ValidationError as error:
            form.add_error("file", error)
        else:
            run_incident_import.delay(job.pk)
            return redirect("reporting:incident-import", import_id=job.pk)
    return render(request, "reporting/incident_upload.html", {"house": house, "form": form})


@login_required
def key_list_view(request: AuthenticatedHttpRequest, house_id: int) -> HttpResponse:
    house = access.key_list_house_get(actor=request.user, house_id=house_id)
    form = KeyListExportForm(request.POST or None, initial=KeyListExportForm.initial_values())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            key_list = key_list_export(actor=request.user, house_id=house.pk, date_from=data["date_from"],
                                       date_to=data["date_to"], reason=data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            response = HttpResponse(key_list.content, content_type=CSV_TYPE)
            response["Content-Disposition"] = f'attachment; filename="{key_list.filename}"'
            return response
    return render(request, "reporting/key_list.html", {
        "house": house, "form": form, "exports": key_list_exports_for(actor=request.user, house_id=house.pk)[:50]})


@login_required
def incident_import_view(request: AuthenticatedHttpRequest, import_id: int) -> HttpResponse:
    job = reads.incident_import_view(actor=request.user, import_id=import_id,
                                     purpose=purposes.RECIDIVISM_IMPORT_PROGRESS)
    running = job.status in (ImportStatus.PENDING, ImportStatus.RUNNING)
    return render(request, "reporting/incident_import.html", {"job": job, "running": running})


@login_required
def trends(request: AuthenticatedHttpRequest, house_id: int) -> HttpResponse:
    month = None
    raw = request.GET.get("month", "")
    if raw:
        try:
            month = dt.date.fromisoformat(f"{raw}-01")
        except ValueError:
            messages.error(request, _("Choose a month as YYYY-MM."))
    data = reads.trend_signals_view(actor=request.user, house_id=house_id, month=month, purpose=purposes.TRENDS)
    return render(request, "reporting/trends.html", {
        "data": data, "scope": data.scope, "alpha": ALPHA, "history": HISTORY_MONTHS,
        "min_history": MIN_HISTORY_MONTHS})


@login_required
def advice_list_view(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    scope, advice = reads.advice_list_view(actor=request.user, municipality_code=code,
                                           purpose=purposes.ADVICE_LIST)
    return render(request, "reporting/advice_list.html", {"scope": scope, "advice": advice[:500]})


@login_required
def advice_new(request: AuthenticatedHttpRequest, house_id: int) -> HttpResponse:
    house = access.import_house_get(actor=request.user, house_id=house_id)
    if not access.may_record_advice(request.user, house.pk):
        raise Http404
    cases = list(area_cases_for_advice(actor=request.user, house_id=house.pk)[:500])
    form = AdviceForm(request.POST or None, cases=cases, municipalities=list(municipality_list()))
    if request.method == "POST" and form.is_valid():
        try:
            advice = advice_record(actor=request.user, case_id=form.cleaned_data["case"],
                                   text=form.cleaned_data["text"],
                                   municipality_code=form.cleaned_data["municipality"] or None)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The advice has been recorded."))
            return redirect("reporting:advice-list", code=advice.municipality.code)
    reads.record_advice_form_view(actor=request.user, house_id=house.pk)
    return render(request, "reporting/advice_form.html", {"house": house, "form": form})
