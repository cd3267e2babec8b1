"""Exports of figures to CSV, spreadsheet (.xlsx) and PDF, safe against formula injection."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from django.template.loader import render_to_string
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.styles import Font

from opencasus.reporting.figures import Table

# A spreadsheet treats a cell starting with one of these as a formula (or a DDE command).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
PDF_TYPE = "application/pdf"


def neutralise(value: object) -> object:
    """Text that a spreadsheet would evaluate is prefixed with a single quote; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


# Excel refuses sheet names longer than 31 characters or containing one of these.
SHEET_NAME_MAX = 31
SHEET_NAME_FORBIDDEN = "[]:*?/\\"


def _shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a word boundary (a single over-long word is cut)."""
    if len(text) <= limit:
        return text
    cut = text[:limit + 1].rsplit(" ", 1)[0] if " " in text[:limit + 1] else text[:limit]
    return cut[:limit].rstrip(" ,;-(\u2013") or text[:limit]


def _sheet_title(title: str, used: set[str]) -> str:
    """A unique sheet name of at most 31 characters, shortened at a word boundary."""
    cleaned = " ".join("".join(ch for ch in title if ch not in SHEET_NAME_FORBIDDEN).split()) or "Blad"
    candidate, n = _shorten(cleaned, SHEET_NAME_MAX), 2
    while candidate.lower() in {u.lower() for u in used}:  # Excel compares sheet names case-insensitively
        suffix = f" ({n})"
        candidate, n = _shorten(cleaned, SHEET_NAME_MAX - len(suffix)) + suffix, n + 1
    used.add(candidate)
    return candidate


def export_filename(prefix: str, label: str, *parts: object) -> str:
    """A download name people recognise: `prefix`, the name of the house, municipality or region, and
    the period, slugified (no spaces, no accents), e.g. `jaarverslag-dordrecht-2025`."""
    return "-".join(slugify(str(p)) for p in (prefix, label, *parts) if str(p))


def tables_to_xlsx(heading: Sequence[str], tables: Sequence[Table]) -> bytes:
    """One sheet per table, with the heading lines on top. Cells are text, neutralised."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for table in tables:
        sheet = workbook.create_sheet(_sheet_title(table.title, used))
        for line in heading:
            sheet.append([neutralise(line)])
        sheet.append([neutralise(table.title)])
        if table.note:
            sheet.append([neutralise(table.note)])
        header_row = sheet.max_row + 1
        for row in table.text_rows(typed=True):
            sheet.append([neutralise(cell) for cell in row])
        for cell in sheet[header_row]:
            cell.font = Font(bold=True)
        sheet.column_dimensions["A"].width = 45
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def tables_to_csv(heading: Sequence[str], tables: Sequence[Table]) -> bytes:
    """All tables one below the other (semicolon-separated, as Dutch spreadsheets expect)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for line in heading:
        writer.writerow([neutralise(line)])
    for table in tables:
        writer.writerow([])
        writer.writerow([neutralise(table.title)])
        if table.note:
            writer.writerow([neutralise(table.note)])
        for row in table.text_rows():
            writer.writerow([neutralise(cell) for cell in row])
    # A byte-order mark so that spreadsheet programs read the file as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def html_to_pdf(template: str, context: dict[str, object], base_url: str) -> bytes:
    from weasyprint import HTML

    html = render_to_string(template, context)
    return HTML(string=html, base_url=base_url).write_pdf() or b""
