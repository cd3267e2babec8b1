from __future__ import annotations

import pytest

from opencasus.network.demo import load_network
from opencasus.webhooks.demo import load_demo_data
from opencasus.webhooks.models import Attempt, Delivery, Subscription
from opencasus.webhooks.vocabulary import DeliveryStatus

pytestmark = pytest.mark.django_db


def test_demo_subscription_of_the_zsm_table_with_a_delivery_log() -> None:
    house, _logins = load_network()
    from opencasus.cases.demo import load_demo_data as load_cases

    load_cases(house)
    load_demo_data(house)
    load_demo_data(house)  # idempotent
    subscription = Subscription.objects.get()
    assert subscription.client.username == "zsm-tafel"
    assert Delivery.objects.filter(status=DeliveryStatus.DEAD).count() == 1
    assert Attempt.objects.count() >= 3
