"""A provider's configuration from its discovery document (<issuer>/.well-known/openid-configuration),
kept in the cache for an hour. mozilla-django-oidc needs the endpoints; it does not read discovery itself."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass

import requests
from django.conf import settings
from django.core.cache import cache

CACHE_SECONDS = 3600


class DiscoveryError(Exception):
    """The discovery document could not be read, or does not describe this issuer."""


@dataclass(frozen=True)
class ProviderConfiguration:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    userinfo_endpoint: str
    jwks_uri: str


def same_issuer(a: str, b: str) -> bool:
    return a.rstrip("/") == b.rstrip("/")


def provider_configuration(issuer: str) -> ProviderConfiguration:
    key = "oidc-discovery:" + hashlib.sha256(issuer.encode()).hexdigest()
    cached = cache.get(key)
    if isinstance(cached, dict):
        return ProviderConfiguration(**cached)
    try:
        response = requests.get(issuer.rstrip("/") + "/.well-known/openid-configuration",
                                timeout=settings.OIDC_TIMEOUT, allow_redirects=False)
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as exc:
        raise DiscoveryError(str(exc)) from exc
    if not isinstance(document, dict) or not same_issuer(str(document.get("issuer", "")), issuer):
        raise DiscoveryError("the discovery document names another issuer")
    try:
        configuration = ProviderConfiguration(
            issuer=str(document["issuer"]), authorization_endpoint=str(document["authorization_endpoint"]),
            token_endpoint=str(document["token_endpoint"]), userinfo_endpoint=str(document["userinfo_endpoint"]),
            jwks_uri=str(document["jwks_uri"]))
    except KeyError as exc:
        raise DiscoveryError(f"the discovery document has no {exc}") from exc
    cache.set(key, asdict(configuration), CACHE_SECONDS)
    return configuration
