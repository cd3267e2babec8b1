"""The plans part of the "done when" scenario: a household case with two parents and three children."""

import pytest
from django.core import mail

from opencasus.cases.models import Case
from opencasus.cases.tests.factories import PersonFactory
from opencasus.cases.vocabulary import LifeDomain, Relation
from opencasus.cases.workflow import Status
from opencasus.core.start import start_sections
from opencasus.plans import services
from opencasus.plans.models import Agreement, Plan
from opencasus.plans.tests.factories import a_meeting, in_days, world
from opencasus.plans.vocabulary import (
    AgreementStatus,
    ClosureOutcome,
    EscalationLevel,
    EscalationOutcome,
    InterventionLine,
)

pytestmark = pytest.mark.django_db


def test_plan_adopted_agreement_overdue_reminded_escalated_case_closed_and_reopened() -> None:
    w = world()
    PersonFactory.create(case=w.case, relation=Relation.CHILD, first_name="Noor", last_name="Vermeer")
    PersonFactory.create(case=w.case, relation=Relation.CHILD, first_name="Daan", last_name="Vermeer")
    assert w.case.persons.filter(relation=Relation.CHILD).count() == 3
    case_id = w.case.pk
    services.plan_update(actor=w.director, case_id=case_id, expected_version=None, director_organisation=w.care,
                         director_user=w.participant, evaluation_date=in_days(60))
    for person in w.case.persons.all():
        services.goal_add(actor=w.director, case_id=case_id, life_domain=LifeDomain.FAMILY_RELATIONS,
                          description=f"Veilig thuis voor {person.first_name}", person=person)
    for line, org in ((InterventionLine.CRIMINAL, w.police), (InterventionLine.CARE, w.care)):
        services.intervention_add(actor=w.director, case_id=case_id, line=line, description="Inzet", organisation=org)
    # A decision from the minutes becomes an agreement (the meetings app calls this service).
    agreement = services.agreement_create(actor=w.secretary, case_id=case_id, description="Gezinsgesprek plannen",
                                          owner_organisation=w.police, owner_user=w.owner, deadline=in_days(7),
                                          source="Casusoverleg 12, agendapunt 3")
    version = services.plan_adopt(actor=w.director, case_id=case_id, meeting_id=a_meeting(w),
                                  expected_version=Plan.objects.get(case_id=case_id).version)
    assert version.number == 1
    assert len(version.snapshot["goals"]) == 5

    Agreement.objects.filter(pk=agreement.pk).update(deadline=in_days(-1))  # a week later: not done
    report = services.send_reminders()
    assert report.marked_late == 1
    assert {m.to[0] for m in mail.outbox} == {w.owner.email, w.director.email}
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.LATE
    assert "Mijn afspraken over de deadline" in [s.title for s in start_sections(w.owner)]
    assert "Afspraken over de deadline in het huis" in [s.title for s in start_sections(w.director)]

    operational = services.escalation_raise(actor=w.director, case_id=case_id, level=EscalationLevel.OPERATIONAL,
                                            organisation=None, agreement_id=agreement.pk, reason="Geen gesprek gepland")
    tactical = services.escalation_raise(actor=w.director, case_id=case_id, level=EscalationLevel.TACTICAL,
                                         organisation=w.police, reason="Nog steeds niet", previous_id=operational.pk)
    services.escalation_respond(actor=w.manager, escalation_id=tactical.pk, expected_version=tactical.version,
                                response="Teamchef politie regelt het", outcome=EscalationOutcome.RESOLVED)
    services.agreement_update(actor=w.owner, agreement_id=agreement.pk, expected_version=agreement.version,
                              status=AgreementStatus.DONE, progress_note="Gesprek gevoerd")

    closure = services.case_close(actor=w.director, case_id=case_id, outcome=ClosureOutcome.REGULAR_CARE,
                                  handed_over_to=w.care, note="Wijkteam en GGZ nemen over")
    assert Case.objects.get(pk=case_id).status == Status.CLOSED
    assert closure.handed_over_to == w.care
    services.case_reopen(actor=w.director, case_id=case_id, reason="Nieuw incident")
    assert Case.objects.get(pk=case_id).status == Status.ADMITTED
