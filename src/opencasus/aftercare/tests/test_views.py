"""The after-care pages: the timeline on the case workspace and its own page, an item and the hand-over, the
release date, the upcoming releases, the import with its report, the intake for a release, settings, figures,
the start-page block."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.aftercare.models import ExpectedRelease, Timeline, TimelineItem
from opencasus.aftercare.tests.factories import make_aftercare_world
from opencasus.aftercare.vocabulary import ItemKind, ItemStatus, ReleaseMatch
from opencasus.cases.models import Case
from opencasus.network.models import Role
from opencasus.network.tests.factories import member

pytestmark = pytest.mark.django_db

HEADER = "bsn;voornaam;achternaam;geboortedatum;ontslagdatum;inrichting;gemeente"


def test_the_workspace_and_the_timeline_page_show_conditions_with_owners_and_deadlines(
        verified_client: Callable[[User], Client]) -> None:
    w = make_aftercare_world(released_in_days=35)
    client = verified_client(w.director)
    html = client.get(reverse("cases:detail", args=[w.running.pk])).content.decode()
    assert "Nazorg ex-gedetineerden" in html
    for label in ("Identiteitsbewijs", "Inkomen", "Huisvesting", "Zorg", "Schulden", "Warme overdracht",
                  "Controle na ontslag"):
        assert label in html
    assert w.municipality_org.name in html
    page = client.get(reverse("aftercare:timeline", args=[w.running.pk])).content.decode()
    release = timezone.localdate() + dt.timedelta(days=35)
    assert f"{release.day} " in page
    assert "Ontslagdatum opslaan" in page
    # A participant reads it without the forms.
    participant = verified_client(w.triage.police_pro).get(reverse("aftercare:timeline", args=[w.running.pk]))
    assert participant.status_code == 200
    assert "Ontslagdatum opslaan" not in participant.content.decode()


def test_a_moved_release_date_moves_the_open_deadlines(verified_client: Callable[[User], Client]) -> None:
    w = make_aftercare_world(released_in_days=35)
    client = verified_client(w.director)
    before = {i.kind: i.deadline for i in TimelineItem.objects.filter(case=w.running)}
    later = timezone.localdate() + dt.timedelta(days=42)
    response = client.post(reverse("aftercare:timeline", args=[w.running.pk]),
                           {"release-release_date": later.isoformat(), "release-version": w.timeline().version})
    assert response.status_code == 302
    after = {i.kind: i.deadline for i in TimelineItem.objects.filter(case=w.running)}
    assert all(after[k] == before[k] + dt.timedelta(days=7) for k in before)
    stale = client.post(reverse("aftercare:timeline", args=[w.running.pk]),
                        {"release-release_date": later.isoformat(), "release-version": 1})
    assert stale.status_code == 409
    assert "intussen gewijzigd" in stale.content.decode()


def test_an_item_and_the_hand_over_are_recorded_on_their_page(verified_client: Callable[[User], Client]) -> None:
    w = make_aftercare_world()
    client = verified_client(w.director)
    housing = TimelineItem.objects.get(case=w.running, kind=ItemKind.HOUSING)
    assert client.get(reverse("aftercare:item", args=[housing.pk])).status_code == 200
    refused = client.post(reverse("aftercare:item", args=[housing.pk]), {
        "status": ItemStatus.NOT_NEEDED, "deadline": housing.deadline.isoformat(), "note": "",
        "version": housing.version, "owner_organisation": "", "owner_user": ""})
    assert refused.status_code == 400
    assert "niet nodig is" in refused.content.decode()
    done = client.post(reverse("aftercare:item", args=[housing.pk]), {
        "status": ItemStatus.DONE, "deadline": housing.deadline.isoformat(), "note": "Kamer geregeld.",
        "version": housing.version, "owner_organisation": w.triage.probation.pk, "owner_user": ""})
    assert done.status_code == 302
    housing.refresh_from_db()
    assert housing.status == ItemStatus.DONE
    assert housing.owner_organisation == w.triage.probation
    handover = TimelineItem.objects.get(case=w.running, kind=ItemKind.HANDOVER)
    response = client.post(reverse("aftercare:item", args=[handover.pk]), {
        "by_organisation": w.prison.pk, "to_organisation": w.triage.probation.pk, "done": "yes", "note": "",
        "version": handover.version})
    assert response.status_code == 302
    page = client.get(reverse("aftercare:timeline", args=[w.running.pk])).content.decode()
    assert f"Warme overdracht door {w.prison.name} aan {w.triage.probation.name}" in page


def test_the_coordinator_imports_sees_the_report_and_files_an_intake(
        verified_client: Callable[[User], Client]) -> None:
    w = make_aftercare_world()
    client = verified_client(w.coordinator)
    soon = (timezone.localdate() + dt.timedelta(days=20)).isoformat()
    content = f"{HEADER}\n;Piet;Pietersen;1980-01-01;{soon};PI Haaglanden;Gorinchem\n" \
              f"123456789;Klaas;Vaak;1980-01-01;{soon};PI Haaglanden;Gorinchem\n"
    response = client.post(reverse("aftercare:import"), {
        "house": w.house_id, "file": SimpleUploadedFile("dpan.csv", content.encode(), content_type="text/csv")})
    assert response.status_code == 302
    report = client.get(response["Location"]).content.decode()
    assert "elfproef" in report
    assert "Vaak" not in report
    releases = client.get(reverse("aftercare:releases")).content.decode()
    assert "Pietersen" in releases
    assert "Gorinchem" in releases
    release = ExpectedRelease.objects.get()
    assert "Dordrecht" not in verified_client(w.other_coordinator).get(reverse("aftercare:releases")).content.decode()
    filed = client.post(reverse("aftercare:release", args=[release.pk]), {
        "organisation": w.municipality_org.pk, "reason": "Komt vrij.", "requested_purpose": "Nazorg.",
        "people_informed": "yes", "not_informed_reason": ""})
    assert filed.status_code == 302
    release.refresh_from_db()
    assert release.match == ReleaseMatch.INTAKE_FILED
    assert Timeline.objects.filter(case=release.case).exists()
    assert release.case is not None
    assert Case.objects.get(pk=release.case.pk).filed_by == w.coordinator


def test_the_start_page_counts_overdue_and_this_weeks_deadlines(verified_client: Callable[[User], Client]) -> None:
    w = make_aftercare_world(released_in_days=10)  # the five basic conditions are overdue, the hand-over in 10 days
    TimelineItem.objects.filter(case=w.running, kind=ItemKind.HANDOVER).update(
        deadline=timezone.localdate() + dt.timedelta(days=3))
    html = verified_client(w.director).get("/").content.decode()
    assert "Verstreken nazorgtermijnen" in html
    assert "Nazorgtermijnen deze week" in html
    overdue = verified_client(w.director).get(f"{reverse('aftercare:items')}?due=overdue").content.decode()
    assert overdue.count(w.running.reference) == 5
    coordinator = verified_client(w.coordinator).get("/").content.decode()
    assert "Komende vrijlatingen" in coordinator
    assert "Verstreken nazorgtermijnen" not in coordinator


def test_settings_and_figures(verified_client: Callable[[User], Client]) -> None:
    w = make_aftercare_world(released_in_days=-20)
    manager = member(w.triage.house, Role.HOUSE_MANAGER)
    client = verified_client(manager)
    response = client.post(f"{reverse('aftercare:settings')}?huis={w.house_id}", {
        "identity_days": 50, "income_days": 28, "housing_days": 42, "care_days": 28, "debts_days": 14,
        "check_weeks": 8, "version": 0})
    assert response.status_code == 302
    assert 'value="50"' in client.get(f"{reverse('aftercare:settings')}?huis={w.house_id}").content.decode()
    figures = client.get(f"{reverse('aftercare:figures')}?huis={w.house_id}").content.decode()
    assert "Basisvoorwaarden op tijd geregeld" in figures
    assert "&lt; 5" in figures  # one release: suppressed
    assert verified_client(w.director).post(f"{reverse('aftercare:settings')}?huis={w.house_id}", {
        "identity_days": 1, "income_days": 1, "housing_days": 1, "care_days": 1, "debts_days": 1,
        "check_weeks": 1, "version": 1}).status_code == 404
