"""Deleting an expired case: everything under it goes, figures stay, the deletion is logged."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from pytest_django import DjangoCaptureOnCommitCallbacks

from opencasus.cases.models import Attachment, Case, InformationItem, Person
from opencasus.cases.tests.factories import PersonFactory
from opencasus.cases.vocabulary import LifeDomain, Relation, SharingScope
from opencasus.cases.workflow import Status
from opencasus.logbook import partitions
from opencasus.logbook.models import Action, ActivityCode, ChainHead, ProcessingRecord
from opencasus.logbook.services import Who, record_processing
from opencasus.logbook.verification import verify_all
from opencasus.network.models import House
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, UserFactory
from opencasus.privacy import deletion
from opencasus.privacy.models import AnonymisedCaseRecord, RetentionCategory
from opencasus.privacy.tests.factories import RetentionPolicyFactory, at, ended_case

pytestmark = pytest.mark.django_db


def _case_with_everything(house: House, day: dt.date) -> tuple[Case, Person, Person, Attachment]:
    case = ended_case(house, Status.CLOSED, day)
    subject = PersonFactory.create(case=case, first_name="Jan", last_name="Jansen", bsn="111222333")
    child = PersonFactory.create(case=case, relation=Relation.CHILD, first_name="Pim", last_name="Jansen")
    org, author = OrganisationFactory.create(), UserFactory.create()
    InformationItem.objects.create(case=case, organisation=org, author=author, person=subject,
                                   life_domain=LifeDomain.HOUSING, text="Huurachterstand", legal_basis="convenant",
                                   sharing_scope=SharingScope.ALL_PARTICIPANTS)
    attachment = Attachment(case=case, filename="verslag.pdf", content_type="application/pdf", size=5,
                            uploaded_by=author)
    attachment.file.save("verslag.pdf", ContentFile(b"%PDF-"), save=False)
    attachment.save()
    return case, subject, child, attachment


def test_deleting_a_case_removes_persons_items_attachments_and_files(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    house = HouseFactory.create()
    RetentionPolicyFactory.create(house=house, category=RetentionCategory.CASE_CLOSED, period_months=12)
    case, subject, child, attachment = _case_with_everything(house, dt.date(2024, 5, 2))
    storage, name = attachment.file.storage, attachment.file.name
    assert name is not None
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        run = deletion.run_retention(house=house, today=dt.date(2025, 5, 2), dry_run=False)
    assert run.summary == {RetentionCategory.CASE_CLOSED: 1}
    assert not Case.objects.filter(pk=case.pk).exists()
    assert not Person.objects.filter(pk__in=[subject.pk, child.pk]).exists()
    assert not InformationItem.objects.filter(case_id=case.pk).exists()
    assert not Attachment.objects.filter(pk=attachment.pk).exists()
    assert not storage.exists(name)
    record = AnonymisedCaseRecord.objects.get(house=house)
    assert (record.person_count, record.child_count, record.final_status) == (2, 1, Status.CLOSED)
    assert record.closed_month == dt.date(2024, 5, 1)
    assert record.filed_month == dt.date(2024, 4, 1)
    assert record.triage_outcome == Status.ADMITTED
    assert record.municipality_id == case.municipality_id
    stored = {f.name for f in AnonymisedCaseRecord._meta.get_fields()}
    assert not stored & {"first_name", "last_name", "date_of_birth", "bsn_hash", "reason", "reference", "case"}


def test_the_deletion_is_logged_with_pseudonyms_and_without_content() -> None:
    house = HouseFactory.create()
    RetentionPolicyFactory.create(house=house, category=RetentionCategory.CASE_CLOSED, period_months=12)
    case, subject, child, _a = _case_with_everything(house, dt.date(2024, 5, 2))
    deletion.run_retention(house=house, today=dt.date(2025, 6, 1), dry_run=False)
    records = ProcessingRecord.objects.filter(chain=house.pk, action=Action.DELETE, case_id=case.pk)
    assert {r.data_subject for r in records} == {str(subject.pseudonym), str(child.pseudonym)}
    assert all(r.activity_code == "privacy" and r.object_type == "case" for r in records)
    assert all("Jansen" not in r.purpose for r in records)
    first = records.first()
    assert first is not None
    assert first.audit.username == "system:retention"


def test_attachments_can_expire_before_their_case() -> None:
    house = HouseFactory.create()
    RetentionPolicyFactory.create(house=house, category=RetentionCategory.CASE_CLOSED, period_months=60)
    RetentionPolicyFactory.create(house=house, category=RetentionCategory.ATTACHMENTS, period_months=3)
    case, _s, _c, attachment = _case_with_everything(house, dt.date(2025, 1, 15))
    assert deletion.run_retention(house=house, today=dt.date(2025, 4, 14), dry_run=False).summary == {}
    run = deletion.run_retention(house=house, today=dt.date(2025, 4, 15), dry_run=False)
    assert run.summary == {RetentionCategory.ATTACHMENTS: 1}
    assert Case.objects.filter(pk=case.pk).exists()
    assert not Attachment.objects.filter(pk=attachment.pk).exists()


def test_a_case_reopened_after_the_list_was_made_stays() -> None:
    house = HouseFactory.create()
    RetentionPolicyFactory.create(house=house, category=RetentionCategory.CASE_CLOSED, period_months=1)
    case = ended_case(house, Status.CLOSED, dt.date(2024, 1, 1))
    Case.objects.filter(pk=case.pk).update(status=Status.ADMITTED, closed_at=None)
    assert deletion.case_delete_expired(case_id=case.pk, today=dt.date(2025, 1, 1)) is False
    assert Case.objects.filter(pk=case.pk).exists()


def test_expired_log_records_are_purged_and_the_log_still_verifies() -> None:
    house = HouseFactory.create()
    RetentionPolicyFactory.create(house=house, category=RetentionCategory.PROCESSING_LOG, period_months=12)
    for day in [dt.date(2023, 1, 5), dt.date(2023, 6, 1), dt.date(2024, 6, 1)]:
        record_processing(action=Action.VIEW, activity_code=ActivityCode.INTAKE, purpose="t", house_id=house.pk,
                          who=Who(username="u"), data_subjects=["a", "b"], started_at=at(day))
    run = deletion.run_retention(house=house, today=dt.date(2024, 6, 1), dry_run=False)
    assert run.summary == {RetentionCategory.PROCESSING_LOG: 4}
    remaining = ProcessingRecord.objects.filter(chain=house.pk).order_by("sequence")
    first, last = remaining.first(), remaining.last()
    assert first is not None
    assert last is not None
    assert first.started_at == at(dt.date(2024, 6, 1))
    assert last.action == Action.DELETE
    assert last.object_id == "1-4"
    assert all(r.ok for r in verify_all())


@pytest.mark.postgres
def test_a_year_expired_for_every_house_is_dropped_whole_by_one_house_run() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the log is partitioned on PostgreSQL only")
    partitions.ensure_partitions(first_year=2019)
    one, two = HouseFactory.create(), HouseFactory.create()
    for house, months in ((one, 12), (two, 6)):
        RetentionPolicyFactory.create(house=house, category=RetentionCategory.PROCESSING_LOG, period_months=months)
        for day in [dt.date(2019, 5, 1), dt.date(2021, 5, 1)]:
            record_processing(action=Action.VIEW, activity_code=ActivityCode.INTAKE, purpose="t", house_id=house.pk,
                              who=Who(username="u"), data_subjects=["a", "b"], started_at=at(day))
    run = deletion.run_retention(house=one, today=dt.date(2021, 6, 1), dry_run=False)
    assert run.summary == {RetentionCategory.PROCESSING_LOG: 2}
    assert partitions.year_partition_name(2019) not in {p.name for p in partitions.partitions()}
    assert [h.purged_through_sequence for h in ChainHead.objects.filter(chain__in=[one.pk, two.pk])
            .order_by("chain")] == [2, 2]
    assert ProcessingRecord.objects.filter(chain=two.pk, action=Action.DELETE, object_id="1-2").exists()
    assert all(r.ok for r in verify_all())
