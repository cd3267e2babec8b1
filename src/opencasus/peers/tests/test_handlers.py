"""What the peers keep per person: the intake's persons, and a person recorded in the case afterwards."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import override_settings

from opencasus.groups import services as groups
from opencasus.groups.tests.factories import make_group_world
from opencasus.groups.vocabulary import MemberRole
from opencasus.peers.models import PeerPseudonym
from opencasus.peers.pseudonyms import name_dob_pseudonym

pytestmark = pytest.mark.django_db

CONFIG = {"OPENCASUS_INSTALLATION_NAME": "zvh-b", "OPENCASUS_PEER_PSEUDONYM_KEY": "gedeelde-sleutel-0123456789-0123",
          "OPENCASUS_PEERS": [{"name": "zvh-a", "url": "http://127.0.0.1:9", "secret": "geheim-a"}]}


@override_settings(**CONFIG)
def test_a_group_member_added_by_name_gets_a_pseudonym_under_the_shared_key() -> None:
    w = make_group_world(linked=False)
    added = groups.member_add(actor=w.director, case_id=w.group.pk, role=MemberRole.FOLLOWER, tier=3,
                              start_date=dt.date(2026, 2, 1), first_name="Sem", last_name="de Vries",
                              date_of_birth=dt.date(2008, 5, 1))
    row = PeerPseudonym.objects.get(person_id=added.person_id)
    assert row.name_dob == name_dob_pseudonym(added.person.name_key, dt.date(2008, 5, 1))
    assert row.bsn == ""


def test_without_peers_nothing_is_kept() -> None:
    w = make_group_world(linked=False)
    added = groups.member_add(actor=w.director, case_id=w.group.pk, role=MemberRole.FOLLOWER, tier=3,
                              start_date=dt.date(2026, 2, 1), first_name="Sem", last_name="de Vries")
    assert not PeerPseudonym.objects.filter(person_id=added.person_id).exists()
