"""The art. 15 export: everything about one person across cases, nothing about anyone else."""

import datetime as dt
import json
import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from opencasus.accounts.models import User
from opencasus.cases.models import InformationItem, Participant, Person
from opencasus.cases.tests.factories import CaseFactory, PersonFactory
from opencasus.cases.vocabulary import LifeDomain, Relation, SharingScope
from opencasus.cases.workflow import Status
from opencasus.logbook.models import Action, ActivityCode, ProcessingRecord
from opencasus.logbook.services import Who, record_processing
from opencasus.network.models import House
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, UserFactory
from opencasus.privacy import services
from opencasus.privacy.tests.factories import officer

pytestmark = pytest.mark.django_db
BSN = "111222333"
Household = tuple[House, User, Person, Person, Person, Person]


@pytest.fixture
def household() -> Household:
    house = HouseFactory.create()
    fg = officer(house)
    police, care, housing = (OrganisationFactory.create(name="Politie Test"),
                             OrganisationFactory.create(name="GGZ Test"),
                             OrganisationFactory.create(name="Woonbron Test"))
    first = CaseFactory.create(house=house, status=Status.ADMITTED, filed_by_organisation=police,
                               purpose="Samen de overlast stoppen")
    me = PersonFactory.create(case=first, first_name="Fatima", last_name="el Amrani", bsn=BSN,
                              date_of_birth=dt.date(1985, 3, 3), address="Kerkstraat 1")
    partner = PersonFactory.create(case=first, relation=Relation.PARTNER, first_name="Youssef", last_name="Bakkali",
                                   date_of_birth=dt.date(1980, 1, 1), address="Kerkstraat 1")
    child = PersonFactory.create(case=first, relation=Relation.CHILD, first_name="Noor", last_name="Bakkali",
                                 date_of_birth=dt.date(2015, 6, 6))
    Participant.objects.create(case=first, organisation=care)
    author = UserFactory.create()
    InformationItem.objects.create(case=first, organisation=care, author=author, person=me,
                                   life_domain=LifeDomain.EMOTIONAL_WELLBEING, text="Behandeling loopt",
                                   sharing_scope=SharingScope.NAMED_ORGANISATIONS, legal_basis="convenant")
    shared = InformationItem.objects.first()
    assert shared is not None
    shared.shared_with.add(housing)
    InformationItem.objects.create(case=first, organisation=care, author=author, person=partner,
                                   life_domain=LifeDomain.DRUGS, text="Cocaïnegebruik partner",
                                   sharing_scope=SharingScope.ALL_PARTICIPANTS, legal_basis="convenant")
    second = CaseFactory.create(house=house, status=Status.CLOSED)
    me_again = PersonFactory.create(case=second, first_name="Fatima", last_name="El-Amrani", bsn=BSN,
                                    date_of_birth=dt.date(1985, 3, 3))
    for case, people in [(first, [me, partner, child]), (second, [me_again])]:
        record_processing(action=Action.VIEW, activity_code=ActivityCode.CASE_CONFERENCE, purpose="Casusoverleg",
                          who=Who(user_id=author.pk, username=author.username, organisation_id=care.pk),
                          house_id=house.pk, data_subjects=[str(p.pseudonym) for p in people], case_id=case.pk)
    other_house = HouseFactory.create()
    PersonFactory.create(case=CaseFactory.create(house=other_house), bsn=BSN, first_name="Fatima",
                         last_name="el Amrani")
    return house, fg, me, me_again, partner, child


def test_export_holds_all_cases_recipients_and_log_entries_of_the_person(household: Household) -> None:
    house, fg, me, me_again, partner, child = household
    sar = services.subject_access_request_create(actor=fg, house=house, requester_name="F. el Amrani",
                                                 received_on=dt.date.today(), bsn=BSN)
    assert set(sar.pseudonyms) == {str(me.pseudonym), str(me_again.pseudonym)}
    export, content = services.subject_access_export(actor=fg, request=sar, fmt="json")
    assert len(export["cases"]) == 2
    assert export["cases"][0]["person"]["lastName"] == "el Amrani"
    assert export["cases"][0]["source"] == "Politie Test"
    assert export["cases"][0]["informationItems"][0]["recipients"] == ["Woonbron Test"]
    assert set(export["recipients"]) == {"GGZ Test", "Woonbron Test"}
    # the two case views, and the search of this request (one record per person found)
    assert [e["activity"] for e in export["processingLog"]] == ["case-conference"] * 2 + ["privacy"] * 2
    text = content.decode()
    for other in ["Youssef", "Bakkali", "Noor", "1980-01-01", "2015-06-06", "Cocaïne", str(partner.pseudonym),
                  str(child.pseudonym), BSN]:
        assert other not in text
    assert json.loads(content)["requesterName"] == "F. el Amrani"


def test_search_by_name_and_date_of_birth_tolerates_spelling(household: Household) -> None:
    house, _fg, me, me_again, *_ = household
    found = services.find_pseudonyms(house=house, first_name="fatima", last_name="El Amrani",
                                     date_of_birth=dt.date(1985, 3, 3))
    assert set(found) == {str(me.pseudonym), str(me_again.pseudonym)}


def test_pdf_export_is_a_pdf_and_is_logged_per_person(household: Household) -> None:
    house, fg, me, me_again, *_ = household
    sar = services.subject_access_request_create(actor=fg, house=house, requester_name="F", received_on=dt.date.today(),
                                                 bsn=BSN)
    _export, content = services.subject_access_export(actor=fg, request=sar, fmt="pdf")
    assert content.startswith(b"%PDF")
    logged = ProcessingRecord.objects.filter(chain=house.pk, action=Action.PRINT, object_type="subject-access-request")
    assert {r.data_subject for r in logged} == {str(me.pseudonym), str(me_again.pseudonym)}


def test_the_access_request_gets_a_deadline_of_one_month(household: Household) -> None:
    house, fg, *_ = household
    sar = services.subject_access_request_create(actor=fg, house=house, requester_name="F",
                                                 received_on=dt.date(2025, 1, 31), bsn=BSN)
    assert sar.deadline == dt.date(2025, 2, 28)
    assert sar.rights_request is not None
    assert sar.rights_request.deadline == dt.date(2025, 2, 28)
    assert sar.rights_request.kind == "access"


def test_invalid_bsn_or_missing_name_is_refused_in_dutch(household: Household) -> None:
    from django.core.exceptions import ValidationError

    house, fg, *_ = household
    with pytest.raises(ValidationError, match="elfproef"):
        services.subject_access_request_create(actor=fg, house=house, requester_name="F",
                                               received_on=dt.date.today(), bsn="123456789")
    with pytest.raises(ValidationError, match="BSN"):
        services.subject_access_request_create(actor=fg, house=house, requester_name="F",
                                               received_on=dt.date.today(), first_name="F")


def test_the_report_is_readable_for_the_person_it_is_about(
    household: Household, verified_client: Callable[[User], Client],
) -> None:
    """Plain Dutch with an explanation, Dutch dates, each recipient once, the log summarised per
    organisation and month with every record in an annex."""
    house, fg, me, _me_again, *_ = household
    first = me.case
    care = Participant.objects.get(case=first).organisation
    # care again, a named professional
    Participant.objects.create(case=first, organisation=care, user=UserFactory.create())
    at = dt.datetime(2026, 3, 5, 14, 7, tzinfo=dt.UTC)
    for day in (0, 1, 2, 40):  # three views in March, one in April
        record_processing(action=Action.VIEW, activity_code=ActivityCode.CASE_CONFERENCE, purpose="Casusoverleg",
                          who=Who(user_id=fg.pk, username="prof", organisation_id=care.pk), house_id=house.pk,
                          data_subjects=[str(me.pseudonym)], case_id=first.pk,
                          started_at=at + dt.timedelta(days=day))
    sar = services.subject_access_request_create(actor=fg, house=house, requester_name="F. el Amrani",
                                                 received_on=dt.date(2026, 4, 20), bsn=BSN)
    page = verified_client(fg).get(reverse("privacy:subject-access-detail", args=[house.pk, sar.pk])).content.decode()
    assert "Wat is dit overzicht?" in page
    assert "artikel 15" in page
    assert "Wat kunt u doen?" in page
    assert "20 april 2026" in page
    assert "20 mei 2026" in page
    assert "2026-04-20" not in page
    assert "5 maart 2026, 15:07" in page  # Amsterdam time in the annex
    assert "3 maart 1985" in page
    assert "1985-03-03" not in page
    assert page.count("<li>GGZ Test: sinds") == 1  # each organisation once per case
    summary = page[page.index("Wie uw gegevens heeft gebruikt"):page.index("Bijlage: elk gebruik")]
    rows = re.findall(r"<tr><td[^>]*>(\w+ \d{4})</td><td[^>]*>([^<]+)</td>", summary)
    assert ("maart 2026", "GGZ Test") in rows
    assert ("april 2026", "GGZ Test") in rows
    assert len(rows) == len(set(rows))  # one row per month and organisation
    assert "case-conference" not in page
    annex = page[page.index("Bijlage: elk gebruik"):]
    assert annex.count("GGZ Test") >= 5  # every record, one by one: the two case views and the four above


def test_the_pdf_speaks_dutch_too(household: Household) -> None:
    from django.template.loader import render_to_string
    from django.utils import translation

    from opencasus.privacy.subject_access import build_export, for_reading

    house, fg, *_ = household
    sar = services.subject_access_request_create(actor=fg, house=house, requester_name="F",
                                                 received_on=dt.date(2026, 1, 2), bsn=BSN)
    with translation.override("nl"):
        html = render_to_string("privacy/subject_access_pdf.html", {"export": for_reading(build_export(sar))})
    assert f"Uw persoonsgegevens bij {house.name}" in html
    assert "2 januari 2026" in html
