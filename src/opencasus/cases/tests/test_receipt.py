"""The filer's read-only receipt of an intake, as a page and as a PDF."""

import pytest
from django.urls import reverse

from opencasus.cases import services
from opencasus.cases.vocabulary import LifeDomain, SharingScope
from opencasus.core.tests.clients import VerifiedClient
from opencasus.core.tests.world import World
from opencasus.logbook.models import ProcessingRecord
from opencasus.plans.tests.factories import world

pytestmark = pytest.mark.django_db

EVERYONE = ["director", "secretary", "owner", "colleague", "participant", "outsider", "filer", "manager", "steering",
            "municipality_officer", "privacy_officer", "administrator", "other_house_director"]


@pytest.fixture
def w() -> World:
    w = world()
    w.case.reason = "Zorgen om de veiligheid van Sem"
    w.case.feedback_to_filer = "Besproken in het weegoverleg; toegelaten."
    w.case.save()
    services.information_item_add(actor=w.owner, case_id=w.case.pk, organisation_id=w.police.pk, person_id=None,
                                  life_domain=LifeDomain.HOUSING, text="Later toegevoegd door de politie",
                                  sharing_scope=SharingScope.ALL_PARTICIPANTS, shared_with_ids=[],
                                  legal_basis="Convenant")
    return w


@pytest.mark.parametrize("role", EVERYONE)
def test_only_the_filer_and_core_staff_get_the_receipt(w: World, role: str, verified_client: VerifiedClient) -> None:
    client = verified_client(getattr(w, role))
    for name in ("cases:receipt", "cases:receipt-pdf"):
        response = client.get(reverse(name, args=[w.case.pk]))
        assert response.status_code == (200 if role in {"filer", "director", "secretary"} else 404), (name, role)


def test_receipt_shows_what_was_filed_status_and_feedback_only(w: World, verified_client: VerifiedClient) -> None:
    page = verified_client(w.filer).get(reverse("cases:receipt", args=[w.case.pk])).content.decode()
    assert "Zorgen om de veiligheid van Sem" in page
    assert "Besproken in het weegoverleg; toegelaten." in page
    assert "Ria Vermeer" in page
    assert "Later toegevoegd door de politie" not in page
    assert w.case.purpose not in page  # fixed at triage by the house, not filed
    assert ProcessingRecord.objects.filter(case_id=w.case.pk, object_type="intake-receipt", action="view").exists()


def test_receipt_pdf(w: World, verified_client: VerifiedClient) -> None:
    response = verified_client(w.filer).get(reverse("cases:receipt-pdf", args=[w.case.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert w.case.reference in response["Content-Disposition"]
    assert ProcessingRecord.objects.filter(case_id=w.case.pk, object_type="intake-receipt-pdf",
                                           action="export").count() == len(w.persons)
