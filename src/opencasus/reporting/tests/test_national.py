"""The national dashboard: 25 regions with the figures of their houses, suppressed, for the national role only."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.http import Http404

from opencasus.core.aggregates import Count
from opencasus.logbook import purposes
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Role
from opencasus.network.tests.factories import member
from opencasus.reporting.exports import XLSX_TYPE
from opencasus.reporting.selectors.dashboard import house_dashboard
from opencasus.reporting.selectors.national import national_dashboard
from opencasus.reporting.tests.conftest import API_PERIOD, PERIOD, World

pytestmark = pytest.mark.django_db
FROM, TO = dt.date(2025, 1, 1), dt.date(2025, 12, 31)


def test_regions_side_by_side_with_the_houses_figures(world: World) -> None:
    national = member(world.house, Role.NATIONAL_OFFICER)
    data = national_dashboard(actor=national, date_from=FROM, date_to=TO)
    activity = next(t for t in data.tables if t.slug == "national-activity")
    assert [r.key for r in activity.rows] == [f"VR{n:02d}" for n in range(1, 26)]
    rows = {r.key: [c.value if isinstance(c, Count) else c for c in r.values] for r in activity.rows}
    house = house_dashboard(actor=world.users["manager"], house_id=world.house.pk, date_from=FROM, date_to=TO)
    assert rows[world.house.region.code] == [r.values[0].value for r in house.headline.rows]  # type: ignore[union-attr]
    assert rows[world.house.region.code] == [15, 12, 12, 0]
    assert rows["VR17"][0] is None  # one intake in the other house's region: suppressed
    assert rows["VR01"] == [0, 0, 0, 0]
    for table in data.tables:
        assert len(table.rows) == 25
        for row in table.rows:
            for cell in row.values:
                assert not (isinstance(cell, Count) and cell.value is not None and 0 < cell.value < cell.threshold)
    triage = {r.key: r.values for r in next(t for t in data.tables if t.slug == "national-triage").rows}
    region_triage = next(t for t in house.tables if t.slug == "triage-outcomes")
    assert [getattr(c, "value", c) for c in triage[world.house.region.code]] == [
        getattr(r.values[0], "value", None) for r in region_triage.rows]
    for role in ("manager", "steering", "director", "privacy", "admin", "officer_dordrecht"):
        with pytest.raises(Http404):
            national_dashboard(actor=world.users[role], date_from=FROM, date_to=TO)


def test_page_api_and_exports_are_logged_per_house(world: World, verified_client: Any, api_client: Any) -> None:
    national = member(world.house, Role.NATIONAL_OFFICER)
    client = verified_client(national)
    before = ProcessingRecord.objects.count()
    page = client.get("/managementinformatie/landelijk", PERIOD).content.decode()
    assert "Zuid-Holland Zuid" in page
    assert "Groningen" in page
    assert page.count('<div class="oc-panel') == 6  # a panel, stacked or side by side
    records = ProcessingRecord.objects.order_by("pk")[before:]
    assert sorted(r.house_id or 0 for r in records) == sorted([world.house.pk, world.other.pk])
    assert {r.purpose for r in records} == {purposes.NATIONAL_DASHBOARD}
    csv = client.get("/managementinformatie/landelijk/export.csv", PERIOD)
    assert csv["Content-Type"].startswith("text/csv")
    assert "Zuid-Holland Zuid" in csv.content.decode()
    assert "< 5" in csv.content.decode()
    xlsx = client.get("/managementinformatie/landelijk/export.xlsx", PERIOD)
    assert xlsx["Content-Type"] == XLSX_TYPE
    assert client.get("/managementinformatie/landelijk/export.pdf").status_code == 404
    body = api_client(national).get("/api/v1/dashboards/national", API_PERIOD).json()
    assert len(body["regions"]) == 25
    assert body["dateFrom"] == "2025-01-01"
    assert api_client(national).get("/api/v1/dashboards/national", {"dateFrom": "gisteren"}).status_code == 400
