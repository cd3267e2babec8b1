from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from opencasus.childtrack import services
from opencasus.childtrack.models import ChildCheck, DomesticViolenceFlag, DomesticViolenceTargetGroup
from opencasus.childtrack.services import ChildCheckInput
from opencasus.childtrack.tests.factories import ChildWorld, complete_input, make_child_world, record_complete
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Approach, HouseApproach, TargetGroup
from opencasus.network.tests.factories import HouseFactory
from opencasus.plans import services as plans
from opencasus.plans.models import PlanVersion

pytestmark = pytest.mark.django_db


def _adopt(w: ChildWorld) -> PlanVersion:
    return plans.plan_adopt(actor=w.director, case_id=w.case.pk, expected_version=None)


def test_done_when_adoption_refused_until_both_children_checked() -> None:
    w = make_child_world()
    with pytest.raises(ValidationError) as refused:
        _adopt(w)
    message = " ".join(refused.value.messages)
    assert "Noor Jansen" in message
    assert "Daan Jansen" in message
    record_complete(w, w.older)
    with pytest.raises(ValidationError) as still:
        _adopt(w)
    assert "Daan Jansen" in " ".join(still.value.messages)
    assert "Noor Jansen" not in " ".join(still.value.messages)
    record_complete(w, w.younger, actor=w.participant)
    adopted = _adopt(w)
    assert adopted.number == 1
    assert PlanVersion.objects.filter(plan__case=w.case).count() == 1


def test_an_incomplete_check_keeps_the_gate_closed() -> None:
    w = make_child_world()
    record_complete(w, w.older)
    partial = dataclasses.replace(complete_input(w), board_involved=None, board_reason="")
    services.child_check_record(actor=w.director, case_id=w.case.pk, person_id=w.younger.pk, data=partial,
                                expected_version=0)
    with pytest.raises(ValidationError, match="Daan Jansen"):
        _adopt(w)
    check = ChildCheck.objects.get(person=w.younger)
    assert check.missing() == ["board"]


def test_switched_off_house_is_not_gated_and_refuses_checks() -> None:
    w = make_child_world(enabled=False)
    assert _adopt(w).number == 1
    with pytest.raises(Http404):
        services.child_check_record(actor=w.director, case_id=w.case.pk, person_id=w.older.pk,
                                    data=complete_input(w), expected_version=0)


def test_no_gate_without_domestic_violence_and_the_flag_sets_it() -> None:
    w = make_child_world()
    DomesticViolenceTargetGroup.objects.all().delete()
    services.domestic_violence_flag_set(actor=w.director, case_id=w.case.pk, flagged=True, note="Bij triage gezien.")
    with pytest.raises(ValidationError):
        _adopt(w)
    services.domestic_violence_flag_set(actor=w.director, case_id=w.case.pk, flagged=False)
    assert not DomesticViolenceFlag.objects.exists()
    assert _adopt(w).number == 1
    assert ProcessingRecord.objects.filter(object_type="domestic-violence-flag", action="delete").exists()


def test_participant_may_not_set_the_flag() -> None:
    w = make_child_world()
    with pytest.raises(Http404):
        services.domestic_violence_flag_set(actor=w.participant, case_id=w.case.pk, flagged=True)


def test_record_logs_the_child_and_versions() -> None:
    w = make_child_world()
    check = record_complete(w, w.older)
    assert check.version == 1
    assert check.house_id == w.case.house_id
    record = ProcessingRecord.objects.get(object_type="child-check", action="create", object_id=str(check.pk))
    assert record.data_subject == str(w.older.pseudonym)
    assert record.purpose == w.case.purpose
    with pytest.raises(ValidationError) as stale:
        services.child_check_record(actor=w.director, case_id=w.case.pk, person_id=w.older.pk,
                                    data=complete_input(w), expected_version=0)
    assert stale.value.code == "conflict"
    updated = record_complete(w, w.older)
    assert updated.version == 2
    assert ProcessingRecord.objects.filter(object_type="child-check", action="update").count() == 1


@pytest.mark.parametrize(("changes", "field"), [
    ({"seen_and_heard": False}, "seen_on"),
    ({"seen_on": timezone.localdate() + dt.timedelta(days=1)}, "seen_on"),
    ({"help_offered": False}, "help_organisation"),
    ({"safety_outcome": "fine"}, "safety_outcome"),
])
def test_invalid_answers_are_refused(changes: dict[str, object], field: str) -> None:
    w = make_child_world()
    data = dataclasses.replace(complete_input(w), **changes)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as refused:
        services.child_check_record(actor=w.director, case_id=w.case.pk, person_id=w.older.pk, data=data,
                                    expected_version=0)
    assert field in refused.value.message_dict
    assert not ChildCheck.objects.exists()


def test_help_organisation_must_be_a_partner_of_the_house() -> None:
    from opencasus.network.tests.factories import OrganisationFactory

    w = make_child_world()
    stranger = OrganisationFactory.create()
    data = dataclasses.replace(complete_input(w), help_organisation_id=stranger.pk)
    with pytest.raises(ValidationError, match=r"organisatie|organisation"):
        services.child_check_record(actor=w.director, case_id=w.case.pk, person_id=w.older.pk, data=data,
                                    expected_version=0)


def test_only_minors_get_a_check() -> None:
    w = make_child_world()
    with pytest.raises(ValidationError) as refused:
        services.child_check_record(actor=w.director, case_id=w.case.pk, person_id=w.parent.pk,
                                    data=ChildCheckInput(), expected_version=0)
    assert "person_id" in refused.value.message_dict


def test_configuration_by_manager_only() -> None:
    w = make_child_world()
    other = TargetGroup.objects.create(house=w.world.house, name="Jeugd")
    assert services.configuration_set(actor=w.world.manager, house_id=w.world.house.pk,
                                      target_group_ids=[other.pk]) == {other.pk}
    assert set(DomesticViolenceTargetGroup.objects.values_list("target_group_id", flat=True)) == {other.pk}
    with pytest.raises(Http404):
        services.configuration_set(actor=w.director, house_id=w.world.house.pk, target_group_ids=[])
    foreign = TargetGroup.objects.create(house=HouseFactory.create(), name="Elders")
    with pytest.raises(ValidationError):
        services.configuration_set(actor=w.world.manager, house_id=w.world.house.pk, target_group_ids=[foreign.pk])
    HouseApproach.objects.filter(approach=Approach.CHILD_TRACK).update(enabled=False)
    with pytest.raises(Http404):
        services.configuration_set(actor=w.world.manager, house_id=w.world.house.pk, target_group_ids=[])
