"""`scripts/api_walkthrough.py` drives intake -> triage -> admission with named participants -> adopted plan
against the live server through the API alone: tokens obtained through the API, ids read from `/me` and the
house's configuration and directory, no HTML page."""

from __future__ import annotations

import base64
import importlib.util
import io
import sys
from pathlib import Path
from typing import Any

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from opencasus.cases.models import Case, Participant
from opencasus.cases.workflow import Status
from opencasus.core.tests.world import Member, Partner, build_world
from opencasus.network.models import Role
from opencasus.network.tests.factories import TEST_PASSWORD
from opencasus.plans.models import Plan

SCRIPT = Path(__file__).resolve().parents[5] / "scripts" / "api_walkthrough.py"


def _script() -> Any:
    spec = importlib.util.spec_from_file_location("api_walkthrough", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _account(user: Any) -> str:
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return f"{user.username}:{TEST_PASSWORD}:{base64.b32encode(device.bin_key).decode()}"


@pytest.mark.parametrize("at", [0, 59, 1_700_000_000, 2_000_000_029])
def test_the_totp_of_the_script_is_the_one_django_otp_accepts(at: int) -> None:
    key = bytes(range(20))
    expected = TOTP(key, step=30, t0=0, digits=6)
    expected.time = at
    assert _script().totp(base64.b32encode(key).decode(), at=at) == f"{expected.token():06d}"


@pytest.mark.django_db(transaction=True)
def test_intake_to_adopted_plan_through_the_api_alone(live_server: Any) -> None:
    w = build_world(partners=[Partner("police", "Politie")],
                    members={"filer": Member(Role.PARTNER_PROFESSIONAL, "police"),
                             "colleague": Member(Role.PARTNER_PROFESSIONAL, "police")})
    out = io.StringIO()
    result = _script().run(live_server.url, _account(w.members["filer"]), _account(w.director), out=out)
    case = Case.objects.get(pk=result["case_id"])
    assert case.status == Status.ADMITTED
    assert case.house == w.house
    assert case.filed_by == w.members["filer"]
    named = Participant.objects.filter(case=case, user__isnull=False).values_list("user_id", flat=True)
    assert set(named) <= {w.members["filer"].pk, w.members["colleague"].pk}
    assert len(named) == 1
    assert Plan.objects.get(case=case).adopted_version == 1
    assert out.getvalue().splitlines()[-1] == "plan adopted: version 1"
