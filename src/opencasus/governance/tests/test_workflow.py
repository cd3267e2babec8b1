"""Meeting actions change status only along their transition table, whatever the sequence of service calls by
their owner, an editor of the meeting, or an outsider."""

from __future__ import annotations

import pytest
from hypothesis import strategies as st

from opencasus.core.tests.state_machines import check_against_table
from opencasus.core.tests.world import in_days
from opencasus.governance import services, workflow
from opencasus.governance.models import ActionStatus, MeetingAction, Mover
from opencasus.governance.tests.factories import make_steering_world

pytestmark = pytest.mark.django_db

STATUSES = st.sampled_from([*ActionStatus.values, "bogus", ""])


def test_cancelled_is_final_and_the_owner_cannot_cancel_or_reopen() -> None:
    assert workflow.ACTION_TRANSITIONS.targets(ActionStatus.CANCELLED) == frozenset()
    assert workflow.targets(ActionStatus.OPEN, {Mover.OWNER}) == [ActionStatus.IN_PROGRESS, ActionStatus.DONE]
    assert workflow.targets(ActionStatus.DONE, {Mover.OWNER}) == []
    assert workflow.targets(ActionStatus.DONE, {Mover.EDITOR}) == [ActionStatus.OPEN]


def test_no_sequence_of_service_calls_leaves_the_action_table() -> None:
    sw = make_steering_world()
    actors = {"owner": sw.manager, "editor": sw.steering, "outsider": sw.other_region_steering}

    def create() -> MeetingAction:
        return services.action_add(actor=sw.steering, meeting_id=sw.meeting.pk, description="Actie.",
                                   owner_id=sw.manager.pk, deadline=in_days(7))

    def mover(name: str):  # type: ignore[no-untyped-def]
        def act(subject: MeetingAction, status: str) -> None:
            services.action_set_status(actor=actors[name], action_id=subject.pk, status=status)
        return act

    check_against_table(table=workflow.ACTION_TRANSITIONS, create=create,
                        read=lambda subject: MeetingAction.objects.get(pk=subject.pk).status,
                        actions={name: (mover(name), STATUSES) for name in actors})
