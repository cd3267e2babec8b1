"""Bad input for the ZSM advice (API and page) and the ZSM table's question."""

from __future__ import annotations

from opencasus.core.tests.bad_input.common import Endpoint, Target, catalogue, date, text
from opencasus.zsm.tests.factories import BSN, zsm_world


def _advice() -> Target:
    z = zsm_world()
    return Target(z.w.director, f"/api/v1/cases/{z.case.pk}/zsm-advice",
                  {"text": "Voorwaardelijk sepot; bel de procesregisseur.", "version": 0}, method="put")


def _query() -> Target:
    z = zsm_world()
    return Target(z.client, "/api/v1/zsm-queries", {"bsn": BSN})


def _by_name() -> Target:
    z = zsm_world()
    return Target(z.client, "/api/v1/zsm-queries", {"firstName": z.person.first_name, "lastName": z.person.last_name,
                                                    "dateOfBirth": str(z.person.date_of_birth)})


API = {
    "zsm advice": Endpoint(_advice, [*text("text", limit=1000), ("version as text", "version", "twee")],
                           legitimate=["text"]),
    "zsm query by bsn": Endpoint(_query, [("bsn: eleven-test fails", "bsn", "123456789"),
                                          ("bsn: letters", "bsn", "12345678a"), ("bsn: 12 digits", "bsn", "1" * 12),
                                          ("bsn: a list", "bsn", [BSN])]),
    "zsm query by name": Endpoint(_by_name, [*date("dateOfBirth", required=False),
                                             ("lastName: missing with a first name", "lastName", ""),
                                             *text("firstName", required=False, limit=100)[:2]]),
}


def _advice_page() -> Target:
    z = zsm_world()
    return Target(z.w.director, f"/casussen/{z.case.pk}/zsm-advies",
                  {"text": "Voorwaardelijk sepot.", "version": "0"})


PAGES = {
    "zsm advice": Endpoint(_advice_page, [*text("text", limit=1000, api=False), ("version as text", "version", "twee")],
                           legitimate=["text"]),
}


test_api_refuses, test_api_keeps_legitimate_text, test_page_refuses, test_page_keeps_legitimate_text = catalogue(
    API, PAGES)
