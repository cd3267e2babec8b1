"""The reads of management information that a page or API shows, each logged in the same call
(docs/development.md): one record per house whose figures were used, without a data subject.

The page and the API log a read under their own purpose (`opencasus.logbook.purposes`), so the caller
names it; the selectors without logging (`dashboard_for`, `recidivism`, …) stay for reads that show nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from opencasus.access.reporting import Scope
from opencasus.logbook import purposes
from opencasus.logbook.models import Action
from opencasus.reporting.audit import log_figures, log_scope
from opencasus.reporting.figures import Table
from opencasus.reporting.models import Advice, IncidentImport
from opencasus.reporting.selectors.advice import advice_list
from opencasus.reporting.selectors.annual import AnnualReport, municipal_annual_report
from opencasus.reporting.selectors.dashboard import Dashboard, dashboard_for, headline_for
from opencasus.reporting.selectors.imports import incident_import_get
from opencasus.reporting.selectors.period import Period
from opencasus.reporting.selectors.recidivism import Recidivism, recidivism
from opencasus.reporting.selectors.trends import TrendReport, trend_signals

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def dashboard_view(*, actor: User, scope: Scope, period: Period, purpose: str,
                   action: str = Action.VIEW) -> Dashboard:
    """The dashboard of a scope the caller may see (`access.scope_for`), logged as shown or exported."""
    data = dashboard_for(scope, period)
    log_scope(actor=actor, scope=scope, action=action, purpose=purpose, object_type="dashboard")
    return data


def annual_report_view(*, actor: User, code: str, year: int, purpose: str,
                       action: str = Action.VIEW) -> AnnualReport:
    """The municipal annual report, logged as shown, exported or printed (`ValidationError` as
    `municipal_annual_report`, before anything is logged)."""
    report = municipal_annual_report(actor=actor, code=code, year=year)
    log_scope(actor=actor, scope=report.scope, action=action, purpose=purpose, object_type="annual-report")
    return report


def recidivism_view(*, actor: User, house_id: int, purpose: str) -> Recidivism:
    data = recidivism(actor=actor, house_id=house_id)
    log_scope(actor=actor, scope=data.scope, purpose=purpose, object_type="recidivism")
    return data


def incident_import_view(*, actor: User, import_id: int, purpose: str) -> IncidentImport:
    """A police data import and its progress, logged for its house."""
    job = incident_import_get(actor=actor, import_id=import_id)
    log_figures(actor=actor, house_ids=[job.house_id], purpose=purpose, object_type="incident-import",
                object_id=job.pk)
    return job


def trend_signals_view(*, actor: User, house_id: int, month: dt.date | None, purpose: str) -> TrendReport:
    data = trend_signals(actor=actor, house_id=house_id, month=month)
    log_scope(actor=actor, scope=data.scope, purpose=purpose, object_type="trend-signals")
    return data


def advice_list_view(*, actor: User, municipality_code: str, purpose: str) -> tuple[Scope, QuerySet[Advice]]:
    scope, advice = advice_list(actor=actor, municipality_code=municipality_code)
    log_scope(actor=actor, scope=scope, purpose=purpose, object_type="advice-list")
    return scope, advice


def record_advice_form_view(*, actor: User, house_id: int) -> None:
    """The advice form of a house shown (with the area and theme cases it offers)."""
    log_figures(actor=actor, house_ids=[house_id], action=Action.VIEW, purpose=purposes.ADVICE_FORM,
                object_type="advice-form")


def start_figures(*, actor: User, scope: Scope, now: Period, before: Period) -> tuple[Table, Table]:
    """The headline figures of a scope for the start page, now and in the same period a year before."""
    current, previous = headline_for(scope, now), headline_for(scope, before)
    log_scope(actor=actor, scope=scope, purpose=purposes.START_PAGE_FIGURES, object_type="start-figures")
    return current, previous
