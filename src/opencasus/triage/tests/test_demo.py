import pytest
from django.core import mail
from pytest_django import DjangoCaptureOnCommitCallbacks

from opencasus.cases.models import Participant
from opencasus.cases.tests.factories import CaseFactory, PersonFactory
from opencasus.cases.workflow import Status
from opencasus.network.demo import load_network
from opencasus.network.models import Organisation
from opencasus.triage.demo import load_demo_data
from opencasus.triage.models import Decision

pytestmark = pytest.mark.django_db


def test_demo_decides_part_of_the_queue_and_is_idempotent(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    house, _logins = load_network()
    police = Organisation.objects.get(name__startswith="Politie")
    for _i in range(12):
        PersonFactory.create(case=CaseFactory.create(house=house, filed_by_organisation=police))
    with django_capture_on_commit_callbacks(execute=True):
        decided = load_demo_data(house)
    assert decided == {"admit": 5, "advice": 1, "route": 1, "decline": 1, "in_triage": 1}
    assert load_demo_data(house) == {}
    assert Decision.objects.filter(case__house=house).count() == 8
    assert house.cases.filter(status=Status.SUBMITTED).count() == 3
    assert house.cases.filter(status=Status.IN_TRIAGE).count() == 1
    admitted = house.cases.filter(status=Status.ADMITTED)
    assert admitted.count() == 5
    care_partners = set()
    for case in admitted:
        assert case.purpose
        assert case.questions
        assert case.meeting_type.name.startswith("Focusoverleg")
        named = set(Participant.objects.filter(case=case, user__isnull=False).values_list("user__username",
                                                                                          flat=True))
        assert {"partner.politie", "partner.reclassering"} < named
        assert len(named) == 3
        care_partners |= named
    assert {"partner.veiligthuis", "partner.jeugdzorg", "partner.ggz"} < care_partners
    assert house.cases.get(status=Status.ROUTED).triage_decision.routed_to == "veilig_thuis"
    assert mail.outbox == []


def test_demo_without_intakes_does_nothing() -> None:
    house, _logins = load_network()
    assert load_demo_data(house) == {}
