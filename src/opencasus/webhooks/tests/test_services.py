from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from opencasus.cases.tests.factories import CaseFactory, PersonFactory
from opencasus.core import events
from opencasus.network.tests.factories import HouseFactory, UserFactory
from opencasus.webhooks import handlers, services, signing
from opencasus.webhooks.models import Attempt, Delivery
from opencasus.webhooks.tests.factories import SubscriptionFactory, admin_of, system_client_of
from opencasus.webhooks.tests.receiver import receiver
from opencasus.webhooks.vocabulary import MAX_ATTEMPTS, DeliveryStatus, EventType

pytestmark = pytest.mark.django_db
SCHEMA = json.loads((Path(__file__).parents[1] / "schema" / "cloudevents-nl-gov.json").read_text())
Capture = Callable[..., Any]


def _validate(body: str) -> dict[str, Any]:
    event: dict[str, Any] = json.loads(body)
    jsonschema.validate(event, SCHEMA, format_checker=jsonschema.FormatChecker())
    return event


def _publish_every_type(case_id: int, house_id: int, reference: str) -> None:
    """Each event type through the subscriber that turns the domain event into a CloudEvent."""
    handlers.on_intake_filed(events.IntakeFiled(case_id=case_id, house_id=house_id, actor_id=1))
    handlers.on_triage_decided(events.TriageDecided(case_id=case_id, decision_id=1, outcome="admit", actor_id=1))
    handlers.on_case_closed(events.CaseClosed(case_id=case_id, closure_id=1, actor_id=1))
    handlers.on_agreement_overdue(events.AgreementOverdue(agreement_id=7, case_id=case_id, house_id=house_id))
    handlers.on_escalation_raised(
        events.EscalationRaised(escalation_id=8, case_id=case_id, house_id=house_id, actor_id=1))
    services.publish(house_id=house_id, event_type=EventType.TRANSFER_PROPOSED, subject=reference,
                     resource_path="transfers/1", data={"reference": reference})
    services.publish(house_id=house_id, event_type=EventType.TRANSFER_ACCEPTED, subject=reference,
                     resource_path="transfers/1", data={"reference": reference})


def test_every_event_type_validates_and_carries_no_personal_data() -> None:
    subscription = SubscriptionFactory.for_house()
    case = CaseFactory.create(house=subscription.house)
    PersonFactory.create(case=case, first_name="Johanna", last_name="Verbeek", date_of_birth=dt.date(1987, 3, 14))
    _publish_every_type(case.pk, subscription.house_id, case.reference)
    deliveries = list(Delivery.objects.filter(subscription=subscription))
    assert sorted(d.event_type for d in deliveries) == sorted(EventType.values)
    for delivery in deliveries:
        event = _validate(delivery.body)
        assert event["type"] == delivery.event_type
        assert event["subject"] == case.reference
        assert event["dataref"] == event["data"]["link"]
        for forbidden in ("Johanna", "Verbeek", "123456782", "1987", "birth", "bsn", "name"):
            assert forbidden.lower() not in delivery.body.lower(), (delivery.event_type, forbidden)


def test_triage_decision_other_than_admit_sends_no_admitted_event() -> None:
    subscription = SubscriptionFactory.for_house()
    case = CaseFactory.create(house=subscription.house)
    handlers.on_triage_decided(events.TriageDecided(case_id=case.pk, decision_id=1, outcome="decline", actor_id=1))
    assert list(Delivery.objects.values_list("event_type", flat=True)) == [EventType.TRIAGE_DECIDED]
    assert json.loads(Delivery.objects.get().body)["data"]["outcome"] == "decline"


def test_only_subscribed_types_of_the_house_and_not_paused() -> None:
    subscription = SubscriptionFactory.for_house(event_types=[EventType.CASE_CLOSED])
    SubscriptionFactory.for_house(subscription.house, paused=True)
    SubscriptionFactory.for_house()  # another house
    case = CaseFactory.create(house=subscription.house)
    handlers.on_intake_filed(events.IntakeFiled(case_id=case.pk, house_id=case.house_id, actor_id=1))
    handlers.on_case_closed(events.CaseClosed(case_id=case.pk, closure_id=1, actor_id=1))
    assert [(d.subscription_id, d.event_type) for d in Delivery.objects.all()] == [
        (subscription.pk, EventType.CASE_CLOSED)]


def test_delivery_is_signed_and_verifiable(django_capture_on_commit_callbacks: Capture) -> None:
    with receiver(204) as (url, received):
        subscription = SubscriptionFactory.for_house(url=url)
        with django_capture_on_commit_callbacks(execute=True):
            services.publish(house_id=subscription.house_id, event_type=EventType.CASE_ADMITTED, subject="T-1",
                             resource_path="cases/1", data={"reference": "T-1"})
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert [a.status_code for a in Attempt.objects.all()] == [204]
    headers, body = received.requests[0]
    assert body == delivery.body
    assert headers["webhook-id"] == str(delivery.event_id)
    assert signing.verify(secret=subscription.secret, msg_id=headers["webhook-id"],
                          timestamp=int(headers["webhook-timestamp"]), body=body,
                          signature_header=headers["webhook-signature"], now=int(time.time()))
    assert not signing.verify(secret=signing.new_secret(), msg_id=headers["webhook-id"],
                              timestamp=int(headers["webhook-timestamp"]), body=body,
                              signature_header=headers["webhook-signature"], now=int(time.time()))
    assert not signing.verify(secret=subscription.secret, msg_id=headers["webhook-id"],
                              timestamp=int(headers["webhook-timestamp"]), body=body + " ",
                              signature_header=headers["webhook-signature"], now=int(time.time()))


def test_failing_receiver_ends_in_dead_letters_and_retry_now(django_capture_on_commit_callbacks: Capture) -> None:
    with receiver(500) as (url, received):
        subscription = SubscriptionFactory.for_house(url=url)
        admin = admin_of(subscription.house)
        with django_capture_on_commit_callbacks(execute=True):
            services.publish(house_id=subscription.house_id, event_type=EventType.CASE_CLOSED, subject="T-1",
                             resource_path="cases/1/closure", data={"reference": "T-1"})
        delivery = Delivery.objects.get()
        assert delivery.status == DeliveryStatus.DEAD
        assert delivery.attempts == MAX_ATTEMPTS == len(received.requests)
        assert [(a.status_code, a.error) for a in Attempt.objects.all()] == [(500, "HTTP 500")] * 3
        received.status = 200
        with django_capture_on_commit_callbacks(execute=True):
            services.dead_letter_retry(actor=admin, delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert Attempt.objects.count() == 4


def test_unreachable_receiver_logs_the_error() -> None:
    subscription = SubscriptionFactory.for_house(url="http://127.0.0.1:9/hook")
    [delivery] = services.publish(house_id=subscription.house_id, event_type=EventType.CASE_CLOSED, subject="T-1",
                                  resource_path="cases/1/closure", data={"reference": "T-1"})
    delivery = services.attempt_delivery(delivery_id=delivery.pk)
    assert delivery.status == DeliveryStatus.RETRYING
    attempt = Attempt.objects.get()
    assert attempt.status_code is None
    assert attempt.error


def test_retry_refuses_what_is_no_dead_letter_and_hides_other_houses() -> None:
    subscription = SubscriptionFactory.for_house()
    [delivery] = services.publish(house_id=subscription.house_id, event_type=EventType.CASE_CLOSED, subject="T-1",
                                  resource_path="cases/1/closure", data={"reference": "T-1"})
    with pytest.raises(ValidationError):
        services.dead_letter_retry(actor=admin_of(subscription.house), delivery_id=delivery.pk)
    with pytest.raises(Http404):
        services.dead_letter_retry(actor=admin_of(HouseFactory.create()), delivery_id=delivery.pk)


def test_backoff_is_exponential() -> None:
    assert [services.delivery.backoff_seconds(n) for n in (1, 2, 3)] == [30, 60, 120]


class TestSubscriptionCreate:
    def test_creates_with_secret_shown_once(self) -> None:
        house = HouseFactory.create()
        subscription, secret = services.subscription_create(
            actor=admin_of(house), house_id=house.pk, client_id=system_client_of(house).pk, url="https://zsm.example.nl/hook",
            event_types=[EventType.CASE_ADMITTED, EventType.CASE_ADMITTED])
        assert secret.startswith("whsec_")
        assert subscription.secret == secret
        assert subscription.event_types == [EventType.CASE_ADMITTED]

    @pytest.mark.parametrize(("url", "code"), [
        ("", "required"), ("geen url", "invalid"), ("ftp://zsm.example.nl/hook", "invalid"),
        ("http://zsm.example.nl/hook", "insecure"), ("https://10.0.0.5/hook", "invalid"),
        ("https://user:pw@zsm.example.nl/hook", "invalid"),
        ("https://zsm.example.nl/" + "a" * 500, "max_length")])
    def test_bad_url(self, url: str, code: str) -> None:
        house = HouseFactory.create()
        with pytest.raises(ValidationError) as error:
            services.subscription_create(actor=admin_of(house), house_id=house.pk, client_id=system_client_of(house).pk,
                                         url=url, event_types=[EventType.CASE_ADMITTED])
        assert error.value.error_dict["url"][0].code == code

    def test_unknown_or_no_event_type(self) -> None:
        house = HouseFactory.create()
        for types in ([], ["nl.opencasus.case.deleted"]):
            with pytest.raises(ValidationError) as error:
                services.subscription_create(actor=admin_of(house), house_id=house.pk,
                                             client_id=system_client_of(house).pk,
                                             url="https://zsm.example.nl/hook", event_types=types)
            assert "event_types" in error.value.error_dict

    def test_client_must_be_system_client_of_the_house(self) -> None:
        house = HouseFactory.create()
        for client in (UserFactory.create(), system_client_of(HouseFactory.create())):
            with pytest.raises(ValidationError):
                services.subscription_create(actor=admin_of(house), house_id=house.pk, client_id=client.pk,
                                             url="https://zsm.example.nl/hook", event_types=[EventType.CASE_CLOSED])

    def test_only_the_functional_administrator_of_the_house(self) -> None:
        house = HouseFactory.create()
        for actor in (UserFactory.create(), admin_of(HouseFactory.create())):
            with pytest.raises(Http404):
                services.subscription_create(actor=actor, house_id=house.pk, client_id=system_client_of(house).pk,
                                             url="https://zsm.example.nl/hook", event_types=[EventType.CASE_CLOSED])


def test_pause_and_delete() -> None:
    subscription = SubscriptionFactory.for_house()
    admin = admin_of(subscription.house)
    with pytest.raises(ValidationError):
        services.subscription_set_paused(actor=admin, subscription_id=subscription.pk, paused=True, version=99)
    paused = services.subscription_set_paused(actor=admin, subscription_id=subscription.pk, paused=True,
                                              version=subscription.version)
    assert paused.paused
    assert paused.version == subscription.version + 1
    with pytest.raises(Http404):
        services.subscription_delete(actor=admin_of(HouseFactory.create()), subscription_id=subscription.pk)
    services.subscription_delete(actor=admin, subscription_id=subscription.pk)
    assert not type(subscription).objects.exists()
