"""The national dashboard page and its exports (the national programme only; 404 for anyone else)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.core.dates import long_date
from opencasus.logbook import purposes
from opencasus.logbook.models import Action
from opencasus.reporting import exports
from opencasus.reporting.selectors.national import national_dashboard_view
from opencasus.reporting.views import _download, _panels, _period

FORMATS = ("csv", "xlsx")


@login_required
def national_dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    form, period = _period(request)
    data = national_dashboard_view(actor=request.user, date_from=period.date_from, date_to=period.date_to,
                                   purpose=purposes.NATIONAL_DASHBOARD)
    return render(request, "reporting/national.html", {
        "dashboard": data, "form": form, "period": period, "panels": _panels(data.tables),
        "query": request.GET.urlencode(), "breadcrumbs": [(_("National management information"), "")]})


@login_required
def national_dashboard_export(request: AuthenticatedHttpRequest, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    _form, period = _period(request)
    data = national_dashboard_view(actor=request.user, date_from=period.date_from, date_to=period.date_to,
                                   action=Action.EXPORT, purpose=purposes.NATIONAL_DASHBOARD_EXPORT.format(fmt=fmt))
    heading = [_("National management information per safety region"),
               f"{long_date(period.date_from)} t/m {long_date(period.date_to)}",
               _("Counts below the threshold of the region's houses are suppressed.")]
    name = exports.export_filename("managementinformatie", "landelijk", period.date_from, "tot", period.date_to)
    if fmt == "xlsx":
        return _download(exports.tables_to_xlsx(heading, data.tables), exports.XLSX_TYPE, f"{name}.xlsx")
    return _download(exports.tables_to_csv(heading, data.tables), exports.CSV_TYPE, f"{name}.csv")
