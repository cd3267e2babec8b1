"""The case detail writes its nested lists out directly: the same data as the serializers it replaces."""

import pytest
from django.core.files.base import ContentFile

from opencasus.cases.api.serializers import (
    AttachmentSerializer,
    InformationItemSerializer,
    ParticipantOutSerializer,
    StatusChangeOutSerializer,
    _participant,
    attachment_data,
    information_item_data,
)
from opencasus.cases.models import Attachment, InformationItem
from opencasus.cases.tests.factories import CaseFactory, ParticipantFactory
from opencasus.cases.vocabulary import SharingScope
from opencasus.cases.workflow import Status
from opencasus.network.tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_lean_case_detail_parts_equal_the_serializers() -> None:
    case = CaseFactory.create(status=Status.ADMITTED)
    change = case.status_changes.create(house_id=case.house_id, from_status="", to_status=Status.SUBMITTED)
    org, other = OrganisationFactory.create(), OrganisationFactory.create()
    author = UserFactory.create(first_name="Ada", last_name="Bakker")
    item = InformationItem.objects.create(case=case, organisation=org, author=author, life_domain="housing",
                                          text="Huurachterstand", sharing_scope=SharingScope.NAMED_ORGANISATIONS,
                                          legal_basis="Convenant")
    item.shared_with.set([other, org])
    attachment = Attachment(case=case, filename="rapport.pdf", content_type="application/pdf", size=4,
                            description="Rapport", uploaded_by=author, sharing_scope=SharingScope.ALL_PARTICIPANTS)
    attachment.file.save("rapport.pdf", ContentFile(b"%PDF"), save=True)
    named = ParticipantFactory.create(case=case, organisation=org, user=author)
    unnamed = ParticipantFactory.create(case=case, organisation=other, user=None)

    assert information_item_data(item) == dict(InformationItemSerializer(item).data)
    assert attachment_data(attachment) == dict(AttachmentSerializer(attachment).data)
    for participant in (named, unnamed):
        assert _participant(participant) == dict(ParticipantOutSerializer(participant).data)
    [expected] = StatusChangeOutSerializer([change], many=True).data
    assert dict(expected) == {"status": Status.SUBMITTED, "changed_at": expected["changed_at"]}
