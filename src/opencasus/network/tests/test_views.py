import pytest
from django.urls import reverse

from opencasus.core.tests.clients import VerifiedClient
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member

pytestmark = pytest.mark.django_db


def test_network_overview_shows_rings_covenants_and_people(verified_client: VerifiedClient) -> None:
    house = HouseFactory.create()
    director = member(house, Role.PROCESS_DIRECTOR)
    response = verified_client(director).get(reverse("network:overview", args=[house.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kernpartner" in html
    assert "van kracht" in html
    assert director.last_name in html
    assert ProcessingRecord.objects.filter(house_id=house.pk, activity_code="network", action="view").exists()


def test_other_house_network_is_404(verified_client: VerifiedClient) -> None:
    mine, other = HouseFactory.create(), HouseFactory.create()
    client = verified_client(member(mine, Role.PROCESS_DIRECTOR))
    assert client.get(reverse("network:overview", args=[other.pk])).status_code == 404
    assert client.get(reverse("network:overview", args=[999999])).status_code == 404


def test_demo_data_is_idempotent() -> None:
    from django.core.management import call_command

    from opencasus.accounts.models import User
    from opencasus.network.models import Membership, Partnership

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (User.objects.count(), Membership.objects.count(), Partnership.objects.count())
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts == (User.objects.count(), Membership.objects.count(), Partnership.objects.count())
    assert counts[0] >= 40
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == set(Role.values)
