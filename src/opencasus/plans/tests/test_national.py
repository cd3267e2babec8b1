"""The national escalation level: only from strategic, a question without personal data, the national pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member
from opencasus.notifications.models import Notification
from opencasus.plans import services
from opencasus.plans.models import Escalation
from opencasus.plans.tests.factories import World, world
from opencasus.plans.vocabulary import EscalationLevel, EscalationStatus

pytestmark = pytest.mark.django_db


def _up_to(w: World, last: str) -> Escalation:
    previous = None
    for level in (EscalationLevel.OPERATIONAL, EscalationLevel.TACTICAL, EscalationLevel.STRATEGIC):
        previous = services.escalation_raise(actor=w.director, case_id=w.case.pk, level=level, organisation=w.care,
                                             previous_id=previous.pk if previous else None,
                                             reason="Kees Vermeer krijgt geen plek.")
        if level == last:
            break
    assert previous is not None
    return previous


def test_only_a_strategic_escalation_goes_national_and_its_question_names_nobody() -> None:
    w = world()
    national = member(HouseFactory.create(), Role.NATIONAL_OFFICER)  # a grant in another house counts too
    with pytest.raises(ValidationError, match="strategische"):
        services.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.NATIONAL,
                                  organisation=w.care, reason="Geen plek.")
    tactical = _up_to(w, EscalationLevel.TACTICAL)
    with pytest.raises(ValidationError, match="één niveau tegelijk"):
        services.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.NATIONAL,
                                  organisation=w.care, reason="Geen plek.", previous_id=tactical.pk)
    strategic = services.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.STRATEGIC,
                                          organisation=w.care, reason="Regio kan niets.", previous_id=tactical.pk)
    for text in ("Voor Sem is geen plek.", "Gezin VERMEER wacht al maanden.", "BSN 111222333 wacht.",
                 "Geboren 01-03-2012, geen plek."):
        with pytest.raises(ValidationError, match="persoonsgegevens"):
            services.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.NATIONAL,
                                      organisation=w.care, reason=text, previous_id=strategic.pk)
    raised = services.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.NATIONAL,
                                       organisation=w.care, previous_id=strategic.pk,
                                       reason="Van de regio's ontbreekt een beveiligde plek voor een jongere.")
    assert raised.addressed_to == "Het landelijk programma"
    assert Notification.objects.filter(user=national, link=f"/landelijk/opschalingen/{raised.pk}",
                                       case_reference="").exists()
    strategic.refresh_from_db()
    assert strategic.status == EscalationStatus.ESCALATED
    assert services.escalation_respond(actor=national, escalation_id=raised.pk, expected_version=1,
                                       response="Opgepakt met DJI.", outcome="resolved").status == "closed"
    with pytest.raises(Http404):  # a strategic escalation is not the national role's to see
        services.escalation_respond(actor=national, escalation_id=strategic.pk, expected_version=None,
                                    response="Niet van ons.", outcome="resolved")


def test_the_national_pages_show_the_question_never_the_case(verified_client: Any) -> None:
    w = world()
    national_user = member(w.house, Role.NATIONAL_OFFICER)
    raised = services.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.NATIONAL,
                                       organisation=w.care, previous_id=_up_to(w, EscalationLevel.STRATEGIC).pk,
                                       reason="Landelijk ontbreekt capaciteit voor deze doelgroep.")
    client = verified_client(national_user)
    before = ProcessingRecord.objects.count()
    listing = client.get("/landelijk/opschalingen").content.decode()
    detail = client.get(f"/landelijk/opschalingen/{raised.pk}").content.decode()
    for page in (listing, detail):
        assert "Landelijk ontbreekt capaciteit" in page
        assert w.house.region.name in page
        assert "Vermeer" not in page
        assert w.case.reference not in page
    records = list(ProcessingRecord.objects.order_by("pk")[before:])
    assert [r.object_type for r in records] == ["national-escalations", "national-escalation"]
    assert all(not r.data_subject for r in records)
    stale = client.post(f"/landelijk/opschalingen/{raised.pk}", {"version": 0, "response": "Mijn antwoord.",
                                                                 "outcome": "resolved"})
    assert stale.status_code == 409
    assert "Mijn antwoord." in stale.content.decode()  # the input is kept
    done = client.post(f"/landelijk/opschalingen/{raised.pk}", {"version": raised.version, "response": "Geregeld.",
                                                                "outcome": "resolved"})
    assert done.status_code == 302
    raised.refresh_from_db()
    assert raised.status == EscalationStatus.CLOSED
    assert raised.responded_by == national_user
    assert client.get(f"/casussen/{w.case.pk}").status_code == 404


def test_the_national_api_wants_the_version(api_client: Any) -> None:
    w = world()
    api = api_client(member(w.house, Role.NATIONAL_OFFICER))
    raised = services.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.NATIONAL,
                                       organisation=w.care, previous_id=_up_to(w, EscalationLevel.STRATEGIC).pk,
                                       reason="Landelijke vraag.")
    url = f"/api/v1/national-escalations/{raised.pk}"
    got = api.get(url)
    assert got["ETag"] == '"1"'
    body = {"response": "Antwoord.", "outcome": "resolved"}
    assert api.patch(url, body, format="json").status_code == 428
    assert api.patch(url, body, format="json", HTTP_IF_MATCH='"7"').status_code == 409
    assert api.patch(url, body, format="json", HTTP_IF_MATCH='"1"').status_code == 200
    assert api.get("/api/v1/national-escalations", {"status": "closed", "regionCode": "VR01"}).json()["results"] == []
    assert len(api.get("/api/v1/national-escalations", {"status": "closed"}).json()["results"]) == 1
    assert api.get("/api/v1/national-escalations", {"status": "nope"}).status_code == 400
