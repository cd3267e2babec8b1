"""The after-care selectors: windows and filters of the lists, the reads they log, what the workspace shows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.http import Http404
from django.utils import timezone

from opencasus.access.policy import CaseAccess
from opencasus.aftercare import selectors, services
from opencasus.aftercare.models import ExpectedRelease
from opencasus.aftercare.tests.factories import make_aftercare_world
from opencasus.logbook.models import ProcessingRecord

pytestmark = pytest.mark.django_db

HEADER = "bsn;voornaam;achternaam;geboortedatum;ontslagdatum;inrichting;gemeente"


def _import(w: object, *rows: str) -> None:
    services.release_import(actor=w.director, house_id=w.house_id, filename="d.csv",  # type: ignore[attr-defined]
                            content="\n".join([HEADER, *rows]).encode())


def test_releases_of_the_next_twelve_weeks_per_municipality() -> None:
    w = make_aftercare_world()
    today = timezone.localdate()
    _import(w, f";A;Een;1980-01-01;{(today + dt.timedelta(weeks=2)).isoformat()};PI;Gorinchem",
            f";B;Twee;1980-01-01;{(today + dt.timedelta(weeks=13)).isoformat()};PI;Gorinchem",
            f";C;Drie;1980-01-01;{(today + dt.timedelta(weeks=3)).isoformat()};PI;Dordrecht")
    assert [r.last_name for r in selectors.release_list(actor=w.director)] == ["Drie", "Een"]
    assert [r.last_name for r in selectors.release_list(actor=w.coordinator)] == ["Een"]
    assert [r.last_name for r in selectors.release_list(actor=w.other_coordinator)] == ["Drie"]
    assert list(selectors.release_list(actor=w.officer)) == []
    gorinchem = w.running.municipality_id
    assert [r.last_name for r in selectors.release_list(actor=w.director, municipality_id=gorinchem)] == ["Een"]


def test_list_and_detail_reads_are_logged_with_the_persons_shown() -> None:
    w = make_aftercare_world()
    _import(w, f";A;Een;1980-01-01;{(timezone.localdate() + dt.timedelta(days=9)).isoformat()};PI;Gorinchem")
    release = ExpectedRelease.objects.get()
    selectors.record_release_list_view(actor=w.coordinator, releases=list(selectors.release_list(actor=w.coordinator)))
    record = ProcessingRecord.objects.get(object_type="expected-release-list")
    assert record.data_subject == str(release.pseudonym)
    selectors.release_get(actor=w.coordinator, release_id=release.pk)
    assert ProcessingRecord.objects.filter(object_type="expected-release", action="view").count() == 1
    with pytest.raises(Http404):
        selectors.release_get(actor=w.other_coordinator, release_id=release.pk)


def test_cases_with_a_release_date_for_core_staff_only() -> None:
    w = make_aftercare_world(released_in_days=20)
    rows = selectors.case_release_list(actor=w.director)
    assert [(r.reference, r.open_items) for r in rows] == [(w.running.reference, 7)]
    assert selectors.case_release_list(actor=w.coordinator) == []


def test_the_workspace_shows_the_timeline_to_participants_and_core_staff_only() -> None:
    w = make_aftercare_world()
    assert selectors.workspace_timeline(actor=w.director, case=w.running, level=CaseAccess.CORE) is not None
    view = selectors.workspace_timeline(actor=w.triage.police_pro, case=w.running, level=CaseAccess.PARTICIPANT)
    assert view is not None
    assert not view.may_edit
    assert selectors.workspace_timeline(actor=w.triage.filer, case=w.running, level=CaseAccess.FILER) is None
    with pytest.raises(Http404):
        selectors.case_timeline(actor=w.triage.filer, case_id=w.running.pk)


def test_due_counts() -> None:
    w = make_aftercare_world(released_in_days=10)
    assert selectors.due_counts(actor=w.director) == (5, 0)
    assert selectors.due_counts(actor=w.director, today=timezone.localdate() + dt.timedelta(days=5)) == (5, 1)
