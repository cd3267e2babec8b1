"""When an identity provider's sign-in counts as our second factor, and which state a sign-in belongs to."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from opencasus.network.identity.models import IdentityProvider

# The session remembers, per `state` of a sign-in under way, which provider it went to.
SESSION_STATE_PROVIDERS = "oidc_state_providers"


def did_second_factor(provider: IdentityProvider, claims: Mapping[str, Any]) -> bool:
    """True when the ID token's `acr`, or one of its `amr` values, is one the administrator configured as
    a second factor. No configured values: never."""
    values = {str(v) for v in provider.second_factor_values or []}
    if not values:
        return False
    acr = claims.get("acr")
    amr = claims.get("amr")
    methods = {str(m) for m in amr} if isinstance(amr, list) else set()
    return (isinstance(acr, str) and acr in values) or bool(methods & values)
