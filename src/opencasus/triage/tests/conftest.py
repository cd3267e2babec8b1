from __future__ import annotations

import pytest

from opencasus.core.tests.world import World
from opencasus.triage.tests.factories import make_world


@pytest.fixture
def world(db: None) -> World:
    """The triage world (`factories.make_world`)."""
    return make_world()
