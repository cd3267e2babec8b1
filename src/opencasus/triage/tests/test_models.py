import itertools
from typing import Any

import pytest

from opencasus.triage.models import CUMULATIVE_CRITERIA, Answer, Criterion, Verdict, compute_verdict

Y, N, U = Answer.YES, Answer.NO, Answer.UNKNOWN


def verdict(c1: str, c2: str, c3: str, c4: str) -> str:
    return compute_verdict(dict(zip([c.value for c in Criterion], [c1, c2, c3, c4], strict=True)))


@pytest.mark.parametrize(("answers", "expected"), [
    ((Y, Y, Y, N), Verdict.MEETS),
    ((Y, Y, Y, U), Verdict.MEETS),
    ((N, N, N, Y), Verdict.MEETS),
    ((U, U, U, Y), Verdict.MEETS),
    ((Y, Y, N, N), Verdict.DOES_NOT_MEET),
    ((N, U, U, N), Verdict.DOES_NOT_MEET),
    ((Y, Y, U, N), Verdict.UNDETERMINED),
    ((Y, Y, N, U), Verdict.UNDETERMINED),
    ((U, U, U, U), Verdict.UNDETERMINED),
])
def test_compute_verdict(answers: Any, expected: Any) -> None:
    assert verdict(*answers) == expected


def test_verdict_rule_over_all_81_combinations() -> None:
    for combo in itertools.product([Y, N, U], repeat=4):
        *cumulative, area = combo
        result = verdict(*combo)
        if area == Y or all(a == Y for a in cumulative):
            assert result == Verdict.MEETS
        elif area == N and N in cumulative:
            assert result == Verdict.DOES_NOT_MEET
        else:
            assert result == Verdict.UNDETERMINED


def test_missing_answers_count_as_unknown() -> None:
    assert compute_verdict({}) == Verdict.UNDETERMINED
    assert len(CUMULATIVE_CRITERIA) == 3
