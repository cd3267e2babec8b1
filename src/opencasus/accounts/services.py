"""Writes for accounts: second-factor enrolment (API tokens: `accounts.tokens`)."""

from __future__ import annotations

import base64
import io

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from opencasus.accounts.models import User


def totp_device_pending(*, user: User) -> TOTPDevice:
    """The unconfirmed device being enrolled (created on first call)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def totp_qr_data_uri(*, device: TOTPDevice) -> str:
    url = device.config_url.replace("issuer=", f"issuer={settings.OTP_TOTP_ISSUER}&x=")
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=12)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def totp_secret_base32(*, device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode().rstrip("=")


@transaction.atomic
def totp_confirm(*, user: User, device: TOTPDevice, token: str) -> bool:
    if not device.verify_token(token):
        return False
    TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


LANGUAGES = ("nl", "en")


@transaction.atomic
def user_language_set(*, user: User, language: str) -> User:
    """Store the professional's interface language (nl or en). No personal data of others: not logged."""
    if language not in LANGUAGES:
        from django.core.exceptions import ValidationError
        from django.utils.translation import gettext as _

        raise ValidationError({"language": [_("Choose Dutch or English.")]})
    User.objects.filter(pk=user.pk).update(language=language)
    user.language = language
    return user
