import datetime as dt
import threading
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from opencasus.cases.models import Attachment, Case, CaseHit, InvolvedPartner, Person, StatusChange
from opencasus.cases.services import PartnerData, PersonData
from opencasus.cases.services.intake import house_prefix, next_reference
from opencasus.cases.tests import helpers as h
from opencasus.cases.tests.factories import CaseFactory, PersonFactory
from opencasus.cases.vocabulary import PeopleInformed, Relation, Route, SubjectType
from opencasus.cases.workflow import Status
from opencasus.core.identifiers import decrypt_identifier, identifier_hash
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Role, TargetGroup
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, member

pytestmark = pytest.mark.django_db


def nothing_stored() -> bool:
    return not (Case.objects.exists() or Person.objects.exists() or Attachment.objects.exists()
                or ProcessingRecord.objects.filter(activity_code="intake").exists())


def test_person_intake_is_stored_submitted_with_encrypted_bsn_and_logged() -> None:
    w = h.world()
    case = h.file_person_intake(w, involved_partners=[PartnerData(organisation_name="Wijkteam", contact="Els")])

    assert case.status == Status.SUBMITTED
    assert case.reference == f"{house_prefix(w.house)}-{dt.date.today().year}-0001"
    person = case.persons.get()
    assert person.bsn_hash == identifier_hash(h.VALID_BSN)
    assert decrypt_identifier(person.bsn_encrypted) == h.VALID_BSN
    assert h.VALID_BSN not in person.bsn_encrypted
    assert person.name_key == "boer kevin"
    change = StatusChange.objects.get(case=case)
    assert (change.from_status, change.to_status, change.changed_by) == ("", Status.SUBMITTED, w.partner)
    assert change.house_id == case.house_id == w.house.pk  # copied for management information
    assert InvolvedPartner.objects.get(case=case).organisation_name == "Wijkteam"
    created = ProcessingRecord.objects.get(action="create", object_type="case", case_id=case.pk)
    assert created.data_subject == str(person.pseudonym)
    assert created.activity_code == "intake"
    assert created.purpose == case.requested_purpose
    assert ProcessingRecord.objects.filter(action="search", case_id=case.pk).count() == 1
    assert h.VALID_BSN not in "".join(r.purpose for r in ProcessingRecord.objects.all())


def test_a_bsn_that_fails_the_eleven_test_is_refused_and_nothing_is_stored() -> None:
    w = h.world()
    with pytest.raises(ValidationError) as exc:
        h.file_person_intake(w, persons=[PersonData("Kevin", "de Boer", dt.date(1999, 2, 3), bsn=h.INVALID_BSN)],
                             attachments=[h.upload()])
    errors = exc.value.message_dict
    assert errors["persons.0.bsn"] == [
        "Persoon 1: dit is geen geldig BSN: het moet 9 cijfers hebben en voldoen aan de elfproef."]
    assert h.INVALID_BSN not in str(errors)
    assert nothing_stored()


@pytest.mark.parametrize(("overrides", "key", "message"), [
    ({"persons": [PersonData("Kevin", "Boer", dt.date.today() + dt.timedelta(days=1))]}, "persons.0.date_of_birth",
     "Persoon 1: de geboortedatum kan niet in de toekomst liggen."),
    ({"persons": [PersonData("", "Boer", dt.date(2000, 1, 1))]}, "persons.0.first_name",
     "Persoon 1: vul de voornaam in."),
    ({"route": Route.AFTERCARE}, "release_date", "Vul bij nazorg voor een ex-gedetineerde de datum van vrijlating in."),
    ({"people_informed": PeopleInformed.NO}, "not_informed_reason",
     "Leg uit waarom de betrokkenen niet zijn geïnformeerd."),
    ({"reason": " "}, "reason", "Beschrijf de reden van de aanmelding."),
    ({"subject_type": SubjectType.SYSTEM}, "persons",
     "Een aanmelding over een huishouden noemt ten minste twee leden."),
    ({"subject_type": SubjectType.AREA, "persons": []}, "area_description", "Beschrijf het gebied of thema."),
    ({"attachments": [h.upload("virus.exe", b"MZ")]}, "attachments.0",
     "“virus.exe” is geen toegestaan bestandstype. Toegestaan zijn: PDF, DOCX, ODT, PNG, JPG en TXT."),
    ({"attachments": [h.upload("nep.pdf", b"MZ not a pdf")]}, "attachments.0",
     "De inhoud van “nep.pdf” past niet bij het bestandstype."),
])
def test_invalid_input_gives_a_dutch_message_and_stores_nothing(overrides: Any, key: str, message: str) -> None:
    w = h.world()
    with pytest.raises(ValidationError) as exc:
        h.file_person_intake(w, **overrides)
    assert message in exc.value.message_dict[key]
    assert nothing_stored()


def test_attachment_size_limit() -> None:
    w = h.world()
    big = h.upload("groot.pdf", h.PDF + b"0" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError) as exc:
        h.file_person_intake(w, attachments=[big])
    assert exc.value.message_dict["attachments.0"] == ["“groot.pdf” is groter dan 10 MB."]
    assert nothing_stored()


def test_target_group_must_belong_to_the_house_and_municipality_to_its_region() -> None:
    w = h.world()
    foreign = TargetGroup.objects.create(house=HouseFactory.create(), name="Jeugd")
    rotterdam_area = h.Municipality.objects.get(code="GM0599")
    with pytest.raises(ValidationError) as exc:
        h.file_person_intake(w, target_group=foreign, municipality=rotterdam_area)
    assert set(exc.value.message_dict) == {"target_group", "municipality"}
    assert nothing_stored()


@pytest.mark.parametrize("role", [Role.HOUSE_MANAGER, Role.MUNICIPALITY_OFFICER, Role.STEERING_GROUP_MEMBER,
                                  Role.PRIVACY_OFFICER, Role.FUNCTIONAL_ADMINISTRATOR])
def test_only_partner_professionals_and_core_staff_may_file(role: str) -> None:
    w = h.world()
    organisation = OrganisationFactory.create()
    user = member(w.house, role, organisation)
    with pytest.raises(ValidationError) as exc:
        h.file_person_intake(w, actor=user, organisation=organisation)
    assert "organisation" in exc.value.message_dict
    assert nothing_stored()


def test_filing_for_another_organisation_or_house_is_refused() -> None:
    w = h.world()
    with pytest.raises(ValidationError):
        h.file_person_intake(w, organisation=OrganisationFactory.create())
    other = h.world()
    with pytest.raises(ValidationError):
        h.file_person_intake(w, actor=other.partner, organisation=other.police)
    assert nothing_stored()


def test_covenant_must_be_in_force() -> None:
    w = h.world()
    w.house.partnerships.filter(organisation=w.police).update(covenant_ended_on=dt.date(2024, 6, 1))
    with pytest.raises(ValidationError):
        h.file_person_intake(w)
    assert nothing_stored()


def test_core_staff_and_system_clients_may_file() -> None:
    w = h.world()
    case = h.file_person_intake(w, actor=w.secretary, organisation=w.secretary.memberships.get().organisation)
    assert case.filed_by == w.secretary
    zsm = OrganisationFactory.create(name="ZSM-tafel")
    client = member(w.house, Role.PARTNER_PROFESSIONAL, zsm, is_system_client=True)
    case2 = h.file_person_intake(w, actor=client, organisation=zsm,
                                 persons=[PersonData("Noah", "Visser", dt.date(2004, 1, 1))])
    assert case2.filed_by_organisation == zsm


def test_household_intake_with_two_children_and_attachments() -> None:
    w = h.world()
    case = h.file_person_intake(w, subject_type=SubjectType.SYSTEM, persons=h.household(),
                                attachments=[h.upload(), h.upload("foto.png", h.PNG),
                                             h.upload("brief.docx", h.docx_bytes()),
                                             h.upload("notitie.txt", b"Gesprek met moeder")])
    assert case.persons.filter(relation=Relation.CHILD).count() == 2
    assert case.persons.count() == 4
    assert [a.content_type for a in case.attachments.order_by("id")] == [
        "application/pdf", "image/png",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/plain"]
    stored = case.attachments.first()
    assert stored.file.name.startswith(f"cases/{case.pk}/")
    assert "verslag" not in stored.file.name
    assert ProcessingRecord.objects.filter(action="create", object_type="case", case_id=case.pk).count() == 4


def test_area_intake_with_group_members() -> None:
    w = h.world()
    case = h.file_person_intake(
        w, subject_type=SubjectType.AREA, area_description="Jeugdgroep rond winkelcentrum",
        neighbourhood="Crabbehof",
        persons=[PersonData("Sem", "Bakker", None, relation=Relation.GROUP_MEMBER),
                 PersonData("Daan", "Smit", dt.date(2007, 3, 3), relation=Relation.GROUP_MEMBER)])
    assert case.persons.count() == 2
    assert case.neighbourhood == "Crabbehof"


def test_same_bsn_twice_in_one_intake_is_refused() -> None:
    w = h.world()
    with pytest.raises(ValidationError) as exc:
        h.file_person_intake(w, subject_type=SubjectType.SYSTEM, persons=[
            PersonData("A", "B", dt.date(1990, 1, 1), bsn=h.VALID_BSN),
            PersonData("C", "D", dt.date(1991, 1, 1), bsn=h.VALID_BSN)])
    assert "persons.1.bsn" in exc.value.message_dict


def test_filing_runs_the_hit_check_and_keeps_hits() -> None:
    w = h.world()
    elsewhere = HouseFactory.create(name="Veiligheidshuis Elders", email="elders@vh.invalid")
    PersonFactory.create(case=CaseFactory.create(house=elsewhere), bsn=h.VALID_BSN)
    case = h.file_person_intake(w)
    hit = CaseHit.objects.get(case=case)
    assert (hit.house, hit.matched_by, hit.where) == (elsewhere, "bsn", "intake")


def test_references_count_per_house_per_year() -> None:
    w = h.world()
    first = next_reference(w.house, 2026)
    second = next_reference(w.house, 2026)
    assert first.endswith("-2026-0001")
    assert second.endswith("-2026-0002")
    assert next_reference(w.house, 2027).endswith("-2027-0001")


def test_house_prefix_from_the_name() -> None:
    house = HouseFactory.create(name="Zorg- en Veiligheidshuis Zuid-Holland Zuid")
    assert house_prefix(house) == "ZHZ"
    assert house_prefix(HouseFactory.create(name="Veiligheidshuis Rotterdam-Rijnmond")) == "RR"


@pytest.mark.django_db(transaction=True)
def test_references_are_unique_under_concurrency() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    w = h.world()
    results: list[str] = []

    def take() -> None:
        from django.db import transaction

        try:
            with transaction.atomic():
                results.append(next_reference(w.house, 2030))
        finally:
            connection.close()

    threads = [threading.Thread(target=take) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [f"{house_prefix(w.house)}-2030-{n:04d}" for n in range(1, 9)]
