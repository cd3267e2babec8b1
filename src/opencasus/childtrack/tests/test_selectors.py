from __future__ import annotations

import datetime as dt

import pytest
from django.http import Http404
from django.utils import timezone

from opencasus.cases.models import Case, Person
from opencasus.cases.tests.factories import PersonFactory
from opencasus.childtrack import selectors
from opencasus.childtrack.tests.factories import make_child_world, record_complete, years_ago
from opencasus.logbook.models import ProcessingRecord
from opencasus.plans.gates import adoption_blockers

pytestmark = pytest.mark.django_db


def test_minors_are_counted_on_the_filing_date() -> None:
    w = make_child_world()
    Case.objects.filter(pk=w.case.pk).update(filed_at=timezone.now() - dt.timedelta(days=200))
    turned_18_since = PersonFactory.create(case=w.case, date_of_birth=years_ago(18, days=100),
                                           first_name="Sem", last_name="Jansen")
    assert turned_18_since.date_of_birth is not None
    assert selectors.age_on(turned_18_since.date_of_birth, timezone.localdate()) == 18
    PersonFactory.create(case=w.case, date_of_birth=None, first_name="Onbekend", last_name="Jansen")
    case = Case.objects.get(pk=w.case.pk)
    names = [p.first_name for p in selectors.minors(case)]
    assert names == ["Sem", "Noor", "Daan"]
    assert turned_18_since.pk in {p.pk for p in selectors.minors(case)}


def test_age_on_birthday() -> None:
    assert selectors.age_on(dt.date(2008, 3, 1), dt.date(2026, 3, 1)) == 18
    assert selectors.age_on(dt.date(2008, 3, 2), dt.date(2026, 3, 1)) == 17


def test_case_child_track_logs_the_minors_only() -> None:
    w = make_child_world()
    record_complete(w, w.older)
    view = selectors.case_child_track(actor=w.participant, case_id=w.case.pk)
    assert view.applies
    assert view.by_target_group
    assert view.missing == ["Daan Jansen"]
    assert [r.complete for r in view.rows] == [True, False]
    subjects = set(ProcessingRecord.objects.filter(object_type="child-checks", action="view")
                   .values_list("data_subject", flat=True))
    assert subjects == {str(w.older.pseudonym), str(w.younger.pseudonym)}


def test_gate_answers_nothing_when_all_complete_or_no_minors() -> None:
    w = make_child_world()
    assert len(adoption_blockers(w.case)) == 1
    record_complete(w, w.older)
    record_complete(w, w.younger)
    assert adoption_blockers(w.case) == []
    Person.objects.filter(case=w.case).exclude(pk=w.parent.pk).delete()
    assert not selectors.applies(w.case)


def test_check_get_and_list_log_and_hide() -> None:
    w = make_child_world()
    check = record_complete(w, w.older)
    assert selectors.child_check_get(actor=w.director, check_id=check.pk) == check
    assert ProcessingRecord.objects.filter(object_type="child-check", action="view",
                                           object_id=str(check.pk)).count() == 1
    assert selectors.child_check_list(actor=w.participant, case_id=w.case.pk) == [check]
    for outsider in (w.world.probation_pro, w.world.filer, w.world.manager, w.world.other_house_director):
        with pytest.raises(Http404):
            selectors.child_check_get(actor=outsider, check_id=check.pk)
        with pytest.raises(Http404):
            selectors.child_check_list(actor=outsider, case_id=w.case.pk)
    with pytest.raises(Http404):
        selectors.child_check_get(actor=w.director, check_id=check.pk + 1000)


def test_workspace_section_hidden_when_switched_off() -> None:
    w = make_child_world(enabled=False)
    from opencasus.access.policy import CaseAccess

    assert selectors.workspace_child_track(actor=w.director, case=w.case, level=CaseAccess.CORE) is None
    with pytest.raises(Http404):
        selectors.case_child_track(actor=w.director, case_id=w.case.pk)


def test_configuration_readers() -> None:
    w = make_child_world()
    groups = selectors.configuration_get(actor=w.director, house_id=w.world.house.pk)
    assert [(g.name, chosen) for g, chosen in groups] == [("Huiselijk geweld", True)]
    for outsider in (w.participant, w.world.steering, w.world.other_house_director):
        with pytest.raises(Http404):
            selectors.configuration_get(actor=outsider, house_id=w.world.house.pk)
