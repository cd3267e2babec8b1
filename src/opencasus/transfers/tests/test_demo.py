from __future__ import annotations

import pytest
from django.utils import timezone

from opencasus.cases.tests.factories import CaseFactory, ParticipantFactory, PersonFactory
from opencasus.cases.workflow import Status
from opencasus.network.demo import OTHER_HOUSE_NAME
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member
from opencasus.transfers.demo import load_demo_data
from opencasus.transfers.models import Transfer
from opencasus.transfers.tests.factories import make_transfer_world
from opencasus.transfers.vocabulary import TransferStatus

pytestmark = pytest.mark.django_db


def test_demo_transfers_are_idempotent() -> None:
    w = make_transfer_world()
    rotterdam = HouseFactory.create(name=OTHER_HOUSE_NAME)
    member(rotterdam, Role.PROCESS_DIRECTOR)
    second = CaseFactory.create(house=w.house_a, status=Status.ADMITTED, purpose="Nog een casus.",
                                admitted_at=timezone.now())
    PersonFactory.create(case=second)
    ParticipantFactory.create(case=second, organisation=w.police_a, user=w.partner_a)
    load_demo_data(w.house_a)
    transfers = list(Transfer.objects.filter(from_house=w.house_a).order_by("pk"))
    assert [t.status for t in transfers] == [TransferStatus.PROPOSED, TransferStatus.ACCEPTED]
    assert all(t.to_house_id == rotterdam.pk for t in transfers)
    assert transfers[1].new_case is not None
    assert any(t.information_items.exists() for t in transfers)
    load_demo_data(w.house_a)
    assert Transfer.objects.filter(from_house=w.house_a).count() == 2
