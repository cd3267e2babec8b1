"""The default questionnaire of the regie scan, loaded into a house the first time the house uses the scan.

The default themes, questions and tips are data, not messages: they are the house's own configuration from
the moment they are copied, and the house manager rewords them in Dutch as the house sees fit. They live in
`defaults/nl.json` (Dutch, after the scan of the programme Doorontwikkeling Veiligheidshuizen).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from django.db import transaction

from opencasus.regiescan.models import Question, ScanSettings, Theme

DEFAULTS_FILE = Path(__file__).parent / "defaults" / "nl.json"


@cache
def default_set() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DEFAULTS_FILE.read_text(encoding="utf-8"))
    return data


@transaction.atomic
def install_defaults(house_id: int) -> ScanSettings:
    """The house's settings; on first use, with the default themes and questions (idempotent)."""
    existing = ScanSettings.objects.filter(house_id=house_id).first()
    if existing is not None:
        return existing
    data = default_set()
    settings, created = ScanSettings.objects.get_or_create(
        house_id=house_id, defaults={"scale_points": data["scale_points"], "tip_below": data["tip_below"]})
    if created and not Theme.objects.filter(house_id=house_id).exists():
        for position, spec in enumerate(data["themes"], start=1):
            theme = Theme.objects.create(house_id=house_id, key=spec["key"], name=spec["name"], tip=spec["tip"],
                                         position=position)
            Question.objects.bulk_create([Question(theme=theme, text=text, position=n)
                                          for n, text in enumerate(spec["questions"], start=1)])
    return settings
