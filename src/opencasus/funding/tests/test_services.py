from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from opencasus.accounts.models import User
from opencasus.funding import services
from opencasus.funding.models import CoFinancing, FundingYear, HouseShare, InKind, RegionKey, RegionSplit
from opencasus.funding.tests.factories import NATIONAL_CENTS, funding_year, key_shares
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, member, region

pytestmark = pytest.mark.django_db


def _save_year(actor: User, shares: dict[str, Decimal], *, version: int = 0,
               amount: int = NATIONAL_CENTS) -> FundingYear:
    return services.funding_year_save(actor=actor, year=2026, amount_cents=amount, amount_source="Rijk",
                                      key_source="BVS", key_year=2025, example_key=False, shares=shares,
                                      expected_version=version)


def test_a_complete_key_is_saved_and_a_stale_version_refused() -> None:
    admin = member(HouseFactory.create(), Role.FUNCTIONAL_ADMINISTRATOR)
    row = _save_year(admin, key_shares())
    assert row.version == 1
    assert RegionKey.objects.filter(funding_year=row).count() == 25
    with pytest.raises(ValidationError) as stale:
        _save_year(admin, key_shares(), version=0)
    assert stale.value.code == "conflict"
    assert _save_year(admin, key_shares(), version=1).version == 2


@pytest.mark.parametrize(("change", "field"), [
    ("missing", "shares.VR25"), ("zero", "shares.VR01"), ("negative", "shares.VR02"), ("five decimals", "shares.VR03"),
    ("unknown region", "shares.VR99"), ("not 100", "shares")])
def test_a_key_that_is_incomplete_not_positive_or_not_100_percent_is_refused(change: str, field: str) -> None:
    admin = member(HouseFactory.create(), Role.FUNCTIONAL_ADMINISTRATOR)
    shares = key_shares()
    if change == "missing":
        del shares["VR25"]
    elif change == "zero":
        shares["VR01"] = Decimal(0)
    elif change == "negative":
        shares["VR02"] = Decimal("-1")
    elif change == "five decimals":
        shares["VR03"] += Decimal("0.00001")
    elif change == "unknown region":
        shares["VR99"] = Decimal(1)
    else:
        shares["VR04"] += Decimal("0.0001")
    with pytest.raises(ValidationError) as refused:
        _save_year(admin, shares)
    assert field in refused.value.message_dict
    assert not FundingYear.objects.exists()


def test_an_amount_of_nothing_is_refused_and_only_the_functional_administrator_edits() -> None:
    house = HouseFactory.create()
    with pytest.raises(ValidationError) as refused:
        _save_year(member(house, Role.FUNCTIONAL_ADMINISTRATOR), key_shares(), amount=0)
    assert "amount_cents" in refused.value.message_dict
    with pytest.raises(PermissionDenied):
        _save_year(member(house, Role.HOUSE_MANAGER), key_shares())
    with pytest.raises(Http404):
        _save_year(member(house, Role.PROCESS_DIRECTOR), key_shares())


def test_the_split_over_the_houses_must_add_up_to_100_percent() -> None:
    zhz = region("VR18")
    house, second = HouseFactory.create(region=zhz), HouseFactory.create(region=zhz)
    other = HouseFactory.create(region=region("VR17"))
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    funding_year(2026)

    def save(shares: dict[int, Decimal], version: int = 0) -> RegionSplit:
        return services.region_split_save(actor=admin, year=2026, region_code="VR18", decided_on=dt.date(2026, 1, 5),
                                          reference="SG", text="Besluit", shares=shares, expected_version=version)

    for shares, field in (({house.pk: Decimal(60), second.pk: Decimal(30)}, "shares"),
                          ({house.pk: Decimal(100)}, f"shares.{second.pk}"),
                          ({house.pk: Decimal(101), second.pk: Decimal(-1)}, f"shares.{house.pk}"),
                          ({house.pk: Decimal(50), second.pk: Decimal(50), other.pk: Decimal(0)},
                           f"shares.{other.pk}")):
        with pytest.raises(ValidationError) as refused:
            save(shares)
        assert field in refused.value.message_dict
    assert not HouseShare.objects.exists()
    split = save({house.pk: Decimal("33.33"), second.pk: Decimal("66.67")})
    assert split.shares.count() == 2
    with pytest.raises(PermissionDenied):
        services.region_split_save(actor=member(house, Role.STEERING_GROUP_MEMBER), year=2026, region_code="VR18",
                                   decided_on=dt.date(2026, 1, 5), reference="SG", text="B",
                                   shares={house.pk: Decimal(100)}, expected_version=1)


def test_cofinancing_and_hours_in_kind() -> None:
    house = HouseFactory.create()
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    row = services.cofinancing_create(actor=admin, house_id=house.pk, municipality_code="GM0505", year=2026,
                                      method="per_case", cents=25_000, agreement="Overeenkomst")
    with pytest.raises(ValidationError):  # once per municipality, house and year
        services.cofinancing_create(actor=admin, house_id=house.pk, municipality_code="GM0505", year=2026,
                                    method="fixed", cents=1, agreement="Overeenkomst")
    with pytest.raises(ValidationError):
        services.cofinancing_update(actor=admin, cofinancing_id=row.pk, method="fixed", cents=-1, agreement="X",
                                    expected_version=1)
    services.cofinancing_update(actor=admin, cofinancing_id=row.pk, method="fixed", cents=1_000, agreement="X",
                                expected_version=1)
    organisation = OrganisationFactory.create()
    member(house, Role.PARTNER_PROFESSIONAL, organisation=organisation)  # makes it a partner of the house
    with pytest.raises(ValidationError) as negative:
        services.in_kind_create(actor=admin, house_id=house.pk, organisation_id=organisation.pk, year=2026,
                                hours=Decimal("-1"), hourly_rate_cents=7_500)
    assert "hours" in negative.value.message_dict
    with pytest.raises(ValidationError):  # not a partner of the house
        services.in_kind_create(actor=admin, house_id=house.pk, organisation_id=OrganisationFactory.create().pk,
                                year=2026, hours=Decimal(10), hourly_rate_cents=7_500)
    kind = services.in_kind_create(actor=admin, house_id=house.pk, organisation_id=organisation.pk, year=2026,
                                   hours=Decimal("12.5"), hourly_rate_cents=7_500)
    services.in_kind_delete(actor=admin, in_kind_id=kind.pk, expected_version=1)
    services.cofinancing_delete(actor=admin, cofinancing_id=row.pk, expected_version=2)
    assert not InKind.objects.exists()
    assert not CoFinancing.objects.exists()
    with pytest.raises(PermissionDenied):
        services.cofinancing_create(actor=member(house, Role.HOUSE_MANAGER), house_id=house.pk,
                                    municipality_code="GM0505", year=2026, method="fixed", cents=1, agreement="X")
