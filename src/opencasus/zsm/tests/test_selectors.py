"""The ZSM table's question: only admitted cases with advice answer, only in the houses the client may ask,
and every question is logged in each house asked."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from opencasus.cases.models import Case
from opencasus.cases.workflow import Status
from opencasus.logbook.models import ProcessingRecord
from opencasus.zsm import selectors, services
from opencasus.zsm.tests.factories import BSN, zsm_world

pytestmark = pytest.mark.django_db


def test_an_admitted_case_with_advice_answers_with_the_advice_and_the_contact() -> None:
    z = zsm_world()
    services.advice_save(actor=z.w.director, case_id=z.case.pk, text="Voorwaardelijk sepot.", expected_version=0)
    answers = selectors.zsm_query(actor=z.client, bsn=BSN)
    assert [(a.house_name, a.advice) for a in answers] == [(z.w.house.name, "Voorwaardelijk sepot.")]
    assert z.w.director.get_full_name() in answers[0].contact.names
    by_name = selectors.zsm_query(actor=z.client, first_name=z.person.first_name, last_name=z.person.last_name,
                                  date_of_birth=z.person.date_of_birth)
    assert [a.advice for a in by_name] == ["Voorwaardelijk sepot."]
    search = ProcessingRecord.objects.filter(object_type="zsm-query", house_id=z.w.house.pk)
    declined_person = z.declined.persons.get()
    # Both persons found were processed (the declined intake's too), though only the admitted case answers.
    assert set(search.values_list("data_subject", flat=True)) == {str(z.person.pseudonym),
                                                                 str(declined_person.pseudonym)}
    assert ProcessingRecord.objects.filter(object_type="zsm-advice", action="export", case_id=z.case.pk).exists()


def test_without_advice_or_admission_the_person_is_not_known() -> None:
    z = zsm_world()
    assert selectors.zsm_query(actor=z.client, bsn=BSN) == []  # admitted, no advice; the declined intake neither
    services.advice_save(actor=z.w.director, case_id=z.case.pk, text="Advies.", expected_version=0)
    Case.objects.filter(pk=z.case.pk).update(status=Status.CLOSED)
    assert selectors.zsm_query(actor=z.client, bsn=BSN) == []
    assert not ProcessingRecord.objects.filter(object_type="zsm-advice", action="export").exists()


def test_a_client_of_another_house_learns_nothing_here() -> None:
    z = zsm_world()
    services.advice_save(actor=z.w.director, case_id=z.case.pk, text="Advies.", expected_version=0)
    assert selectors.zsm_query(actor=z.other_client, bsn=BSN) == []


@pytest.mark.parametrize("who", ["person_client", "director", "owner", "privacy_officer"])
def test_only_a_zsm_system_client_may_ask(who: str) -> None:
    z = zsm_world()
    actor = z.person_client if who == "person_client" else getattr(z.w, who)
    with pytest.raises(Http404):
        selectors.zsm_query(actor=actor, bsn=BSN)


def test_a_question_needs_a_valid_bsn_or_name_and_birth_date() -> None:
    z = zsm_world()
    with pytest.raises(ValidationError) as exc:
        selectors.zsm_query(actor=z.client, bsn="123456789")
    assert "elfproef" in exc.value.message_dict["bsn"][0] or "BSN" in exc.value.message_dict["bsn"][0]
    with pytest.raises(ValidationError):
        selectors.zsm_query(actor=z.client, first_name="Ria", last_name="")
