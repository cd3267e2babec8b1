"""The triage counts of the work inbox and the queue filters they link to."""

import pytest
from django.urls import reverse

from opencasus.cases.models import Case, CaseHit
from opencasus.cases.workflow import Status
from opencasus.core.tests.clients import VerifiedClient
from opencasus.core.tests.world import World
from opencasus.triage.apps import triage_section
from opencasus.triage.selectors import inbox_counts, triage_queue
from opencasus.triage.tests.factories import intake, make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> tuple[World, Case]:
    w = make_world()
    plain = intake(w, reference="Q-PLAIN")
    hit = intake(w, reference="Q-HIT")
    CaseHit.objects.create(case=hit, person=hit.persons.first(), matched_by="bsn", house=w.house, where="intake")
    intake(w, reference="Q-ASSESSED", status=Status.IN_TRIAGE)
    intake(w, reference="Q-DONE", status=Status.ADMITTED)
    return w, plain


def test_counts_and_filters(world: tuple[World, Case], verified_client: VerifiedClient) -> None:
    w, _plain = world
    assert inbox_counts(actor=w.director) == {"waiting": 3, "hits": 1, "assessed": 1}
    assert [i.case.reference for i in triage_queue(actor=w.director, only="treffers")] == ["Q-HIT"]
    assert [i.case.reference for i in triage_queue(actor=w.director, only="beoordeeld")] == ["Q-ASSESSED"]
    section = triage_section(w.director)[0]
    urls = {c.label: c.url for c in section.counts}
    assert urls["Waarvan met treffers"] == reverse("triage:queue") + "?toon=treffers"
    body = verified_client(w.director).get(urls["Waarvan met treffers"]).content.decode()
    assert "Q-HIT" in body
    assert "Q-PLAIN" not in body
    body = verified_client(w.director).get(reverse("triage:queue") + "?toon=onzin").content.decode()
    assert "Q-HIT" in body
    assert "Q-PLAIN" in body


def test_partners_get_no_triage_counts(world: tuple[World, Case]) -> None:
    w, _plain = world
    assert inbox_counts(actor=w.filer) == {"waiting": 0, "hits": 0, "assessed": 0}
    assert triage_section(w.filer) == []
