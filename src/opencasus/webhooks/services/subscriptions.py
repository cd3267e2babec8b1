from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from opencasus.access import webhooks as access
from opencasus.accounts.models import User
from opencasus.logbook.models import Action
from opencasus.network.models import House
from opencasus.webhooks import signing
from opencasus.webhooks.models import Subscription
from opencasus.webhooks.services._common import log
from opencasus.webhooks.vocabulary import EventType

MAX_URL = 500
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


def _error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def _local_allowed() -> bool:
    return bool(settings.DEBUG or getattr(settings, "WEBHOOK_ALLOW_LOCAL_HTTP", False))


def clean_url(url: str) -> str:
    """https is required; plain http only to localhost/127.0.0.1 in development and tests."""
    url = (url or "").strip()
    if not url:
        raise _error("url", _("Enter the address that receives the events."), "required")
    if len(url) > MAX_URL:
        raise _error("url", _("The address is too long (at most %(max)d characters).") % {"max": MAX_URL},
                     "max_length")
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise _error("url", _("Enter a valid web address."), "invalid") from None
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.username or parts.password:
        raise _error("url", _("The address may not contain a user name or password."), "invalid")
    if parts.scheme != "https" and not (host in LOCAL_HOSTS and _local_allowed()):
        raise _error("url", _("The address must start with https://."), "insecure")
    if host not in LOCAL_HOSTS:
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            address = None
        if address is not None and (address.is_private or address.is_loopback or address.is_link_local):
            raise _error("url", _("The address may not point to an internal network."), "invalid")
    return url


def clean_event_types(event_types: list[str]) -> list[str]:
    chosen = [str(t) for t in event_types or []]
    if not chosen:
        raise _error("event_types", _("Choose at least one event type."), "required")
    unknown = [t for t in chosen if t not in EventType.values]
    if unknown:
        raise _error("event_types", _("Unknown event type: %(types)s.") % {"types": ", ".join(unknown)},
                     "invalid_choice")
    return sorted(set(chosen))


@transaction.atomic
def subscription_create(*, actor: User, house_id: int, client_id: int, url: str,
                        event_types: list[str]) -> tuple[Subscription, str]:
    """Returns the subscription and its secret; the secret is shown once, here."""
    house = House.objects.filter(pk=house_id).first()
    if house is None or not access.may_manage(actor, house_id=house.pk):
        raise Http404
    url = clean_url(url)
    types = clean_event_types(event_types)
    client = User.objects.filter(pk=client_id).first()
    if client is None or not access.is_client_of_house(client, house_id=house.pk):
        raise _error("client", _("Choose a system client with a role in this house."), "invalid")
    secret = signing.new_secret()
    subscription = Subscription.objects.create(house=house, client=client, url=url, event_types=types,
                                               secret=secret, created_by=actor)
    log(actor=actor, house_id=house.pk, action=Action.CREATE, object_type="webhook-subscription",
        object_id=subscription.pk)
    return subscription, secret


def _locked(actor: User, subscription_id: int) -> Subscription:
    subscription = Subscription.objects.select_for_update().filter(pk=subscription_id).first()
    if subscription is None or not access.may_manage(actor, house_id=subscription.house_id):
        raise Http404
    return subscription


@transaction.atomic
def subscription_set_paused(*, actor: User, subscription_id: int, paused: bool,
                            version: int | None = None) -> Subscription:
    subscription = _locked(actor, subscription_id)
    if version is not None and int(version) != subscription.version:
        raise ValidationError(_("This record was changed by someone else in the meantime. Reload the page, check "
                                "their changes and make yours again."), code="conflict")
    subscription.paused = paused
    subscription.version += 1
    subscription.save(update_fields=["paused", "version"])
    log(actor=actor, house_id=subscription.house_id, action=Action.UPDATE, object_type="webhook-subscription",
        object_id=subscription.pk)
    return subscription


@transaction.atomic
def subscription_delete(*, actor: User, subscription_id: int) -> None:
    subscription = _locked(actor, subscription_id)
    log(actor=actor, house_id=subscription.house_id, action=Action.DELETE, object_type="webhook-subscription",
        object_id=subscription.pk)
    subscription.delete()
