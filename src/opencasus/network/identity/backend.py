"""The authentication backend for sign-in through an identity provider chosen per request.

mozilla-django-oidc reads one provider from the settings; this subclass takes the provider from the
database: the sign-in view remembers in the session which provider a `state` went to, and the callback
configures the backend from that provider (endpoints from its discovery document, the client secret
decrypted). State, nonce and PKCE are handled by the library. Accounts are matched, never created: only
among the staff the house knows of the provider's organisation, on the configured claim. What went wrong is
left on the request (`REFUSAL`) for the callback to show in Dutch."""

from __future__ import annotations

from typing import Any

import requests
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from opencasus.core.identifiers import decrypt_identifier
from opencasus.network.identity import discovery, selectors
from opencasus.network.identity.models import IdentityProvider, MatchField
from opencasus.network.identity.rules import SESSION_STATE_PROVIDERS

REFUSAL = "oidc_refusal"
PROVIDER = "oidc_provider"
ID_CLAIMS = "oidc_id_claims"


def refuse(request: HttpRequest, message: str) -> None:
    setattr(request, REFUSAL, message)


class ProviderBackend(OIDCAuthenticationBackend):  # type: ignore[misc]  # mozilla-django-oidc is untyped
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # No provider in the settings: `configure` sets the endpoints and the client per sign-in.
        from django.contrib.auth import get_user_model

        self.UserModel = get_user_model()
        self.provider: IdentityProvider | None = None
        self.issuer = ""

    def configure(self, provider: IdentityProvider, configuration: discovery.ProviderConfiguration) -> None:
        self.provider = provider
        self.issuer = configuration.issuer
        self.OIDC_OP_TOKEN_ENDPOINT = configuration.token_endpoint
        self.OIDC_OP_USER_ENDPOINT = configuration.userinfo_endpoint
        self.OIDC_OP_JWKS_ENDPOINT = configuration.jwks_uri
        self.OIDC_RP_CLIENT_ID = provider.client_id
        self.OIDC_RP_CLIENT_SECRET = decrypt_identifier(provider.client_secret_encrypted)
        self.OIDC_RP_SIGN_ALGO = "RS256"
        self.OIDC_RP_IDP_SIGN_KEY = None

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> Any:
        if request is None or "code" not in request.GET or "state" not in request.GET:
            return None
        states = request.session.get(SESSION_STATE_PROVIDERS) or {}
        provider_id = states.pop(request.GET["state"], None)
        request.session[SESSION_STATE_PROVIDERS] = states
        provider = selectors.sign_in_provider(int(provider_id)) if provider_id is not None else None
        if provider is None:
            refuse(request, _("This sign-in is not known here (any more). Start again from the login page."))
            return None
        setattr(request, PROVIDER, provider)
        try:
            self.configure(provider, discovery.provider_configuration(provider.issuer))
            return super().authenticate(request, **kwargs)
        except (discovery.DiscoveryError, requests.RequestException):
            refuse(request, _("The sign-in service of %(organisation)s could not be reached. Try again later or "
                              "log in with your password.") % {"organisation": provider.organisation})
            return None

    def verify_token(self, token: str, **kwargs: Any) -> Any:
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if not discovery.same_issuer(str(payload.get("iss", "")), self.issuer) or \
                self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token of another issuer or audience")
        if "nonce" in kwargs:  # the ID token (a signed userinfo answer has no nonce)
            setattr(self.request, ID_CLAIMS, payload)
        return payload

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        provider = self.provider
        assert provider is not None
        user_info = self.get_userinfo(access_token, id_token, payload)
        if not isinstance(user_info, dict) or user_info.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("userinfo of another subject")
        claims = {**payload, **user_info}
        value = claims.get(provider.claim)
        organisation = provider.organisation
        if not isinstance(value, str) or not value.strip():
            refuse(self.request, _("%(organisation)s did not send the %(claim)s of your account, so it cannot be "
                                   "matched. Ask your functional administrator.")
                   % {"organisation": organisation, "claim": provider.claim})
            return None
        if provider.match_field == MatchField.EMAIL and claims.get("email_verified") is False:
            refuse(self.request, _("%(organisation)s has not verified your e-mail address, so it cannot be "
                                   "matched.") % {"organisation": organisation})
            return None
        accounts = selectors.matching_accounts(provider=provider, value=value.strip())
        if len(accounts) != 1:
            refuse(self.request, _("No account of %(organisation)s in %(house)s matches this sign-in. Accounts are "
                                   "not created on sign-in: ask the functional administrator of the house for "
                                   "one.") % {"organisation": organisation, "house": provider.house})
            return None
        return accounts[0]

    def get_user(self, user_id: Any) -> Any:
        user = super().get_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
