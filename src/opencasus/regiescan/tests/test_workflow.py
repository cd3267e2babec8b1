"""Every status change of a regie scan, driven at random through the services, is one the table allows."""

from __future__ import annotations

import pytest
from django.utils import timezone
from hypothesis import strategies as st

from opencasus.core.tests.state_machines import check_against_table
from opencasus.regiescan import selectors, services
from opencasus.regiescan.models import Submission
from opencasus.regiescan.tests.factories import scan_world
from opencasus.regiescan.workflow import TABLE

pytestmark = pytest.mark.django_db


def test_status_changes_follow_the_table() -> None:
    z = scan_world(officers=1)
    years = iter(range(2000, timezone.localdate().year + 1))
    questions = [q.pk for q in selectors.questionnaire(house_id=z.house.pk).active_questions]

    def create() -> Submission:
        return services.scan_start(actor=z.officer, house_id=z.house.pk, municipality_id=z.municipalities[0].pk,
                                   year=next(years))

    def read(scan: Submission) -> str:
        scan.refresh_from_db()
        return scan.status

    def answer(scan: Submission, value: int) -> object:
        scan.refresh_from_db()
        return services.scan_answers_save(actor=z.officer, scan_id=scan.pk, answers=dict.fromkeys(questions, value),
                                          expected_version=scan.version)

    def answer_and_submit(scan: Submission, value: int) -> object:
        scan.refresh_from_db()
        return services.scan_answers_save(actor=z.officer, scan_id=scan.pk, answers={questions[0]: value},
                                          expected_version=scan.version, submit=True)

    def submit(scan: Submission, by_manager: bool) -> object:
        return services.scan_submit(actor=z.w.manager if by_manager else z.officer, scan_id=scan.pk,
                                    expected_version=None)

    check_against_table(table=TABLE, create=create, read=read, actions={
        "answer": (answer, st.integers(min_value=0, max_value=6)),
        "answer and submit": (answer_and_submit, st.integers(min_value=1, max_value=5)),
        "submit": (submit, st.booleans()),
    }, max_examples=10, steps=6)
