from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.childtrack.models import ChildCheck, DomesticViolenceFlag, DomesticViolenceTargetGroup
from opencasus.childtrack.tests.factories import check_url, make_child_world, record_complete
from opencasus.network.models import Approach, HouseApproach

pytestmark = pytest.mark.django_db


def _form(w, **changes: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    data = {"version": "0", "seen_and_heard": "yes", "seen_on": timezone.localdate().isoformat(),
            "seen_by": "J. de Boer, Veilig Thuis", "safety_outcome": "safe", "safety_note": "",
            "help_offered": "yes", "help_organisation": str(w.youth.pk), "veilig_thuis_involved": "yes",
            "veilig_thuis_reason": "Deed de melding.", "board_involved": "no", "board_reason": "Niet nodig."}
    data.update(changes)
    return data


def test_workspace_shows_the_section_and_what_is_missing(verified_client: Callable[[User], Client]) -> None:
    w = make_child_world()
    record_complete(w, w.older)
    page = verified_client(w.participant).get(reverse("cases:detail", args=[w.case.pk]) + "?tab=personen")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Kindspoor: kindchecks" in html
    assert "Ontbreekt" in html
    assert "Volledig" in html
    assert check_url(w.case.pk, w.younger.pk) in html
    assert "Markeren als huiselijk geweld" not in html  # a participant does not set the flag


def test_workspace_shows_nothing_when_switched_off(verified_client: Callable[[User], Client]) -> None:
    w = make_child_world(enabled=False)
    page = verified_client(w.director).get(reverse("cases:detail", args=[w.case.pk]) + "?tab=personen")
    assert page.status_code == 200
    assert "Kindspoor" not in page.content.decode()
    assert verified_client(w.director).get(check_url(w.case.pk, w.older.pk)).status_code \
        == 404


def test_record_a_check_through_the_form(verified_client: Callable[[User], Client]) -> None:
    w = make_child_world()
    client = verified_client(w.participant)
    url = check_url(w.case.pk, w.older.pk)
    assert client.get(url).status_code == 200
    response = client.post(url, _form(w))
    assert response.status_code == 302
    assert response["Location"].endswith("?tab=personen#kindspoor")
    check = ChildCheck.objects.get(person=w.older)
    assert check.complete
    assert check.recorded_by == w.participant
    stale = client.post(url, _form(w, seen_by="Iemand anders"))
    assert stale.status_code == 409
    assert "Iemand anders" in stale.content.decode()  # the form keeps the input
    bad = client.post(url, _form(w, version="1", help_offered="no"))
    assert bad.status_code == 400
    assert "Noem alleen een organisatie" in bad.content.decode()


def test_form_without_version_is_refused(verified_client: Callable[[User], Client]) -> None:
    w = make_child_world()
    data = _form(w)
    del data["version"]
    response = verified_client(w.director).post(check_url(w.case.pk, w.older.pk), data)
    assert response.status_code == 400
    assert not ChildCheck.objects.exists()


def test_plan_pages_show_why_adoption_is_blocked(verified_client: Callable[[User], Client]) -> None:
    w = make_child_world()
    client = verified_client(w.director)
    for url in (reverse("plans:adopt", args=[w.case.pk]), reverse("plans:plan", args=[w.case.pk]),
                reverse("cases:detail", args=[w.case.pk]) + "?tab=plan"):
        html = client.get(url).content.decode()
        assert "Het plan kan nog niet worden vastgesteld" in html, url
        assert "Noor Jansen, Daan Jansen" in html, url
    refused = client.post(reverse("plans:adopt", args=[w.case.pk]), {"version": "2", "meeting_id": "", "note": ""})
    assert refused.status_code == 400
    assert "Kindspoor" in refused.content.decode()
    record_complete(w, w.older)
    record_complete(w, w.younger)
    assert "Het plan kan nog niet" not in client.get(reverse("plans:adopt", args=[w.case.pk])).content.decode()
    assert client.post(reverse("plans:adopt", args=[w.case.pk]),
                       {"version": "2", "meeting_id": "", "note": ""}).status_code == 302


def test_core_staff_flag_a_case(verified_client: Callable[[User], Client]) -> None:
    w = make_child_world()
    DomesticViolenceTargetGroup.objects.all().delete()
    client = verified_client(w.director)
    html = client.get(reverse("cases:detail", args=[w.case.pk]) + "?tab=personen").content.decode()
    assert "niet gemarkeerd als huiselijk geweld" in html
    assert client.post(reverse("childtrack:flag", args=[w.case.pk]), {"flagged": "on"}).status_code == 302
    assert DomesticViolenceFlag.objects.filter(case=w.case).exists()
    assert verified_client(w.participant).post(reverse("childtrack:flag", args=[w.case.pk]),
                                               {"flagged": ""}).status_code == 404
    assert client.post(reverse("childtrack:flag", args=[w.case.pk]), {"flagged": ""}).status_code == 302
    assert not DomesticViolenceFlag.objects.exists()


def test_configuration_page(verified_client: Callable[[User], Client]) -> None:
    w = make_child_world()
    url = reverse("childtrack:configuration", args=[w.world.house.pk])
    manager = verified_client(w.world.manager)
    assert "Huiselijk geweld" in manager.get(url).content.decode()
    assert manager.post(url, {}).status_code == 302
    assert not DomesticViolenceTargetGroup.objects.exists()
    assert manager.post(url, {"target_groups": [str(w.group.pk)]}).status_code == 302
    assert DomesticViolenceTargetGroup.objects.filter(target_group=w.group).exists()
    director = verified_client(w.director)
    assert director.get(url).status_code == 200
    assert director.post(url, {}).status_code == 404


def test_start_page_links_the_settings_for_the_manager(verified_client: Callable[[User], Client]) -> None:
    w = make_child_world()
    url = reverse("childtrack:configuration", args=[w.world.house.pk])
    assert url in verified_client(w.world.manager).get("/").content.decode()
    assert url not in verified_client(w.participant).get("/").content.decode()
    HouseApproach.objects.filter(approach=Approach.CHILD_TRACK).update(enabled=False)
    assert url not in verified_client(w.world.manager).get("/").content.decode()
    assert verified_client(w.world.manager).get(url).status_code == 404
