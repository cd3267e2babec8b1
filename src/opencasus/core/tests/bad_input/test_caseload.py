"""Bad input for the caseload: assigning a process director and the house's maximums (API and pages)."""

from __future__ import annotations

from opencasus.core.tests.bad_input.common import Endpoint, Target, catalogue, number, ref, text
from opencasus.network.models import Role
from opencasus.network.tests.factories import member
from opencasus.triage.tests.factories import intake, make_world


def _assign() -> Target:
    w = make_world()
    case = intake(w)
    return Target(w.director, f"/api/v1/cases/{case.pk}/director-assignments",
                  {"directorId": w.director.pk, "reason": "Opgepakt aan de weegtafel."})


def _limits() -> Target:
    w = make_world()
    manager = member(w.house, Role.HOUSE_MANAGER)
    return Target(manager, f"/api/v1/houses/{w.house.pk}/caseload-limits",
                  {"perDirector": 8, "perHouse": 40, "version": 0}, method="put")


API = {
    "director assignment": Endpoint(_assign, [*ref("directorId"), *text("reason", required=False, limit=1000),
                                              ("version as text", "version", "twee")], legitimate=["reason"]),
    "caseload limits": Endpoint(_limits, [*number("perDirector", low=1, high=1000),
                                          *number("perHouse", low=1, high=100_000),
                                          ("version as text", "version", "twee")]),
}


def _assign_page() -> Target:
    w = make_world()
    case = intake(w)
    return Target(w.director, f"/casussen/{case.pk}/procesregisseur",
                  {"director": str(w.director.pk), "reason": "Opgepakt.", "version": str(case.version)})


def _limits_page() -> Target:
    w = make_world()
    manager = member(w.house, Role.HOUSE_MANAGER)
    return Target(manager, f"/huizen/{w.house.pk}/caseloadmaxima",
                  {"per_director": "8", "per_house": "40", "version": "0"})


PAGES = {
    "director assignment": Endpoint(_assign_page, [*ref("director", api=False),
                                                   *text("reason", required=False, limit=1000, api=False),
                                                   ("version as text", "version", "twee")], legitimate=["reason"]),
    "caseload limits": Endpoint(_limits_page, [*number("per_director", low=1, high=1000, required=False, api=False),
                                               *number("per_house", low=1, high=100_000, required=False, api=False),
                                               ("version as text", "version", "twee")]),
}


test_api_refuses, test_api_keeps_legitimate_text, test_page_refuses, test_page_keeps_legitimate_text = catalogue(
    API, PAGES)
