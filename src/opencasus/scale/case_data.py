"""Cases, persons, status changes, participants and processing events for one house, written with COPY.

A case's life follows the workflow: submitted, in triage, an outcome (admitted 45 %, advice,
routed, declined) and, for admitted cases, closure after a gamma-distributed number of months.
Events (one action by one professional) are staged for the processing log; the log writer
turns each into one record per person in the case.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass, field
from typing import Any

from opencasus.cases.names import name_key
from opencasus.cases.vocabulary import PeopleInformed, Relation, Route, SubjectType
from opencasus.cases.workflow import Status
from opencasus.core.identifiers import encrypt_identifier, identifier_hash
from opencasus.network.models import Role
from opencasus.scale.network_data import HouseNetwork
from opencasus.scale.plan import (
    BSN_KNOWN_SHARE,
    HOUSEHOLD_RELATIONS,
    NEIGHBOURHOODS,
    OPEN_MONTHS,
    OUTCOMES,
    PARTICIPANTS_PER_CASE,
    PERSONS_PER_CASE,
    PURPOSES,
    REASONS,
    REPEAT_SUBJECT_SHARE,
    ROUTES,
    SUBJECT_TYPES,
    URGENCIES,
    NamePool,
    filed_moment,
    valid_bsn,
)

CASE_COLUMNS = (
    "id", "house_id", "reference", "subject_type", "status", "filed_by_id", "filed_by_organisation_id", "filed_at",
    "reason", "requested_purpose", "route", "release_date", "target_group_id", "urgency", "municipality_id",
    "neighbourhood", "area_description", "running_trajectories", "people_informed", "not_informed_reason",
    "purpose", "questions", "meeting_type_id", "feedback_to_filer", "feedback_at", "admitted_at", "closed_at",
    "last_activity_at", "version",
)
PERSON_COLUMNS = ("case_id", "pseudonym", "relation", "first_name", "last_name", "date_of_birth", "bsn_encrypted",
                  "bsn_hash", "address", "municipality_id", "name_key")
STATUS_COLUMNS = ("case_id", "house_id", "from_status", "to_status", "changed_at", "changed_by_id", "reason")
PARTICIPANT_COLUMNS = ("case_id", "organisation_id", "user_id", "started_at", "ended_at")
EVENT_COLUMNS = ("id", "case_id", "house_id", "started_at", "action", "activity_code", "user_id",
                 "organisation_id", "role")

DAY = dt.timedelta(days=1)


@dataclass
class Identity:
    first_name: str
    last_name: str
    date_of_birth: dt.date
    bsn_encrypted: str
    bsn_hash: str
    name_key: str


@dataclass
class HouseBatch:
    cases: list[tuple[Any, ...]] = field(default_factory=list)
    persons: list[tuple[Any, ...]] = field(default_factory=list)
    status_changes: list[tuple[Any, ...]] = field(default_factory=list)
    participants: list[tuple[Any, ...]] = field(default_factory=list)
    # Per case: (case_id, filed_at, decided_at, last_activity_at, status, persons, participant grants, filer)
    lives: list[tuple[Any, ...]] = field(default_factory=list)


class CaseGenerator:
    def __init__(self, rng: random.Random, now: dt.datetime, years: int) -> None:
        self.rng = rng
        self.now = now
        self.start = now - dt.timedelta(days=365 * years)
        self.names = NamePool()

    def _identity(self, filed: dt.datetime, *, child: bool) -> Identity:
        rng = self.rng
        first, last = self.names.draw(rng)
        age_days = rng.randrange(0, 17 * 365) if child else rng.randrange(18 * 365, 70 * 365)
        dob = (filed - dt.timedelta(days=age_days)).date()
        bsn = valid_bsn(rng) if rng.random() < BSN_KNOWN_SHARE else ""
        return Identity(first, last, dob, encrypt_identifier(bsn) if bsn else "",
                        identifier_hash(bsn) if bsn else "", name_key(first, last))

    def _uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def house_batch(self, net: HouseNetwork, n_cases: int, first_id: int) -> HouseBatch:
        rng, now = self.rng, self.now
        batch = HouseBatch()
        pool: list[Identity] = []
        filed_times = sorted(filed_moment(rng, self.start, now) for _ in range(n_cases))
        counter: dict[int, int] = {}
        for offset, filed in enumerate(filed_times):
            case_id = first_id + offset
            counter[filed.year] = counter.get(filed.year, 0) + 1
            reference = f"{net.region_code}-{filed.year}-{counter[filed.year]:06d}"
            subject_type = SUBJECT_TYPES.draw(rng)
            filer, filer_org = rng.choice(net.partners)
            director = rng.choice(net.core_staff)[0]
            age = now - filed
            triaged = filed + dt.timedelta(days=rng.uniform(1, 6))
            decided = triaged + dt.timedelta(days=rng.uniform(3, 21))
            changes = [("", Status.SUBMITTED, filed, filer)]
            admitted_at = closed_at = feedback_at = None
            if (age < dt.timedelta(days=7) and rng.random() < 0.5) or triaged > now:
                status, last_activity = Status.SUBMITTED, filed
            elif decided > now:
                status, last_activity = Status.IN_TRIAGE, triaged
                changes.append((Status.SUBMITTED, Status.IN_TRIAGE, triaged, director))
            else:
                status = OUTCOMES.draw(rng)
                changes.append((Status.SUBMITTED, Status.IN_TRIAGE, triaged, director))
                changes.append((Status.IN_TRIAGE, status, decided, director))
                feedback_at, last_activity = decided, decided
                if status == Status.ADMITTED:
                    admitted_at = decided
                    closing = decided + dt.timedelta(days=30.4 * rng.gammavariate(*OPEN_MONTHS))
                    if closing < now:
                        status, closed_at, last_activity = Status.CLOSED, closing, closing
                        changes.append((Status.ADMITTED, Status.CLOSED, closing, director))
                    else:
                        recent = now - dt.timedelta(days=rng.expovariate(1 / 20))
                        last_activity = max(decided, recent)
            route = ROUTES.draw(rng)
            admitted = admitted_at is not None
            batch.cases.append((
                case_id, net.house_id, reference, subject_type, status, filer, filer_org, filed,
                rng.choice(REASONS), rng.choice(PURPOSES), route,
                (filed + dt.timedelta(days=rng.randrange(10, 90))).date() if route == Route.AFTERCARE else None,
                rng.choice(net.target_group_ids) if rng.random() < 0.7 else None, URGENCIES.draw(rng),
                rng.choice(net.municipality_ids), rng.choice(NEIGHBOURHOODS), "",
                "Reclasseringstoezicht loopt; jeugdhulp betrokken." if rng.random() < 0.4 else "",
                PeopleInformed.YES if rng.random() < 0.85 else PeopleInformed.NO, "",
                rng.choice(PURPOSES) if admitted else "", "Wie pakt welke rol?" if admitted else "",
                rng.choice(net.meeting_type_ids) if admitted else None,
                "Besproken in het weegoverleg; u hoort van de procesregisseur." if feedback_at else "", feedback_at,
                admitted_at, closed_at, last_activity, len(changes),
            ))
            batch.status_changes.extend(
                (case_id, net.house_id, old, new, at, by, "") for old, new, at, by in changes)
            n_persons = self._persons(batch, net, pool, case_id, subject_type, filed)
            grants: list[tuple[int, int]] = []
            if admitted_at is not None:
                grants = self._participants(batch, net, case_id, admitted_at, closed_at, (filer, filer_org))
            batch.lives.append((case_id, filed, feedback_at or last_activity, last_activity, status, n_persons,
                                grants, (filer, filer_org), director))
        return batch

    def _persons(self, batch: HouseBatch, net: HouseNetwork, pool: list[Identity], case_id: int,
                 subject_type: str, filed: dt.datetime) -> int:
        rng = self.rng
        count = PERSONS_PER_CASE[SubjectType(subject_type)].draw(rng)
        for n in range(count):
            relation = Relation.SUBJECT if n == 0 or (subject_type == SubjectType.SYSTEM and n == 1) else (
                Relation.GROUP_MEMBER if subject_type == SubjectType.AREA else HOUSEHOLD_RELATIONS.draw(rng))
            repeat = REPEAT_SUBJECT_SHARE if relation == Relation.SUBJECT else 0.08
            if pool and rng.random() < repeat:
                who = pool[rng.randrange(len(pool))]
            else:
                who = self._identity(filed, child=relation == Relation.CHILD)
                pool.append(who)
            batch.persons.append((
                case_id, self._uuid(), relation, who.first_name, who.last_name, who.date_of_birth,
                who.bsn_encrypted, who.bsn_hash, f"{rng.choice(NEIGHBOURHOODS)}straat {rng.randrange(1, 200)}",
                rng.choice(net.municipality_ids), who.name_key,
            ))
        return count

    def _participants(self, batch: HouseBatch, net: HouseNetwork, case_id: int, admitted: dt.datetime,
                      closed: dt.datetime | None, filer: tuple[int, int]) -> list[tuple[int, int]]:
        rng = self.rng
        orgs = [o for o in net.organisation_ids if net.partners_by_org.get(o) and o != filer[1]]
        chosen = rng.sample(orgs, min(len(orgs), PARTICIPANTS_PER_CASE.draw(rng) - 1))
        grants = [filer] + [(rng.choice(net.partners_by_org[o]), o) for o in chosen]
        ended = None
        if closed is not None and closed + net.read_only_days * DAY < self.now:
            ended = closed + net.read_only_days * DAY
        for user, org in grants:
            batch.participants.append((case_id, org, user, admitted, ended))
        return grants


def event_weight(life: tuple[Any, ...]) -> float:
    """How much a case is worked on: admitted cases by their months open, triage-only ones a little."""
    _, _, decided, last, status, *_ = life
    if status in (Status.ADMITTED, Status.CLOSED):
        days_open: int = (last - decided).days
        return 8 + 6 * max(0.0, days_open / 30.4)
    if status == Status.SUBMITTED:
        return 2
    if status == Status.IN_TRIAGE:
        return 3
    return 5


def case_events(rng: random.Random, life: tuple[Any, ...], count: int, first_id: int,
                house_id: int, core_staff: list[tuple[int, int, str]]) -> list[tuple[Any, ...]]:
    """`count` processing events for one case: the intake by the filer, triage work, then participants."""
    case_id, filed, decided, last, _, _, grants, filer, _ = life
    events: list[tuple[Any, ...]] = [
        (first_id, case_id, house_id, filed, "create", "intake", filer[0], filer[1], str(Role.PARTNER_PROFESSIONAL))]
    span = max((last - filed).total_seconds(), 1.0)
    moments = sorted(filed + dt.timedelta(seconds=rng.random() * span) for _ in range(count - 1))
    for n, moment in enumerate(moments, start=1):
        action = "view" if rng.random() < 0.78 else "update"
        if moment <= decided or not grants:
            user, org, role = rng.choice(core_staff)
            code = "triage"
        else:
            user, org = rng.choice(grants)
            role = Role.PARTNER_PROFESSIONAL
            code = "case-conference" if rng.random() < 0.3 else "action-plan"
        events.append((first_id + n, case_id, house_id, moment, action, code, user, org, str(role)))
    return events
