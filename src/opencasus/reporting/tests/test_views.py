"""Pages: every role x every reporting page; hidden is 404; the processing log is written."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from opencasus.accounts.models import User
from opencasus.logbook.models import ProcessingRecord
from opencasus.reporting.tests.conftest import PERIOD, World

pytestmark = pytest.mark.django_db

ALLOWED_HOUSE = {"manager", "director", "secretary", "steering"}
ALLOWED_DORDRECHT = ALLOWED_HOUSE | {"officer_dordrecht"}
ALLOWED_REGION = {"steering"}
ALLOWED_IMPORT = {"manager", "director", "secretary"}
ALLOWED_ADVICE_FORM = {"director", "secretary"}
ALLOWED_KEY_LIST = {"manager"}
ALL = ["manager", "director", "secretary", "officer_dordrecht", "officer_gorinchem", "steering", "partner",
       "privacy", "admin", "other_director"]


def pages(world: World) -> list[tuple[str, set[str]]]:
    h, code, region = world.house.pk, "GM0505", world.house.region.code
    return [
        (reverse("reporting:dashboard", args=["huizen", h]), ALLOWED_HOUSE),
        (reverse("reporting:dashboard-export", args=["huizen", h, "xlsx"]), ALLOWED_HOUSE),
        (reverse("reporting:dashboard-export", args=["huizen", h, "csv"]), ALLOWED_HOUSE),
        (reverse("reporting:dashboard", args=["gemeenten", code]), ALLOWED_DORDRECHT),
        (reverse("reporting:dashboard-export", args=["gemeenten", code, "csv"]), ALLOWED_DORDRECHT),
        (reverse("reporting:dashboard", args=["regios", region]), ALLOWED_REGION),
        (reverse("reporting:annual-report", args=[code, 2025]), ALLOWED_DORDRECHT),
        (reverse("reporting:annual-report-export", args=[code, 2025, "xlsx"]), ALLOWED_DORDRECHT),
        (reverse("reporting:annual-report-export", args=[code, 2025, "csv"]), ALLOWED_DORDRECHT),
        (reverse("reporting:advice-list", args=[code]), ALLOWED_DORDRECHT),
        (reverse("reporting:recidivism", args=[h]), ALLOWED_HOUSE),
        (reverse("reporting:trends", args=[h]), ALLOWED_HOUSE),
        (reverse("reporting:incident-upload", args=[h]), ALLOWED_IMPORT),
        (reverse("reporting:advice-new", args=[h]), ALLOWED_ADVICE_FORM),
        (reverse("reporting:key-list", args=[h]), ALLOWED_KEY_LIST),
    ]


def test_access_matrix_for_pages(world: World, verified_client: Callable[[User], Client]) -> None:
    for role in ALL:
        client = verified_client(world.users[role])
        for url, allowed in pages(world):
            response = client.get(url, PERIOD)
            expected = 200 if role in allowed else 404
            assert response.status_code == expected, (role, url, response.status_code)


def test_index_and_menu_only_for_reporting_roles(world: World, verified_client: Callable[[User], Client]) -> None:
    for role in ALL:
        response = verified_client(world.users[role]).get(reverse("core:start"))
        shown = "Managementinformatie" in response.content.decode()
        assert shown == (role in ALLOWED_DORDRECHT | {"officer_gorinchem", "other_director"}), role
        index = verified_client(world.users[role]).get(reverse("reporting:index"))
        assert index.status_code == (200 if shown else 404)


def test_unknown_kind_and_missing_records_are_404(world: World, verified_client: Callable[[User], Client]) -> None:
    client = verified_client(world.users["steering"])
    assert client.get(reverse("reporting:dashboard", args=["landen", "NL"])).status_code == 404
    assert client.get(reverse("reporting:dashboard", args=["huizen", "999999"])).status_code == 404
    assert client.get(reverse("reporting:dashboard", args=["huizen", "abc"])).status_code == 404
    assert client.get(reverse("reporting:dashboard", args=["gemeenten", "GM9999"])).status_code == 404
    assert client.get(reverse("reporting:dashboard", args=["regios", "VR17"])).status_code == 404


def test_dashboard_renders_charts_and_tables_and_logs(world: World, verified_client: Callable[[User], Client]) -> None:
    client = verified_client(world.users["manager"])
    before = ProcessingRecord.objects.count()
    response = client.get(reverse("reporting:dashboard", args=["huizen", world.house.pk]), PERIOD)
    html = response.content.decode()
    assert html.count("<svg") >= 8
    assert html.count("<table") >= 8
    assert "<title id=\"chart-intakes-by-route-title\">" in html
    assert "<desc" in html
    assert "Instroom per route" in html
    assert "Doorlooptijd in dagen" in html
    assert "&lt; 5" in html  # Gorinchem's three intakes are suppressed
    assert "<script" not in html
    assert "style=" not in html
    record = ProcessingRecord.objects.filter(activity_code="management-information").latest("pk")
    assert ProcessingRecord.objects.count() == before + 1
    assert record.action == "view"
    assert record.data_subject == ""
    assert record.house_id == world.house.pk
    assert record.object_id == f"house:{world.house.pk}"


def test_municipality_officer_sees_only_their_municipality(
    world: World, verified_client: Callable[[User], Client],
) -> None:
    client = verified_client(world.users["officer_gorinchem"])
    response = client.get(reverse("reporting:dashboard", args=["gemeenten", "GM0512"]), PERIOD)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gorinchem" in html
    assert "Dordrecht" not in html
    assert client.get(reverse("reporting:dashboard", args=["gemeenten", "GM0505"])).status_code == 404
    index = client.get(reverse("reporting:index")).content.decode()
    assert "Gorinchem" in index
    assert "Dordrecht" not in index


def test_invalid_period_shows_dutch_error(world: World, verified_client: Callable[[User], Client]) -> None:
    client = verified_client(world.users["manager"])
    url = reverse("reporting:dashboard", args=["huizen", world.house.pk])
    html = client.get(url, {"date_from": "2025-12-31", "date_to": "2025-01-01"}).content.decode()
    assert "De einddatum ligt voor de begindatum." in html
    assert "Voer een geldige datum in." in client.get(url, {"date_from": "gisteren", "date_to": ""}).content.decode()


def test_region_dashboard_spans_the_regions_houses(world: World, verified_client: Callable[[User], Client]) -> None:
    client = verified_client(world.users["steering"])
    response = client.get(reverse("reporting:dashboard", args=["regios", world.house.region.code]), PERIOD)
    assert response.status_code == 200
    houses = set(ProcessingRecord.objects.filter(activity_code="management-information", object_type="dashboard")
                 .values_list("house_id", flat=True))
    assert world.house.pk in houses
    assert world.other.pk not in houses
