"""Bad input for the group approach: adding, changing and ending members and linking their individual cases
(API and pages)."""

from __future__ import annotations

import datetime as dt

from opencasus.core.tests.bad_input.common import (
    TOMORROW,
    Endpoint,
    Target,
    birth_date,
    catalogue,
    choice,
    date,
    name,
    number,
    ref,
)
from opencasus.groups.tests.factories import make_group_world

TODAY = dt.date.today().isoformat()


def _create() -> Target:
    w = make_group_world(linked=False)
    return Target(w.director, f"/api/v1/cases/{w.group.pk}/group-members", {
        "firstName": "Sem", "lastName": "Bakker", "dateOfBirth": "2009-04-01", "role": "follower", "tier": 3,
        "startDate": "2026-02-01"})


def _create_existing() -> Target:
    w = make_group_world(linked=False)
    from opencasus.cases.tests.factories import PersonFactory

    person = PersonFactory.create(case=w.group)
    return Target(w.director, f"/api/v1/cases/{w.group.pk}/group-members", {
        "personId": person.pk, "role": "leader", "tier": 1, "startDate": "2026-02-01"})


def _update() -> Target:
    w = make_group_world(linked=False)
    return Target(w.director, f"/api/v1/cases/{w.group.pk}/group-members/{w.members[3].pk}", {
        "role": "core_member", "tier": 2, "startDate": "2026-01-15", "version": 1}, method="patch")


def _end() -> Target:
    w = make_group_world(linked=False)
    return Target(w.director, f"/api/v1/cases/{w.group.pk}/group-members/{w.members[4].pk}/end",
                  {"endDate": TODAY, "version": 1})


def _link() -> Target:
    w = make_group_world(linked=False)
    return Target(w.director, f"/api/v1/cases/{w.group.pk}/group-members/{w.members[0].pk}/case-link",
                  {"individualCaseId": w.case_a.pk, "version": 1})


API = {
    "member create": Endpoint(_create, [
        *name("firstName"), *name("lastName"), *birth_date("dateOfBirth"), *choice("role"),
        *number("tier", low=1, high=3), *date("startDate"), ("startDate: in the future", "startDate", TOMORROW),
        ("startDate: before 1900", "startDate", "1850-01-01"),
        ("endDate: before the start", "endDate", "2026-01-01")], names=["firstName", "lastName"]),
    "member create for a person of the case": Endpoint(_create_existing, [
        *ref("personId", required=False), *choice("role"), *number("tier", low=1, high=3)]),
    "member update": Endpoint(_update, [
        *choice("role", required=False), *number("tier", low=1, high=3, required=False),
        *date("startDate", required=False), ("startDate: in the future", "startDate", TOMORROW),
        *date("endDate", required=False), ("endDate: before the start", "endDate", "2025-12-31")]),
    "member end": Endpoint(_end, [*date("endDate"), ("endDate: in the future", "endDate", TOMORROW),
                                  ("endDate: before the start", "endDate", "2025-12-31")]),
    "case link": Endpoint(_link, [*ref("individualCaseId")]),
}


def _add_page() -> Target:
    w = make_group_world(linked=False)
    return Target(w.director, f"/casussen/{w.group.pk}/groep/leden/nieuw", {
        "person": "", "first_name": "Sem", "last_name": "Bakker", "date_of_birth": "2009-04-01",
        "role": "follower", "tier": "3", "start_date": "2026-02-01"})


def _edit_page() -> Target:
    w = make_group_world(linked=False)
    return Target(w.director, f"/casussen/{w.group.pk}/groep/leden/{w.members[3].pk}", {
        "edit-version": 1, "edit-role": "core_member", "edit-tier": "2", "edit-start_date": "2026-01-15",
        "edit-end_date": ""})


PAGES = {
    "member add": Endpoint(_add_page, [
        *name("first_name", required=False, api=False), *name("last_name", required=False, api=False),
        *birth_date("date_of_birth", api=False), *choice("role", api=False),
        *choice("tier", api=False), *date("start_date", api=False), *choice("person", required=False, api=False)],
        names=["first_name", "last_name"]),
    "member edit": Endpoint(_edit_page, [
        *choice("edit-role", api=False), *choice("edit-tier", api=False), *date("edit-start_date", api=False),
        ("edit-end_date: before the start", "edit-end_date", "2025-12-31")]),
}

test_api_refuses, test_api_keeps_legitimate_text, test_page_refuses, test_page_keeps_legitimate_text = catalogue(
    API, PAGES)
