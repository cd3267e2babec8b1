"""Reads of accounts and their second factor."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django_otp.plugins.otp_totp.models import TOTPDevice

from opencasus.accounts.models import User


def user_find(pk: int | None, *, active_only: bool = False) -> User | None:
    if pk is None:
        return None
    qs = User.objects.filter(pk=pk)
    if active_only:
        qs = qs.filter(is_active=True)
    return qs.first()


def confirmed_totp_device(user: Any) -> TOTPDevice | None:
    """The user's confirmed authenticator, if any."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_confirmed_totp_device(user: Any) -> bool:
    confirmed: bool = TOTPDevice.objects.filter(user=user, confirmed=True).exists()  # django-otp is untyped
    return confirmed


def system_clients(*, user_ids: set[int] | None = None) -> QuerySet[User]:
    """System clients; with `user_ids`, only those (the ones an administrator administers)."""
    clients = User.objects.filter(is_system_client=True)
    return clients if user_ids is None else clients.filter(pk__in=user_ids)


def reset_recipients(email: str) -> QuerySet[User]:
    """Active professionals with this address (also one whose password an administrator reset); never a
    system client."""
    return User.objects.filter(email__iexact=email, is_active=True, is_system_client=False)
