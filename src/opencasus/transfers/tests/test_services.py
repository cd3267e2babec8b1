"""Transfers between houses: proposing, accepting, declining; transferable items; co-directors."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from opencasus.cases.models import Case, InformationItem, Person, StatusChange
from opencasus.cases.workflow import Status
from opencasus.logbook.models import ProcessingRecord
from opencasus.logbook.verification import verify_all
from opencasus.plans.models import CaseClosure, Goal
from opencasus.plans.vocabulary import ClosureOutcome
from opencasus.transfers import services
from opencasus.transfers.models import CoDirector
from opencasus.transfers.tests.factories import make_transfer_world, propose
from opencasus.transfers.vocabulary import TransferStatus

pytestmark = pytest.mark.django_db


def records(house_id: int, action: str) -> int:
    return ProcessingRecord.objects.filter(house_id=house_id, object_type="transfer", action=action).count()


def test_propose_records_what_goes_along_in_both_logs() -> None:
    w = make_transfer_world()
    transfer = propose(w)
    assert transfer.status == TransferStatus.PROPOSED
    assert transfer.purpose == w.case.purpose
    assert transfer.questions == w.case.questions
    assert list(transfer.information_items.all()) == [w.shared_item]
    assert "Geen nieuwe winkeldiefstallen." in transfer.plan_snapshot
    assert "Wekelijks gesprek met de wijkagent." in transfer.plan_snapshot
    assert (transfer.plan_goal_count, transfer.plan_agreement_count, transfer.person_count) == (1, 1, 2)
    assert records(w.house_a.pk, "create") == 2  # one per person
    assert records(w.house_b.pk, "create") == 2


def test_propose_refuses_bad_choices() -> None:
    w = make_transfer_world()
    with pytest.raises(ValidationError) as exc:
        propose(w, to_house_id=w.house_a.pk, reason=" ", move_date=None, information_item_ids=[w.kept_item.pk])
    assert set(exc.value.message_dict) == {"to_house", "reason", "move_date", "information_items"}
    Goal.objects.all().delete()
    w.case.plan.adopted_version = 0
    w.case.plan.save()
    with pytest.raises(ValidationError) as exc:
        propose(w)
    assert "include_plan" in exc.value.message_dict


def test_only_process_direction_of_the_house_proposes() -> None:
    w = make_transfer_world()
    for actor in (w.secretary_a, w.partner_a, w.director_b, w.director_c):
        with pytest.raises(Http404):
            services.transfer_propose(actor=actor, case_id=w.case.pk, to_house_id=w.house_b.pk, reason="Verhuizing",
                                      move_date=w.case.filed_at.date())
    propose(w)
    with pytest.raises(ValidationError):
        propose(w)  # one open proposal per case


def test_accept_moves_the_case() -> None:
    w = make_transfer_world()
    transfer = propose(w)
    accepted = services.transfer_accept(actor=w.director_b, transfer_id=transfer.pk, reason="Wij nemen het over.")
    assert accepted.new_case_id is not None
    new = Case.objects.get(pk=accepted.new_case_id)
    assert new.house_id == w.house_b.pk
    assert new.status == Status.ADMITTED
    assert new.reference != w.case.reference
    assert new.purpose == w.case.purpose
    assert new.municipality.region_id == w.house_b.region_id
    assert sorted(p.first_name for p in new.persons.all()) == ["Jan", "Petra"]
    assert not set(new.persons.values_list("pseudonym", flat=True)) & set(w.case.persons.values_list("pseudonym",
                                                                                                     flat=True))
    jan = new.persons.get(first_name="Jan")
    assert jan.bsn_hash == w.persons[0].bsn_hash
    items = list(InformationItem.objects.filter(case=new))
    assert [(i.text, i.legal_basis, i.person_id) for i in items] == [
        (w.shared_item.text, w.shared_item.legal_basis, jan.pk)]
    history = StatusChange.objects.get(case=new)
    assert history.reason == f"Overgedragen van {w.case.reference} ({w.house_a.name})"
    assert list(new.plan.goals.values_list("description", flat=True)) == ["Geen nieuwe winkeldiefstallen."]
    w.case.refresh_from_db()
    assert w.case.status == Status.CLOSED
    assert CaseClosure.objects.get(case=w.case).outcome == ClosureOutcome.TRANSFERRED
    assert records(w.house_a.pk, "update") >= 1
    assert records(w.house_b.pk, "update") >= 1
    assert ProcessingRecord.objects.filter(house_id=w.house_b.pk, object_type="case", object_id=str(new.pk),
                                           action="create").exists()
    assert all(report.ok for report in verify_all())
    with pytest.raises(ValidationError):
        services.transfer_decline(actor=w.director_b, transfer_id=transfer.pk, reason="Toch niet.")


def test_decline_keeps_the_case() -> None:
    w = make_transfer_world()
    transfer = propose(w)
    with pytest.raises(ValidationError):
        services.transfer_decline(actor=w.director_b, transfer_id=transfer.pk, reason="")
    with pytest.raises(Http404):
        services.transfer_decline(actor=w.director_a, transfer_id=transfer.pk, reason="Niet aan jou.")
    with pytest.raises(Http404):
        services.transfer_accept(actor=w.secretary_b, transfer_id=transfer.pk)
    declined = services.transfer_decline(actor=w.director_b, transfer_id=transfer.pk,
                                         reason="Jan woont buiten onze regio.", expected_version=1)
    assert declined.status == TransferStatus.DECLINED
    assert declined.new_case is None
    w.case.refresh_from_db()
    assert w.case.status == Status.ADMITTED
    assert records(w.house_a.pk, "update") == 2
    assert records(w.house_b.pk, "update") == 2
    assert all(report.ok for report in verify_all())


def test_stale_version_conflicts() -> None:
    w = make_transfer_world()
    transfer = propose(w)
    with pytest.raises(ValidationError) as exc:
        services.transfer_accept(actor=w.director_b, transfer_id=transfer.pk, expected_version=7)
    assert exc.value.code == "conflict"


def test_only_the_contributor_marks_an_item_transferable() -> None:
    w = make_transfer_world()
    for actor in (w.director_a, w.director_b):
        with pytest.raises(Http404):
            services.information_item_mark_transferable(actor=actor, item_id=w.kept_item.pk, transferable=True)
    item = services.information_item_mark_transferable(actor=w.partner_a, item_id=w.kept_item.pk, transferable=True)
    assert item.transferable
    assert ProcessingRecord.objects.filter(object_type="information-item", object_id=str(item.pk),
                                           action="update").exists()


def test_co_director_and_their_participants() -> None:
    w = make_transfer_world()
    with pytest.raises(ValidationError):
        services.co_director_add(actor=w.director_a, case_id=w.case.pk, user_id=w.secretary_b.pk,
                                 house_id=w.house_b.pk)
    with pytest.raises(Http404):
        services.co_director_add(actor=w.secretary_a, case_id=w.case.pk, user_id=w.director_b.pk,
                                 house_id=w.house_b.pk)
    co = services.co_director_add(actor=w.director_a, case_id=w.case.pk, user_id=w.director_b.pk,
                                  house_id=w.house_b.pk)
    assert ProcessingRecord.objects.filter(object_type="co-director", house_id=w.house_b.pk).exists()
    participant = services.co_participant_add(actor=w.director_b, case_id=w.case.pk, co_director_id=co.pk,
                                              organisation_id=w.care_b.pk, user_id=w.partner_b.pk)
    assert participant.case_id == w.case.pk
    with pytest.raises(ValidationError):
        services.co_participant_add(actor=w.director_b, case_id=w.case.pk, co_director_id=co.pk,
                                    organisation_id=w.police_a.pk)
    services.co_director_end(actor=w.director_a, co_director_id=co.pk)
    assert not CoDirector.objects.active().filter(case=w.case).exists()
    assert Person.objects.filter(case=w.case).count() == 2
