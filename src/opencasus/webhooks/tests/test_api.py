from __future__ import annotations

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.network.tests.factories import HouseFactory, UserFactory
from opencasus.webhooks import services
from opencasus.webhooks.models import Delivery
from opencasus.webhooks.tests.factories import SubscriptionFactory, admin_of, system_client_of
from opencasus.webhooks.vocabulary import DeliveryStatus, EventType

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], APIClient]


def test_create_list_get_pause_delete(api_client: ClientFor) -> None:
    house = HouseFactory.create()
    admin, client = admin_of(house), system_client_of(house)
    api = api_client(admin)
    created = api.post("/api/v1/webhook-subscriptions", {
        "houseId": house.pk, "clientId": client.pk, "url": "https://zsm.example.nl/hook",
        "eventTypes": [EventType.CASE_ADMITTED, EventType.CASE_CLOSED]}, format="json")
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["secret"].startswith("whsec_")
    assert body["eventTypes"] == [EventType.CASE_ADMITTED, EventType.CASE_CLOSED]
    pk = body["id"]
    listed = api.get("/api/v1/webhook-subscriptions").json()
    assert [item["id"] for item in listed["results"]] == [pk]
    shown = api.get(f"/api/v1/webhook-subscriptions/{pk}")
    assert "secret" not in shown.json()
    assert shown["ETag"] == '"1"'
    assert api.patch(f"/api/v1/webhook-subscriptions/{pk}", {"paused": True}, format="json",
                     HTTP_IF_MATCH='"7"').status_code == 409
    paused = api.patch(f"/api/v1/webhook-subscriptions/{pk}", {"paused": True}, format="json", HTTP_IF_MATCH='"1"')
    assert paused.status_code == 200
    assert paused.json()["paused"] is True
    assert api.delete(f"/api/v1/webhook-subscriptions/{pk}").status_code == 204
    assert api.get(f"/api/v1/webhook-subscriptions/{pk}").status_code == 404


def test_bad_input_answers_400_in_dutch(api_client: ClientFor) -> None:
    house = HouseFactory.create()
    api = api_client(admin_of(house))
    response = api.post("/api/v1/webhook-subscriptions", {
        "houseId": house.pk, "clientId": system_client_of(house).pk, "url": "http://zsm.example.nl/hook",
        "eventTypes": [EventType.CASE_CLOSED]}, format="json", HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 400
    assert "https://" in str(response.json())


def test_others_see_nothing(api_client: ClientFor) -> None:
    subscription = SubscriptionFactory.for_house()
    for actor in (UserFactory.create(), admin_of(HouseFactory.create()), subscription.client):
        api = api_client(actor)
        assert api.get("/api/v1/webhook-subscriptions").json()["results"] == []
        assert api.get(f"/api/v1/webhook-subscriptions/{subscription.pk}").status_code == 404
        assert api.delete(f"/api/v1/webhook-subscriptions/{subscription.pk}").status_code == 404
        assert api.post("/api/v1/webhook-subscriptions", {
            "houseId": subscription.house_id, "clientId": subscription.client_id, "url": "https://x.example.nl/h",
            "eventTypes": [EventType.CASE_CLOSED]}, format="json").status_code == 404


def test_dead_letters_log_and_retry(api_client: ClientFor) -> None:
    subscription = SubscriptionFactory.for_house(url="http://127.0.0.1:9/hook")
    [delivery] = services.publish(house_id=subscription.house_id, event_type=EventType.CASE_CLOSED, subject="T-1",
                                  resource_path="cases/1/closure", data={"reference": "T-1"})
    for _ in range(3):
        services.attempt_delivery(delivery_id=delivery.pk)
    api = api_client(admin_of(subscription.house))
    dead = api.get("/api/v1/webhook-deliveries?status=dead").json()["results"]
    assert [(d["id"], d["status"], d["attempts"]) for d in dead] == [(delivery.pk, "dead", 3)]
    attempts = api.get(f"/api/v1/webhook-deliveries/{delivery.pk}/attempts").json()
    assert len(attempts) == 3
    assert all(a["statusCode"] is None and a["error"] for a in attempts)
    assert api_client(UserFactory.create()).post(f"/api/v1/webhook-deliveries/{delivery.pk}/retry").status_code == 404
    retried = api.post(f"/api/v1/webhook-deliveries/{delivery.pk}/retry")
    assert retried.status_code == 202
    assert Delivery.objects.get().status in (DeliveryStatus.PENDING, DeliveryStatus.RETRYING)
