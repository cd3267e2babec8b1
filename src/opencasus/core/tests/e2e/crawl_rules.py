"""What the page crawl looks for in a page's visible text: code values, English dates, internal ids."""

from __future__ import annotations

import re

SNAKE = re.compile(r"(?<![\w./@-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@-])")
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
          "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
ENGLISH_DATE = re.compile(
    rf"\b(?:January|February|March|April|June|July|August|September|October|November|December|"
    rf"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    rf"|\b\d{{1,2}}\s+(?:{MONTHS})\b\.?|\b(?:{MONTHS})\s+\d{{1,2}}\b|\b(?:{DAYS})\.?,?\s+\d{{1,2}}\b")
INTERNAL_ID = re.compile(
    r"\((?:overleg|casus|afspraak|agendapunt|escalatie|aanmelding|verzoek|plan|id|nr\.?|nummer)\s*#?\d+\)"
    r"|(?<![\w&])#\d+\b|\bid\s*[:=]?\s*\d+\b|\b(?:overleg|afspraak|agendapunt|escalatie|verzoek)\s+\d+\b",
    re.IGNORECASE)


def text_problems(text: str, codes: set[str], allowed: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The failures found in the visible text of a Dutch page. `codes`: choice values of the models."""
    problems = []
    found = {m.group(0) for m in SNAKE.finditer(text)} - set(allowed)
    found |= {c for c in codes if re.search(rf"(?<![\w/-]){re.escape(c)}(?![\w/-])", text)}
    if found:
        problems.append(f"code values visible: {sorted(found)[:8]}")
    english = sorted({m.group(0) for m in ENGLISH_DATE.finditer(text)})
    if english:
        problems.append(f"English month/day names: {english[:5]}")
    ids = sorted({m.group(0) for m in INTERNAL_ID.finditer(text)})
    if ids:
        problems.append(f"internal ids visible: {ids[:5]}")
    return problems
