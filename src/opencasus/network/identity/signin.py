"""The sign-in pages of an identity provider: start (to the provider) and the callback (back from it).

Subclasses of mozilla-django-oidc's views: the provider comes from the database instead of the settings.
After a matched sign-in the session counts as two-factor only when the ID token's acr/amr carries a value
the administrator configured (`rules.did_second_factor`); otherwise the user goes on to our TOTP step like
after a password. The session key rotates at the login and again at the provider's second factor."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from django.contrib import auth, messages
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import View
from django_otp import login as otp_login
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from opencasus.network.identity import discovery, selectors, services
from opencasus.network.identity.backend import ID_CLAIMS, PROVIDER, REFUSAL
from opencasus.network.identity.models import IdentityProvider
from opencasus.network.identity.rules import SESSION_STATE_PROVIDERS, did_second_factor


class ProviderSignInView(OIDCAuthenticationRequestView):  # type: ignore[misc]  # the library is untyped
    """GET /inloggen/via/<id>: remember the provider for this sign-in's state and go to the provider."""

    def __init__(self, **kwargs: Any) -> None:
        View.__init__(self, **kwargs)
        self.scopes = "openid"

    def get_settings(self, attr: str, *args: Any) -> Any:
        if attr == "OIDC_RP_SCOPES":
            return self.scopes
        return import_from_settings(attr, *args)

    def get(self, request: HttpRequest, provider_id: int) -> HttpResponse:
        provider = selectors.sign_in_provider(provider_id)
        if provider is None:
            raise Http404
        try:
            configuration = discovery.provider_configuration(provider.issuer)
        except discovery.DiscoveryError:
            messages.error(request, _("The sign-in service of %(organisation)s could not be reached. Try again "
                                      "later or log in with your password.") % {"organisation": provider.organisation})
            return redirect("accounts:login")
        self.OIDC_OP_AUTH_ENDPOINT = configuration.authorization_endpoint
        self.OIDC_RP_CLIENT_ID = provider.client_id
        self.scopes = provider.scopes
        response: HttpResponse = super().get(request)
        state = parse_qs(urlsplit(response["Location"]).query)["state"][0]
        pending = request.session.get("oidc_states") or {}
        remembered = {s: p for s, p in (request.session.get(SESSION_STATE_PROVIDERS) or {}).items() if s in pending}
        remembered[state] = provider.pk
        request.session[SESSION_STATE_PROVIDERS] = remembered
        return response


class ProviderCallbackView(OIDCAuthenticationCallbackView):  # type: ignore[misc]
    """GET /inloggen/via/terug: the provider sends the browser back here with a code and the state."""

    def get(self, request: HttpRequest) -> HttpResponse:
        try:
            response: HttpResponse = super().get(request)
        except SuspiciousOperation:
            # An unknown or reused state, a wrong nonce, a token of another issuer: nothing is signed in.
            setattr(request, REFUSAL, _("This sign-in could not be verified. Start again from the login page."))
            return self.login_failure()
        return response

    def login_failure(self) -> HttpResponse:
        message = getattr(self.request, REFUSAL, None) or _(
            "Signing in through your organisation did not succeed. Try again or log in with your password.")
        messages.error(self.request, message)
        return redirect("accounts:login")

    def login_success(self) -> HttpResponse:
        request = self.request
        provider: IdentityProvider = getattr(request, PROVIDER)
        auth.login(request, self.user)  # a new session key
        if did_second_factor(provider, getattr(request, ID_CLAIMS, {})):
            otp_login(request, services.provider_second_factor(user=self.user, provider=provider))
            request.session.cycle_key()
        return redirect(self.success_url)
