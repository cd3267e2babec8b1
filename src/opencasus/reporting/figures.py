"""Tables of figures as every page, chart, export and API response shows them.

A cell is a `Count` (suppressed below the threshold), a derived number (days, percentage) that is
`None` when withheld, or text. Nothing here knows about persons.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from opencasus.core.aggregates import Count

Cell = Count | float | None


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "count"  # "count" | "days" | "percent" | "number"


@dataclass
class Row:
    key: str
    label: str
    values: list[Cell]


@dataclass
class Table:
    slug: str
    title: str
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    available: bool = True
    note: str = ""
    chart_column: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "title": self.title,
            "available": self.available,
            "note": self.note,
            "columns": [{"key": c.key, "label": c.label, "kind": c.kind} for c in self.columns],
            "rows": [{"key": r.key, "label": r.label,
                      "values": [cell_json(c, v) for c, v in zip(self.columns, r.values, strict=True)]}
                     for r in self.rows],
        }

    def text_rows(self, *, typed: bool = False) -> list[list[object]]:
        """Header and rows for exports: text, or (typed) numbers where a number may be shown."""
        rows: list[list[object]] = [[_("Category"), *[c.label for c in self.columns]]]
        for r in self.rows:
            cells: list[object] = [r.label]
            for c, v in zip(self.columns, r.values, strict=True):
                number = cell_number(v)
                cells.append(number if typed and number is not None else cell_text(v, c.kind))
            rows.append(cells)
        return rows


def cell_json(column: Column, value: Cell) -> dict[str, Any]:
    if isinstance(value, Count):
        return {"column": column.key, **value.as_json()}
    return {"column": column.key, "value": value, "suppressed": value is None}


def cell_text(value: Cell, kind: str = "count") -> str:
    if value is None:
        return _("withheld")
    if isinstance(value, Count):
        return str(value)
    if kind == "percent":
        return f"{value:.0f}%"
    if kind == "number":
        return f"{value:.2f}".replace(".", ",")
    return f"{value:.1f}".replace(".", ",")


def cell_number(value: Cell) -> float | None:
    if isinstance(value, Count):
        return value.value
    return value


# --- Charts: horizontal bars as server-side SVG (geometry here, markup in a template) -------------

BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 230
PLOT_WIDTH = 360
VALUE_WIDTH = 90


@dataclass(frozen=True)
class Bar:
    label: str
    text: str
    y: int
    width: int
    suppressed: bool
    annotate: bool  # add "(suppressed)" after the text
    text_x: int
    text_y: int


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    desc: str
    width: int
    height: int
    label_width: int
    bars: list[Bar]


def bar_chart(table: Table) -> Chart | None:
    """A bar per row of the table's chart column; suppressed values are drawn as hatched stubs."""
    if not table.available or not table.rows:
        return None
    column = table.columns[table.chart_column]
    numbers = [cell_number(r.values[table.chart_column]) for r in table.rows]
    largest = max((n for n in numbers if n is not None), default=0) or 1
    bars = []
    for index, (row, number) in enumerate(zip(table.rows, numbers, strict=True)):
        y = BAR_GAP + index * (BAR_HEIGHT + BAR_GAP)
        value = row.values[table.chart_column]
        suppressed = number is None
        width = 0 if suppressed else round(PLOT_WIDTH * number / largest)  # type: ignore[operator]
        if suppressed:
            width = 12
        secondary = isinstance(value, Count) and value.secondary
        bars.append(Bar(label=row.label, text=cell_text(value, column.kind), y=y, width=width,
                        suppressed=suppressed, annotate=suppressed and not secondary,
                        text_x=LABEL_WIDTH + width + 6, text_y=y + BAR_HEIGHT - 6))
    summary = "; ".join(f"{b.label}: {b.text}" for b in bars)
    height = BAR_GAP + len(bars) * (BAR_HEIGHT + BAR_GAP)
    return Chart(id=f"chart-{table.slug}", title=f"{table.title} ({column.label})", desc=summary,
                 width=LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH, height=height, label_width=LABEL_WIDTH, bars=bars)
