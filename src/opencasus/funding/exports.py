"""The annual funding report as CSV, spreadsheet (.xlsx) and PDF, built on `reporting.exports` (formula-safe)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from opencasus.core.aggregates import Count
from opencasus.funding.money import euros_of_cents, format_euros
from opencasus.funding.report import FundingReport, MoneyRow
from opencasus.reporting.exports import neutralise

Cell = str | Decimal | int | None


def _money(cents: int | None, typed: bool) -> Cell:
    if cents is None:
        return _("withheld or not known")
    return euros_of_cents(cents) if typed else format_euros(cents)


def _count(count: Count | None, typed: bool) -> Cell:
    if count is None:
        return ""
    return count.value if typed and count.value is not None else str(count)


def _rows(rows: list[MoneyRow], typed: bool) -> list[list[Cell]]:
    return [[r.label, _money(r.cents, typed), r.note] for r in rows]


def report_sections(report: FundingReport, *, typed: bool = False) -> list[tuple[str, list[list[Cell]]]]:
    """The report as titled blocks of rows (the first row of each block is its header)."""
    header: list[Cell] = [_("Item"), _("Amount"), _("Note")]
    sections: list[tuple[str, list[list[Cell]]]] = [
        (_("Income by source"), [header, *_rows(report.income, typed),
                                 [_("Total income"), _money(report.income_cents, typed), ""]]),
        (_("Contribution in kind"), [[_("Organisation"), _("Value"), _("Staff hours")],
                                     *[[r.label, _money(r.cents, typed), str(r.hours or "")] for r in report.in_kind],
                                     [_("Total contribution in kind"), _money(report.in_kind_cents, typed), ""]]),
        (_("Cost per case"), [[_("Item"), _("Value"), ""],
                              [_("Total (income and contribution in kind)"), _money(report.total_cents, typed), ""],
                              [_("Intakes filed"), _count(report.intakes, typed), ""],
                              [_("Cases admitted"), _count(report.admitted, typed), ""],
                              [_("Cost per intake"), _money(report.cost_per_intake_cents, typed), ""],
                              [_("Cost per admitted case"), _money(report.cost_per_admitted_cents, typed), ""]]),
    ]
    if report.houses:
        sections.append((_("Per house"), [[_("House"), _("Total"), _("Cost per admitted case")],
                                          *[[h.label, _money(h.total_cents, typed),
                                             _money(h.cost_per_admitted_cents, typed)] for h in report.houses]]))
    return sections


def heading(report: FundingReport) -> list[str]:
    return [_("Annual funding report %(year)s: %(name)s") % {"year": report.year, "name": report.label},
            _("Counts below %(n)s are not shown.") % {"n": report.threshold}, *report.notes]


def report_csv(report: FundingReport) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for line in heading(report):
        writer.writerow([neutralise(line)])
    for title, rows in report_sections(report):
        writer.writerow([])
        writer.writerow([neutralise(title)])
        for row in rows:
            writer.writerow([neutralise(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def report_xlsx(report: FundingReport) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Funding")
    for line in heading(report):
        sheet.append([neutralise(line)])
    for title, rows in report_sections(report, typed=True):
        sheet.append([])
        sheet.append([neutralise(title)])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        for i, row in enumerate(rows):
            sheet.append([neutralise(cell) for cell in row])
            if i == 0:
                for cell in sheet[sheet.max_row]:
                    cell.font = Font(bold=True)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, Decimal | float):
                    cell.number_format = "€ #,##0.00"
    sheet.column_dimensions["A"].width = 55
    sheet.column_dimensions["B"].width = 20
    sheet.column_dimensions["C"].width = 45
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
