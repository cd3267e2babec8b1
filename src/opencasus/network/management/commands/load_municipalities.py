from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from opencasus.network.models import Municipality, Region
from opencasus.network.reference import MUNICIPALITIES_FILE, REGIONS_FILE, load_reference_data


class Command(BaseCommand):
    help = "Load (or update) the regions and municipalities from CSV files of the shipped shape."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--file", type=Path, default=MUNICIPALITIES_FILE, help="municipality CSV")
        parser.add_argument("--regions", type=Path, default=REGIONS_FILE, help="region CSV")

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            regions, municipalities = load_reference_data(
                Region, Municipality, regions_file=options["regions"], municipalities_file=options["file"])
        self.stdout.write(f"{regions} regions, {municipalities} municipalities loaded.")
