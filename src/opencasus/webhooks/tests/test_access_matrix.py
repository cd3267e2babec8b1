"""Every actor x every webhook page and endpoint: only the functional administrator of the house sees and
manages its subscriptions, deliveries and dead letters; everyone else gets 404, like a missing record."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, MembershipFactory, UserFactory
from opencasus.webhooks import services
from opencasus.webhooks.tests.factories import SubscriptionFactory
from opencasus.webhooks.vocabulary import EventType

pytestmark = pytest.mark.django_db

ROLES = {
    "admin": Role.FUNCTIONAL_ADMINISTRATOR, "director": Role.PROCESS_DIRECTOR, "secretary": Role.SECRETARY,
    "manager": Role.HOUSE_MANAGER, "privacy_officer": Role.PRIVACY_OFFICER, "partner": Role.PARTNER_PROFESSIONAL,
}
ALLOWED = {"admin"}


def _actor(name: str, house_id: int) -> User:
    user = UserFactory.create()
    if name == "other_house_admin":
        MembershipFactory.create(user=user, house=HouseFactory.create(), role=Role.FUNCTIONAL_ADMINISTRATOR)
    elif name != "nobody":
        MembershipFactory.create(user=user, house_id=house_id, role=ROLES[name])
    return user


@pytest.mark.parametrize("name", [*ROLES, "other_house_admin", "nobody", "client"])
def test_matrix(name: str, api_client: Callable[[User], APIClient],
                verified_client: Callable[[User], Client]) -> None:
    subscription = SubscriptionFactory.for_house()
    [delivery] = services.publish(house_id=subscription.house_id, event_type=EventType.CASE_CLOSED, subject="T-1",
                                  resource_path="cases/1/closure", data={"reference": "T-1"})
    actor = subscription.client if name == "client" else _actor(name, subscription.house_id)
    allowed = name in ALLOWED
    api = api_client(actor)
    listed = api.get("/api/v1/webhook-subscriptions").json()["results"]
    assert [item["id"] for item in listed] == ([subscription.pk] if allowed else [])
    deliveries = api.get("/api/v1/webhook-deliveries").json()["results"]
    assert [item["id"] for item in deliveries] == ([delivery.pk] if allowed else [])
    expected = 200 if allowed else 404
    assert api.get(f"/api/v1/webhook-subscriptions/{subscription.pk}").status_code == expected
    assert api.get(f"/api/v1/webhook-deliveries/{delivery.pk}/attempts").status_code == expected
    # not a dead letter: the administrator is refused with 409, everyone else does not see it
    assert api.post(f"/api/v1/webhook-deliveries/{delivery.pk}/retry").status_code == (409 if allowed else 404)
    if name != "client":  # a system client cannot log in to the pages
        page = verified_client(actor).get("/webhooks")
        # the administrator of another house has the page, for their own house only
        assert page.status_code == (200 if allowed or name == "other_house_admin" else 404)
        assert (subscription.url in page.content.decode()) is allowed
    assert api.delete(f"/api/v1/webhook-subscriptions/{subscription.pk}").status_code == (204 if allowed else 404)
