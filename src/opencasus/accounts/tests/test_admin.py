import pytest
from django.contrib import admin
from django.test import RequestFactory

from opencasus.accounts.models import User
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member

pytestmark = pytest.mark.django_db


def test_a_functional_administrator_cannot_change_a_members_email_address() -> None:
    """Else a reset link started by the administrator could be sent to an address they control."""
    house = HouseFactory.create()
    administrator = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    manager = member(house, Role.HOUSE_MANAGER)
    request = RequestFactory().get("/beheer/")
    request.user = administrator
    user_admin = admin.site._registry[User]
    assert "email" in user_admin.get_readonly_fields(request, manager)
    assert "email" not in user_admin.get_readonly_fields(request, None)  # a new account gets its address
