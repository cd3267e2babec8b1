"""The outage middleware: database connection errors become a clean 503, other errors do not."""

from unittest import mock

import pytest
from django.db import DatabaseError, InterfaceError, OperationalError
from django.test import Client

from opencasus.core.db_outage import is_database_outage
from opencasus.core.tests.clients import ApiClient, VerifiedClient
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member

pytestmark = pytest.mark.django_db


def test_connection_errors_are_recognised_also_when_wrapped() -> None:
    assert is_database_outage(OperationalError("gone"))
    assert is_database_outage(InterfaceError("closed"))
    try:
        try:
            raise OperationalError("server closed the connection")
        except OperationalError as exc:
            raise RuntimeError("while rendering") from exc
    except RuntimeError as wrapped:
        assert is_database_outage(wrapped)
    assert not is_database_outage(DatabaseError("constraint"))
    assert not is_database_outage(ValueError("x"))
    assert not is_database_outage(None)


def test_view_error_gives_a_dutch_503_page(verified_client: VerifiedClient) -> None:
    house = HouseFactory.create()
    client = verified_client(member(house, Role.PROCESS_DIRECTOR))
    with mock.patch("opencasus.network.views.selectors.network_overview", side_effect=OperationalError("down")):
        response = client.get(f"/huizen/{house.pk}/netwerk")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    assert "Open Casus is tijdelijk niet beschikbaar" in body
    assert "Van uw laatste handeling is niets opgeslagen" in body
    assert "OperationalError" not in body
    assert "down" not in body.split("<main")[1]
    assert "Content-Security-Policy" in response


def test_api_error_gives_problem_json(api_client: ApiClient) -> None:
    client = api_client(member(HouseFactory.create(), Role.SECRETARY))
    with mock.patch("opencasus.access.api.views.roles.grants", side_effect=InterfaceError("connection already closed")):
        response = client.get("/api/v1/me")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["API-Version"] == "1.0.0"
    body = response.json()
    assert body["status"] == 503
    assert body["title"] == "Dienst tijdelijk niet beschikbaar."
    assert "niet bereikbaar" in body["detail"]


def test_error_in_an_inner_middleware_gives_503(verified_client: VerifiedClient) -> None:
    """Loading the user from the session happens in middleware, before any view."""
    house = HouseFactory.create()
    client = verified_client(member(house, Role.PROCESS_DIRECTOR))
    client.raise_request_exception = False
    with mock.patch("opencasus.accounts.middleware.TOTPDevice.objects.filter",
                    side_effect=OperationalError("down")), \
         mock.patch("django.contrib.auth.get_user", side_effect=OperationalError("down")):
        response = client.get("/")
    assert response.status_code == 503
    assert "tijdelijk niet beschikbaar" in response.content.decode()


def test_other_errors_stay_500(verified_client: VerifiedClient) -> None:
    house = HouseFactory.create()
    client = verified_client(member(house, Role.PROCESS_DIRECTOR))
    client.raise_request_exception = False
    with mock.patch("opencasus.network.views.selectors.network_overview", side_effect=ValueError("bug")):
        response = client.get(f"/huizen/{house.pk}/netwerk")
    assert response.status_code == 500


def test_health_check_reports_an_outage_as_503() -> None:
    with mock.patch("opencasus.core.views.connection.cursor", side_effect=OperationalError("down")):
        response = Client().get("/gezondheid")
    assert response.status_code == 503


def test_connection_health_checks_are_on() -> None:
    from django.conf import settings
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


def test_unknown_api_address_is_problem_json(api_client: ApiClient) -> None:
    client = api_client(member(HouseFactory.create(), Role.SECRETARY))
    response = client.get("/api/v1/cases/not-a-number")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Niet gevonden."
    assert Client().get("/api/v1/nothing-here")["Content-Type"] == "application/problem+json"


def test_unknown_page_is_a_dutch_404(verified_client: VerifiedClient) -> None:
    client = verified_client(member(HouseFactory.create(), Role.SECRETARY))
    response = client.get("/bestaat-niet")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_server_error_page_and_problem(verified_client: VerifiedClient, api_client: ApiClient) -> None:
    house = HouseFactory.create()
    user = member(house, Role.PROCESS_DIRECTOR)
    client = verified_client(user)
    client.raise_request_exception = False
    with mock.patch("opencasus.network.views.selectors.network_overview", side_effect=ValueError("bug")):
        page = client.get(f"/huizen/{house.pk}/netwerk")
    assert page.status_code == 500
    assert "Er ging iets mis" in page.content.decode()
    api = api_client(user)
    api.raise_request_exception = False
    with mock.patch("opencasus.access.api.views.roles.grants", side_effect=ValueError("bug")):
        problem = api.get("/api/v1/me")
    assert problem.status_code == 500
    assert problem["Content-Type"] == "application/problem+json"
