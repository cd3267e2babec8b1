from __future__ import annotations

import datetime as dt
from typing import Any

from factory.declarations import LazyAttribute, LazyFunction, Sequence, SubFactory
from factory.django import DjangoModelFactory, Password
from factory.faker import Faker

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

    username = Sequence(lambda n: f"user{n}")
    first_name = Faker("first_name", locale="nl_NL")
    last_name = Faker("last_name", locale="nl_NL")
    email = LazyAttribute(lambda o: f"{o.username}@example.invalid")
    password = Password(TEST_PASSWORD)


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

    region = LazyFunction(lambda: region("VR18"))
    name = Sequence(lambda n: f"Veiligheidshuis {n}")
    city = "Dordrecht"

    @classmethod
    def _create(cls, model_class: type[House], *args: Any, **kwargs: Any) -> House:
        """A house made in the database has the default processing activities of its register."""
        house = model_class._default_manager.create(*args, **kwargs)  # what DjangoModelFactory._create does
        ensure_default_activities(house_id=house.pk)
        return house


class OrganisationFactory(DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = Sequence(lambda n: f"Organisatie {n}")
    type = OrganisationType.POLICE


class PartnershipFactory(DjangoModelFactory[Partnership]):
    class Meta:
        model = Partnership

    house = SubFactory(HouseFactory)
    organisation = SubFactory(OrganisationFactory)
    ring = Ring.KEY_PARTNER
    covenant_signed_on = dt.date(2024, 1, 1)


class MembershipFactory(DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    user = SubFactory(UserFactory)
    house = SubFactory(HouseFactory)
    organisation = SubFactory(OrganisationFactory)
    role = Role.PARTNER_PROFESSIONAL
    started_on = dt.date(2024, 1, 1)


def municipality(code: str = "GM0505") -> Municipality:
    region()  # the reference data, loaded again if a committing test emptied it
    return Municipality.objects.get(code=code)


def member(house: House, role: str, organisation: Organisation | None = None, **user_fields: Any) -> User:
    """A user with one role in a house (organisation partnered with a covenant in force)."""
    municipality_ = user_fields.pop("municipality", None)
    organisation = organisation or OrganisationFactory.create()
    Partnership.objects.get_or_create(house=house, organisation=organisation,
                                      defaults={"ring": Ring.KEY_PARTNER, "covenant_signed_on": dt.date(2024, 1, 1)})
    user = UserFactory.create(**user_fields)
    MembershipFactory.create(user=user, house=house, organisation=organisation, role=role, municipality=municipality_)
    return user
