"""Every role x every triage page and endpoint x (member of the house, participant, filer, other house,
participation ended): core staff of the house get through; everyone else sees nothing, hidden answers 404.
Every successful read or write leaves a triage processing-log record; a 404 leaves none."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from opencasus.cases.models import Participant
from opencasus.core.tests.clients import ApiClient, VerifiedClient
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import CORE_STAFF_ROLES, Organisation, Role
from opencasus.network.tests.factories import HouseFactory, member
from opencasus.triage import services
from opencasus.triage.tests.factories import admit, intake, make_world, meets

pytestmark = pytest.mark.django_db

RELATIONS = ["house_member", "participant", "filer", "other_house", "participation_ended"]


@dataclass
class Call:
    name: str
    kind: str  # page | api
    method: str
    path: str
    data: dict[str, Any] | None
    core_status: int


def calls(case, world, rows) -> list[Call]:
    api = f"/api/v1/cases/{case.pk}"
    municipality = Organisation.objects.get(name=f"Gemeente bij {world.house.name}")
    return [
        Call("page queue", "page", "get", reverse("triage:queue"), None, 200),
        Call("page assessment", "page", "get", reverse("triage:assessment", args=[case.pk]), None, 200),
        Call("page decision", "page", "get", reverse("triage:decision", args=[case.pk]), None, 200),
        Call("page participants", "page", "get", reverse("triage:participants", args=[case.pk]), None, 200),
        Call("api queue (house)", "api", "get", f"/api/v1/triage-queue?houseId={world.house.pk}", None, 200),
        Call("api queue", "api", "get", "/api/v1/triage-queue", None, 200),
        Call("api assessment", "api", "get", f"{api}/triage-assessment", None, 200),
        Call("api decision", "api", "get", f"{api}/triage-decision", None, 200),
        Call("api participants", "api", "get", f"{api}/participants", None, 200),
        # Writes. The case is admitted: a new assessment or decision is refused (409) even for core staff.
        Call("page assessment post", "page", "post", reverse("triage:assessment", args=[case.pk]),
             {"multiple_problems": "unknown", "multiple_chains": "unknown", "system_impact": "unknown",
              "area_safety": "unknown"}, 200),
        Call("page decision post", "page", "post", reverse("triage:decision", args=[case.pk]),
             {"outcome": "decline", "grounds": "Nee."}, 200),
        Call("api assessment put", "api", "put", f"{api}/triage-assessment",
             {"criteria": [{"criterion": "area_safety", "answer": "yes", "explanation": "Wijk."}]}, 409),
        Call("api decision post", "api", "post", f"{api}/triage-decision", {"outcome": "decline", "grounds": "Nee."},
             409),
        Call("page participants post", "page", "post", reverse("triage:participants", args=[case.pk]),
             {"participant": f"pro:{rows['extra'].pk}:{world.probation.pk}", "reason": "Toezicht."}, 302),
        Call("api participants post", "api", "post", f"{api}/participants",
             {"organisationId": municipality.pk, "reason": "Schuldhulp."}, 201),
        Call("page participant end", "page", "post",
             reverse("triage:participant-end", args=[case.pk, rows["probation_org"].pk]), {"reason": "Klaar."}, 302),
        Call("api participant end", "api", "post", f"{api}/participants/{rows['police_pro'].pk}/end",
             {"reason": "Klaar."}, 200),
    ]


def expected(call: Call, role: str, relation: str) -> int:
    core = role in CORE_STAFF_ROLES
    if core and relation != "other_house":
        return call.core_status
    if call.name == "api queue":
        return 200  # a list: only what the caller may see (nothing, checked below)
    if call.name == "page queue" and core:
        return 200  # their own house's queue, without this case (checked below)
    if (call.name == "api participants" and relation == "participant" and role == Role.PARTNER_PROFESSIONAL):
        return 200  # a named participant sees who takes part
    return 404


def actor_for(world, case, role: str, relation: str):
    if relation == "other_house":
        return member(HouseFactory.create(), role, world.police)
    user = member(world.house, role, world.police)
    if relation == "filer":
        case.filed_by = user
        case.save(update_fields=["filed_by"])
    if relation in ("participant", "participation_ended"):
        Participant.objects.create(case=case, organisation=world.police, user=user,
                                   ended_at=timezone.now() if relation == "participation_ended" else None)
    return user


@pytest.mark.parametrize("relation", RELATIONS)
@pytest.mark.parametrize("role", Role.values)
def test_access_matrix(role: str, relation: str, verified_client: VerifiedClient, api_client: ApiClient) -> None:
    world = make_world()
    case = intake(world)
    services.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    services.decision_record(actor=world.director, case_id=case.pk, data=admit(world))
    rows = {"police_pro": Participant.objects.get(case=case, user=world.police_pro),
            "probation_org": Participant.objects.get(case=case, organisation=world.probation, user__isnull=True),
            "extra": member(world.house, Role.PARTNER_PROFESSIONAL, world.probation)}
    waiting = intake(world)  # in the queue, unlike the admitted case
    user = actor_for(world, case, role, relation)
    if relation == "filer":
        waiting.filed_by = user
        waiting.save(update_fields=["filed_by"])
    page, api = verified_client(user), api_client(user)
    for call in calls(case, world, rows):
        client = page if call.kind == "page" else api
        # The queue shows the waiting intake; everything else is about the admitted case.
        subject = waiting if "queue" in call.name else case
        before = ProcessingRecord.objects.filter(case_id=subject.pk, activity_code="triage").count()
        kwargs = {"format": "json"} if call.kind == "api" and call.data is not None else {}
        response = getattr(client, call.method)(call.path, call.data, **kwargs)
        want = expected(call, role, relation)
        assert response.status_code == want, (call.name, role, relation, response.status_code)
        after = ProcessingRecord.objects.filter(case_id=subject.pk, activity_code="triage").count()
        sees_case = want in (200, 201, 302) and ((role in CORE_STAFF_ROLES and relation != "other_house")
                                                  or call.name == "api participants")
        if want == 404 or not sees_case:
            assert after == before, (call.name, "logged without access")
            assert subject.reference.encode() not in response.content, (call.name, "leak")
        elif want in (200, 201, 302) and call.method == "get":
            assert after > before, (call.name, "read without processing-log record")
        if want == 404 and call.kind == "api":
            assert response["Content-Type"] == "application/problem+json"
