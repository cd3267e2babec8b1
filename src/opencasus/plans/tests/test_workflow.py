"""The agreement transition table (plans.workflow) and the services that must follow it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.plans import services, workflow
from opencasus.plans.models import Agreement, AgreementNote
from opencasus.plans.services import monitoring
from opencasus.plans.tests.factories import in_days, world
from opencasus.plans.vocabulary import AgreementStatus
from opencasus.plans.workflow import Mover

pytestmark = pytest.mark.django_db
S = AgreementStatus


def _agreement(w: Any, **kwargs: Any) -> Agreement:
    defaults = {"description": "Huisbezoek afleggen", "owner_organisation": w.police, "owner_user": w.owner,
                "deadline": in_days(7)}
    return services.agreement_create(actor=w.director, case_id=w.case.pk, **{**defaults, **kwargs})


def test_the_table_gives_the_owner_only_done_and_late_only_to_the_system() -> None:
    for current in S.values:
        assert set(workflow.targets(current, {Mover.OWNER})) <= {S.DONE}
        for new in S.values:
            if new == S.LATE:
                assert not workflow.may_move(current, new, Mover.OWNER)
                assert not workflow.may_move(current, new, Mover.DIRECTOR)
            if new == S.CANCELLED:
                assert not workflow.may_move(current, new, Mover.OWNER)
    assert workflow.may_move(S.OPEN, S.LATE, Mover.SYSTEM)
    assert workflow.targets(S.OPEN, {Mover.DIRECTOR}) == [S.DONE, S.NOT_KEPT, S.CANCELLED]
    assert workflow.targets(S.CANCELLED, {Mover.OWNER, Mover.DIRECTOR}) == []


@pytest.mark.parametrize("status", [S.CANCELLED, S.LATE, S.NOT_KEPT])
@pytest.mark.parametrize("who", ["owner", "colleague"])
def test_an_owner_cannot_cancel_or_mark_late_or_not_kept(who: str, status: str) -> None:
    w = world()
    agreement = _agreement(w)
    with pytest.raises((PermissionDenied, ValidationError)):
        services.agreement_update(actor=getattr(w, who), agreement_id=agreement.pk, expected_version=1,
                                  status=status, reason="Geen tijd")
    agreement.refresh_from_db()
    assert agreement.status == S.OPEN
    assert agreement.version == 1


def test_the_process_director_cancels_with_a_reason_kept_as_a_note() -> None:
    w = world()
    agreement = _agreement(w)
    with pytest.raises(ValidationError) as error:
        services.agreement_update(actor=w.director, agreement_id=agreement.pk, expected_version=1, status=S.CANCELLED)
    assert "reason" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        services.agreement_update(actor=w.secretary, agreement_id=agreement.pk, expected_version=1,
                                  status=S.CANCELLED, reason="Gezin verhuisd")
    updated = services.agreement_update(actor=w.director, agreement_id=agreement.pk, expected_version=1,
                                        status=S.CANCELLED, reason="Gezin verhuisd")
    assert updated.status == S.CANCELLED
    assert "Gezin verhuisd" in AgreementNote.objects.get(agreement=agreement).text
    with pytest.raises(ValidationError) as error:
        services.agreement_update(actor=w.director, agreement_id=agreement.pk, expected_version=2, status=S.OPEN)
    assert "status" in error.value.message_dict


def test_late_is_set_by_the_reminder_job_and_undone_by_a_later_deadline() -> None:
    w = world()
    agreement = _agreement(w)
    Agreement.objects.filter(pk=agreement.pk).update(deadline=in_days(-1))
    assert monitoring.mark_overdue() == 1
    agreement.refresh_from_db()
    assert agreement.status == S.LATE
    updated = services.agreement_update(actor=w.director, agreement_id=agreement.pk,
                                        expected_version=agreement.version, deadline=in_days(5))
    assert updated.status == S.OPEN


def test_the_owner_page_offers_only_the_allowed_changes(verified_client: Callable[[User], Client]) -> None:
    w = world()
    agreement = _agreement(w)
    url = reverse("plans:agreement", args=[agreement.pk])
    owner_page = verified_client(w.owner).get(url).content.decode()
    assert 'value="done"' in owner_page
    assert 'value="cancelled"' not in owner_page
    assert 'value="late"' not in owner_page
    director_page = verified_client(w.director).get(url).content.decode()
    assert 'value="cancelled"' in director_page
    assert 'value="late"' not in director_page
    # The owner picker lists each professional with the organisation they take part for.
    assert 'data-oc-filter-by="owner_organisation"' in director_page
    assert f'value="{w.owner.pk}" selected data-oc-group="{w.police.pk}"' in director_page
    response = verified_client(w.owner).post(reverse("plans:agreement-status", args=[agreement.pk]), {
        "status": "cancelled", "reason": "Geen tijd", "progress_note": "", "version": "1"})
    assert response.status_code == 400
    agreement.refresh_from_db()
    assert agreement.status == S.OPEN
    response = verified_client(w.director).post(reverse("plans:agreement-status", args=[agreement.pk]), {
        "status": "cancelled", "reason": "", "progress_note": "", "version": "1"})
    assert response.status_code == 400
    assert "Geef de reden waarom de afspraak vervalt." in response.content.decode()
    response = verified_client(w.director).post(reverse("plans:agreement-status", args=[agreement.pk]), {
        "status": "cancelled", "reason": "Gezin verhuisd", "progress_note": "", "version": "1"})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == S.CANCELLED


def test_the_api_follows_the_same_table(api_client: Callable[[User], APIClient]) -> None:
    w = world()
    agreement = _agreement(w)
    url = f"/api/v1/agreements/{agreement.pk}"
    v = {"version": 1}
    assert api_client(w.owner).patch(url, {**v, "status": "cancelled", "reason": "x"},
                                     format="json").status_code == 403
    assert api_client(w.owner).patch(url, {**v, "status": "late"}, format="json").status_code == 400
    refused = api_client(w.director).patch(url, {**v, "status": "cancelled"}, format="json")
    assert refused.status_code == 400
    done = api_client(w.director).patch(url, {**v, "status": "cancelled", "reason": "Gezin verhuisd"}, format="json")
    assert done.status_code == 200
    assert done.json()["status"] == "cancelled"


ACTORS = ["owner", "colleague", "director", "secretary", "participant"]


class AgreementMachine(RuleBasedStateMachine):
    """Any sequence of service calls and reminder runs: each change is one the table allows its maker."""

    def __init__(self) -> None:
        super().__init__()
        self.w = world()
        self.agreement = _agreement(self.w)

    def _current(self) -> Agreement:
        return Agreement.objects.get(pk=self.agreement.pk)

    def _check(self, before: str, after: str, capacities: set[Mover]) -> None:
        assert after in workflow.reachable(before, capacities), (before, after, capacities)
        if after == S.LATE and before != S.LATE:
            assert self._current().deadline < timezone.localdate()

    @rule(who=st.sampled_from(ACTORS), status=st.sampled_from(S.values), reason=st.sampled_from(["", "Verhuisd"]))
    def change_status(self, who: str, status: str, reason: str) -> None:
        before = self._current()
        actor = getattr(self.w, who)
        capacities = services.movers(actor=actor, agreement=before)
        try:
            services.agreement_update(actor=actor, agreement_id=before.pk, expected_version=before.version,
                                      status=status, reason=reason)
        except (PermissionDenied, ValidationError):
            after = self._current()
            assert (after.status, after.version) == (before.status, before.version)
            return
        self._check(before.status, self._current().status, capacities)

    @rule(days=st.integers(min_value=0, max_value=30))
    def director_moves_deadline(self, days: int) -> None:
        before = self._current()
        services.agreement_update(actor=self.w.director, agreement_id=before.pk, expected_version=before.version,
                                  deadline=in_days(days))
        self._check(before.status, self._current().status, set())

    @rule(days=st.integers(min_value=1, max_value=10))
    def time_passes(self, days: int) -> None:
        """The deadline slips into the past (as if the calendar moved on), then the reminder job runs."""
        before = self._current()
        Agreement.objects.filter(pk=before.pk).update(deadline=before.deadline - dt.timedelta(days=days + 40))
        monitoring.mark_overdue()
        self._check(before.status, self._current().status, set())

    @invariant()
    def done_has_a_completion_time(self) -> None:
        current = self._current()
        assert (current.status == S.DONE) == (current.completed_at is not None)

    @invariant()
    def late_only_past_the_deadline(self) -> None:
        current = self._current()
        if current.status == S.LATE:
            assert current.deadline < timezone.localdate()


def test_no_sequence_of_calls_reaches_a_forbidden_state(db: Any) -> None:
    run_state_machine_as_test(AgreementMachine, settings=settings(
        max_examples=15, stateful_step_count=12, deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]))


def test_an_agreement_from_minutes_names_the_meeting_not_its_number(verified_client: Callable[[User], Client]) -> None:
    from opencasus.plans.tests.factories import a_meeting

    w = world()
    meeting_id = a_meeting(w)
    agreement = _agreement(w, source=f"meeting:{meeting_id}")
    page = verified_client(w.director).get(reverse("plans:agreement", args=[agreement.pk])).content.decode()
    assert f"meeting:{meeting_id}" not in page
    assert "Besluit van Casusoverleg, " in page
