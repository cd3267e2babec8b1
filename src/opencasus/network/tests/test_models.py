import datetime as dt

import pytest

from opencasus.network.models import Membership, Partnership
from opencasus.network.tests.factories import MembershipFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


def test_covenant_in_force_window() -> None:
    p = PartnershipFactory.create(covenant_signed_on=dt.date(2024, 1, 1), covenant_ended_on=dt.date(2025, 1, 1))
    assert not p.covenant_in_force(dt.date(2023, 12, 31))
    assert p.covenant_in_force(dt.date(2024, 6, 1))
    assert not p.covenant_in_force(dt.date(2025, 1, 1))
    assert list(Partnership.objects.covenant_in_force(dt.date(2024, 6, 1))) == [p]
    assert not Partnership.objects.covenant_in_force(dt.date(2025, 6, 1)).exists()


def test_unsigned_covenant_is_not_in_force() -> None:
    p = PartnershipFactory.create(covenant_signed_on=None)
    assert not p.covenant_in_force()


def test_membership_active_window() -> None:
    m = MembershipFactory.create(started_on=dt.date(2024, 1, 1), ended_on=dt.date(2024, 12, 31))
    assert Membership.objects.active(dt.date(2024, 5, 1)).filter(pk=m.pk).exists()
    assert not Membership.objects.active(dt.date(2025, 1, 1)).filter(pk=m.pk).exists()
