"""Bad input for the webhook subscriptions: the address (https required, except 127.0.0.1/localhost in
development and tests), the event types and the references."""

from __future__ import annotations

from opencasus.core.tests.bad_input.common import Endpoint, Target, catalogue, listing, ref
from opencasus.network.tests.factories import HouseFactory
from opencasus.webhooks.tests.factories import SubscriptionFactory, admin_of, system_client_of
from opencasus.webhooks.vocabulary import EventType


def _subscription() -> Target:
    house = HouseFactory.create()
    return Target(admin_of(house), "/api/v1/webhook-subscriptions", {
        "houseId": house.pk, "clientId": system_client_of(house).pk, "url": "https://zsm.example.nl/hook",
        "eventTypes": [EventType.CASE_ADMITTED]})


def _pause() -> Target:
    subscription = SubscriptionFactory.for_house()
    return Target(admin_of(subscription.house), f"/api/v1/webhook-subscriptions/{subscription.pk}",
                  {"paused": True, "version": 1}, method="patch")


API = {
    "subscription": Endpoint(_subscription, [
        *ref("houseId"), *ref("clientId"),
        ("url: not an address", "url", "geen adres"),
        ("url: plain http outside localhost", "url", "http://zsm.example.nl/hook"),
        ("url: ftp", "url", "ftp://zsm.example.nl/hook"),
        ("url: internal network", "url", "https://192.168.1.10/hook"),
        ("url: with a password", "url", "https://a:b@zsm.example.nl/hook"),
        ("url: too long", "url", "https://zsm.example.nl/" + "a" * 500),
        ("url: empty", "url", ""),
        ("eventTypes: unknown event type", "eventTypes", ["nl.opencasus.case.deleted"]),
        ("eventTypes: empty", "eventTypes", []),
        ("eventTypes: too long", "eventTypes", ["nl.opencasus." + "a" * 200]),
        *listing("eventTypes")]),
    "pause": Endpoint(_pause, [("paused: text", "paused", "misschien"), ("version: text", "version", "een")]),
}

test_api_refuses, test_api_keeps_legitimate_text, test_page_refuses, test_page_keeps_legitimate_text = catalogue(
    API, {})
