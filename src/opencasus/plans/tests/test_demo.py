import pytest
from django.utils import timezone

from opencasus.cases.tests.factories import CaseFactory, ParticipantFactory, PersonFactory
from opencasus.cases.vocabulary import Relation, SubjectType
from opencasus.cases.workflow import Status
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, member
from opencasus.plans.demo import load_demo_data
from opencasus.plans.models import Agreement, CaseClosure, Escalation, Plan, PlanVersion
from opencasus.plans.vocabulary import AgreementStatus

pytestmark = pytest.mark.django_db


def test_demo_plans_are_idempotent_with_overdue_escalation_and_closure() -> None:
    house = HouseFactory.create()
    member(house, Role.PROCESS_DIRECTOR)
    police, care = OrganisationFactory.create(), OrganisationFactory.create()
    officer, nurse = member(house, Role.PARTNER_PROFESSIONAL, police), member(house, Role.PARTNER_PROFESSIONAL, care)
    for index in range(4):
        case = CaseFactory.create(house=house, status=Status.ADMITTED, admitted_at=timezone.now(),
                                  subject_type=SubjectType.SYSTEM if index == 0 else SubjectType.PERSON)
        PersonFactory.create(case=case)
        if index == 0:
            PersonFactory.create(case=case, relation=Relation.CHILD, first_name="Lotte")
        ParticipantFactory.create(case=case, organisation=police, user=officer)
        ParticipantFactory.create(case=case, organisation=care, user=nurse)
    load_demo_data(house)
    counts = (Plan.objects.count(), Agreement.objects.count(), PlanVersion.objects.count(),
              Escalation.objects.count(), CaseClosure.objects.count())
    assert counts == (4, 12, 4, 6, 1)  # two up to tactical, four up to national
    assert Escalation.objects.filter(level="national", status="open").count() == 1
    assert Agreement.objects.filter(status=AgreementStatus.LATE).count() == 2
    assert Plan.objects.filter(goals__person__first_name="Lotte").exists()
    load_demo_data(house)
    assert counts == (Plan.objects.count(), Agreement.objects.count(), PlanVersion.objects.count(),
                      Escalation.objects.count(), CaseClosure.objects.count())
