"""Password reset: by the user through an e-mailed link, or by a functional administrator.

Neither way signs anyone in. A link sets a new password; the user then logs in with it and still has
to pass the second factor. A reset by a functional administrator (`password_reset_by_admin`, the only
way for an administrator to reset someone's password) also removes the user's authenticator, so at the
next login they enrol a new one, and it mails them a link to choose a new password: the administrator
never knows it. Requests for a link are throttled per address and per e-mail address; the answer is
the same whether or not an account belongs to the address.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from opencasus.accounts.audit import record_account_event
from opencasus.accounts.models import AccountEventKind, User

# `network.models.Role.FUNCTIONAL_ADMINISTRATOR`: accounts sits below network and access in the layers, so
# it asks the user's memberships (a reverse relation) itself; a test keeps the value equal to the role's.
FUNCTIONAL_ADMINISTRATOR = "functional_administrator"

# Requests for a reset link: at most this many per client address and per e-mail address per window.
RESET_REQUESTS_PER_ADDRESS = 5
RESET_REQUESTS_PER_EMAIL = 3
RESET_REQUEST_WINDOW_SECONDS = 3600


def reset_link(user: User) -> str:
    """The absolute link that lets `user` choose a new password (valid for PASSWORD_RESET_TIMEOUT)."""
    path = reverse("accounts:password-reset-confirm", kwargs={
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": default_token_generator.make_token(user)})
    return settings.OPENCASUS_BASE_URL.rstrip("/") + path


def send_reset_mail(*, user: User, by_administrator: bool = False) -> None:
    """Mail `user` a link to choose a new password. The mail holds the link and nothing else of the account."""
    context = {"link": reset_link(user), "by_administrator": by_administrator,
               "hours": settings.PASSWORD_RESET_TIMEOUT // 3600}
    subject = render_to_string("accounts/password_reset_subject.txt", context).strip()
    body = render_to_string("accounts/password_reset_email.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def reset_request_allowed(*, client_address: str, email: str) -> bool:
    """Count a request for a reset link; False when the address or the e-mail address asked too often."""
    email_key = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    keys = ((f"password-reset:address:{client_address}", RESET_REQUESTS_PER_ADDRESS),
            (f"password-reset:email:{email_key}", RESET_REQUESTS_PER_EMAIL))
    allowed = True
    for key, limit in keys:
        cache.add(key, 0, RESET_REQUEST_WINDOW_SECONDS)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, RESET_REQUEST_WINDOW_SECONDS)
            count = 1
        allowed = allowed and count <= limit
    return allowed


def may_reset(*, actor: User, user: User) -> bool:
    """A functional administrator of a house the user is a member of (or a superuser), not for themselves."""
    if actor is None or not actor.is_authenticated or actor.pk == user.pk:
        return False
    if actor.is_superuser:
        return True
    if user.is_superuser:
        return False
    admin_houses = actor.memberships.active().filter(role=FUNCTIONAL_ADMINISTRATOR).values("house_id")
    return bool(user.memberships.filter(house_id__in=admin_houses).exists())


@transaction.atomic
def password_reset_by_admin(*, actor: User, user: User) -> None:
    """Reset `user`'s password and second factor: the password stops working (and with it every session
    of the user), the authenticator is removed so the next login enrols a new one, and the user gets a
    link to choose a new password."""
    if not may_reset(actor=actor, user=user):
        raise PermissionDenied
    if user.is_system_client:
        raise ValidationError(_("A system client has no password to reset; it uses the API with a token."),
                              code="system_client")
    if not user.email:
        raise ValidationError(_("This professional has no e-mail address; add one first, so the link can be sent."),
                              code="no_email")
    user = User.objects.select_for_update().get(pk=user.pk)
    user.set_unusable_password()
    user.save(update_fields=["password"])
    TOTPDevice.objects.filter(user=user).delete()
    record_account_event(actor=actor, subject=user, kind=AccountEventKind.PASSWORD_RESET,
                         detail="second factor removed; link sent")
    # In the transaction: a mail that cannot be sent undoes the reset. A link sent by a transaction that
    # is rolled back later does not work (its token is bound to the new, uncommitted password hash).
    send_reset_mail(user=user, by_administrator=True)
