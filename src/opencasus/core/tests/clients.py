"""The types of the client fixtures of `opencasus/conftest.py`, for the tests' annotations."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client
from rest_framework.test import APIClient

from opencasus.accounts.models import User

VerifiedClient = Callable[[User], Client]
"""`verified_client(user)`: a browser session of `user` that passed password and TOTP."""

ApiClient = Callable[[User], APIClient]
"""`api_client(user)`: an API client with a bearer token of `user`."""
