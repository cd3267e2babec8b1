import pytest
from django.test import Client

from opencasus.core.log_filters import redact


@pytest.mark.django_db
def test_traceparent_is_accepted_and_returned() -> None:
    trace = "0af7651916cd43dd8448eb211c80319c"
    response = Client().get("/api/v1/openapi.json", HTTP_TRACEPARENT=f"00-{trace}-b7ad6b7169203331-01")
    assert response["traceparent"].startswith(f"00-{trace}-")


@pytest.mark.django_db
def test_invalid_traceparent_starts_a_new_trace() -> None:
    response = Client().get("/api/v1/openapi.json", HTTP_TRACEPARENT="garbage")
    assert len(response["traceparent"].split("-")[1]) == 32


def test_log_lines_never_show_a_bsn() -> None:
    assert redact("BSN 111222333 gevonden") == "BSN ********* gevonden"
    assert redact("nummer 1234567890") == "nummer 1234567890"
