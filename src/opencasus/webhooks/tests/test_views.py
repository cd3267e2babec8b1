from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from opencasus.accounts.models import User
from opencasus.network.tests.factories import HouseFactory, UserFactory
from opencasus.webhooks import services
from opencasus.webhooks.models import Delivery
from opencasus.webhooks.tests.factories import SubscriptionFactory, admin_of
from opencasus.webhooks.vocabulary import DeliveryStatus, EventType

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


def _dead(subscription_url: str = "http://127.0.0.1:9/hook") -> Delivery:
    subscription = SubscriptionFactory.for_house(url=subscription_url)
    [delivery] = services.publish(house_id=subscription.house_id, event_type=EventType.CASE_CLOSED, subject="T-1",
                                  resource_path="cases/1/closure", data={"reference": "T-1"})
    for _ in range(3):
        services.attempt_delivery(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    return delivery


def test_overview_shows_subscriptions_dead_letters_and_log(verified_client: ClientFor) -> None:
    delivery = _dead()
    client = verified_client(admin_of(delivery.house))
    page = client.get("/webhooks", HTTP_ACCEPT_LANGUAGE="nl")
    assert page.status_code == 200
    html = page.content.decode()
    assert "http://127.0.0.1:9/hook" in html
    assert "Casus afgesloten" in html
    assert "Onbestelbaar" in html
    assert f"/webhooks/bezorgingen/{delivery.pk}/opnieuw" in html


def test_retry_now(verified_client: ClientFor) -> None:
    delivery = _dead()
    client = verified_client(admin_of(delivery.house))
    response = client.post(f"/webhooks/bezorgingen/{delivery.pk}/opnieuw")
    assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.status != DeliveryStatus.DEAD


def test_others_get_404(verified_client: ClientFor) -> None:
    delivery = _dead()
    for user in (UserFactory.create(), admin_of(HouseFactory.create())):
        client = verified_client(user)
        assert client.post(f"/webhooks/bezorgingen/{delivery.pk}/opnieuw").status_code == 404
    assert verified_client(UserFactory.create()).get("/webhooks").status_code == 404
