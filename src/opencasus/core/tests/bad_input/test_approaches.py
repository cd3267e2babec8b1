"""Bad input for the approaches of a house: the switch per approach and the crisis-lane periods (API and page)."""

from __future__ import annotations

from opencasus.core.tests.bad_input.common import DROP, Endpoint, Target, catalogue, choice, number
from opencasus.network.models import Approach, HouseApproach, Role
from opencasus.network.tests.factories import HouseFactory, member


def _switch() -> Target:
    house = HouseFactory.create()
    manager = member(house, Role.HOUSE_MANAGER)
    return Target(manager, f"/api/v1/houses/{house.pk}/approaches/group", {"enabled": True, "version": 0},
                  method="put")


def _crisis() -> Target:
    house = HouseFactory.create()
    HouseApproach.objects.create(house=house, approach=Approach.CRISIS_LANE, enabled=True)
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    return Target(admin, f"/api/v1/houses/{house.pk}/crisis-lane-settings",
                  {"triageDays": 1, "conferenceDays": 3, "version": 0}, method="put")


API = {
    "approach switch": Endpoint(_switch, [("enabled: text", "enabled", "misschien"),
                                          ("enabled: a list", "enabled", [1]), ("enabled: null", "enabled", None),
                                          ("enabled: missing", "enabled", DROP),
                                          ("version as text", "version", "twee")]),
    "crisis-lane periods": Endpoint(_crisis, [*number("triageDays", low=1, high=30),
                                              *number("conferenceDays", low=1, high=30),
                                              ("version as text", "version", "twee")]),
}


def _switch_page() -> Target:
    house = HouseFactory.create()
    manager = member(house, Role.HOUSE_MANAGER)
    return Target(manager, f"/huizen/{house.pk}/werkwijzen",
                  {"action": "switch", "approach": "group", "enabled": "1", "version": "0"}, ok=(302,))


def _crisis_page() -> Target:
    house = HouseFactory.create()
    HouseApproach.objects.create(house=house, approach=Approach.CRISIS_LANE, enabled=True)
    manager = member(house, Role.HOUSE_MANAGER)
    return Target(manager, f"/huizen/{house.pk}/werkwijzen",
                  {"action": "crisis", "triage_days": "1", "conference_days": "3", "version": "0"}, ok=(302,))


PAGES = {
    "approach switch": Endpoint(_switch_page, [*choice("approach", api=False), *choice("enabled", api=False),
                                               ("version as text", "version", "twee")]),
    "crisis-lane periods": Endpoint(_crisis_page, [*number("triage_days", low=1, high=30, api=False),
                                                   *number("conference_days", low=1, high=30, api=False),
                                                   ("version as text", "version", "twee")]),
}


test_api_refuses, test_api_keeps_legitimate_text, test_page_refuses, test_page_keeps_legitimate_text = catalogue(
    API, PAGES)
