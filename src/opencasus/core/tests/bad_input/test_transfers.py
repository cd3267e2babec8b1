"""Bad input for transfers between houses: proposing, accepting and declining, in the API and the pages."""

from __future__ import annotations

import datetime as dt

from opencasus.core.tests.bad_input.common import Endpoint, Target, catalogue, choice, date, listing, ref, text
from opencasus.transfers.tests.factories import make_transfer_world, propose

LATER = (dt.date.today() + dt.timedelta(days=14)).isoformat()


def _propose() -> Target:
    w = make_transfer_world()
    return Target(w.director_a, "/api/v1/transfers", {
        "caseId": w.case.pk, "toHouseId": w.house_b.pk, "reason": "Jan verhuist naar Lelystad.", "moveDate": LATER,
        "includePurpose": True, "includePlan": True, "informationItemIds": [w.shared_item.pk]})


def _accept() -> Target:
    w = make_transfer_world()
    transfer = propose(w)
    return Target(w.director_b, f"/api/v1/transfers/{transfer.pk}/acceptance",
                  {"reason": "Wij nemen het over.", "version": 1})


def _decline() -> Target:
    w = make_transfer_world()
    transfer = propose(w)
    return Target(w.director_b, f"/api/v1/transfers/{transfer.pk}/refusal",
                  {"reason": "Niet in onze regio.", "version": 1})


API = {
    "propose": Endpoint(_propose, [
        *ref("caseId"), *ref("toHouseId"), *text("reason"), *date("moveDate"), *listing("informationItemIds"),
        ("informationItemIds: an item not marked transferable", "informationItemIds", [987654321]),
        ("includePlan: text", "includePlan", "misschien"),
        ("toHouseId: null", "toHouseId", None)], legitimate=["reason"]),
    "accept": Endpoint(_accept, [*text("reason", required=False), *ref("municipalityId", required=False),
                                 ("version: text", "version", "drie")], legitimate=["reason"]),
    "decline": Endpoint(_decline, [*text("reason"), ("reason: only spaces", "reason", "   ")],
                        legitimate=["reason"]),
}


def _propose_page() -> Target:
    w = make_transfer_world()
    return Target(w.director_a, f"/casussen/{w.case.pk}/overdragen", {
        "to_house": w.house_b.pk, "reason": "Jan verhuist naar Lelystad.", "move_date": LATER,
        "include_purpose": "on", "information_items": [w.shared_item.pk]})


def _decide_page() -> Target:
    w = make_transfer_world()
    transfer = propose(w)
    return Target(w.director_b, f"/overdrachten/{transfer.pk}",
                  {"decision": "decline", "reason": "Niet in onze regio.", "version": 1})


PAGES = {
    "propose": Endpoint(_propose_page, [*ref("to_house", api=False), *text("reason", api=False),
                                        *date("move_date", api=False)], legitimate=["reason"]),
    "decide": Endpoint(_decide_page, [*choice("decision", api=False), *ref("municipality", required=False,
                                                                         api=False)]),
}

test_api_refuses, test_api_keeps_legitimate_text, test_page_refuses, test_page_keeps_legitimate_text = catalogue(
    API, PAGES)
