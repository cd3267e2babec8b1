import datetime as dt

import pytest

from opencasus.accounts.models import User
from opencasus.cases.hitcheck import hit_check, stored_hits
from opencasus.cases.models import CaseHit
from opencasus.cases.tests.factories import CaseFactory, PersonFactory
from opencasus.cases.workflow import Status
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import House, Role
from opencasus.network.tests.factories import HouseFactory, member

pytestmark = pytest.mark.django_db

BSN = "111222333"
DOB = dt.date(1988, 3, 4)


@pytest.fixture
def two_houses() -> tuple[House, House, User]:
    here = HouseFactory.create(name="Zorg- en Veiligheidshuis Hier", email="hier@example.invalid")
    there = HouseFactory.create(name="Veiligheidshuis Elders", email="elders@example.invalid")
    member(there, Role.PROCESS_DIRECTOR, first_name="Petra", last_name="Visser")
    director = member(here, Role.PROCESS_DIRECTOR)
    return here, there, director


def test_finds_same_bsn_in_another_house_and_shows_only_where_and_whom(two_houses: tuple[House, House, User]) -> None:
    here, there, director = two_houses
    other = CaseFactory.create(house=there, status=Status.ADMITTED, reason="Geheime inhoud")
    PersonFactory.create(case=other, first_name="Totaal", last_name="Anders", bsn=BSN,
                         date_of_birth=dt.date(1970, 1, 1))
    case = CaseFactory.create(house=here)
    person = PersonFactory.create(case=case, first_name="Mehmet", last_name="Özdemir", bsn=BSN, date_of_birth=DOB)

    hits = hit_check(actor=director, case=case)

    assert len(hits) == 1
    hit = hits[0]
    assert hit.person == person
    assert hit.matched_by == "bsn"
    assert hit.house_name == "Veiligheidshuis Elders"
    assert hit.where == "running_case"
    assert hit.contact.email == "elders@example.invalid"
    assert hit.contact.names == ("Petra Visser",)
    # Nothing of the other case travels with the hit.
    text = repr(hit.__dict__ | {"contact": str(hit.contact)})
    assert other.reference not in text
    assert "Geheime" not in text
    assert "Anders" not in text


def test_finds_spelling_variant_with_same_birth_date(two_houses: tuple[House, House, User]) -> None:
    here, there, director = two_houses
    other = CaseFactory.create(house=there, status=Status.IN_TRIAGE)
    PersonFactory.create(case=other, first_name="Mohammed", last_name="El Amrani", date_of_birth=DOB)
    case = CaseFactory.create(house=here)
    PersonFactory.create(case=case, first_name="Mohamed", last_name="Amrani", date_of_birth=DOB)
    PersonFactory.create(case=case, first_name="Mohamed", last_name="Amrani", date_of_birth=dt.date(1990, 1, 1))

    hits = hit_check(actor=director, case=case)

    assert [(h.matched_by, h.where, h.house_name) for h in hits] == [
        ("name_dob", "in_triage", "Veiligheidshuis Elders")]


def test_swapped_names_match(two_houses: tuple[House, House, User]) -> None:
    here, there, director = two_houses
    PersonFactory.create(case=CaseFactory.create(house=there), first_name="Berg", last_name="Jan van der",
                         date_of_birth=DOB)
    case = CaseFactory.create(house=here)
    PersonFactory.create(case=case, first_name="Jan", last_name="van den Berg", date_of_birth=DOB)
    assert [h.where for h in hit_check(actor=director, case=case)] == ["intake"]


@pytest.mark.parametrize("status", [Status.DECLINED, Status.ROUTED, Status.ADVICE_GIVEN, Status.CLOSED])
def test_inactive_cases_do_not_count(two_houses: tuple[House, House, User], status: str) -> None:
    here, there, director = two_houses
    PersonFactory.create(case=CaseFactory.create(house=there, status=status), bsn=BSN)
    case = CaseFactory.create(house=here)
    PersonFactory.create(case=case, bsn=BSN)
    assert hit_check(actor=director, case=case) == []


def test_different_bsns_are_different_people_even_with_same_name(two_houses: tuple[House, House, User]) -> None:
    here, there, director = two_houses
    PersonFactory.create(case=CaseFactory.create(house=there), first_name="Jan", last_name="Jansen", date_of_birth=DOB,
                  bsn="123456782")
    case = CaseFactory.create(house=here)
    PersonFactory.create(case=case, first_name="Jan", last_name="Jansen", date_of_birth=DOB, bsn=BSN)
    assert hit_check(actor=director, case=case) == []


def test_same_house_hit_and_own_case_excluded(two_houses: tuple[House, House, User]) -> None:
    here, _there, director = two_houses
    PersonFactory.create(case=CaseFactory.create(house=here), bsn=BSN)
    case = CaseFactory.create(house=here)
    PersonFactory.create(case=case, bsn=BSN)
    PersonFactory.create(case=case, bsn=BSN)  # the same BSN twice in this case does not hit itself
    hits = hit_check(actor=director, case=case)
    assert {h.same_house for h in hits} == {True}
    assert len(hits) == 2  # one per person of this case


def test_check_is_logged_here_and_there_and_hits_are_kept(two_houses: tuple[House, House, User]) -> None:
    here, there, director = two_houses
    other_person = PersonFactory.create(case=CaseFactory.create(house=there), bsn=BSN)
    case = CaseFactory.create(house=here)
    person = PersonFactory.create(case=case, bsn=BSN)

    hit_check(actor=director, case=case)

    ours = ProcessingRecord.objects.filter(house_id=here.pk, action="search", activity_code="intake", case_id=case.pk)
    assert [r.data_subject for r in ours] == [str(person.pseudonym)]
    theirs = ProcessingRecord.objects.filter(house_id=there.pk, action="search")
    assert [r.data_subject for r in theirs] == [str(other_person.pseudonym)]
    assert BSN not in "".join(r.purpose + r.object_id for r in ProcessingRecord.objects.all())
    assert CaseHit.objects.filter(case=case).count() == 1
    assert [h.house_name for h in stored_hits(case)] == ["Veiligheidshuis Elders"]

    # A second check replaces the kept hits.
    other_person.case.status = Status.DECLINED
    other_person.case.save()
    assert hit_check(actor=director, case=case) == []
    assert not CaseHit.objects.filter(case=case).exists()
    assert ours.all().count() == 2
