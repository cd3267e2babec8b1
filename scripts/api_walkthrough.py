"""Intake to adopted plan through the API alone, as an outside client would drive it.

    python scripts/api_walkthrough.py --base https://opencasus.example.nl \
        --filer partner.politie:PASSWORD:TOTPSECRET --director procesregisseur:PASSWORD:TOTPSECRET

Each account signs in with username, password and the current code of its authenticator (the TOTP secret,
base32, from which this script computes the code), and gets its API token from `POST /api/v1/tokens`. The
filer files a person intake; the process director assesses it against the national criteria, admits it with a
meeting type and named participants read from the house's configuration and directory, writes the action plan
and adopts it. No HTML page is used. Prints one line per step and exits non-zero at the first failure.
Only the standard library is used.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import hashlib
import hmac
import json
import struct
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any


def totp(secret: str, at: float | None = None, step: int = 30, digits: int = 6) -> str:
    """RFC 6238 (SHA-1), as authenticator apps compute it."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = struct.pack(">Q", int((time.time() if at is None else at) // step))
    digest = hmac.new(key, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 10**digits
    return f"{code:0{digits}d}"


class ApiError(RuntimeError):
    pass


@dataclass
class Api:
    base: str
    token: str = ""

    def call(self, method: str, path: str, body: Any = None, *, headers: dict[str, str] | None = None,
             expect: tuple[int, ...] = (200, 201)) -> tuple[Any, dict[str, str]]:
        if not self.base.startswith(("http://", "https://")):
            raise ApiError(f"not an http(s) address: {self.base}")
        request = urllib.request.Request(  # noqa: S310 - http(s) only, checked above
            f"{self.base.rstrip('/')}/api/v1/{path.lstrip('/')}", method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Accept": "application/json", "Content-Type": "application/json", **(headers or {}),
                     **({"Authorization": f"Bearer {self.token}"} if self.token else {})})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - http(s) only
                status, raw, got = response.status, response.read(), dict(response.headers)
        except urllib.error.HTTPError as exc:
            status, raw, got = exc.code, exc.read(), dict(exc.headers)
        data = json.loads(raw) if raw else None
        if status not in expect:
            raise ApiError(f"{method} {path}: {status} {data}")
        return data, got


def sign_in(base: str, account: str) -> Api:
    username, password, secret = account.split(":", 2)
    data, _ = Api(base).call("POST", "tokens", {"username": username, "password": password,
                                                  "totpCode": totp(secret)}, expect=(201,))
    return Api(base, token=data["token"])


def run(base: str, filer_account: str, director_account: str, out: Any = sys.stdout) -> dict[str, Any]:
    def step(text: str) -> None:
        print(text, file=out)

    filer = sign_in(base, filer_account)
    me, _ = filer.call("GET", "me")
    grant = me["grants"][0]
    house_id, organisation_id = grant["houseId"], grant["organisationId"]
    step(f"filer signed in: user {me['id']}, house {house_id}")
    intake, _ = filer.call("POST", "cases", {
        "houseId": house_id, "organisationId": organisation_id, "subjectType": "person",
        "persons": [{"firstName": "Kevin", "lastName": "de Boer", "dateOfBirth": "1999-02-03",
                     "relation": "subject"}],
        "reason": "Overlast, bedreiging van buren en schulden; zorg en straf lopen langs elkaar heen.",
        "requestedPurpose": "Een samenhangende aanpak van zorg en straf.", "route": "neighbourhood_team",
        "municipalityCode": "GM0505", "peopleInformed": "yes", "involvedPartners": []}, expect=(201,))
    case_id = intake["id"]
    step(f"intake filed: {intake['reference']} ({intake['filingOrganisationName']})")

    director = sign_in(base, director_account)
    assessment, _ = director.call("PUT", f"cases/{case_id}/triage-assessment", {
        "criteria": [
            {"criterion": "multiple_problems", "answer": "yes", "explanation": "Schulden, overlast en verslaving."},
            {"criterion": "multiple_chains", "answer": "yes", "explanation": "Zorg, straf en bestuur."},
            {"criterion": "system_impact", "answer": "yes", "explanation": "Buren en familie."},
            {"criterion": "area_safety", "answer": "unknown"}],
        "lifeDomains": [{"lifeDomain": "housing", "note": "Dreigende ontruiming."}]})
    step(f"assessed: {assessment['computedVerdict']}")
    meeting_types, _ = director.call("GET", f"houses/{house_id}/meeting-types")
    professionals, _ = director.call("GET", f"houses/{house_id}/professionals?role=partner_professional")
    named = [p for p in professionals["results"] if p["organisationId"] == organisation_id][:1]
    decision, _ = director.call("POST", f"cases/{case_id}/triage-decision", {
        "outcome": "admit", "grounds": "Voldoet aan de drie landelijke criteria.",
        "purpose": "Recidive voorkomen en de woonsituatie stabiliseren.",
        "questions": "Wie neemt de regie? Welke zorg en welk toezicht zijn nodig?",
        "meetingTypeId": meeting_types["results"][0]["id"], "organisationIds": [organisation_id],
        "professionals": [{"userId": p["userId"], "organisationId": p["organisationId"]} for p in named]},
        expect=(201,))
    step(f"admitted to {meeting_types['results'][0]['name']}: the filing organisation and {len(named)} named "
         "professional(s) take part")
    plan, headers = director.call("GET", f"cases/{case_id}/plan")
    etag = headers.get("ETag") or headers.get("Etag") or '"0"'
    evaluation = (dt.date.today() + dt.timedelta(days=42)).isoformat()
    plan, _ = director.call("PUT", f"cases/{case_id}/plan", {
        "directorOrganisationId": organisation_id, "evaluationDate": evaluation,
        "goals": [{"lifeDomain": "housing", "description": "Ontruiming voorkomen; huurachterstand in een regeling."}],
        "interventions": [{"line": "care", "organisationId": organisation_id,
                           "description": "Aanmelding bij de schuldhulpverlening."}]}, headers={"If-Match": etag})
    adopted, _ = director.call("POST", f"cases/{case_id}/plan/adopt", {"version": plan["version"]}, expect=(201,))
    step(f"plan adopted: version {adopted['number']}")
    return {"case_id": case_id, "reference": intake["reference"], "decision": decision, "plan": adopted}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="The installation's address, e.g. http://127.0.0.1:8000")
    parser.add_argument("--filer", required=True, help="username:password:totp-secret of a partner professional")
    parser.add_argument("--director", required=True, help="username:password:totp-secret of a process director")
    args = parser.parse_args()
    try:
        run(args.base, args.filer, args.director)
    except ApiError as exc:
        print(f"failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
