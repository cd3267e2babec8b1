from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from opencasus.cases.models import Case
from opencasus.cases.vocabulary import Route
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Municipality, Role
from opencasus.network.tests.factories import member
from opencasus.notifications.models import Kind, Notification
from opencasus.topx import selectors, services
from opencasus.topx.models import Candidate, CandidateImport
from opencasus.topx.tests.factories import EXITS, bsn, include, make_topx_world, propose, switch_on
from opencasus.topx.vocabulary import ReviewOutcome, Stage

pytestmark = pytest.mark.django_db


def csv_rows(rows: list[str]) -> bytes:
    return ("first_name,last_name,date_of_birth,bsn,score_1,score_2,score_3,motivation\n"
            + "\n".join(rows) + "\n").encode()


def test_a_list_keeps_its_criteria_in_order() -> None:
    w = make_topx_world()
    assert [c.position for c in w.topx_list.criteria.all()] == [1, 2, 3]
    assert [c.text for c in w.topx_list.exit_criteria.all()] == EXITS
    assert ProcessingRecord.objects.filter(object_type="topx-list", object_id=str(w.topx_list.pk)).exists()


def test_a_list_needs_criteria_and_a_sane_cycle() -> None:
    w = make_topx_world()
    with pytest.raises(ValidationError) as exc:
        services.topx_list_create(actor=w.director, house_id=w.triage.house.pk, name="Top X Drechtsteden",
                                  review_cycle_months=30, criteria=[], exit_criteria=[])
    assert set(exc.value.message_dict) == {"name", "review_cycle_months", "criteria", "exit_criteria"}


def test_a_partner_cannot_open_a_list() -> None:
    w = make_topx_world()
    with pytest.raises(Http404):
        services.topx_list_create(actor=w.triage.police_pro, house_id=w.triage.house.pk, name="Andere lijst",
                                  review_cycle_months=6, criteria=[services.CriterionData("x")], exit_criteria=["y"])


def test_criteria_do_not_change_once_someone_is_scored() -> None:
    w = make_topx_world()
    propose(w)
    with pytest.raises(ValidationError) as exc:
        services.topx_list_update(actor=w.director, list_id=w.topx_list.pk, expected_version=1,
                                  criteria=[services.CriterionData("Alleen dit", 5)])
    assert "criteria" in exc.value.message_dict


def test_a_stale_version_is_a_conflict() -> None:
    w = make_topx_world()
    services.topx_list_update(actor=w.director, list_id=w.topx_list.pk, expected_version=1, name="Top X 2027")
    with pytest.raises(ValidationError) as exc:
        services.topx_list_update(actor=w.director, list_id=w.topx_list.pk, expected_version=1, name="Top X 2028")
    assert exc.value.code == "conflict"


def test_a_partner_proposes_with_a_score_per_criterion() -> None:
    w = make_topx_world()
    candidate = propose(w)
    assert candidate.stage == Stage.PROPOSED
    assert candidate.total_score == 12
    assert candidate.bsn_hash
    assert bsn(1) not in candidate.bsn_encrypted
    assert ProcessingRecord.objects.filter(object_type="topx-candidate", data_subject=str(candidate.pseudonym),
                                           action="create").exists()


def test_a_proposal_is_refused_with_a_reason_per_field() -> None:
    w = make_topx_world()
    t = w.triage
    with pytest.raises(ValidationError) as exc:
        services.candidate_propose(actor=t.police_pro, list_id=w.topx_list.pk, organisation_id=t.police.pk,
                                   person=services.PersonInput("", "Jansen", dt.date(2999, 1, 1), "123456789"),
                                   scores={1: 9, 2: 1}, motivation=" ")
    assert set(exc.value.message_dict) == {"first_name", "date_of_birth", "bsn", "scores.1", "scores.3",
                                           "motivation"}
    assert not Candidate.objects.exists()


def test_the_same_person_is_not_proposed_twice() -> None:
    w = make_topx_world()
    propose(w, seed=3)
    with pytest.raises(ValidationError) as exc:
        propose(w, seed=3)
    assert "bsn" in exc.value.message_dict


def test_a_partner_proposes_only_for_their_own_organisation() -> None:
    w = make_topx_world()
    t = w.triage
    with pytest.raises(ValidationError):
        services.candidate_propose(actor=t.police_pro, list_id=w.topx_list.pk, organisation_id=t.probation.pk,
                                   person=services.PersonInput("A", "B"), scores={1: 1, 2: 1, 3: 1}, motivation="x")


def test_a_switched_off_house_accepts_nothing() -> None:
    w = make_topx_world()
    switch_on(w.triage.house.pk, on=False)
    with pytest.raises(Http404):
        propose(w)
    assert not selectors.topx_list_list(actor=w.director).exists()


def test_including_links_an_existing_case_of_the_person_and_sets_the_review() -> None:
    w = make_topx_world(cycle=6)
    candidate = include(w, propose(w, seed=5))
    assert candidate.stage == Stage.INCLUDED
    assert candidate.case is not None
    assert candidate.next_review_date is not None
    assert (candidate.next_review_date - timezone.localdate()).days in range(180, 185)
    assert candidate.decision_grounds == "Voldoet aan alle drie de criteria."


def test_a_case_of_someone_else_is_not_linked() -> None:
    w = make_topx_world()
    candidate = propose(w, seed=5)
    from opencasus.topx.tests.factories import admitted_case_for

    other = admitted_case_for(w, propose(w, seed=6))
    with pytest.raises(ValidationError) as exc:
        services.candidate_decide(actor=w.director, candidate_id=candidate.pk, include=True, grounds="Ja.",
                                  case_id=other.pk)
    assert "case" in exc.value.message_dict


def test_including_without_a_case_files_a_normal_intake_on_the_top_x_route() -> None:
    w = make_topx_world()
    candidate = propose(w, seed=7)
    place = Municipality.objects.filter(region_id=w.triage.house.region_id).first()
    assert place is not None
    decided = services.candidate_decide(
        actor=w.director, candidate_id=candidate.pk, include=True, grounds="Hoge score.",
        new_case=services.NewCase(requested_purpose="Eén gezamenlijke aanpak.", people_informed="yes",
                                  municipality_id=place.pk))
    assert decided.case_id is not None
    case = Case.objects.get(pk=decided.case_id)
    assert case.route == Route.TOP_X
    assert case.status == "submitted"
    assert case.persons.get().bsn_hash == candidate.bsn_hash


def test_not_including_needs_grounds_and_is_final() -> None:
    w = make_topx_world()
    candidate = propose(w)
    with pytest.raises(ValidationError):
        services.candidate_decide(actor=w.director, candidate_id=candidate.pk, include=False, grounds=" ")
    services.candidate_decide(actor=w.director, candidate_id=candidate.pk, include=False, grounds="Te lage score.")
    with pytest.raises(ValidationError) as exc:
        services.candidate_decide(actor=w.director, candidate_id=candidate.pk, include=False, grounds="Nog eens.")
    assert exc.value.code == "invalid_transition"


def test_a_partner_cannot_decide() -> None:
    w = make_topx_world()
    candidate = propose(w)
    with pytest.raises(Http404):
        services.candidate_decide(actor=w.triage.police_pro, candidate_id=candidate.pk, include=False, grounds="x")


def test_a_review_continues_or_exits_on_an_exit_criterion() -> None:
    w = make_topx_world()
    candidate = include(w, propose(w))
    review = services.review_record(actor=w.director, candidate_id=candidate.pk, outcome=ReviewOutcome.CONTINUE,
                                    grounds="Nog steeds actief.")
    candidate.refresh_from_db()
    assert candidate.stage == Stage.INCLUDED
    assert review.outcome == "continue"
    with pytest.raises(ValidationError) as exc:
        services.review_record(actor=w.director, candidate_id=candidate.pk, outcome=ReviewOutcome.EXIT,
                               grounds="Verhuisd.")
    assert "exit_criterion" in exc.value.message_dict
    exit_criterion = w.topx_list.exit_criteria.get(position=2)
    services.review_record(actor=w.director, candidate_id=candidate.pk, outcome=ReviewOutcome.EXIT,
                           grounds="Verhuisd naar Groningen.", exit_criterion_id=exit_criterion.pk)
    candidate.refresh_from_db()
    assert candidate.stage == Stage.EXITED
    assert candidate.next_review_date is None
    assert selectors.last_reviews(candidate_ids=[candidate.pk])[candidate.pk].exit_criterion == exit_criterion


def test_an_overdue_review_is_signalled_once_to_core_staff() -> None:
    w = make_topx_world()
    candidate = include(w, propose(w))
    Candidate.objects.filter(pk=candidate.pk).update(next_review_date=timezone.localdate() - dt.timedelta(days=3))
    assert services.signal_overdue_reviews() == 2  # the process director and the secretary
    assert services.signal_overdue_reviews() == 0
    users = set(Notification.objects.filter(kind=Kind.TOPX_REVIEW_OVERDUE).values_list("user_id", flat=True))
    assert users == {w.director.pk, w.triage.secretary.pk}
    assert selectors.reviews_overdue_count(actor=w.director) == 1
    assert selectors.reviews_overdue_count(actor=w.triage.police_pro) == 0


def test_no_signal_for_a_switched_off_house() -> None:
    w = make_topx_world()
    candidate = include(w, propose(w))
    Candidate.objects.filter(pk=candidate.pk).update(next_review_date=timezone.localdate() - dt.timedelta(days=3))
    switch_on(w.triage.house.pk, on=False)
    assert services.signal_overdue_reviews() == 0


def test_the_import_stores_valid_rows_and_reports_refused_ones() -> None:
    w = make_topx_world()
    content = csv_rows([
        f"Ria,Bakker,1990-02-03,{bsn(11)},3,2,1,Inbraken",
        "Jan,Smit,1991-13-01,,3,2,1,Overlast",
        f"Piet,Vos,1980-01-01,{bsn(11)},1,1,1,Dubbel",
        f"=cmd,Kok,1980-01-01,{bsn(12)},1,1,1,Formule",
        f"Els,Mol,,{bsn(13)},6,1,1,Te hoog",
        "Kees,Dijk,1985-05-05,123456789,1,1,1,Fout BSN",
    ])
    job = services.candidates_import(actor=w.director, list_id=w.topx_list.pk,
                                     organisation_id=w.triage.police.pk, filename="top.csv", content=content)
    assert (job.total_rows, job.stored_rows) == (6, 1)
    assert [(r["row"], r["field"]) for r in job.refused] == [
        (3, "date_of_birth"), (4, "bsn"), (5, "first_name"), (6, "score_1"), (7, "bsn")]
    assert all(r["reason"] for r in job.refused)
    assert list(Candidate.objects.values_list("last_name", flat=True)) == ["Bakker"]


@pytest.mark.parametrize(("content", "code"), [
    (b"", "empty"), ("Jos\xe9".encode("latin-1") * 3, "encoding"),
    (b"first_name,last_name\nA,B\n", "header"), (csv_rows([]), "empty"),
    (b"a" * 1_000_001, "too_large"), (csv_rows(["A,B,,\x00,1,1,1,x"]), "control_character"),
])
def test_a_file_that_cannot_be_read_is_refused_whole(content: bytes, code: str) -> None:
    w = make_topx_world()
    with pytest.raises(ValidationError) as exc:
        services.candidates_import(actor=w.director, list_id=w.topx_list.pk, organisation_id=w.triage.police.pk,
                                   filename="x.csv", content=content)
    assert exc.value.error_dict["file"][0].code == code
    assert not Candidate.objects.exists()
    assert not CandidateImport.objects.exists()


def test_only_core_staff_import() -> None:
    w = make_topx_world()
    with pytest.raises(Http404):
        services.candidates_import(actor=w.manager, list_id=w.topx_list.pk, organisation_id=w.triage.police.pk,
                                   filename="x.csv", content=csv_rows([f"A,B,,{bsn(1)},1,1,1,x"]))


def test_done_when_scenario() -> None:
    """A list with three criteria: 20 candidates imported (2 refused rows reported, nothing stored from them),
    5 included with grounds, one review overdue and signalled."""
    w = make_topx_world()
    rows = [f"Persoon,Jansen{i},1995-01-0{1 + i % 9},{bsn(100 + i)},{i % 6},{(i + 1) % 6},{(i + 2) % 6},"
            f"Politie: hoog aantal incidenten" for i in range(20)]
    rows.insert(4, f"Fout,Datum,1995-02-30,{bsn(300)},1,1,1,Datum klopt niet")
    rows.insert(9, "Fout,Bsn,1995-02-01,111111111,1,1,1,BSN klopt niet")
    job = services.candidates_import(actor=w.director, list_id=w.topx_list.pk, organisation_id=w.triage.police.pk,
                                     filename="politie-topx.csv", content=csv_rows(rows))
    assert job.stored_rows == 20
    assert len(job.refused) == 2
    assert [r["row"] for r in job.refused] == [6, 11]
    assert not Candidate.objects.filter(last_name__in=["Datum", "Bsn"]).exists()
    assert Candidate.objects.filter(topx_list=w.topx_list, stage=Stage.PROPOSED).count() == 20
    included = []
    for candidate in Candidate.objects.filter(topx_list=w.topx_list).order_by("id")[:5]:
        included.append(include(w, candidate))
    assert all(c.decision_grounds for c in included)
    assert Candidate.objects.filter(stage=Stage.INCLUDED, case__isnull=False).count() == 5
    Candidate.objects.filter(pk=included[0].pk).update(next_review_date=timezone.localdate() - dt.timedelta(days=1))
    assert services.signal_overdue_reviews() == 2
    assert selectors.reviews_overdue_count(actor=w.director) == 1
    assert selectors.candidate_list(actor=w.director, overdue=True).get().pk == included[0].pk


def test_a_participant_of_the_case_sees_that_candidate_only() -> None:
    w = make_topx_world()
    t = w.triage
    seen = include(w, propose(w, seed=1), participant=(t.probation, t.probation_pro))
    include(w, propose(w, seed=2))
    assert list(selectors.candidate_list(actor=t.probation_pro)) == [seen]
    other = member(t.house, Role.PARTNER_PROFESSIONAL, t.probation)
    assert not selectors.candidate_list(actor=other).exists()
