"""Start page of house managers, steering-group members and municipality officers: the key figures of their
house, region or municipality this year so far, against the same period last year. Aggregates only, through
the dashboard's suppression (`core.aggregates`); never case content."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import capacities
from opencasus.access import reporting as access
from opencasus.core.start import Count, Section
from opencasus.network.models import Municipality
from opencasus.reporting.selectors.period import Period, make_period
from opencasus.reporting.selectors.reads import start_figures

KIND_SLUGS = {"house": "huizen", "municipality": "gemeenten", "region": "regios"}


def _same_day_last_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _scopes(user: Any) -> list[access.Scope]:
    scopes: list[access.Scope] = []
    for house_id in sorted(capacities.managed_house_ids(user)):
        scopes.append(access.house_scope(actor=user, house_id=house_id))
    for region in access.regions_for(user):
        scopes.append(access.region_scope(actor=user, code=region.code))
    codes = sorted(Municipality.objects.filter(pk__in=capacities.officer_municipality_ids(user))
        .values_list("code", flat=True))
    for code in codes:
        scopes.append(access.municipality_scope(actor=user, code=code))
    return scopes


def _url(scope: access.Scope, period: Period) -> str:
    base = reverse("reporting:dashboard", args=[KIND_SLUGS[scope.kind], scope.key])
    return f"{base}?{urlencode({'date_from': period.date_from.isoformat(), 'date_to': period.date_to.isoformat()})}"


def key_figures_sections(user: Any, *, today: dt.date | None = None) -> list[Section]:
    if not access.sees_reporting(user):
        return []
    today = today or timezone.localdate()
    now = make_period(today.replace(month=1, day=1), today)
    before = make_period(now.date_from.replace(year=today.year - 1), _same_day_last_year(today))
    sections = []
    for scope in _scopes(user):
        current, previous = start_figures(actor=user, scope=scope, now=now, before=before)
        last_year = {row.key: row.values[0] for row in previous.rows}
        counts = [Count(label=row.label, value=row.values[0], url=_url(scope, now),
                        trend=_("last year: %(n)s") % {"n": last_year.get(row.key, "")})
                  for row in current.rows]
        sections.append(Section(
            title=_("Key figures %(scope)s") % {"scope": scope.label},
            text=_("This year so far (1 January to today), against the same period last year."),
            counts=counts, order=15))
    return sections
