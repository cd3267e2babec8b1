"""Loading the reference data: the 25 regions and every municipality with its region.

Source and year of the files: `data/SOURCE.md` (CBS via the VWS dashboard, boundaries of 1-1-2023).
A newer file of the same shape can be loaded with `manage.py load_municipalities --file`.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
REGIONS_FILE = DATA_DIR / "veiligheidsregios.csv"
MUNICIPALITIES_FILE = DATA_DIR / "gemeente_veiligheidsregio_2023.csv"


def load_reference_data(region_model: Any, municipality_model: Any, *,
                        regions_file: Path = REGIONS_FILE,
                        municipalities_file: Path = MUNICIPALITIES_FILE) -> tuple[int, int]:
    """Upsert regions and municipalities by code; municipalities missing from the file become inactive.

    Takes the model classes so a data migration can pass its historical models.
    """
    with regions_file.open(encoding="utf-8") as fh:
        region_rows = list(csv.DictReader(fh))
    regions = {}
    for row in region_rows:
        region, _ = region_model.objects.update_or_create(
            code=row["veiligheidsregiocode"],
            defaults={"name": row["veiligheidsregionaam"], "number": int(row["nummer"])},
        )
        regions[region.code] = region
    with municipalities_file.open(encoding="utf-8") as fh:
        municipality_rows = list(csv.DictReader(fh))
    codes = set()
    for row in municipality_rows:
        code = row["gemeentecode"]
        if row["veiligheidsregiocode"] not in regions:
            raise ValueError(f"Municipality {code} names unknown region {row['veiligheidsregiocode']}")
        municipality_model.objects.update_or_create(
            code=code,
            defaults={"name": row["gemeentenaam"], "region": regions[row["veiligheidsregiocode"]], "active": True},
        )
        codes.add(code)
    municipality_model.objects.exclude(code__in=codes).update(active=False)
    return len(regions), len(codes)
