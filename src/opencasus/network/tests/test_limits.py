"""The house's caseload maximums: who sets them, their bounds, and the version check."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.network import limits
from opencasus.network.models import CaseloadLimit, House, Role
from opencasus.network.tests.factories import HouseFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def house() -> House:
    return HouseFactory()


def test_a_house_without_maximums_reads_as_version_0_and_is_created_with_it(house: House) -> None:
    manager = member(house, Role.HOUSE_MANAGER)
    view = limits.caseload_limit_get(actor=manager, house_id=house.pk)
    assert (view.version, view.per_director, view.per_house, view.may_edit) == (0, None, None, True)
    saved = limits.caseload_limit_save(actor=manager, house_id=house.pk, per_director=6, per_house=40,
                                       expected_version=0)
    assert (saved.version, saved.per_director, saved.per_house) == (1, 6, 40)
    with pytest.raises(ValidationError) as exc:
        limits.caseload_limit_save(actor=manager, house_id=house.pk, per_director=7, per_house=40,
                                   expected_version=0)
    assert exc.value.code == "conflict"
    cleared = limits.caseload_limit_save(actor=manager, house_id=house.pk, per_director=None, per_house=None,
                                         expected_version=1)
    assert (cleared.per_director, cleared.per_house) == (None, None)


def test_bad_maximums_are_refused_with_a_message(house: House) -> None:
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    for per_director, per_house, field in [(0, None, "per_director"), (None, 0, "per_house"),
                                           (10, 5, "per_house")]:
        with pytest.raises(ValidationError) as exc:
            limits.caseload_limit_save(actor=admin, house_id=house.pk, per_director=per_director,
                                       per_house=per_house, expected_version=0)
        assert field in exc.value.message_dict
    assert not CaseloadLimit.objects.exists()


def test_the_page_keeps_the_input_on_an_error(house: House, verified_client: Callable[[User], Client]) -> None:
    manager = member(house, Role.HOUSE_MANAGER)
    url = reverse("network:caseload-limits", args=[house.pk])
    response = verified_client(manager).post(url, {"per_director": "10", "per_house": "5", "version": "0"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="10"' in page
    assert 'value="5"' in page


def test_the_api_needs_the_version(house: House, api_client: Callable[[User], APIClient]) -> None:
    manager = member(house, Role.HOUSE_MANAGER)
    client = api_client(manager)
    url = f"/api/v1/houses/{house.pk}/caseload-limits"
    response = client.get(url)
    assert response["ETag"] == '"0"'
    assert client.put(url, {"perDirector": 3, "perHouse": 9}, format="json").status_code == 428
    response = client.put(url, {"perDirector": 3, "perHouse": 9}, format="json", HTTP_IF_MATCH='"0"')
    assert response.status_code == 200
    assert response["ETag"] == '"1"'
    assert client.put(url, {"perDirector": 3, "perHouse": 9, "version": 0}, format="json").status_code == 409
    response = client.put(url, {"perDirector": 0, "perHouse": 9, "version": 1}, format="json")
    assert response.status_code == 400
