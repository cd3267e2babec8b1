"""Every actor x every follow-through page and endpoint: who sees what. A record someone may not see answers
404, exactly like a missing one, and leaves no processing-log read record; a list shows only what the reader may
see. Core staff of the house see check-backs and monitoring; closure feedback also reaches the filer and the
municipality officer of the case's municipality; a consultation reaches its asker and the house's core staff."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.followup import services
from opencasus.followup.models import ClosureFeedback
from opencasus.followup.tests.factories import FollowupWorld, make_followup_world
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member
from opencasus.plans import services as plans
from opencasus.plans.vocabulary import ClosureOutcome

pytestmark = pytest.mark.django_db

ACTORS = ["director", "secretary", "participant", "filer", "asker", "officer", "other_officer", "manager",
          "privacy_officer", "other_house_director"]
CORE = {"director", "secretary"}
# Who sees each kind of record (besides the lists, which show only what the reader may see).
SEES = {
    "check-back": CORE,
    "monitoring": CORE,
    "feedback": CORE | {"filer", "officer"},
    "consultation": CORE | {"asker"},
    "advise": CORE,
}


@dataclass
class Call:
    name: str
    resource: str
    kind: str  # page | api
    method: str
    path: str
    data: dict[str, Any] | None = None
    ok: int = 200


def actors(w: FollowupWorld) -> dict[str, User]:
    t = w.triage
    return {
        "director": t.director, "secretary": t.secretary, "participant": t.police_pro, "filer": t.filer,
        "asker": t.probation_pro, "officer": w.officer, "other_officer": w.other_officer,
        "manager": member(t.house, Role.HOUSE_MANAGER, t.police),
        "privacy_officer": member(t.house, Role.PRIVACY_OFFICER, t.police),
        "other_house_director": member(HouseFactory(), Role.PROCESS_DIRECTOR, t.police),
    }


def calls(w: FollowupWorld, ids: dict[str, int]) -> list[Call]:
    cb, mp, fb, co = ids["check_back"], ids["period"], ids["feedback"], ids["consultation"]
    later = (timezone.localdate() + dt.timedelta(days=40)).isoformat()
    return [
        Call("page check-back", "check-back", "page", "get", reverse("followup:check-back", args=[cb])),
        Call("api check-back", "check-back", "api", "get", f"/api/v1/check-backs/{cb}"),
        Call("api check-back patch", "check-back", "api", "patch", f"/api/v1/check-backs/{cb}",
             {"dueDate": later, "version": 1}),
        Call("page monitoring", "monitoring", "page", "get", reverse("followup:monitoring-period", args=[mp])),
        Call("api monitoring", "monitoring", "api", "get", f"/api/v1/monitoring-periods/{mp}"),
        Call("api monitoring patch", "monitoring", "api", "patch", f"/api/v1/monitoring-periods/{mp}",
             {"lastCheckDate": later, "version": 1}),
        Call("page feedback", "feedback", "page", "get", reverse("followup:feedback", args=[fb])),
        Call("api feedback", "feedback", "api", "get", f"/api/v1/closure-feedback/{fb}"),
        Call("page consultation", "consultation", "page", "get", reverse("followup:consultation", args=[co])),
        Call("api consultation", "consultation", "api", "get", f"/api/v1/consultations/{co}"),
        Call("page advice", "advise", "page", "post", reverse("followup:consultation", args=[co]),
             {"advice": "Meld bij het ZSM-overleg.", "version": 1}, 302),
        Call("api check-back resolution", "check-back", "api", "post", f"/api/v1/check-backs/{cb}/resolution",
             {"status": "confirmed", "note": "Veilig Thuis heeft het opgepakt."}),
        Call("api last check", "monitoring", "api", "post", f"/api/v1/monitoring-periods/{mp}/last-check",
             {"result": "stable", "note": "Loopt lokaal goed."}),
    ]


def world_with_records() -> tuple[FollowupWorld, dict[str, int]]:
    w = make_followup_world()
    plans.case_close(actor=w.director, case_id=w.running.pk, outcome=ClosureOutcome.GOALS_REACHED)
    period = services.monitoring_start(actor=w.director, case_id=w.running.pk, local_approach="PGA Delft",
                                       last_check_date=timezone.localdate() + dt.timedelta(days=60))
    consultation = services.consultation_ask(
        actor=w.triage.probation_pro, house_id=w.triage.house.pk, organisation_id=w.triage.probation.pk,
        question="Een jongere spijbelt en steelt; past dat bij het Veiligheidshuis?")
    return w, {"check_back": w.check_back.pk, "period": period.pk,
               "feedback": ClosureFeedback.objects.get(case=w.running).pk, "consultation": consultation.pk}


def reads(record_type: str, pk: int) -> int:
    return ProcessingRecord.objects.filter(object_type=record_type, object_id=str(pk), action="view").count()


OBJECT_TYPES = {"check-back": ("check-back", "check_back"), "monitoring": ("monitoring-period", "period"),
                "feedback": ("closure-feedback", "feedback"), "consultation": ("consultation", "consultation"),
                "advise": ("consultation", "consultation")}


@pytest.mark.parametrize("actor", ACTORS)
def test_access_matrix(actor: str, verified_client: Callable[[User], Client],
                       api_client: Callable[[User], APIClient]) -> None:
    w, ids = world_with_records()
    user = actors(w)[actor]
    page, api = verified_client(user), api_client(user)
    for call in calls(w, ids):
        client: Any = page if call.kind == "page" else api
        object_type, key = OBJECT_TYPES[call.resource]
        before = reads(object_type, ids[key])
        kwargs = {"format": "json"} if call.kind == "api" and call.data is not None else {}
        response = client.generic(call.method.upper(), call.path) if call.data is None else getattr(
            client, call.method)(call.path, call.data, **kwargs)
        want = call.ok if actor in SEES[call.resource] else 404
        assert response.status_code == want, (call.name, actor, response.status_code)
        if want == 404:
            assert reads(object_type, ids[key]) == before, (call.name, "logged without access")
            assert w.running.reference.encode() not in response.content
            assert w.routed.reference.encode() not in response.content
            if call.kind == "api":
                assert response["Content-Type"] == "application/problem+json"
        elif call.method == "get":
            assert reads(object_type, ids[key]) > before, (call.name, "read without processing-log record")


LISTS = [("check-backs", "followup:check-backs", "/api/v1/check-backs", CORE),
         ("monitoring", "followup:monitoring", "/api/v1/monitoring-periods", CORE),
         ("feedback", "followup:feedback-list", "/api/v1/closure-feedback", CORE | {"filer", "officer"}),
         ("consultations", "followup:consultations", "/api/v1/consultations", CORE | {"asker"})]


@pytest.mark.parametrize("actor", ACTORS)
def test_lists_show_only_what_the_reader_may_see(actor: str, verified_client: Callable[[User], Client],
                                                 api_client: Callable[[User], APIClient]) -> None:
    w, _ids = world_with_records()
    user = actors(w)[actor]
    page, api = verified_client(user), api_client(user)
    for name, url_name, api_path, seers in LISTS:
        response = api.get(api_path)
        assert response.status_code == 200, (name, actor)
        assert (len(response.json()["results"]) > 0) == (actor in seers), (name, actor)
        html = page.get(reverse(url_name))
        # The case-work pages exist for core staff only; the others for everyone who could have records there.
        core_anywhere = CORE | {"other_house_director"}
        page_for = {"check-backs": core_anywhere, "monitoring": core_anywhere, "feedback": set(ACTORS),
                    "consultations": CORE | {"participant", "filer", "asker", "other_house_director"}}[name]
        assert html.status_code == (200 if actor in page_for else 404), (name, actor, html.status_code)
        if actor not in seers:
            assert w.running.reference.encode() not in html.content
            assert w.routed.reference.encode() not in html.content
