import pytest
from django.core.exceptions import ValidationError
from hypothesis import strategies as st

from opencasus.core.tests.state_machines import check_against_table
from opencasus.core.transitions import TransitionTable

TABLE = TransitionTable(transitions={"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset()})


def test_allowed_follows_the_table() -> None:
    assert TABLE.allowed("a", "b")
    assert not TABLE.allowed("a", "c")
    assert not TABLE.allowed("c", "a")
    assert not TABLE.allowed("unknown", "a")


def test_check_refuses_with_a_conflict_code() -> None:
    with pytest.raises(ValidationError) as refused:
        TABLE.check("b", "a")
    assert refused.value.code == "invalid_transition"


def test_a_target_without_its_own_row_is_a_mistake_in_the_table() -> None:
    with pytest.raises(ValueError, match="without a row"):
        TransitionTable(transitions={"a": frozenset({"z"})})


class _Thing:
    status = "a"


@pytest.mark.django_db
def test_the_state_machine_catches_a_service_that_ignores_the_table() -> None:
    def careless(thing: _Thing, target: str) -> None:
        thing.status = target

    with pytest.raises(AssertionError):
        check_against_table(table=TABLE, create=_Thing, read=lambda thing: thing.status,
                            actions={"set": (careless, st.sampled_from(["a", "b", "c"]))}, max_examples=30)


@pytest.mark.django_db
def test_the_state_machine_passes_a_service_that_checks_the_table() -> None:
    def careful(thing: _Thing, target: str) -> None:
        TABLE.check(thing.status, target)
        thing.status = target

    check_against_table(table=TABLE, create=_Thing, read=lambda thing: thing.status,
                        actions={"set": (careful, st.sampled_from(["a", "b", "c"]))}, max_examples=30)
