"""The answering side: only a signed question of a configured peer is answered, within its rate, with hits and
contacts only; every question is logged."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from opencasus.cases.tests.factories import PersonFactory
from opencasus.cases.workflow import Status
from opencasus.core.tests.world import add_case, build_world
from opencasus.logbook.models import ProcessingRecord
from opencasus.peers import services, signing
from opencasus.peers.pseudonyms import bsn_pseudonym, name_dob_pseudonym

pytestmark = pytest.mark.django_db

KEY = "gedeelde-sleutel-0123456789-0123456789"
PEERS = [{"name": "zvh-a", "url": "http://127.0.0.1:9", "secret": "geheim-a", "perMinute": 3}]
CONFIG = {"OPENCASUS_INSTALLATION_NAME": "zvh-b", "OPENCASUS_PEER_PSEUDONYM_KEY": KEY, "OPENCASUS_PEERS": PEERS}
URL = "/api/v1/peer-hit-checks"


def _post(body: dict[str, object], *, name: str = "zvh-a", secret: str = "geheim-a", skew: int = 0) -> Any:  # noqa: S107
    raw = json.dumps(body).encode()
    headers = signing.signed_headers(own_name=name, secret=secret, body=raw, now=time.time() + skew)
    return Client().post(URL, raw, content_type="application/json", headers=headers)


@override_settings(**CONFIG)
def test_a_signed_question_is_answered_with_the_house_stage_and_contact_only() -> None:
    cache.clear()
    w = build_world()
    case = add_case(w, stage=Status.ADMITTED, persons=[])
    person = PersonFactory.create(case=case, bsn="111222333")
    services.pseudonyms_record(persons=[person])
    response = _post({"bsnPseudonyms": [bsn_pseudonym("111 222 333")], "nameDobPseudonyms": []})
    assert response.status_code == 200
    [hit] = response.json()["hits"]
    assert (hit["houseName"], hit["where"]) == (w.house.name, "running_case")
    assert w.director.get_full_name() in hit["contact"]["names"]
    assert case.reference not in response.content.decode()
    record = ProcessingRecord.objects.get(object_type="peer-hit-check")
    assert (record.house_id, record.data_subject) == (w.house.pk, str(person.pseudonym))
    assert record.audit.username == "peer:zvh-a"
    assert person.date_of_birth is not None
    by_name = _post({"nameDobPseudonyms": [name_dob_pseudonym(person.name_key, person.date_of_birth)]})
    assert len(by_name.json()["hits"]) == 1


@override_settings(**CONFIG)
def test_nobody_found_is_a_search_without_a_house() -> None:
    cache.clear()
    response = _post({"bsnPseudonyms": ["0" * 64]})
    assert response.json() == {"hits": []}
    assert ProcessingRecord.objects.get(object_type="peer-hit-check").house_id is None


@override_settings(**CONFIG)
@pytest.mark.parametrize(("name", "secret", "skew"), [("zvh-a", "fout", 0), ("zvh-onbekend", "geheim-a", 0),
                                                      ("zvh-a", "geheim-a", -600)])
def test_an_unsigned_or_stale_question_is_refused_and_not_logged(name: str, secret: str, skew: int) -> None:
    cache.clear()
    response = _post({"bsnPseudonyms": ["0" * 64]}, name=name, secret=secret, skew=skew)
    assert response.status_code == 403
    assert not ProcessingRecord.objects.filter(object_type="peer-hit-check").exists()


@override_settings(**CONFIG)
def test_questions_past_the_peer_s_rate_are_refused() -> None:
    cache.clear()
    codes = [_post({"bsnPseudonyms": ["0" * 64]}).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


@override_settings(**CONFIG)
@pytest.mark.parametrize("body", [{"bsnPseudonyms": ["Jansen"]}, {"bsnPseudonyms": "a" * 64},
                                  {"nameDobPseudonyms": ["0" * 64] * 51}])
def test_anything_but_pseudonyms_is_refused(body: dict[str, object]) -> None:
    cache.clear()
    assert _post(body).status_code == 400


def test_without_configuration_nobody_is_answered() -> None:
    assert _post({"bsnPseudonyms": ["0" * 64]}).status_code == 403


@override_settings(**CONFIG)
def test_an_absent_peer_is_recorded_as_no_answer() -> None:
    w = build_world()
    case = add_case(w, stage=Status.SUBMITTED, persons=[])
    services.pseudonyms_record(persons=[PersonFactory.create(case=case, bsn="111222333")])
    [check] = services.peers_ask(case_id=case.pk)  # port 9 on 127.0.0.1: nobody listens
    assert check.status == "no_answer"
    assert ProcessingRecord.objects.filter(object_type="peer-hit-check", case_id=case.pk).exists()
