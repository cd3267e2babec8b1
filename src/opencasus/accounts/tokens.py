"""API tokens (django-rest-knox): issue, list and revoke. Only a hash of a token is stored.

Every issue and revocation is written to the audit trail of accounts in the same transaction.
A new token never ends the user's other tokens.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from knox.models import AuthToken

from opencasus.accounts.audit import record_account_event
from opencasus.accounts.models import AccountEventKind, User


class TokenError(Exception):
    def __init__(self, message: Any, *, field: str = "") -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


def tokens_visible(*, actor: User, administered: QuerySet[Any] | None) -> QuerySet[AuthToken]:
    """The actor's own live tokens, and those of the users they administer (`administered`: their ids, from
    `network.grants.administered_user_ids`; None: everyone)."""
    # knox has no type information: AuthToken.objects is Any.
    qs: QuerySet[AuthToken] = AuthToken.objects.select_related("user").filter(
        expiry__gt=timezone.now()).order_by("-created")
    users = administered
    if users is None:
        return qs
    from django.db.models import Q

    visible: QuerySet[AuthToken] = qs.filter(Q(user=actor) | Q(user_id__in=users))
    return visible


def token_visible_get(*, actor: User, administered: QuerySet[Any] | None, token_key: str) -> AuthToken | None:
    """One of `tokens_visible` by its key; None when there is none (or the actor may not see it)."""
    return tokens_visible(actor=actor, administered=administered).filter(token_key=token_key).first()


@transaction.atomic
def token_issue(*, actor: User, user: User) -> tuple[AuthToken, str]:
    """A professional's own token, after the second factor; it ends after the idle time of REST_KNOX."""
    instance, raw = AuthToken.objects.create(user=user)
    record_account_event(actor=actor, subject=user, kind=AccountEventKind.TOKEN_ISSUED,
                         detail=f"{instance.token_key} {timezone.localtime(instance.expiry):%Y-%m-%d %H:%M}")
    return instance, raw


@transaction.atomic
def system_token_issue(*, actor: User, client: User, expires_on: dt.date,
                       administered: QuerySet[Any] | None) -> tuple[AuthToken, str]:
    """A system client's token with a set end date, issued by a functional administrator of its house
    (`administered`: the ids of the users the actor administers; None: everyone)."""
    if not client.is_system_client:
        raise TokenError(_("Only a system client gets a token from an administrator."), field="user")
    if client.pk == actor.pk:
        raise TokenError(_("Nobody issues a token to themselves here."), field="user")
    if administered is not None and not administered.filter(user_id=client.pk).exists():
        raise TokenError(_("This system client is not a member of a house you administer."), field="user")
    today = timezone.localdate()
    if expires_on <= today:
        raise TokenError(_("The end date must lie in the future."), field="expires_on")
    if expires_on > today + dt.timedelta(days=settings.OPENCASUS_SYSTEM_TOKEN_MAX_DAYS):
        raise TokenError(_("The end date lies too far ahead (at most a year)."), field="expires_on")
    end = timezone.make_aware(dt.datetime.combine(expires_on, dt.time.min))
    instance, raw = AuthToken.objects.create(user=client, expiry=end - timezone.now())
    record_account_event(actor=actor, subject=client, kind=AccountEventKind.TOKEN_ISSUED,
                         detail=f"{instance.token_key} {expires_on:%Y-%m-%d}")
    return instance, raw


@transaction.atomic
def token_revoke(*, actor: User, token: AuthToken) -> None:
    record_account_event(actor=actor, subject=token.user, kind=AccountEventKind.TOKEN_REVOKED,
                         detail=token.token_key)
    token.delete()
