"""Bad input for the privacy officer's work: access and other rights requests, their handling, dry
runs, log verification and the search of the processing log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from opencasus.cases.models import Person
from opencasus.cases.tests.factories import CaseFactory, PersonFactory
from opencasus.core.tests.bad_input.common import (
    Endpoint,
    Target,
    birth_date,
    catalogue,
    choice,
    date,
    listing,
    name,
    ref,
    text,
)
from opencasus.network.tests.factories import HouseFactory
from opencasus.privacy import services
from opencasus.privacy.models import RightsRequest
from opencasus.privacy.tests.factories import officer

TODAY = dt.date.today().isoformat()
BSN = "111222333"


def _house() -> tuple[Any, Any, Person]:
    house = HouseFactory.create()
    case = CaseFactory.create(house=house)
    person = PersonFactory.create(case=case, first_name="Ria", last_name="Vermeer", date_of_birth=dt.date(1980, 5, 1))
    return house, officer(house), person


def _subject_access() -> Target:
    house, fg, _person = _house()
    return Target(fg, "/api/v1/subject-access-requests", {
        "houseId": house.pk, "requesterName": "Ria Vermeer", "receivedDate": TODAY, "firstName": "Ria",
        "lastName": "Vermeer", "birthDate": "1980-05-01"})


def _rights_request() -> Target:
    house, fg, person = _house()
    return Target(fg, "/api/v1/rights-requests", {
        "houseId": house.pk, "kind": "restriction", "requesterName": "Ria Vermeer", "receivedDate": TODAY,
        "description": "Beperk de verwerking.", "pseudonyms": [str(person.pseudonym)]})


def _created_request() -> tuple[Any, Any, RightsRequest]:
    house, fg, _person = _house()
    item = services.rights_request_create(actor=fg, house=house, kind="restriction", requester_name="Ria Vermeer",
                                          received_on=dt.date.today(), description="Beperk de verwerking.")
    return house, fg, RightsRequest.objects.get(pk=item.pk)


def _handle() -> Target:
    _unused, fg, item = _created_request()
    return Target(fg, f"/api/v1/rights-requests/{item.pk}", {
        "version": item.version, "status": "granted", "handling": "Verwerking beperkt.", "decidedDate": TODAY},
        method="patch")


def _dry_run() -> Target:
    house, fg, _person = _house()
    return Target(fg, "/api/v1/retention-runs", {"houseId": house.pk, "runDate": TODAY})


def _verification() -> Target:
    house, fg, _person = _house()
    return Target(fg, "/api/v1/log-verifications", {"houseId": house.pk})


BSN_CASES = [("bsn: fails the eleven-test", "bsn", "123456789"), ("bsn: letters", "bsn", "12345678a"),
             ("bsn: 10,000 characters", "bsn", "1" * 10_000), ("bsn: control characters", "bsn", "11122\x00333")]

API = {
    "subject access request": Endpoint(_subject_access, [
        *ref("houseId"), *name("requesterName"), *date("receivedDate"),
        ("receivedDate: in the future", "receivedDate", "2999-01-01"), *BSN_CASES,
        *name("firstName", required=False), *name("lastName", required=False), *birth_date("birthDate")],
        names=["requesterName"]),
    "rights request": Endpoint(_rights_request, [
        *ref("houseId"), *choice("kind"), *name("requesterName"), *date("receivedDate"),
        ("receivedDate: in the future", "receivedDate", "2999-01-01"), *text("description"),
        *listing("pseudonyms"), ("pseudonyms: not a pseudonym", "pseudonyms", ["Ria Vermeer"])],
        legitimate=["description"], names=["requesterName"]),
    "rights request handling": Endpoint(_handle, [
        ("version as text", "version", "twee"), *choice("status"),  # a missing version: test_requests (428)
        *text("handling", required=False), *date("decidedDate", required=False),
        ("decidedDate: in the future", "decidedDate", "2999-01-01"), *date("extendedUntilDate", required=False),
        *text("extensionReason", required=False)], legitimate=["handling"]),
    "retention dry run": Endpoint(_dry_run, [*ref("houseId"), *date("runDate", required=False)]),
    "log verification": Endpoint(_verification, ref("houseId")),
}


def _subject_access_page() -> Target:
    house, fg, _person = _house()
    return Target(fg, f"/huizen/{house.pk}/privacy/inzage", {
        "requester_name": "Ria Vermeer", "received_on": TODAY, "first_name": "Ria", "last_name": "Vermeer",
        "date_of_birth": "1980-05-01"})


def _rights_requests_page() -> Target:
    house, fg, _person = _house()
    return Target(fg, f"/huizen/{house.pk}/privacy/verzoeken", {
        "kind": "restriction", "requester_name": "Ria Vermeer", "received_on": TODAY,
        "description": "Beperk de verwerking.", "bsn": BSN})


def _rights_request_page() -> Target:
    house, fg, item = _created_request()
    return Target(fg, f"/huizen/{house.pk}/privacy/verzoeken/{item.pk}", {
        "version": item.version, "status": "granted", "handling": "Verwerking beperkt.", "decided_on": TODAY})


def _dry_run_page() -> Target:
    house, fg, _person = _house()
    return Target(fg, f"/huizen/{house.pk}/privacy/proefrun", {"run_date": TODAY}, extra={"follow": True})


def _log_search_page() -> Target:
    house, fg, _person = _house()
    return Target(fg, f"/huizen/{house.pk}/privacy/logboek", {"first_name": "Ria", "last_name": "Vermeer",
                                                              "date_of_birth": "1980-05-01"}, method="get")


PAGES = {
    "subject access": Endpoint(_subject_access_page, [
        *name("requester_name", api=False), *date("received_on", api=False), *BSN_CASES,
        *name("first_name", required=False, api=False), *name("last_name", required=False, api=False),
        *birth_date("date_of_birth", api=False)], names=["requester_name"]),
    "rights requests": Endpoint(_rights_requests_page, [
        *choice("kind", api=False), *name("requester_name", api=False), *date("received_on", api=False),
        ("received_on: in the future", "received_on", "2999-01-01"), *text("description", api=False), *BSN_CASES,
        *birth_date("date_of_birth", api=False)], legitimate=["description"], names=["requester_name"]),
    "rights request handling": Endpoint(_rights_request_page, [
        ("version as text", "version", "twee"), *choice("status", api=False),
        *text("handling", required=False, api=False), *date("decided_on", required=False, api=False),
        *text("extension_reason", required=False, api=False)], legitimate=["handling"]),
    "dry run": Endpoint(_dry_run_page, date("run_date", api=False)),
    "log search": Endpoint(_log_search_page, [
        ("pseudonym: not a pseudonym", "pseudonym", "Ria"), *BSN_CASES, *name("first_name", required=False, api=False),
        *birth_date("date_of_birth", api=False), ("case: unknown reference", "case", "een"),
        ("case: an internal number", "case", "1"),
        ("case: longer than any reference", "case", "ZHZ-" + "9" * 40),
        *ref("user", required=False, api=False), *choice("action", required=False, api=False),
        *date("from_date", required=False, api=False)]),
}

test_api_refuses, test_api_keeps_legitimate_text, test_page_refuses, test_page_keeps_legitimate_text = catalogue(
    API, PAGES)
