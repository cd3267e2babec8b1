"""Rights requests change status only along their transition table, whatever the sequence of updates."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import strategies as st

from opencasus.accounts.models import User
from opencasus.core.tests.state_machines import check_against_table
from opencasus.network.models import House
from opencasus.network.tests.factories import HouseFactory
from opencasus.privacy import services
from opencasus.privacy.models import RightsRequest, RightsRequestKind, RightsRequestStatus
from opencasus.privacy.tests.factories import officer
from opencasus.privacy.workflow import RIGHTS_REQUEST_TRANSITIONS

pytestmark = pytest.mark.django_db


def _request(actor: User, house: House) -> RightsRequest:
    return services.rights_request_create(actor=actor, house=house, kind=RightsRequestKind.values[0],
                                          requester_name="J. de Vries", received_on=timezone.localdate(),
                                          description="Inzage in wat over mij is vastgelegd")


def test_a_decided_request_stays_decided() -> None:
    house = HouseFactory.create()
    fg = officer(house)
    request = _request(fg, house)
    request = services.rights_request_update(actor=fg, request_id=request.pk, expected_version=request.version,
                                             status=RightsRequestStatus.REFUSED, handling="Geen gegevens gevonden")
    with pytest.raises(ValidationError) as refused:
        services.rights_request_update(actor=fg, request_id=request.pk, expected_version=request.version,
                                       status=RightsRequestStatus.IN_PROGRESS, handling="Toch opnieuw")
    assert refused.value.code == "invalid_transition"
    assert RightsRequest.objects.get(pk=request.pk).status == RightsRequestStatus.REFUSED


def test_no_sequence_of_updates_leaves_the_table() -> None:
    house = HouseFactory.create()
    fg = officer(house)

    def update(subject: RightsRequest, change: tuple[str, str]) -> None:
        status, handling = change
        current = RightsRequest.objects.get(pk=subject.pk)
        services.rights_request_update(actor=fg, request_id=subject.pk, expected_version=current.version,
                                       status=status, handling=handling)

    check_against_table(
        table=RIGHTS_REQUEST_TRANSITIONS, create=lambda: _request(fg, house),
        read=lambda subject: RightsRequest.objects.get(pk=subject.pk).status,
        actions={"update": (update, st.tuples(st.sampled_from([*RightsRequestStatus.values, "bogus"]),
                                              st.sampled_from(["", "Afgehandeld per brief"])))})
