import pytest

from opencasus.network.approaches import approach_enabled, enabled_approaches, houses_running
from opencasus.network.models import Approach, HouseApproach
from opencasus.network.tests.factories import HouseFactory

pytestmark = pytest.mark.django_db


def test_an_approach_is_off_without_a_row_and_when_switched_off() -> None:
    house, other = HouseFactory.create(), HouseFactory.create()
    assert not approach_enabled(house_id=house.pk, approach=Approach.TOP_X)
    HouseApproach.objects.create(house=house, approach=Approach.TOP_X, enabled=True)
    HouseApproach.objects.create(house=house, approach=Approach.GROUP, enabled=False)
    assert approach_enabled(house_id=house.pk, approach=Approach.TOP_X)
    assert not approach_enabled(house_id=house.pk, approach=Approach.GROUP)
    assert not approach_enabled(house_id=other.pk, approach=Approach.TOP_X)
    assert enabled_approaches(house_id=house.pk) == frozenset({Approach.TOP_X})
    assert houses_running(approach=Approach.TOP_X, house_ids={house.pk, other.pk}) == {house.pk}
