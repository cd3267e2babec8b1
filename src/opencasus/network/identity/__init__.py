"""Single sign-on with OpenID Connect: identity providers per organisation, configured per house."""
