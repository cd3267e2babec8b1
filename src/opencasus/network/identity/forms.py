"""The administrator's form of an identity provider."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from opencasus.core.forms import Form
from opencasus.network.identity.models import MatchField
from opencasus.network.identity.selectors import partner_organisations
from opencasus.network.identity.services import ProviderSettings


class ProviderForm(Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=partner_organisations(house_id=0),
                                          help_text=_("Whose staff this provider signs in."))
    issuer = forms.CharField(label=_("Issuer"), max_length=500,
                             help_text=_("The provider's address, e.g. https://login.politie.nl. Its "
                                         "configuration is read from /.well-known/openid-configuration."))
    client_id = forms.CharField(label=_("Client id"), max_length=200)
    client_secret = forms.CharField(label=_("Client secret"), max_length=500, required=False,
                                    widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
                                    help_text=_("Stored encrypted and never shown again."))
    scopes = forms.CharField(label=_("Scopes"), max_length=300, initial="openid email",
                             help_text=_("Separated by spaces; openid must be one of them."))
    claim = forms.CharField(label=_("Claim to match on"), max_length=100, initial="email",
                            help_text=_("The claim that identifies the account, e.g. email or a staff number claim."))
    match_field = forms.ChoiceField(label=_("Matched with"), choices=MatchField.choices, initial=MatchField.EMAIL,
                                    help_text=_("The field of the existing account that must equal the claim."))
    second_factor_values = forms.CharField(
        label=_("Values that count as a second factor"), max_length=1_000, required=False,
        help_text=_("acr or amr values of the ID token, separated by spaces (e.g. otp mfa). Without them every "
                    "sign-in continues to the authenticator app."))

    def __init__(self, *args: Any, house_id: int, secret_required: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = partner_organisations(house_id=house_id)  # type: ignore[attr-defined]
        self.fields["client_secret"].required = secret_required
        if not secret_required:
            self.fields["client_secret"].help_text = _("Leave empty to keep the stored secret.")

    def provider_settings(self) -> ProviderSettings:
        data = self.cleaned_data
        return ProviderSettings(
            organisation_id=data["organisation"].pk, issuer=data["issuer"], client_id=data["client_id"],
            client_secret=data["client_secret"], claim=data["claim"], match_field=data["match_field"],
            scopes=data["scopes"], second_factor_values=tuple(data["second_factor_values"].split()))
