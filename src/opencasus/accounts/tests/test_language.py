"""Dutch for everyone unless the user chose English; the browser's Accept-Language is not consulted."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from opencasus.cases.tests import helpers as h

pytestmark = pytest.mark.django_db


def test_dutch_by_default_whatever_the_browser_asks(verified_client: Any) -> None:
    w = h.world()
    response = verified_client(w.director).get(reverse("core:start"), headers={"accept-language": "en-US,en"})
    page = response.content.decode()
    assert 'lang="nl"' in page
    assert "Uitloggen" in page
    assert response["Content-Language"] == "nl"


def test_a_user_chooses_english_and_back(verified_client: Any) -> None:
    w = h.world()
    client = verified_client(w.director)
    page = client.get(reverse("accounts:settings")).content.decode()
    assert "Taal van de schermen" in page
    response = client.post(reverse("accounts:settings"), {"language": "en"}, follow=True)
    w.director.refresh_from_db()
    assert w.director.language == "en"
    page = response.content.decode()
    assert 'lang="en"' in page
    assert "Your settings have been saved." in page
    assert "Log out" in page
    client.post(reverse("accounts:settings"), {"language": "nl"})
    w.director.refresh_from_db()
    assert w.director.language == "nl"
    assert "Uitloggen" in client.get(reverse("core:start")).content.decode()


def test_an_unknown_language_is_refused_in_dutch(verified_client: Any) -> None:
    w = h.world()
    response = verified_client(w.director).post(reverse("accounts:settings"), {"language": "de"})
    assert response.status_code == 200
    assert "Verbeter het volgende" in response.content.decode()
    w.director.refresh_from_db()
    assert w.director.language == "nl"
