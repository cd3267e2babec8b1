from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from opencasus.accounts.selectors import reset_recipients
from opencasus.core.forms import Form, TextLimitsMixin


class LoginForm(TextLimitsMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": _("The username or password is not correct. Note that both are case-sensitive."),
        "inactive": _("This account is not active."),
        "system_client": _("This account is a system client and can only use the API."),
    }

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        if user.is_system_client:
            raise forms.ValidationError(self.error_messages["system_client"], code="system_client")


class TokenForm(Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        min_length=6, max_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                                      "pattern": "[0-9]{6}", "class": "utrecht-textbox"}),
    )

    def clean_token(self) -> str:
        token: str = self.cleaned_data["token"].strip()
        if not token.isdigit():
            raise forms.ValidationError(_("Enter the six digits from your authenticator app."))
        return token


class ResetRequestForm(TextLimitsMixin, PasswordResetForm):
    """Asks for the e-mail address a reset link goes to."""

    email = forms.EmailField(label=_("Your e-mail address"), max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email", "class": "utrecht-textbox"}))

    def get_users(self, email: str) -> Any:
        """Active professionals with this address, also one whose password an administrator reset (it is
        unusable until they choose a new one); never a system client."""
        return reset_recipients(email).iterator()


class NewPasswordForm(TextLimitsMixin, SetPasswordForm):  # type: ignore[type-arg]
    """Choose a new password (twice), checked by the password rules."""


class SettingsForm(Form):
    language = forms.ChoiceField(
        label=_("Interface language"), choices=[("nl", "Nederlands"), ("en", "English")], widget=forms.RadioSelect,
        help_text=_("The pages, dates and messages appear in this language."))
