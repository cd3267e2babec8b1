"""Key figures on the start page: aggregates with last year's figure, suppressed like the dashboard, per role."""

import datetime as dt

from opencasus.accounts.models import User
from opencasus.logbook.models import ProcessingRecord
from opencasus.reporting.start import key_figures_sections
from opencasus.reporting.tests.conftest import World

TODAY = dt.date(2026, 6, 30)


def figures(user: User) -> dict[str, dict[str, tuple[str, str, str]]]:
    return {s.title: {c.label: (str(c.value), c.trend, c.url) for c in s.counts}
            for s in key_figures_sections(user, today=TODAY)}


def test_house_manager_sees_the_house_with_last_year(world: World) -> None:
    result = figures(world.users["manager"])
    assert list(result) == [f"Kerncijfers {world.house.name}"]
    filed = result[f"Kerncijfers {world.house.name}"]["Aanmeldingen"]
    assert filed[0] == "0"
    assert filed[1] == "vorig jaar: 15"  # 15 intakes in the first half of 2025
    assert f"/managementinformatie/huizen/{world.house.pk}?date_from=2026-01-01&date_to=2026-06-30" == filed[2]
    assert ProcessingRecord.objects.filter(object_type="start-figures").exists()


def test_municipality_officer_sees_only_their_municipality_suppressed(world: World) -> None:
    result = figures(world.users["officer_gorinchem"])
    assert list(result) == ["Kerncijfers Gorinchem"]
    assert result["Kerncijfers Gorinchem"]["Aanmeldingen"][1] == "vorig jaar: < 5"  # 3 intakes: suppressed
    assert list(figures(world.users["officer_dordrecht"])) == ["Kerncijfers Dordrecht"]


def test_steering_group_sees_the_region(world: World) -> None:
    result = figures(world.users["steering"])
    assert len(result) == 1
    (title,) = result
    assert title.startswith("Kerncijfers ")
    assert world.house.name not in title


def test_roles_without_management_information_get_nothing(world: World) -> None:
    for role in ("partner", "privacy", "admin", "director", "other_director"):
        assert figures(world.users[role]) == {}
