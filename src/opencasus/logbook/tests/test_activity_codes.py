"""Activity codes are the codes of the register of processing activities; any other code fails loudly."""

import pytest

from opencasus.logbook.models import Action, ActivityCode, ProcessingRecord
from opencasus.logbook.register import DEFAULT_ACTIVITIES
from opencasus.logbook.services import Processing, Who, record_processing, record_processing_many
from opencasus.network.tests.factories import HouseFactory

pytestmark = pytest.mark.django_db


def test_the_enum_is_the_default_register():
    assert [code for code, *_ in DEFAULT_ACTIVITIES] == list(ActivityCode)
    assert {str(code) for code in ActivityCode} == {
        "intake", "triage", "case-conference", "action-plan", "privacy", "management-information", "network"}


def test_every_enum_code_links_to_its_register_entry():
    house = HouseFactory()
    for code in ActivityCode:
        [record] = record_processing(action=Action.VIEW, activity_code=code, purpose="t", house_id=house.pk,
                                     who=Who(username="t"))
        assert record.activity is not None
        assert record.activity.code == code
        assert ProcessingRecord.objects.get(pk=record.pk).activity_code == str(code)


@pytest.mark.parametrize("code", ["unknown", "Intake", "case_conference", ""])
def test_an_unknown_code_raises_at_the_call_and_logs_nothing(code):
    house = HouseFactory()
    with pytest.raises(ValueError):
        record_processing(action=Action.VIEW, activity_code=code, purpose="t", house_id=house.pk,
                          who=Who(username="t"))
    with pytest.raises(ValueError):
        Processing(action=Action.VIEW, activity_code=code, purpose="t", house_id=house.pk, who=Who(username="t"))
    assert not ProcessingRecord.objects.filter(house_id=house.pk).exists()


def test_a_batch_with_one_unknown_code_logs_nothing():
    house = HouseFactory()
    with pytest.raises(ValueError):
        record_processing_many([
            Processing(action=Action.VIEW, activity_code=ActivityCode.INTAKE, purpose="t", house_id=house.pk,
                       who=Who(username="t")),
            Processing(action=Action.VIEW, activity_code="intke", purpose="t", house_id=house.pk,
                       who=Who(username="t")),
        ])
    assert not ProcessingRecord.objects.filter(house_id=house.pk).exists()
