"""The after-care services: the timeline counted back from the release date, moving deadlines, the items, the
warm hand-over, the settings, the import of expected releases and the intake for one, the overdue signal."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from opencasus.aftercare import services
from opencasus.aftercare.models import AftercareSettings, ExpectedRelease, Timeline, TimelineItem
from opencasus.aftercare.tests.factories import BSN, make_aftercare_world, switch
from opencasus.aftercare.vocabulary import BASIC_CONDITIONS, ItemKind, ItemStatus, ReleaseMatch
from opencasus.cases.models import Case
from opencasus.cases.services import PersonData, intake_file
from opencasus.cases.vocabulary import PeopleInformed, Route, SubjectType
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Role
from opencasus.network.tests.factories import member, municipality
from opencasus.notifications.models import Kind, Notification

pytestmark = pytest.mark.django_db

HEADER = "bsn;voornaam;achternaam;geboortedatum;ontslagdatum;inrichting;gemeente"


def _items(case: Case) -> dict[str, TimelineItem]:
    return {i.kind: i for i in TimelineItem.objects.filter(case=case)}


def test_done_when_released_in_five_weeks_conditions_move_and_hand_over_recorded() -> None:
    w = make_aftercare_world(released_in_days=35)
    release = timezone.localdate() + dt.timedelta(days=35)
    items = _items(w.running)
    # The basic conditions appear with owners and deadlines counted back from the release date.
    assert set(items) == {*BASIC_CONDITIONS, ItemKind.HANDOVER, ItemKind.AFTER_CHECK}
    assert items[ItemKind.IDENTITY].deadline == release - dt.timedelta(days=42)
    assert items[ItemKind.INCOME].deadline == release - dt.timedelta(days=28)
    assert items[ItemKind.DEBTS].deadline == release - dt.timedelta(days=14)
    assert items[ItemKind.HANDOVER].deadline == release
    assert items[ItemKind.AFTER_CHECK].deadline == release + dt.timedelta(weeks=6)
    for kind in BASIC_CONDITIONS:
        assert items[kind].owner_organisation == w.municipality_org
    assert items[ItemKind.HANDOVER].owner_organisation == w.prison
    # One done item keeps its deadline when the release date moves; the open ones move along.
    services.item_update(actor=w.director, item_id=items[ItemKind.IDENTITY].pk, status=ItemStatus.DONE,
                         expected_version=items[ItemKind.IDENTITY].version)
    timeline, moved = services.release_date_set(actor=w.director, case_id=w.running.pk,
                                                 release_date=release + dt.timedelta(days=14),
                                                 expected_version=w.timeline().version)
    assert moved == 6
    after = _items(w.running)
    assert after[ItemKind.IDENTITY].deadline == items[ItemKind.IDENTITY].deadline
    assert after[ItemKind.HOUSING].deadline == items[ItemKind.HOUSING].deadline + dt.timedelta(days=14)
    assert after[ItemKind.HANDOVER].deadline == release + dt.timedelta(days=14)
    assert Case.objects.get(pk=w.running.pk).release_date == release + dt.timedelta(days=14)
    assert ProcessingRecord.objects.filter(object_type="aftercare-timeline", object_id=str(timeline.pk),
                                           action="update").exists()
    # The warm hand-over is recorded: by whom, to whom, done.
    handover = after[ItemKind.HANDOVER]
    recorded = services.handover_record(actor=w.director, item_id=handover.pk, by_organisation_id=w.prison.pk,
                                        to_organisation_id=w.triage.probation.pk, done=True,
                                        expected_version=handover.version)
    assert recorded.status == ItemStatus.DONE
    assert recorded.receiver_organisation == w.triage.probation
    assert recorded.completed_by == w.director
    assert Notification.objects.filter(kind=Kind.HANDOVER, user=w.triage.probation_pro,
                                       case_reference=w.running.reference).count() == 1


def test_a_stale_version_is_a_conflict_and_only_core_staff_change_the_date() -> None:
    w = make_aftercare_world()
    with pytest.raises(ValidationError) as error:
        services.release_date_set(actor=w.director, case_id=w.running.pk,
                                  release_date=timezone.localdate(), expected_version=99)
    assert error.value.code == "conflict"
    for outsider in (w.triage.police_pro, w.coordinator, w.officer):
        with pytest.raises(Http404):
            services.release_date_set(actor=outsider, case_id=w.running.pk, release_date=timezone.localdate())


def test_not_needed_needs_a_note_and_owners_are_partners() -> None:
    w = make_aftercare_world()
    debts = _items(w.running)[ItemKind.DEBTS]
    with pytest.raises(ValidationError) as error:
        services.item_update(actor=w.director, item_id=debts.pk, status=ItemStatus.NOT_NEEDED,
                             expected_version=debts.version)
    assert "note" in error.value.message_dict
    stranger = member(w.triage.house, Role.PARTNER_PROFESSIONAL).memberships.get().organisation
    stranger.partnerships.all().delete()
    with pytest.raises(ValidationError):
        services.item_update(actor=w.director, item_id=debts.pk, owner_organisation_id=stranger.pk,
                             expected_version=debts.version)
    item = services.item_update(actor=w.director, item_id=debts.pk, status=ItemStatus.NOT_NEEDED,
                                note="Geen schulden bekend.", owner_user_id=w.coordinator.pk,
                                expected_version=debts.version)
    assert item.status == ItemStatus.NOT_NEEDED
    assert item.owner_user == w.coordinator


def test_a_hand_over_not_done_needs_a_note() -> None:
    w = make_aftercare_world()
    handover = _items(w.running)[ItemKind.HANDOVER]
    with pytest.raises(ValidationError) as error:
        services.handover_record(actor=w.director, item_id=handover.pk, by_organisation_id=w.prison.pk,
                                 to_organisation_id=w.triage.probation.pk, done=False, expected_version=None)
    assert "note" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.handover_record(actor=w.director, item_id=handover.pk, by_organisation_id=w.prison.pk,
                                 to_organisation_id=w.prison.pk, done=True, expected_version=None)


def test_settings_change_the_offsets_of_new_timelines() -> None:
    w = make_aftercare_world()
    manager = member(w.triage.house, Role.HOUSE_MANAGER)
    days = {str(k): 10 for k in BASIC_CONDITIONS}
    with pytest.raises(Http404):
        services.settings_update(actor=w.director, house_id=w.house_id, days_before=days, check_weeks=4,
                                 expected_version=0)
    cfg = services.settings_update(actor=manager, house_id=w.house_id, days_before=days, check_weeks=4,
                                   expected_version=0)
    assert cfg.version == 1
    assert AftercareSettings.objects.get(house_id=w.house_id).check_weeks == 4
    with pytest.raises(ValidationError):
        services.settings_update(actor=manager, house_id=w.house_id, days_before=days, check_weeks=4,
                                 expected_version=0)
    release = timezone.localdate() + dt.timedelta(days=60)
    deadlines = services.deadlines(house_id=w.house_id, release_date=release)
    assert deadlines[ItemKind.HOUSING] == release - dt.timedelta(days=10)
    assert deadlines[ItemKind.AFTER_CHECK] == release + dt.timedelta(weeks=4)


def test_an_intake_with_a_release_date_gets_its_timeline_only_where_after_care_runs() -> None:
    w = make_aftercare_world()
    release = timezone.localdate() + dt.timedelta(days=50)

    def file() -> Case:
        return intake_file(actor=w.triage.filer, organisation=w.triage.police, house=w.triage.house,
                           subject_type=SubjectType.PERSON, persons=[PersonData("Anna", "Smit", dt.date(1988, 1, 2))],
                           reason="Komt vrij.", requested_purpose="Nazorg.", route=Route.AFTERCARE,
                           municipality=municipality("GM0512"), people_informed=PeopleInformed.YES,
                           release_date=release)
    case = file()
    assert Timeline.objects.get(case=case).release_date == release
    switch(w.house_id, on=False)
    assert not Timeline.objects.filter(case=file()).exists()


def _csv(*rows: str) -> bytes:
    return "\n".join([HEADER, *rows]).encode()


def test_import_matches_by_bsn_and_name_reports_refused_rows_and_stores_nothing_of_them() -> None:
    w = make_aftercare_world(released_in_days=35)
    new_date = timezone.localdate() + dt.timedelta(days=49)
    soon = (timezone.localdate() + dt.timedelta(days=20)).isoformat()
    job = services.release_import(actor=w.coordinator, house_id=w.house_id, filename="dpan.csv", content=_csv(
        f"{BSN};Jeroen;Bakker;1990-05-17;{new_date.isoformat()};PI Haaglanden;Gorinchem",
        f";Piet;Pietersen;1980-01-01;{soon};PI Haaglanden;GM0512",
        f"123456789;Klaas;Vaak;1980-01-01;{soon};PI Haaglanden;Gorinchem",
        f";Kees;Klaassen;1980-13-01;{soon};PI Haaglanden;Gorinchem",
        f";=HYPERLINK(1);Klaassen;1980-01-01;{soon};PI Haaglanden;Gorinchem",
        f";Jan;Jansen;1980-01-01;{soon};PI Dordrecht;Dordrecht",
        f";Piet;Pietersen;1980-01-01;{soon};PI Haaglanden;Gorinchem",
    ))
    assert (job.total_rows, job.accepted_rows, job.matched_rows) == (7, 2, 1)
    assert [(r["line"], r["field"]) for r in job.rejected] == [
        (4, "bsn"), (5, "geboortedatum"), (6, "voornaam"), (7, "gemeente"), (8, "achternaam")]
    assert ExpectedRelease.objects.filter(house_id=w.house_id).count() == 2
    assert not ExpectedRelease.objects.filter(last_name__in=["Vaak", "Jansen"]).exists()
    # The matched release moved the case's release date and its open deadlines.
    assert Case.objects.get(pk=w.running.pk).release_date == new_date
    assert _items(w.running)[ItemKind.HANDOVER].deadline == new_date
    matched = ExpectedRelease.objects.get(last_name="Bakker")
    assert matched.match == ReleaseMatch.MATCHED
    assert matched.case_id == w.running.pk
    # Delivered again: the earlier release is replaced, not doubled.
    services.release_import(actor=w.coordinator, house_id=w.house_id, filename="dpan2.csv",
                            content=_csv(f";Piet;Pietersen;1980-01-01;{new_date.isoformat()};PI Haaglanden;Gorinchem"))
    assert ExpectedRelease.objects.filter(last_name="Pietersen").count() == 1


def test_a_file_that_cannot_be_read_stores_nothing() -> None:
    w = make_aftercare_world()
    for content in (b"", b"bsn;naam\n1;2", b"\xff\xfe\x00\x01", HEADER.encode()):
        with pytest.raises(ValidationError):
            services.release_import(actor=w.coordinator, house_id=w.house_id, filename="x.csv", content=content)
    assert not ExpectedRelease.objects.exists()
    with pytest.raises(Http404):
        services.release_import(actor=w.officer, house_id=w.house_id, filename="x.csv", content=_csv())


def test_the_coordinator_files_an_intake_for_an_unmatched_release() -> None:
    w = make_aftercare_world()
    soon = timezone.localdate() + dt.timedelta(days=20)
    services.release_import(actor=w.coordinator, house_id=w.house_id, filename="dpan.csv",
                            content=_csv(f";Piet;Pietersen;1980-01-01;{soon.isoformat()};PI Haaglanden;Gorinchem"))
    release = ExpectedRelease.objects.get()
    with pytest.raises(Http404):
        services.release_intake_file(actor=w.other_coordinator, release_id=release.pk,
                                     organisation_id=w.municipality_org.pk, reason="x", requested_purpose="y",
                                     people_informed=PeopleInformed.YES)
    case = services.release_intake_file(actor=w.coordinator, release_id=release.pk,
                                        organisation_id=w.municipality_org.pk, reason="Komt vrij.",
                                        requested_purpose="Basisvoorwaarden op orde.",
                                        people_informed=PeopleInformed.YES)
    assert case.route == Route.AFTERCARE
    assert case.release_date == soon
    assert Timeline.objects.filter(case=case).exists()
    release.refresh_from_db()
    assert release.match == ReleaseMatch.INTAKE_FILED
    assert release.case == case
    with pytest.raises(ValidationError):
        services.release_intake_file(actor=w.coordinator, release_id=release.pk,
                                     organisation_id=w.municipality_org.pk, reason="x", requested_purpose="y",
                                     people_informed=PeopleInformed.YES)


def test_overdue_items_are_signalled_once() -> None:
    w = make_aftercare_world(released_in_days=10)  # the five basic conditions are past their deadlines
    assert services.signal_overdue_items() == 5
    assert Notification.objects.filter(kind=Kind.AFTERCARE_OVERDUE, user=w.director).count() == 5
    assert services.signal_overdue_items() == 0
    switch(w.house_id, on=False)
    TimelineItem.objects.update(reminded_on=None)
    assert services.signal_overdue_items() == 0
