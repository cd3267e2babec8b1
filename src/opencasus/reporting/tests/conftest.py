from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from opencasus.accounts.models import User
from opencasus.cases.vocabulary import Route
from opencasus.cases.workflow import Status
from opencasus.core.tests.world import Member, Partner, build_world
from opencasus.network.models import House, Municipality, Role, TargetGroup
from opencasus.network.tests.factories import HouseFactory, member, municipality, region
from opencasus.reporting.tests.factories import at, case_with_history, triaged


@dataclass
class World:
    house: House
    other: House
    dordrecht: Municipality
    gorinchem: Municipality
    theme: TargetGroup
    users: dict[str, User]


@pytest.fixture
def world(db: None) -> World:
    """A house with 12 Dordrecht and 3 Gorinchem intakes in 2025, every role, and a house elsewhere."""
    dordrecht, gorinchem = municipality("GM0505"), municipality("GM0512")
    staff = build_world(
        partners=[Partner("partner")],
        members={
            "manager": Member(Role.HOUSE_MANAGER),
            "officer_dordrecht": Member(Role.MUNICIPALITY_OFFICER, user={"municipality": dordrecht}),
            "officer_gorinchem": Member(Role.MUNICIPALITY_OFFICER, user={"municipality": gorinchem}),
            "steering": Member(Role.STEERING_GROUP_MEMBER),
            "partner": Member(Role.PARTNER_PROFESSIONAL, "partner"),
            "privacy": Member(Role.PRIVACY_OFFICER),
            "admin": Member(Role.FUNCTIONAL_ADMINISTRATOR),
        },
    )
    house = staff.house
    other = HouseFactory.create(region=region("VR17"))
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
    users = {"director": staff.director, "secretary": staff.secretary, **staff.members,
             "other_director": member(other, Role.PROCESS_DIRECTOR)}
    return World(house, other, dordrecht, gorinchem, theme, users)


PERIOD = {"date_from": "2025-01-01", "date_to": "2025-12-31"}
API_PERIOD = {"dateFrom": "2025-01-01", "dateTo": "2025-12-31"}
YEAR = dt.date(2025, 1, 1).year
