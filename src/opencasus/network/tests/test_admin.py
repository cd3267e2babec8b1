import pytest

from opencasus.core.tests.clients import VerifiedClient
from opencasus.network.models import Partnership, Role
from opencasus.network.tests.factories import HouseFactory, PartnershipFactory, member

pytestmark = pytest.mark.django_db


def test_functional_administrator_admin_is_scoped_to_own_house(verified_client: VerifiedClient) -> None:
    mine, other = HouseFactory.create(), HouseFactory.create()
    admin_user = member(mine, Role.FUNCTIONAL_ADMINISTRATOR, is_staff=True)
    own = PartnershipFactory.create(house=mine)
    foreign = PartnershipFactory.create(house=other)
    client = verified_client(admin_user)
    listing = client.get("/beheer/network/partnership/")
    assert listing.status_code == 200
    assert own.organisation.name in listing.content.decode()
    assert foreign.organisation.name not in listing.content.decode()
    assert client.get(f"/beheer/network/partnership/{foreign.pk}/change/").status_code in {302, 404}
    assert Partnership.objects.filter(pk=foreign.pk).exists()


def test_other_roles_have_no_admin(verified_client: VerifiedClient) -> None:
    house = HouseFactory.create()
    user = member(house, Role.PROCESS_DIRECTOR, is_staff=True)
    response = verified_client(user).get("/beheer/network/partnership/")
    assert response.status_code == 403


@pytest.mark.parametrize("query", ["user=abc", "organisation=abc", "municipality=1x", "house=abc", "role=abc"])
def test_admin_add_form_with_a_non_numeric_autocomplete_value_is_not_a_server_error(
    query, verified_client: VerifiedClient,
) -> None:
    admin_user = member(HouseFactory.create(), Role.FUNCTIONAL_ADMINISTRATOR, is_staff=True)
    response = verified_client(admin_user).get(f"/beheer/network/membership/add/?{query}")
    assert response.status_code == 200


@pytest.mark.parametrize("url", [
    "/beheer/autocomplete/?app_label=network&model_name=membership&field_name=user&term=abc",
    "/beheer/autocomplete/?app_label=network&model_name=region&field_name=seat_municipality&term=1x",
    "/beheer/network/membership/?house__id__exact=abc", "/beheer/network/municipality/?region__id__exact=abc",
    "/beheer/network/partnership/?ring=abc", "/beheer/network/membership/abc/change/",
    "/beheer/accounts/user/add/?groups=abc", "/beheer/network/partnership/add/?organisation=abc",
])
def test_admin_with_non_numeric_ids_is_never_a_server_error(url: str, verified_client: VerifiedClient) -> None:
    admin_user = member(HouseFactory.create(), Role.FUNCTIONAL_ADMINISTRATOR, is_staff=True)
    client = verified_client(admin_user)
    client.raise_request_exception = False
    assert client.get(url).status_code in {200, 302, 400, 404}
