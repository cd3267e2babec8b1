from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from opencasus.cases.vocabulary import Route
from opencasus.cases.workflow import Status
from opencasus.network.models import House, Municipality, TargetGroup
from opencasus.network.tests.factories import HouseFactory, member, municipality
from opencasus.reporting.tests.factories import at, case_with_history, triaged


@dataclass
class World:
    house: House
    other: House
    dordrecht: Municipality
    gorinchem: Municipality
    theme: TargetGroup
    users: dict[str, Any]


@pytest.fixture
def world(db) -> World:
    """A house with 12 Dordrecht and 3 Gorinchem intakes in 2025, every role, and a house elsewhere."""
    house = HouseFactory()
    other = HouseFactory(region=__import__("opencasus.network.models", fromlist=["Region"]).Region.objects.get(
        code="VR17"))
    dordrecht, gorinchem = municipality("GM0505"), municipality("GM0512")
    theme = TargetGroup.objects.create(house=house, name="Huiselijk geweld")
    for i in range(12):
        filed = at(2025, 3, 1 + i)
        if i < 6:
            triaged(house, filed, Status.ADMITTED, days=5 + i, target_group=theme, route=Route.ZSM,
                    municipality=dordrecht)
        elif i < 9:
            triaged(house, filed, Status.DECLINED, days=3, municipality=dordrecht, route=Route.CARE_TRACK)
        else:
            case_with_history(house, filed, municipality=dordrecht, route=Route.ZSM)
    for i in range(3):
        triaged(house, at(2025, 4, 1 + i), Status.ADMITTED, municipality=gorinchem, route=Route.VEILIG_THUIS)
    triaged(other, at(2025, 3, 5), Status.ADMITTED, municipality=municipality("GM0599"))
    users = {
        "manager": member(house, "house_manager"),
        "director": member(house, "process_director"),
        "secretary": member(house, "secretary"),
        "officer_dordrecht": member(house, "municipality_officer", municipality=dordrecht),
        "officer_gorinchem": member(house, "municipality_officer", municipality=gorinchem),
        "steering": member(house, "steering_group_member"),
        "partner": member(house, "partner_professional"),
        "privacy": member(house, "privacy_officer"),
        "admin": member(house, "functional_administrator"),
        "other_director": member(other, "process_director"),
    }
    return World(house, other, dordrecht, gorinchem, theme, users)


PERIOD = {"date_from": "2025-01-01", "date_to": "2025-12-31"}
API_PERIOD = {"dateFrom": "2025-01-01", "dateTo": "2025-12-31"}
YEAR = dt.date(2025, 1, 1).year
