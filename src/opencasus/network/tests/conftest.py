"""Fixtures of the network tests: the local OpenID provider for the sign-in tests."""

from opencasus.network.tests.oidc import oidc_issuer  # noqa: F401
