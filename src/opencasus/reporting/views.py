"""Management information pages: dashboards, exports and the municipal annual report."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import reporting as access
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.core.dates import long_date
from opencasus.logbook import purposes
from opencasus.logbook.models import Action
from opencasus.reporting import exports
from opencasus.reporting.figures import bar_chart
from opencasus.reporting.forms import PeriodForm
from opencasus.reporting.selectors.annual import AnnualReport
from opencasus.reporting.selectors.dashboard import Dashboard
from opencasus.reporting.selectors.period import Period, default_period, make_period
from opencasus.reporting.selectors.reads import annual_report_view, dashboard_view

KINDS = {"huizen": "house", "gemeenten": "municipality", "regios": "region"}


def _require_reporting(request: AuthenticatedHttpRequest) -> None:
    if not access.sees_reporting(request.user):
        raise Http404


def _period(request: AuthenticatedHttpRequest) -> tuple[PeriodForm, Period]:
    if "date_from" in request.GET or "date_to" in request.GET:
        form = PeriodForm(request.GET)
        if form.is_valid():
            try:
                return form, make_period(form.cleaned_data["date_from"], form.cleaned_data["date_to"])
            except ValidationError as error:
                form.add_error(None, error)
        return form, default_period()
    return PeriodForm(initial=PeriodForm.initial_values()), default_period()


def _scope(request: AuthenticatedHttpRequest, kind: str, key: str) -> access.Scope:
    if kind not in KINDS:
        raise Http404
    return access.scope_for(actor=request.user, kind=KINDS[kind], key=key)


def _panels(tables: list[Any]) -> list[dict[str, Any]]:
    return [{"table": t, "chart": bar_chart(t)} for t in tables]


@login_required
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_reporting(request)
    user = request.user
    return render(request, "reporting/index.html", {
        "houses": access.houses_for(user),
        "municipalities": access.municipalities_for(user),
        "regions": access.regions_for(user),
        "current_year": timezone.localdate().year,
        "import_house_ids": {h.pk for h in access.houses_for(user) if access.may_import(user, h.pk)},
    })


@login_required
def dashboard(request: AuthenticatedHttpRequest, kind: str, key: str) -> HttpResponse:
    scope = _scope(request, kind, key)
    form, period = _period(request)
    data: Dashboard = dashboard_view(actor=request.user, scope=scope, period=period, purpose=purposes.DASHBOARD)
    return render(request, "reporting/dashboard.html", {
        "dashboard": data, "scope": scope, "kind": kind, "key": key, "form": form, "period": period,
        "headline": data.headline, "panels": _panels(data.tables), "query": request.GET.urlencode(),
    })


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _heading(title: str, scope: access.Scope, period: Period) -> list[str]:
    return [title, f"{scope.label}", f"{long_date(period.date_from)} t/m {long_date(period.date_to)}",
            _("Counts below %(n)s are suppressed.") % {"n": scope.threshold}]


@login_required
def dashboard_export(request: AuthenticatedHttpRequest, kind: str, key: str, fmt: str) -> HttpResponse:
    scope = _scope(request, kind, key)
    _form, period = _period(request)
    data = dashboard_view(actor=request.user, scope=scope, period=period, action=Action.EXPORT,
                          purpose=purposes.DASHBOARD_EXPORT.format(fmt=fmt))
    heading = _heading(_("Management information"), scope, period)
    name = exports.export_filename("managementinformatie", scope.label, period.date_from, "tot", period.date_to)
    if fmt == "xlsx":
        return _download(exports.tables_to_xlsx(heading, data.all_tables()), exports.XLSX_TYPE, f"{name}.xlsx")
    return _download(exports.tables_to_csv(heading, data.all_tables()), exports.CSV_TYPE, f"{name}.csv")


def annual_report_get(request: AuthenticatedHttpRequest, code: str, year: int, *, purpose: str,
                      action: str = Action.VIEW) -> AnnualReport:
    """The annual report, logged by its selector; 404 for a code or year that has none."""
    try:
        return annual_report_view(actor=request.user, code=code, year=year, purpose=purpose, action=action)
    except ValidationError:
        raise Http404 from None


@login_required
def annual_report(request: AuthenticatedHttpRequest, code: str, year: int) -> HttpResponse:
    report = annual_report_get(request, code, year, purpose=purposes.ANNUAL_REPORT)
    return render(request, "reporting/annual_report.html", {
        "report": report, "panels": _panels(report.tables), "years": range(year - 3, year + 2)})


@login_required
def annual_report_export(request: AuthenticatedHttpRequest, code: str, year: int, fmt: str) -> HttpResponse:
    report = annual_report_get(request, code, year, action=Action.EXPORT if fmt != "pdf" else Action.PRINT,
                               purpose=purposes.ANNUAL_REPORT_EXPORT.format(fmt=fmt))
    name = exports.export_filename("jaarverslag", report.scope.label, year)
    period = report.dashboard.period
    heading = _heading(_("Annual report %(year)s") % {"year": year}, report.scope, period)
    if fmt == "pdf":
        pdf = exports.html_to_pdf("reporting/annual_report_pdf.html",
                                  {"report": report, "panels": _panels(report.tables)},
                                  base_url=request.build_absolute_uri("/"))
        return _download(pdf, exports.PDF_TYPE, f"{name}.pdf")
    if fmt == "xlsx":
        return _download(exports.tables_to_xlsx(heading, report.tables), exports.XLSX_TYPE, f"{name}.xlsx")
    return _download(exports.tables_to_csv(heading, report.tables), exports.CSV_TYPE, f"{name}.csv")
