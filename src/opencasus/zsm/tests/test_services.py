"""Recording, changing and withdrawing the ZSM advice: who, validation, versions, the processing log."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from opencasus.cases.models import Case
from opencasus.cases.workflow import Status
from opencasus.logbook.models import ProcessingRecord
from opencasus.zsm import services
from opencasus.zsm.models import ZsmAdvice
from opencasus.zsm.tests.factories import zsm_world

pytestmark = pytest.mark.django_db


def test_a_process_director_records_changes_and_withdraws_the_advice() -> None:
    z = zsm_world()
    advice = services.advice_save(actor=z.w.director, case_id=z.case.pk, text=" Voorwaardelijk sepot. ",
                                  expected_version=0)
    assert (advice.text, advice.version) == ("Voorwaardelijk sepot.", 1)
    changed = services.advice_save(actor=z.w.director, case_id=z.case.pk, text="Taakstraf.", expected_version=1)
    assert changed.version == 2
    services.advice_withdraw(actor=z.w.director, case_id=z.case.pk, expected_version=2)
    assert not ZsmAdvice.objects.exists()
    actions = set(ProcessingRecord.objects.filter(object_type="zsm-advice", case_id=z.case.pk)
                  .values_list("action", flat=True))
    assert actions == {"create", "delete", "update"}
    assert ProcessingRecord.objects.filter(object_type="zsm-advice", action="create").count() == 3  # 3 persons


def test_a_stale_version_is_a_conflict_and_changes_nothing() -> None:
    z = zsm_world()
    services.advice_save(actor=z.w.director, case_id=z.case.pk, text="Eerste.", expected_version=0)
    with pytest.raises(ValidationError) as exc:
        services.advice_save(actor=z.w.director, case_id=z.case.pk, text="Tweede.", expected_version=0)
    assert exc.value.code == "conflict"
    assert ZsmAdvice.objects.get().text == "Eerste."


@pytest.mark.parametrize("text", ["", "   ", "x" * 1001])
def test_empty_or_too_long_advice_is_refused_in_dutch(text: str) -> None:
    z = zsm_world()
    with pytest.raises(ValidationError) as exc:
        services.advice_save(actor=z.w.director, case_id=z.case.pk, text=text, expected_version=0)
    assert exc.value.message_dict["text"][0].split()[0] in {"Schrijf", "Houd"}
    assert not ZsmAdvice.objects.exists()


def test_the_secretary_reads_but_does_not_record() -> None:
    z = zsm_world()
    with pytest.raises(PermissionDenied):
        services.advice_save(actor=z.w.secretary, case_id=z.case.pk, text="Advies.", expected_version=0)


@pytest.mark.parametrize("who", ["owner", "participant", "filer", "manager", "other_house_director"])
def test_anyone_else_gets_not_found(who: str) -> None:
    z = zsm_world()
    with pytest.raises(Http404):
        services.advice_save(actor=z.w.members[who], case_id=z.case.pk, text="Advies.", expected_version=0)


def test_no_advice_on_a_case_that_is_not_admitted() -> None:
    z = zsm_world()
    Case.objects.filter(pk=z.case.pk).update(status=Status.CLOSED)
    with pytest.raises(PermissionDenied):
        services.advice_save(actor=z.w.director, case_id=z.case.pk, text="Advies.", expected_version=0)
