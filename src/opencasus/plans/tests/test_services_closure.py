import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from opencasus.access.policy import CaseAccess, case_access
from opencasus.cases.models import Case, StatusChange
from opencasus.cases.workflow import Status
from opencasus.logbook.models import ProcessingRecord
from opencasus.plans import services
from opencasus.plans.models import CaseClosure
from opencasus.plans.tests.factories import world
from opencasus.plans.vocabulary import ClosureOutcome

pytestmark = pytest.mark.django_db


def test_close_with_outcome_and_hand_over_then_reopen() -> None:
    w = world()
    closure = services.case_close(actor=w.director, case_id=w.case.pk, outcome=ClosureOutcome.REGULAR_CARE,
                                  handed_over_to=w.care, note="Wijkteam neemt over.", expected_version=w.case.version)
    case = Case.objects.get(pk=w.case.pk)
    assert case.status == Status.CLOSED
    assert case.closed_at is not None
    assert closure.handed_over_to == w.care
    assert closure.outcome == ClosureOutcome.REGULAR_CARE
    assert StatusChange.objects.filter(case=case, to_status=Status.CLOSED).exists()
    assert ProcessingRecord.objects.filter(case_id=case.pk, object_type="case-closure", action="create").count() == 3
    # Participants read along during the read-only period, then their access ends; core staff keep it.
    assert case_access(actor=w.owner, case=case) == CaseAccess.PARTICIPANT
    later = timezone.now() + dt.timedelta(days=case.house.read_only_days_after_closure + 1)
    assert case_access(actor=w.owner, case=case, now=later) < CaseAccess.PARTICIPANT
    assert case_access(actor=w.director, case=case, now=later) == CaseAccess.CORE
    reopened = services.case_reopen(actor=w.director, case_id=case.pk, reason="Nieuwe incidenten.")
    assert reopened is not None
    assert reopened.reopen_reason == "Nieuwe incidenten."
    assert reopened.reopened_by == w.director
    case.refresh_from_db()
    assert case.status == Status.ADMITTED
    assert case.closed_at is None


def test_closure_validation_and_access() -> None:
    w = world()
    with pytest.raises(ValidationError) as exc:
        services.case_close(actor=w.director, case_id=w.case.pk, outcome=ClosureOutcome.REGULAR_CARE)
    assert "warme overdracht" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        services.case_close(actor=w.director, case_id=w.case.pk, outcome=ClosureOutcome.OTHER)
    assert "Licht de uitkomst toe" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        services.case_close(actor=w.director, case_id=w.case.pk, outcome=ClosureOutcome.MOVED_AWAY,
                            expected_version=w.case.version - 1 if w.case.version > 1 else 99)
    assert exc.value.code == "conflict"
    for user in (w.owner, w.manager, w.other_house_director):
        with pytest.raises(Http404):
            services.case_close(actor=user, case_id=w.case.pk, outcome=ClosureOutcome.MOVED_AWAY)
    with pytest.raises(ValidationError):
        services.case_reopen(actor=w.director, case_id=w.case.pk, reason="x")  # not closed
    assert not CaseClosure.objects.exists()
    assert Case.objects.get(pk=w.case.pk).status == Status.ADMITTED


def test_closing_settles_open_agreements_and_escalations() -> None:
    from opencasus.plans.models import Agreement, AgreementNote, Escalation
    from opencasus.plans.selectors import agreement_list
    from opencasus.plans.tests.factories import in_days
    from opencasus.plans.vocabulary import AgreementStatus, EscalationLevel, EscalationStatus

    w = world()
    pending = services.agreement_create(actor=w.director, case_id=w.case.pk, description="Huisbezoek",
                                        owner_organisation=w.police, owner_user=w.owner, deadline=in_days(5))
    done = services.agreement_create(actor=w.director, case_id=w.case.pk, description="Intake GGZ",
                                     owner_organisation=w.care, deadline=in_days(3))
    services.agreement_update(actor=w.director, agreement_id=done.pk, expected_version=None,
                              status=AgreementStatus.DONE)
    escalation = services.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.OPERATIONAL,
                                           organisation=w.police, reason="Geen huisbezoek", agreement_id=pending.pk)
    assert list(agreement_list(actor=w.owner, mine=True, status=AgreementStatus.OPEN)) == [pending]
    services.case_close(actor=w.director, case_id=w.case.pk, outcome=ClosureOutcome.MOVED_AWAY)
    pending.refresh_from_db()
    escalation.refresh_from_db()
    assert pending.status == AgreementStatus.CANCELLED
    assert Agreement.objects.get(pk=done.pk).status == AgreementStatus.DONE
    assert "Verhuisd" in AgreementNote.objects.get(agreement=pending).text
    assert escalation.status == EscalationStatus.CLOSED
    assert "Verhuisd" in escalation.response
    assert not list(agreement_list(actor=w.owner, mine=True, status=AgreementStatus.OPEN))
    assert not list(agreement_list(actor=w.owner, mine=True, overdue=True, today=in_days(30)))
    assert not Escalation.objects.filter(case=w.case, status__in=("open", "answered")).exists()
    assert ProcessingRecord.objects.filter(case_id=w.case.pk, object_type="escalation", action="update").exists()


def test_closing_that_fails_settles_nothing() -> None:
    from opencasus.plans.models import Agreement
    from opencasus.plans.tests.factories import in_days
    from opencasus.plans.vocabulary import AgreementStatus

    w = world()
    pending = services.agreement_create(actor=w.director, case_id=w.case.pk, description="Huisbezoek",
                                        owner_organisation=w.police, deadline=in_days(5))
    with pytest.raises(ValidationError):
        services.case_close(actor=w.director, case_id=w.case.pk, outcome=ClosureOutcome.MOVED_AWAY,
                            expected_version=999)
    assert Agreement.objects.get(pk=pending.pk).status == AgreementStatus.OPEN
