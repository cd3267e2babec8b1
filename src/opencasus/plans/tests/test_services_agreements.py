from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from opencasus.logbook.models import ProcessingRecord
from opencasus.plans import services
from opencasus.plans.models import Agreement, AgreementNote
from opencasus.plans.tests.factories import World, in_days, world
from opencasus.plans.vocabulary import AgreementStatus, NoteKind

pytestmark = pytest.mark.django_db


def _agreement(w: World, **kwargs: Any) -> Agreement:
    defaults = {"description": "Huisbezoek afleggen", "owner_organisation": w.police, "owner_user": w.owner,
                "deadline": in_days(7), "source": "casusoverleg"}
    return services.agreement_create(actor=w.director, case_id=w.case.pk, **{**defaults, **kwargs})


def test_create_makes_plan_and_logs_per_person() -> None:
    w = world()
    agreement = _agreement(w)
    assert agreement.plan.case_id == w.case.pk
    assert agreement.status == AgreementStatus.OPEN
    assert agreement.house_id == w.case.house_id  # copied for management information
    records = ProcessingRecord.objects.filter(case_id=w.case.pk, object_type="agreement", action="create")
    assert records.count() == 3
    assert {r.activity_code for r in records} == {"action-plan"}
    assert {r.data_subject for r in records} == {str(p.pseudonym) for p in w.persons}
    assert {r.audit.username for r in records} == {w.director.username}


@pytest.mark.parametrize("who", ["owner", "participant", "outsider", "manager", "other_house_director", "filer"])
def test_only_core_staff_create(who: str) -> None:
    w = world()
    with pytest.raises(Http404):
        services.agreement_create(
            actor=getattr(w, who), case_id=w.case.pk, description="x", owner_organisation=w.police,
            deadline=in_days(3))
    assert not Agreement.objects.exists()


def test_create_validates_in_dutch() -> None:
    w = world()
    with pytest.raises(ValidationError) as exc:
        _agreement(w, description="  ")
    assert "Beschrijf wat is afgesproken." in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        _agreement(w, deadline=in_days(-1))
    assert "De deadline ligt in het verleden." in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        _agreement(w, owner_user=w.outsider)
    assert "neemt niet deel" in str(exc.value)
    assert not Agreement.objects.exists()
    assert not ProcessingRecord.objects.filter(object_type="agreement").exists()


def test_owner_updates_status_others_comment() -> None:
    w = world()
    agreement = _agreement(w)
    updated = services.agreement_update(actor=w.colleague, agreement_id=agreement.pk, expected_version=1,
                                        status=AgreementStatus.DONE, progress_note="Huisbezoek gedaan.")
    assert updated.status == AgreementStatus.DONE
    assert updated.version == 2
    assert updated.completed_at
    assert AgreementNote.objects.get().kind == NoteKind.PROGRESS
    with pytest.raises(PermissionDenied):
        services.agreement_update(actor=w.participant, agreement_id=agreement.pk, expected_version=2,
                                  status=AgreementStatus.OPEN)
    with pytest.raises(PermissionDenied):
        services.agreement_update(actor=w.owner, agreement_id=agreement.pk, expected_version=2,
                                  deadline=in_days(30))
    note = services.agreement_note_add(actor=w.participant, agreement_id=agreement.pk, text="Graag terugkoppeling.")
    assert note.kind == NoteKind.COMMENT
    with pytest.raises(Http404):
        services.agreement_note_add(actor=w.outsider, agreement_id=agreement.pk, text="x")


def test_concurrent_edits_to_one_agreement_end_in_a_conflict_not_a_lost_update() -> None:
    w = world()
    agreement = _agreement(w)
    # Both read version 1.
    first = services.agreement_update(actor=w.director, agreement_id=agreement.pk, expected_version=1,
                                      description="Huisbezoek met wijkagent")
    with pytest.raises(ValidationError) as exc:
        services.agreement_update(actor=w.owner, agreement_id=agreement.pk, expected_version=1,
                                  status=AgreementStatus.DONE, progress_note="Klaar")
    assert exc.value.code == "conflict"
    assert "door iemand anders gewijzigd" in str(exc.value.messages[0])
    agreement.refresh_from_db()
    assert agreement.description == "Huisbezoek met wijkagent"
    assert agreement.status == AgreementStatus.OPEN
    assert agreement.version == first.version == 2
    assert not AgreementNote.objects.exists()


def test_an_agreement_serves_a_goal_of_its_own_plan_only() -> None:

    from opencasus.cases.vocabulary import LifeDomain
    from opencasus.plans.tests.factories import in_days, world

    w, other = world(), world()
    goal = services.goal_add(actor=w.director, case_id=w.case.pk, life_domain=LifeDomain.HOUSING, description="Wonen")
    foreign = services.goal_add(actor=other.director, case_id=other.case.pk, life_domain=LifeDomain.DRUGS,
                                description="Elders")
    with pytest.raises(ValidationError) as exc:
        services.agreement_create(actor=w.director, case_id=w.case.pk, description="x", owner_organisation=w.police,
                                  deadline=in_days(3), goal=foreign.pk)
    assert "goal" in exc.value.message_dict
    agreement = services.agreement_create(actor=w.director, case_id=w.case.pk, description="x",
                                          owner_organisation=w.police, deadline=in_days(3), goal=goal)
    assert agreement.goal == goal
