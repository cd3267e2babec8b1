from pathlib import Path

import pytest
from django.core.management import call_command

from opencasus.network.models import Municipality, Region

pytestmark = pytest.mark.django_db


def test_the_25_regions_load() -> None:
    assert Region.objects.count() == 25
    assert set(Region.objects.values_list("number", flat=True)) == set(range(1, 26))


def test_every_current_municipality_loads_with_a_region() -> None:
    assert Municipality.objects.filter(active=True).count() == 342
    assert not Municipality.objects.filter(region__isnull=True).exists()


@pytest.mark.parametrize(("municipality", "region"), [
    ("Amsterdam", "Amsterdam-Amstelland"),
    ("Maastricht", "Zuid-Limburg"),
    ("Dordrecht", "Zuid-Holland Zuid"),
    ("Rotterdam", "Rotterdam-Rijnmond"),
    ("Leeuwarden", "Fryslân"),
    ("Almere", "Flevoland"),
])
def test_spot_checks(municipality: str, region: str) -> None:
    assert Municipality.objects.get(name=municipality).region.name == region


def test_loading_a_newer_file_deactivates_merged_municipalities(tmp_path: Path) -> None:
    from opencasus.network.reference import MUNICIPALITIES_FILE

    rows = MUNICIPALITIES_FILE.read_text(encoding="utf-8").splitlines()
    newer = [line for line in rows if not line.startswith("GM0505,")]  # pretend Dordrecht merged away
    newer.append("GM9999,Nieuwgemeente,VR18,Zuid-Holland Zuid")
    path = tmp_path / "gemeenten.csv"
    path.write_text("\n".join(newer) + "\n", encoding="utf-8")
    call_command("load_municipalities", file=path, stdout=None)
    assert Municipality.objects.get(code="GM9999").region.code == "VR18"
    assert Municipality.objects.get(code="GM0505").active is False
