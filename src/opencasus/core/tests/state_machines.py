"""A Hypothesis state machine that drives services at random and checks every status change they make
against a transition table (`opencasus.core.transitions`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test

from opencasus.core.transitions import TransitionTable

Action = Callable[[Any, Any], object]


def check_against_table(*, table: TransitionTable, create: Callable[[], Any], read: Callable[[Any], str],
                        actions: Mapping[str, tuple[Action, st.SearchStrategy[Any]]], max_examples: int = 12,
                        steps: int = 8) -> None:
    """Run random sequences of `actions` (each an (object, drawn argument) call of a service) on fresh
    objects from `create`; after every call the status `read` returns must be the one before or one the
    table allows from it. Refusals (validation, permission, not found) are part of the game."""

    class Machine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.subject = create()
            self.status = read(self.subject)
            assert self.status in table.statuses

        @rule(name=st.sampled_from(sorted(actions)), data=st.data())
        def call(self, name: str, data: st.DataObject) -> None:
            action, strategy = actions[name]
            argument = data.draw(strategy, label=name)
            try:
                with transaction.atomic():
                    action(self.subject, argument)
            except (ValidationError, PermissionDenied, Http404):
                pass
            new = read(self.subject)
            assert new == self.status or table.allowed(self.status, new), f"{name}: {self.status} -> {new}"
            self.status = new

    run_state_machine_as_test(Machine, settings=settings(
        max_examples=max_examples, stateful_step_count=steps, deadline=None, database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]))
