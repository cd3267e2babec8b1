"""Case search: what each role finds (hidden cases never appear), name variants, exact BSN, bad input, logging."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse

from opencasus.accounts.models import User
from opencasus.cases.models import Case
from opencasus.cases.search import SearchCriteria, case_search, looks_like_reference
from opencasus.cases.tests.factories import CaseFactory, ParticipantFactory, PersonFactory
from opencasus.cases.workflow import Status
from opencasus.core.tests.clients import ApiClient, VerifiedClient
from opencasus.logbook.models import Action, ProcessingRecord
from opencasus.network.models import House, Role
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, member

pytestmark = pytest.mark.django_db

BSN = "111222333"
OTHER_BSN = "123456782"
DOB = dt.date(1988, 3, 4)


@dataclass
class Found:
    house: House
    other: House
    director: User
    secretary: User
    partner: User
    manager: User
    privacy: User
    elsewhere: User
    shared: Case  # admitted, the partner takes part
    hidden: Case  # admitted, a spelling variant of the same name
    filed: Case  # filed by the partner
    abroad: Case  # in the other house, the same person


@pytest.fixture
def world() -> Found:
    house = HouseFactory.create(name="Veiligheidshuis Hier")
    other = HouseFactory.create(name="Veiligheidshuis Elders")
    police = OrganisationFactory.create(name="Politie")
    director, secretary = member(house, Role.PROCESS_DIRECTOR), member(house, Role.SECRETARY)
    partner = member(house, Role.PARTNER_PROFESSIONAL, police)
    manager, privacy = member(house, Role.HOUSE_MANAGER), member(house, Role.PRIVACY_OFFICER)
    elsewhere = member(other, Role.PROCESS_DIRECTOR)
    shared = CaseFactory.create(house=house, status=Status.ADMITTED, reference="HIER-2026-0001")
    PersonFactory.create(case=shared, first_name="Mehmet", last_name="Özdemir", date_of_birth=DOB, bsn=BSN)
    ParticipantFactory.create(case=shared, organisation=police, user=partner)
    hidden = CaseFactory.create(house=house, status=Status.ADMITTED, reference="HIER-2026-0002")
    PersonFactory.create(case=hidden, first_name="Mehmet", last_name="Ozdemir", date_of_birth=DOB)
    filed = CaseFactory.create(house=house, status=Status.SUBMITTED, reference="HIER-2026-0003", filed_by=partner,
                               filed_by_organisation=police)
    PersonFactory.create(case=filed, first_name="Jan", last_name="de Vries", date_of_birth=dt.date(1975, 1, 2))
    abroad = CaseFactory.create(house=other, status=Status.ADMITTED, reference="ELDERS-2026-0001")
    PersonFactory.create(case=abroad, first_name="Mehmet", last_name="Özdemir", date_of_birth=DOB, bsn=BSN)
    return Found(house=house, other=other, director=director, secretary=secretary, partner=partner, manager=manager,
                 privacy=privacy, elsewhere=elsewhere, shared=shared, hidden=hidden, filed=filed, abroad=abroad)


def refs(cases: Iterable[Case]) -> list[str]:
    return sorted(c.reference for c in cases)


def test_core_staff_find_their_houses_cases_by_name_variants_and_never_another_house(world: Found) -> None:
    for actor in (world.director, world.secretary):
        found = case_search(actor=actor, criteria=SearchCriteria(name="mehmet ozdemir"))
        assert refs(found) == ["HIER-2026-0001", "HIER-2026-0002"]
    # Spelling variants and swapped names, as the hit check matches them.
    assert refs(case_search(actor=world.director, criteria=SearchCriteria(name="Özdemir Mehmed"))) == []
    assert refs(case_search(actor=world.director, criteria=SearchCriteria(name="Ozdemir"))) == [
        "HIER-2026-0001", "HIER-2026-0002"]
    assert refs(case_search(actor=world.director, criteria=SearchCriteria(name="Jan van Vries"))) == [
        "HIER-2026-0003"]
    assert refs(case_search(actor=world.director, criteria=SearchCriteria(name="Vriess"))) == ["HIER-2026-0003"]
    assert refs(case_search(actor=world.elsewhere, criteria=SearchCriteria(name="Özdemir"))) == ["ELDERS-2026-0001"]


def test_bsn_is_exact_and_never_logged(world: Found) -> None:
    found = case_search(actor=world.director, criteria=SearchCriteria(bsn="111 222 333"))
    assert refs(found) == ["HIER-2026-0001"]
    assert case_search(actor=world.director, criteria=SearchCriteria(bsn=OTHER_BSN)) == []
    record = ProcessingRecord.objects.filter(action=Action.SEARCH, object_type="case-search").latest("id")
    values = " ".join(str(v) for v in ProcessingRecord.objects.filter(object_type="case-search").values_list(
        "purpose", "object_id", "data_subject"))
    assert BSN not in values
    assert "111 222 333" not in values
    assert record.house_id == world.house.pk


def test_birth_date_municipality_status_and_reference(world: Found) -> None:
    assert refs(case_search(actor=world.director, criteria=SearchCriteria(date_of_birth=DOB))) == [
        "HIER-2026-0001", "HIER-2026-0002"]
    assert refs(case_search(actor=world.director, criteria=SearchCriteria(status=Status.SUBMITTED))) == [
        "HIER-2026-0003"]
    municipality_id = world.shared.municipality_id
    assert len(case_search(actor=world.director, criteria=SearchCriteria(municipality_id=municipality_id))) == 3
    assert refs(case_search(actor=world.director, criteria=SearchCriteria(reference="hier-2026-0002"))) == [
        "HIER-2026-0002"]
    assert refs(case_search(actor=world.director, criteria=SearchCriteria(reference="0003"))) == ["HIER-2026-0003"]
    assert refs(case_search(actor=world.director, criteria=SearchCriteria(name="Mehmet", status=Status.SUBMITTED))) \
        == []


def test_partner_finds_only_what_they_already_see(world: Found) -> None:
    found = case_search(actor=world.partner, criteria=SearchCriteria(name="Mehmet Ozdemir"))
    assert refs(found) == ["HIER-2026-0001"]  # not the hidden case of the same name, not the other house
    assert refs(case_search(actor=world.partner, criteria=SearchCriteria(reference="HIER-2026-0002"))) == []
    # The intake they filed: found by reference, but its persons are not searchable (status and feedback only).
    assert refs(case_search(actor=world.partner, criteria=SearchCriteria(reference="HIER-2026-0003"))) == [
        "HIER-2026-0003"]
    assert case_search(actor=world.partner, criteria=SearchCriteria(name="Jan de Vries")) == []
    assert refs(case_search(actor=world.partner, criteria=SearchCriteria(bsn=BSN))) == ["HIER-2026-0001"]


@pytest.mark.parametrize("role", ["manager", "privacy"])
def test_roles_without_case_access_find_nothing(world: Found, role: str) -> None:
    actor = getattr(world, role)
    assert case_search(actor=actor, criteria=SearchCriteria(name="Mehmet")) == []
    assert case_search(actor=actor, criteria=SearchCriteria(reference="HIER-2026-0001")) == []


def test_every_search_is_logged_with_the_persons_found(world: Found) -> None:
    before = ProcessingRecord.objects.filter(action=Action.SEARCH).count()
    case_search(actor=world.director, criteria=SearchCriteria(name="Mehmet Özdemir"))
    records = ProcessingRecord.objects.filter(action=Action.SEARCH, object_type="case-search")
    assert records.count() - before == 2  # one per person found, both in this house
    assert {r.data_subject for r in records} == {
        str(p.pseudonym) for p in (world.shared.persons.get(), world.hidden.persons.get())}
    case_search(actor=world.manager, criteria=SearchCriteria(name="Niemand"))
    assert ProcessingRecord.objects.filter(action=Action.SEARCH, object_type="case-search").count() - before == 3


def test_reference_detection() -> None:
    assert looks_like_reference("ZHZ-2026-0013")
    assert not looks_like_reference("Jan de Vries")
    assert not looks_like_reference("Jansen")


def test_search_page_shows_results_and_never_echoes_the_bsn(world: Found, verified_client: VerifiedClient) -> None:
    client = verified_client(world.director)
    assert client.get(reverse("cases:search")).status_code == 200
    response = client.post(reverse("cases:search"), {"bsn": BSN})
    body = response.content.decode()
    assert response.status_code == 200
    assert "HIER-2026-0001" in body
    assert "HIER-2026-0002" not in body
    assert BSN not in body
    response = client.post(reverse("cases:search"), {"q": "Mehmet Ozdemir"})
    body = response.content.decode()
    assert "HIER-2026-0001" in body
    assert "HIER-2026-0002" in body
    assert "ELDERS" not in body


def test_search_page_bad_input_gives_dutch_errors(world: Found, verified_client: VerifiedClient) -> None:
    client = verified_client(world.director)
    response = client.post(reverse("cases:search"), {"bsn": "123456789"})
    body = response.content.decode()
    assert "geen geldig BSN" in body
    assert "123456789" not in body
    response = client.post(reverse("cases:search"), {"q": "  "})
    assert "Vul ten minste één zoekveld in" in response.content.decode()
    response = client.post(reverse("cases:search"), {"date_of_birth": "31-02-2020"})
    assert "HIER-2026" not in response.content.decode()
    assert not ProcessingRecord.objects.filter(object_type="case-search").exists()


def test_partner_search_page_hides_invisible_cases(world: Found, verified_client: VerifiedClient) -> None:
    response = verified_client(world.partner).post(reverse("cases:search"), {"q": "Ozdemir"})
    body = response.content.decode()
    assert "HIER-2026-0001" in body
    assert "HIER-2026-0002" not in body


@pytest.mark.parametrize("role, expected", [
    ("director", ["HIER-2026-0001", "HIER-2026-0002"]),
    ("secretary", ["HIER-2026-0001", "HIER-2026-0002"]),
    ("partner", ["HIER-2026-0001"]),
    ("manager", []),
    ("privacy", []),
    ("elsewhere", ["ELDERS-2026-0001"]),
])
def test_api_search_per_role(world: Found, api_client: ApiClient, role: str, expected: Any) -> None:
    response = api_client(getattr(world, role)).post("/api/v1/case-searches", {"name": "Özdemir"}, format="json")
    assert response.status_code == 200
    assert sorted(r["reference"] for r in response.json()) == expected


def test_api_search_bad_input(world: Found, api_client: ApiClient) -> None:
    client = api_client(world.director)
    response = client.post("/api/v1/case-searches", {}, format="json")
    assert response.status_code == 400
    response = client.post("/api/v1/case-searches", {"bsn": "123456789"}, format="json")
    assert response.status_code == 400
    assert "123456789" not in response.content.decode()
    response = client.post("/api/v1/case-searches", {"status": "nonsense"}, format="json")
    assert response.status_code == 400
    response = client.post("/api/v1/case-searches", {"bsn": BSN}, format="json")
    assert [r["reference"] for r in response.json()] == ["HIER-2026-0001"]
    assert BSN not in response.content.decode()


def test_api_search_requires_login(world: Found) -> None:
    from rest_framework.test import APIClient

    assert APIClient().post("/api/v1/case-searches", {"name": "x"}, format="json").status_code == 401
