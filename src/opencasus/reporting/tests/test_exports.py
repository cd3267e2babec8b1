import csv
import io
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.text import slugify
from openpyxl import load_workbook

from opencasus.accounts.models import User
from opencasus.core.aggregates import suppress
from opencasus.logbook.models import ProcessingRecord
from opencasus.reporting.exports import neutralise, tables_to_csv, tables_to_xlsx
from opencasus.reporting.figures import Column, Row, Table
from opencasus.reporting.tests.conftest import PERIOD, World
from opencasus.reporting.tests.factories import AdviceFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_prefixes_are_neutralised(value: str) -> None:
    assert neutralise(value) == "'" + value


def test_other_values_are_untouched() -> None:
    assert neutralise("Dordrecht") == "Dordrecht"
    assert neutralise(-3) == -3
    assert neutralise("< 5") == "< 5"


def hostile_table() -> Table:
    return Table("t", "=cmd|' /C calc'!A0", [Column("count", "Aantal")],
                 [Row("a", "=1+1", [suppress(12)]), Row("b", "@risk", [suppress(3)])])


def test_spreadsheet_opens_and_neutralises_formulas() -> None:
    workbook = load_workbook(io.BytesIO(tables_to_xlsx(["-kop"], [hostile_table()])))
    sheet = workbook.worksheets[0]
    cells = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "'=1+1" in cells
    assert "'@risk" in cells
    assert "'-kop" in cells
    assert "'=cmd|' /C calc'!A0" in cells
    assert 12 in cells
    assert "< 5" in cells  # numbers stay numbers; suppressed stays suppressed
    assert not any(isinstance(c, str) and c.startswith(("=", "+", "-", "@")) for c in cells)


def test_csv_neutralises_formulas() -> None:
    text = tables_to_csv(["kop"], [hostile_table()]).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert ["'=1+1", "12"] in rows
    assert ["'@risk", "< 5"] in rows


def test_dashboard_export_downloads_and_logs(world: World, verified_client: Callable[[User], Client]) -> None:
    world.theme.name = "=HYPERLINK(\"http://kwaad\")"
    world.theme.save()
    client = verified_client(world.users["manager"])
    response = client.get(reverse("reporting:dashboard-export", args=["huizen", world.house.pk, "xlsx"]), PERIOD)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    workbook = load_workbook(io.BytesIO(response.content))
    values = [c.value for ws in workbook.worksheets for row in ws.iter_rows() for c in row]
    assert "'=HYPERLINK(\"http://kwaad\")" in values
    assert "=HYPERLINK(\"http://kwaad\")" not in values
    assert "Instroom per route" in values
    record = ProcessingRecord.objects.filter(activity_code="management-information").latest("pk")
    assert record.action == "export"
    assert record.data_subject == ""
    csv_response = client.get(reverse("reporting:dashboard-export", args=["huizen", world.house.pk, "csv"]),
                              PERIOD)
    assert csv_response["Content-Type"].startswith("text/csv")
    assert "'=HYPERLINK" in csv_response.content.decode("utf-8-sig")


def test_annual_report_pdf_and_spreadsheet(world: World, verified_client: Callable[[User], Client]) -> None:
    AdviceFactory.create(case__house=world.house, case__municipality=world.dordrecht,
                         text="Zorg voor meer toezicht rond het station.", given_at=__import__(
                      "opencasus.reporting.tests.factories", fromlist=["at"]).at(2025, 6, 1))
    client = verified_client(world.users["officer_dordrecht"])
    page = client.get(reverse("reporting:annual-report", args=["GM0505", 2025])).content.decode()
    assert "Jaarverslag 2025 voor de gemeente Dordrecht" in page
    assert "meer toezicht rond het station" in page
    pdf = client.get(reverse("reporting:annual-report-export", args=["GM0505", 2025, "pdf"]))
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
    xlsx = client.get(reverse("reporting:annual-report-export", args=["GM0505", 2025, "xlsx"]))
    workbook = load_workbook(io.BytesIO(xlsx.content))
    values = [c.value for ws in workbook.worksheets for row in ws.iter_rows() for c in row]
    assert "Jaarverslag 2025" in values
    assert "Dordrecht" in values
    assert 12 in values
    actions = list(ProcessingRecord.objects.filter(object_type="annual-report").values_list("action", flat=True))
    assert actions == ["view", "print", "export"]
    assert client.get(reverse("reporting:annual-report", args=["GM0505", 1900])).status_code == 404


def test_sheet_names_are_cut_at_a_word_boundary_and_stay_unique() -> None:
    titles = ["Instroom per route en per gemeente in de periode", "Instroom per route en per gemeente, vorig jaar",
              "Afspraken nagekomen per organisatie"]
    tables = [Table(f"t{i}", title, [Column("count", "Aantal")], [Row("a", "x", [suppress(12)])])
              for i, title in enumerate(titles)]
    names = load_workbook(io.BytesIO(tables_to_xlsx([], tables))).sheetnames
    assert names == ["Instroom per route en per", "Instroom per route en per (2)", "Afspraken nagekomen per"]
    for name, title in zip(names, titles, strict=True):
        assert len(name) <= 31
        assert title.startswith(name.removesuffix(" (2)") + " ")  # whole words only


def test_export_files_are_named_after_the_house_and_period(
    world: World, verified_client: Callable[[User], Client],
) -> None:
    client = verified_client(world.users["manager"])
    response = client.get(reverse("reporting:dashboard-export", args=["huizen", world.house.pk, "xlsx"]), PERIOD)
    expected = (f"managementinformatie-{slugify(world.house.name)}-{PERIOD['date_from']}-tot-{PERIOD['date_to']}"
                ".xlsx")
    assert response["Content-Disposition"] == f'attachment; filename="{expected}"'
    client = verified_client(world.users["officer_dordrecht"])
    xlsx = client.get(reverse("reporting:annual-report-export", args=["GM0505", 2025, "xlsx"]))
    assert xlsx["Content-Disposition"] == 'attachment; filename="jaarverslag-dordrecht-2025.xlsx"'
