from __future__ import annotations

import pytest

from opencasus.cases.workflow import Status
from opencasus.core.tests.world import add_case
from opencasus.topx.demo import NAME, load_demo_data
from opencasus.topx.models import Candidate, CandidateImport, TopXList
from opencasus.topx.tests.factories import switch_on
from opencasus.topx.vocabulary import Stage
from opencasus.triage.tests.factories import make_world

pytestmark = pytest.mark.django_db


def test_the_demo_list_has_candidates_in_several_stages_and_loads_once() -> None:
    world = make_world()
    switch_on(world.house.pk)
    for _n in range(2):
        add_case(world, stage=Status.ADMITTED, persons=1, purpose="Samen criminaliteit en zorg aanpakken.")
    load_demo_data(world.house)
    load_demo_data(world.house)
    topx_list = TopXList.objects.get(house=world.house, name=NAME)
    stages = set(Candidate.objects.filter(topx_list=topx_list).values_list("stage", flat=True))
    assert {Stage.PROPOSED, Stage.INCLUDED, Stage.NOT_INCLUDED, Stage.EXITED} <= stages
    job = CandidateImport.objects.get(topx_list=topx_list)
    assert job.stored_rows == 4
    assert [r["field"] for r in job.refused] == ["bsn"]
    assert sum(c.review_overdue() for c in Candidate.objects.filter(topx_list=topx_list)) == 1


def test_no_demo_list_where_top_x_is_off() -> None:
    world = make_world()
    load_demo_data(world.house)
    assert not TopXList.objects.exists()
