"""The privacy pages: only the house's privacy officer, every view logged, Dutch."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from opencasus.accounts.models import User
from opencasus.cases.models import Case, Person
from opencasus.cases.tests.factories import CaseFactory, PersonFactory
from opencasus.cases.workflow import Status
from opencasus.logbook.models import Action, ActivityCode, ProcessingRecord
from opencasus.logbook.services import Who, record_processing
from opencasus.network.models import House, Role
from opencasus.network.tests.factories import HouseFactory, member
from opencasus.privacy import services
from opencasus.privacy.models import (
    RetentionCategory,
    RetentionRun,
    RightsRequest,
    RightsRequestStatus,
    SubjectAccessRequest,
)
from opencasus.privacy.tests.factories import RetentionPolicyFactory, ended_case, officer

pytestmark = pytest.mark.django_db
BSN = "111222333"
Setup = tuple[House, User, Case, Person, SubjectAccessRequest, RetentionRun]


@pytest.fixture
def setup() -> Setup:
    house = HouseFactory.create()
    fg = officer(house)
    case = CaseFactory.create(house=house, status=Status.ADMITTED)
    person = PersonFactory.create(case=case, bsn=BSN, first_name="Henk", last_name="de Vries")
    sar = services.subject_access_request_create(actor=fg, house=house, requester_name="Henk de Vries",
                                                 received_on=dt.date.today(), bsn=BSN)
    run = services.retention_dry_run(actor=fg, house=house)
    return house, fg, case, person, sar, run


def pages(house: House, sar: SubjectAccessRequest, run: RetentionRun) -> list[tuple[str, str]]:
    h = house.pk
    return [
        ("get", reverse("privacy:house", args=[h])),
        ("post", reverse("privacy:dry-run", args=[h])),
        ("get", reverse("privacy:retention-run", args=[h, run.pk])),
        ("post", reverse("privacy:verify", args=[h])),
        ("get", reverse("privacy:signals", args=[h])),
        ("get", reverse("privacy:subject-access", args=[h])),
        ("get", reverse("privacy:subject-access-detail", args=[h, sar.pk])),
        ("get", reverse("privacy:subject-access-download", args=[h, sar.pk, "json"])),
        ("get", reverse("privacy:subject-access-download", args=[h, sar.pk, "pdf"])),
        ("get", reverse("privacy:rights-requests", args=[h])),
        ("get", reverse("privacy:rights-request", args=[h, sar.rights_request_id])),
        ("get", reverse("privacy:log", args=[h])),
        ("get", reverse("privacy:log-export", args=[h])),
    ]


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.PRIVACY_OFFICER] + ["other-house-officer"])
def test_access_matrix_everyone_but_the_privacy_officer_gets_404(
    setup: Setup, verified_client: Callable[[User], Client], role: str,
) -> None:
    house, _fg, _case, _person, sar, run = setup
    user = officer(HouseFactory.create()) if role == "other-house-officer" else member(house, role)
    client = verified_client(user)
    before = ProcessingRecord.objects.count()
    for method, url in [*pages(house, sar, run), ("get", reverse("privacy:index"))]:
        if role == "other-house-officer" and url == reverse("privacy:index"):
            continue
        response = getattr(client, method)(url, {"run_date": "2025-01-01"} if method == "post" else None)
        assert response.status_code == 404, (role, url)
    assert ProcessingRecord.objects.count() == before


def test_the_privacy_officer_reaches_every_page_and_each_view_is_logged(
    setup: Setup, verified_client: Callable[[User], Client],
) -> None:
    house, fg, _case, _person, sar, run = setup
    client = verified_client(fg)
    for method, url in pages(house, sar, run):
        before = ProcessingRecord.objects.filter(chain=house.pk, activity_code=ActivityCode.PRIVACY).count()
        response = getattr(client, method)(url, {"run_date": "2025-01-01"} if method == "post" else None)
        assert response.status_code in {200, 302}, url
        after = ProcessingRecord.objects.filter(chain=house.pk, activity_code=ActivityCode.PRIVACY).count()
        assert after > before, url
        last = ProcessingRecord.objects.filter(chain=house.pk).order_by("-sequence").first()
        assert last is not None
        assert last.audit.user_id == fg.pk
        assert last.audit.role == Role.PRIVACY_OFFICER


def test_menu_link_and_start_page_in_dutch(setup: Setup, verified_client: Callable[[User], Client]) -> None:
    house, fg, *_ = setup
    response = verified_client(fg).get("/")
    assert 'href="/privacy"' in response.content.decode()
    assert "Verwijderrun" not in response.content.decode()
    assert verified_client(fg).get("/privacy")["Location"] == reverse("privacy:house", args=[house.pk])
    other = member(house, Role.SECRETARY)
    assert 'href="/privacy"' not in verified_client(other).get("/").content.decode()


def test_start_page_shows_retention_with_example_label_and_the_last_verification(
    setup: Setup, verified_client: Callable[[User], Client],
) -> None:
    house, fg, *_ = setup
    RetentionPolicyFactory.create(house=house, category=RetentionCategory.CASE_CLOSED, period_months=24,
                                  source="Privacyconvenant art. 7", is_example=True)
    client = verified_client(fg)
    client.post(reverse("privacy:verify", args=[house.pk]))
    text = client.get(reverse("privacy:house", args=[house.pk])).content.decode()
    assert "24 maanden" in text
    assert "Voorbeeldwaarde" in text
    assert "Privacyconvenant art. 7" in text
    assert "Geen termijn ingesteld: er wordt niets verwijderd." in text
    assert "Intact" in text
    assert "Op verzoek" in text


def test_dry_run_page_lists_what_would_go(setup: Setup, verified_client: Callable[[User], Client]) -> None:
    house, fg, *_ = setup
    RetentionPolicyFactory.create(house=house, category=RetentionCategory.INTAKE_DECLINED, period_months=6)
    gone = ended_case(house, Status.DECLINED, dt.date(2024, 1, 1))
    client = verified_client(fg)
    response = client.post(reverse("privacy:dry-run", args=[house.pk]), {"run_date": "2025-01-01"}, follow=True)
    text = response.content.decode()
    assert gone.reference in text
    assert "Afgewezen aanmeldingen" in text
    assert "Er is niets verwijderd" in text


def test_subject_access_search_and_result(setup: Setup, verified_client: Callable[[User], Client]) -> None:
    house, fg, case, person, *_ = setup
    assert person.date_of_birth is not None
    client = verified_client(fg)
    response = client.post(reverse("privacy:subject-access", args=[house.pk]), {
        "requester_name": "H. de Vries", "received_on": dt.date.today().isoformat(), "first_name": "henk",
        "last_name": "De Vries", "date_of_birth": person.date_of_birth.isoformat()}, follow=True)
    text = response.content.decode()
    assert case.reference in text
    assert "Downloaden als PDF" in text
    response = client.post(reverse("privacy:subject-access", args=[house.pk]), {
        "requester_name": "X", "received_on": dt.date.today().isoformat(), "bsn": "123456789"})
    assert "elfproef" in response.content.decode()
    response = verified_client(fg).get(reverse("privacy:subject-access-download", args=[house.pk, 1, "exe"]))
    assert response.status_code == 404


def test_rights_request_register_and_handle_with_overdue_signal(
    setup: Setup, verified_client: Callable[[User], Client],
) -> None:
    house, fg, *_ = setup
    client = verified_client(fg)
    response = client.post(reverse("privacy:rights-requests", args=[house.pk]), {
        "kind": "erasure", "requester_name": "A. Jansen", "received_on": "2025-01-10",
        "description": "Wil dat alles wordt gewist."}, follow=True)
    item = RightsRequest.objects.get(kind="erasure")
    assert item.deadline == dt.date(2025, 2, 10)
    assert "Dit verzoek is over de uiterste datum." in response.content.decode()
    url = reverse("privacy:rights-request", args=[house.pk, item.pk])
    response = client.post(url, {"version": item.version, "status": RightsRequestStatus.REFUSED, "handling": ""})
    assert "Beschrijf hoe het verzoek is afgehandeld." in response.content.decode()
    client.post(url, {"version": item.version, "status": RightsRequestStatus.REFUSED,
                      "handling": "Wettelijke bewaarplicht; gemotiveerd afgewezen."})
    item.refresh_from_db()
    assert item.status == RightsRequestStatus.REFUSED
    assert item.decided_on == dt.date.today()
    response = client.post(url, {"version": 1, "status": RightsRequestStatus.GRANTED, "handling": "x"})
    assert "intussen door iemand anders gewijzigd" in response.content.decode()


def test_log_search_by_person_and_csv_export_is_logged(setup: Setup, verified_client: Callable[[User], Client]) -> None:
    house, fg, case, person, *_ = setup
    record_processing(action=Action.VIEW, activity_code=ActivityCode.CASE_CONFERENCE, purpose="=cmd|' /C calc'!A0",
                      who=Who(user_id=fg.pk, username="kees"), house_id=house.pk,
                      data_subjects=[str(person.pseudonym), "someone-else"], case_id=case.pk)
    client = verified_client(fg)
    url = reverse("privacy:log", args=[house.pk])
    response = client.get(url, {"bsn": BSN})
    text = response.content.decode()
    assert "Gevonden records" in text
    assert "someone-else" not in text
    assert str(person.pseudonym) in text
    response = client.get(url, {"case": case.reference.lower()})  # by reference, never by internal number
    text = response.content.decode()
    assert "Gevonden records" in text
    assert case.reference in text
    response = client.get(url, {"case": str(case.pk)})
    assert "Er is geen casus met dit kenmerk in dit huis." in response.content.decode()
    response = client.get(reverse("privacy:log-export", args=[house.pk]), {"case": case.reference})
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "someone-else" in body
    assert "'=cmd" in body
    exported = ProcessingRecord.objects.filter(chain=house.pk, action=Action.EXPORT, object_type="processing-log")
    assert {r.data_subject for r in exported} == {str(person.pseudonym), "someone-else"}
    response = client.get(url, {"from_date": "2025-02-01", "to_date": "2025-01-01"})
    assert "Het begin van de periode ligt na het einde." in response.content.decode()
