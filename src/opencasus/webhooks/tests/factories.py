from __future__ import annotations

from factory.django import DjangoModelFactory

from opencasus.accounts.models import User
from opencasus.network.models import House, Role
from opencasus.network.tests.factories import HouseFactory, MembershipFactory, UserFactory
from opencasus.webhooks import signing
from opencasus.webhooks.models import Subscription
from opencasus.webhooks.vocabulary import EventType


def admin_of(house: House) -> User:
    user = UserFactory.create()
    MembershipFactory.create(user=user, house=house, role=Role.FUNCTIONAL_ADMINISTRATOR)
    return user


def system_client_of(house: House) -> User:
    user = UserFactory.create(is_system_client=True)
    MembershipFactory.create(user=user, house=house, role=Role.ZSM_CLIENT)
    return user


class SubscriptionFactory(DjangoModelFactory[Subscription]):
    class Meta:
        model = Subscription

    url = "https://ontvanger.example.nl/webhooks"
    event_types = list(EventType.values)
    secret = signing.new_secret()

    @classmethod
    def for_house(cls, house: House | None = None, **kwargs: object) -> Subscription:
        house = house or HouseFactory.create()
        client = system_client_of(house)
        return cls.create(house=house, client=client, created_by=client, **kwargs)
