from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from factory.django import DjangoModelFactory

from opencasus.accounts.models import User
from opencasus.logbook.register import ensure_default_activities
from opencasus.network.models import (
    House,
    Membership,
    Municipality,
    Organisation,
    OrganisationType,
    Partnership,
    Region,
    Ring,
    Role,
)
from opencasus.network.reference import load_reference_data

TEST_PASSWORD = "Een-lang-testwachtwoord-42"


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.invalid")
    password = factory.django.Password(TEST_PASSWORD)


def region(code: str = "VR18") -> Region:
    """A safety region from the reference data. A committing test (transactional_db) empties every table
    when it ends, reference data included: load it again for the tests after it on the same worker."""
    found = Region.objects.filter(code=code).first()
    if found is None:
        load_reference_data(Region, Municipality)
        found = Region.objects.get(code=code)
    return found


class HouseFactory(DjangoModelFactory[House]):
    class Meta:
        model = House
        skip_postgeneration_save = True

    region = factory.LazyFunction(lambda: region("VR18"))
    name = factory.Sequence(lambda n: f"Veiligheidshuis {n}")
    city = "Dordrecht"

    @factory.post_generation
    def activities(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            ensure_default_activities(house_id=self.pk)


class OrganisationFactory(DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    type = OrganisationType.POLICE


class PartnershipFactory(DjangoModelFactory[Partnership]):
    class Meta:
        model = Partnership

    house = factory.SubFactory(HouseFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    ring = Ring.KEY_PARTNER
    covenant_signed_on = dt.date(2024, 1, 1)


class MembershipFactory(DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    house = factory.SubFactory(HouseFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.PARTNER_PROFESSIONAL
    started_on = dt.date(2024, 1, 1)


def municipality(code: str = "GM0505") -> Municipality:
    region()  # the reference data, loaded again if a committing test emptied it
    return Municipality.objects.get(code=code)


def member(house: House, role: str, organisation: Organisation | None = None, **user_fields: Any) -> User:
    """A user with one role in a house (organisation partnered with a covenant in force)."""
    municipality_ = user_fields.pop("municipality", None)
    organisation = organisation or OrganisationFactory()
    Partnership.objects.get_or_create(house=house, organisation=organisation,
                                      defaults={"ring": Ring.KEY_PARTNER, "covenant_signed_on": dt.date(2024, 1, 1)})
    user = UserFactory(**user_fields)
    MembershipFactory(user=user, house=house, organisation=organisation, role=role, municipality=municipality_)
    return user
