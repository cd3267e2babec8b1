"""The Top X pages end to end: opening a list, proposing, reading in the police list, the decision and a review,
and the start page's count of overdue reviews."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.network.models import Municipality
from opencasus.topx.models import Candidate, TopXList
from opencasus.topx.tests.factories import admitted_case_for, bsn, include, make_topx_world, propose
from opencasus.topx.vocabulary import Stage

pytestmark = pytest.mark.django_db
HEADER = "first_name,last_name,date_of_birth,bsn,score_1,score_2,score_3,motivation\n"


def test_core_staff_open_a_list_with_their_own_criteria(verified_client: Callable[[User], Client]) -> None:
    w = make_topx_world()
    response = verified_client(w.director).post("/topx/nieuw", {
        "house": w.triage.house.pk, "name": "Top X Jeugd", "review_cycle_months": 3, "max_score": 3,
        "criteria": "Jonger dan 23\nLid van een jeugdgroep\nGeweld", "exit_criteria": "Een jaar geen incidenten"})
    assert response.status_code == 302
    topx_list = TopXList.objects.get(name="Top X Jeugd")
    assert [c.max_score for c in topx_list.criteria.all()] == [3, 3, 3]
    page = verified_client(w.director).get(response["Location"]).content.decode()
    assert "Lid van een jeugdgroep" in page
    assert "Elke persoon op de lijst wordt elke 3 maanden herbeoordeeld." in page


def test_a_list_refuses_a_form_without_criteria_in_dutch(verified_client: Callable[[User], Client]) -> None:
    w = make_topx_world()
    response = verified_client(w.director).post("/topx/nieuw", {
        "house": w.triage.house.pk, "name": "Top X Jeugd", "review_cycle_months": 6, "max_score": 5,
        "criteria": " ", "exit_criteria": "x"})
    assert response.status_code == 400
    assert "Dit veld is verplicht." in response.content.decode()


def test_a_partner_proposes_and_sees_the_status_only(verified_client: Callable[[User], Client]) -> None:
    w = make_topx_world()
    t = w.triage
    client = verified_client(t.police_pro)
    response = client.post(f"/topx/{w.topx_list.pk}/voordragen", {
        "organisation": t.police.pk, "first_name": "Kevin", "last_name": "Jansen", "date_of_birth": "2001-03-04",
        "bsn": bsn(1), "score_1": 4, "score_2": 3, "score_3": 5, "motivation": "Veel woninginbraken."})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Voorgedragen" in page
    assert "Veel woninginbraken." not in page  # the proposer sees the status, not the file


def test_reading_in_shows_the_report_of_refused_rows(verified_client: Callable[[User], Client]) -> None:
    w = make_topx_world()
    client = verified_client(w.director)
    content = (HEADER + f"Ria,Bakker,1990-02-03,{bsn(11)},3,2,1,Inbraken\n"
               "Jan,Smit,1990-02-30,,3,2,1,Overlast\n" f"Piet,Vos,1980-01-01,123456789,1,1,1,Fout\n").encode()
    response = client.post(f"/topx/{w.topx_list.pk}/importeren", {
        "organisation": w.triage.police.pk, "file": SimpleUploadedFile("top.csv", content, "text/csv")})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Geweigerde regels: daarvan is niets opgeslagen" in page
    assert "Dit is geen geldig BSN" in page
    assert "geen datum" in page
    assert list(Candidate.objects.values_list("last_name", flat=True)) == ["Bakker"]


def test_the_triage_table_includes_with_a_running_case_and_reviews(verified_client: Callable[[User], Client]
                                                                   ) -> None:
    w = make_topx_world()
    candidate = propose(w, seed=4)
    case = admitted_case_for(w, candidate)
    client = verified_client(w.director)
    response = client.post(f"/topx/kandidaten/{candidate.pk}", {
        "decision-version": 1, "decision-decision": "include", "decision-grounds": "Hoge score op alle criteria.",
        "decision-case_choice": "existing", "decision-case": case.pk})
    assert response.status_code == 302, response.content.decode()[-2000:]
    candidate.refresh_from_db()
    assert candidate.stage == Stage.INCLUDED
    assert candidate.case_id == case.pk
    exit_criterion = w.topx_list.exit_criteria.first()
    assert exit_criterion is not None
    response = client.post(f"/topx/kandidaten/{candidate.pk}", {
        "review-version": candidate.version, "review-outcome": "exit", "review-exit_criterion": exit_criterion.pk,
        "review-reviewed_on": timezone.localdate().isoformat(), "review-grounds": "Twee jaar niets."})
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.stage == Stage.EXITED


def test_a_new_intake_from_the_decision_form(verified_client: Callable[[User], Client]) -> None:
    w = make_topx_world()
    candidate = propose(w, seed=4)
    place = Municipality.objects.filter(region_id=w.triage.house.region_id).first()
    assert place is not None
    response = verified_client(w.director).post(f"/topx/kandidaten/{candidate.pk}", {
        "decision-version": 1, "decision-decision": "include", "decision-grounds": "Hoge score.",
        "decision-case_choice": "new", "decision-requested_purpose": "Eén aanpak.",
        "decision-municipality": place.pk, "decision-people_informed": "yes"})
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.case is not None
    assert candidate.case.route == "top_x"


def test_a_stale_decision_form_keeps_the_input(verified_client: Callable[[User], Client]) -> None:
    w = make_topx_world()
    candidate = propose(w)
    response = verified_client(w.director).post(f"/topx/kandidaten/{candidate.pk}", {
        "decision-version": 7, "decision-decision": "not_include", "decision-grounds": "Te laag."})
    assert response.status_code == 409
    assert "Te laag." in response.content.decode()


def test_the_start_page_counts_overdue_reviews(verified_client: Callable[[User], Client]) -> None:
    w = make_topx_world()
    candidate = include(w, propose(w))
    Candidate.objects.filter(pk=candidate.pk).update(next_review_date=timezone.localdate() - dt.timedelta(days=1))
    page = verified_client(w.director).get("/").content.decode()
    assert "Top X-herbeoordelingen verlopen" in page
    listing = verified_client(w.director).get("/topx/kandidaten?overdue=on").content.decode()
    assert candidate.name in listing
    assert "Top X" not in verified_client(w.officer).get("/").content.decode().split("<main")[1]
