"""Request types for pages and API endpoints that only a signed-in user reaches.

django-stubs and the DRF stubs type `request.user` as `User | AnonymousUser`. The pages run behind the
login and second-factor middleware, the API behind token or session authentication with
`IsAuthenticated`, so their `request.user` is always a `User`: these types say so once, instead of a
cast at every call of a service or selector. Annotate a view function or an API action with them, and a
class-based view or viewset that reads `self.request.user` with a `request:` class attribute.

A framework hook whose signature is fixed by its base class (an admin method, a permission class, an
overridden `create` of a DRF mixin) takes the user with `signed_in_user(request)` instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from rest_framework.request import Request

from opencasus.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """A request of a page behind the login (and second factor); for annotations."""

    user: User


class AuthenticatedRequest(Request):
    """A DRF request of an authenticated API endpoint (for annotations: DRF builds plain `Request`s)."""

    if TYPE_CHECKING:
        @property
        def user(self) -> User: ...

        @user.setter
        def user(self, value: User) -> None: ...


def signed_in_user(request: HttpRequest | Request) -> User:
    """The user of a request that only a signed-in user reaches; refused (403) for anyone else."""
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        raise PermissionDenied
    return user
