"""The house switcher: a professional with roles in two houses chooses one; lists follow the choice."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from opencasus.access.houses import SESSION_KEY
from opencasus.cases.tests import helpers as h
from opencasus.network.models import Membership, Role
from opencasus.network.tests.factories import HouseFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def _two_houses() -> tuple[Any, Any, Any, Any]:
    """A director in house A and B, with one intake in each house."""
    a, b = h.world(HouseFactory.create(name="Huis Aa")), h.world(HouseFactory.create(name="Huis Bee"))
    MembershipFactory.create(user=a.director, house=b.house, organisation=Membership.objects.filter(
        user=b.director).first().organisation, role=Role.PROCESS_DIRECTOR)  # type: ignore[union-attr]
    case_a, case_b = h.file_person_intake(a), h.file_person_intake(b)
    return a, b, case_a, case_b


def test_the_header_offers_the_houses_and_the_case_list_follows_the_choice(verified_client: Any) -> None:
    a, b, case_a, case_b = _two_houses()
    client = verified_client(a.director)
    page = client.get(reverse("cases:list")).content.decode()
    assert "Al mijn huizen" in page
    assert "Huis Bee" in page
    assert case_a.reference in page
    assert case_b.reference in page

    response = client.post(reverse("access:house-switch"), {"house": b.house.pk, "next": reverse("cases:list")})
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:list")
    assert client.session[SESSION_KEY] == b.house.pk
    page = client.get(reverse("cases:list")).content.decode()
    assert case_b.reference in page
    assert case_a.reference not in page

    client.post(reverse("access:house-switch"), {"house": ""})
    assert SESSION_KEY not in client.session
    page = client.get(reverse("cases:list")).content.decode()
    assert case_a.reference in page
    assert case_b.reference in page


def test_a_house_without_a_role_is_not_found_and_changes_nothing(verified_client: Any) -> None:
    a, _b, _, _ = _two_houses()
    other = HouseFactory.create(name="Huis Elders")
    client = verified_client(a.director)
    client.post(reverse("access:house-switch"), {"house": a.house.pk})
    assert client.post(reverse("access:house-switch"), {"house": other.pk}).status_code == 404
    assert client.post(reverse("access:house-switch"), {"house": "x"}).status_code == 404
    assert client.session[SESSION_KEY] == a.house.pk


def test_an_outside_address_to_return_to_is_not_followed(verified_client: Any) -> None:
    a, b, _, _ = _two_houses()
    response = verified_client(a.director).post(reverse("access:house-switch"),
                                                {"house": b.house.pk, "next": "https://example.org/"})
    assert response["Location"] == reverse("core:start")


def test_one_house_shows_its_name_and_no_switcher(verified_client: Any) -> None:
    w = h.world(HouseFactory.create(name="Huis Enkel"))
    page = verified_client(w.director).get(reverse("core:start")).content.decode()
    assert "Huis Enkel" in page
    assert "Al mijn huizen" not in page
