"""Action plans and agreements for every admitted (or closed) generated case, written with COPY.

One plan per admitted case, directed by a participating organisation; agreements per plan follow
`AGREEMENTS_PER_PLAN`, scaled so the total reaches the target (5,000,000 at scale 1.0). Agreements
are owned by the case's participants; closed plans have their agreements settled.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from django.db import connection, transaction

from opencasus.cases.vocabulary import LifeDomain
from opencasus.plans.vocabulary import AgreementStatus
from opencasus.scale.copying import copy_rows, reserve_ids
from opencasus.scale.plan import AGREEMENTS_PER_PLAN, Weighted

PLAN_COLUMNS = ("id", "case_id", "director_organisation_id", "director_user_id", "evaluation_date",
                "adopted_version", "changed_since_adoption", "created_at", "updated_at", "updated_by_id", "version")
GOAL_COLUMNS = ("plan_id", "life_domain", "description")
AGREEMENT_COLUMNS = ("plan_id", "case_id", "house_id", "description", "owner_organisation_id", "owner_user_id",
                     "deadline", "status", "source", "created_at", "created_by_id", "updated_at", "completed_at",
                     "version")
AGREEMENT_TEXTS = (
    "Huisbezoek afleggen en de situatie thuis in beeld brengen.",
    "Aanmelden bij schuldhulpverlening en eerste gesprek plannen.",
    "Toezicht op de bijzondere voorwaarden en melden bij overtreding.",
    "Passende woonruimte zoeken met begeleiding.",
    "Intake bij de ambulante verslavingszorg regelen.",
    "Gesprek met school over verzuim en een plan voor terugkeer.",
    "Contactverbod bewaken en terugkoppelen aan het casusoverleg.",
)
SETTLED = Weighted({AgreementStatus.DONE: 70, AgreementStatus.NOT_KEPT: 15, AgreementStatus.CANCELLED: 15})
RUNNING = Weighted({AgreementStatus.OPEN: 60, AgreementStatus.DONE: 30, AgreementStatus.LATE: 10})
BATCH = 20_000


def generate_plans(target_agreements: int, rng: random.Random, now: dt.datetime) -> tuple[int, int]:
    """Plans and agreements for all admitted and closed cases without a plan; returns (plans, agreements)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.id, c.admitted_at, c.closed_at, c.house_id FROM cases_case c WHERE c.admitted_at IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM plans_plan p WHERE p.case_id = c.id) "
            "ORDER BY count(*) OVER (PARTITION BY c.house_id) DESC, c.house_id, c.id")  # busiest house first
        cases = cursor.fetchall()
        cursor.execute(
            "SELECT case_id, organisation_id, user_id FROM cases_participant p WHERE user_id IS NOT NULL "
            "AND EXISTS (SELECT 1 FROM cases_case c WHERE c.id = p.case_id AND c.admitted_at IS NOT NULL) "
            "ORDER BY case_id, id")
        grants: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for case_id, org, user in cursor.fetchall():
            grants[case_id].append((org, user))
    cases = [c for c in cases if grants.get(c[0])]
    if not cases:
        return 0, 0
    factor = target_agreements / (len(cases) * AGREEMENTS_PER_PLAN.mean())
    total_agreements = 0
    for start in range(0, len(cases), BATCH):
        chunk = cases[start:start + BATCH]
        with transaction.atomic():
            first = reserve_ids("plans_plan", len(chunk))
            plans, goals, agreements = [], [], []
            for offset, (case_id, admitted, closed, house_id) in enumerate(chunk):
                plan_id = first + offset
                director_org, director_user = grants[case_id][0]
                end = closed or now
                created = admitted + dt.timedelta(days=rng.uniform(7, 28))
                created = min(created, end)
                plans.append((plan_id, case_id, director_org, director_user,
                              (end + dt.timedelta(days=42)).date() if closed is None else None,
                              rng.randint(1, 3), closed is None and rng.random() < 0.3, created, end, director_user,
                              rng.randint(1, 12)))
                for domain in rng.sample(list(LifeDomain.values), rng.randint(2, 4)):
                    goals.append((plan_id, domain, "Stabiele situatie op dit leefgebied binnen zes maanden."))
                count = max(1, round(AGREEMENTS_PER_PLAN.draw(rng) * factor))
                span = max((end - created).total_seconds(), 60.0)
                for _ in range(count):
                    org, user = rng.choice(grants[case_id])
                    made = created + dt.timedelta(seconds=rng.random() * span)
                    deadline = (made + dt.timedelta(days=rng.randint(14, 90))).date()
                    status = SETTLED.draw(rng) if closed is not None else RUNNING.draw(rng)
                    if status == AgreementStatus.OPEN and deadline < now.date():
                        status = AgreementStatus.LATE
                    done = made + dt.timedelta(days=rng.uniform(1, 60)) if status == AgreementStatus.DONE else None
                    if done is not None and done > end:
                        done = end
                    agreements.append((plan_id, case_id, house_id, rng.choice(AGREEMENT_TEXTS), org, user, deadline,
                                       status, "Casusoverleg", made, director_user, done or made, done, 1))
            copy_rows("plans_plan", PLAN_COLUMNS, plans)
            copy_rows("plans_goal", GOAL_COLUMNS, goals)
            copy_rows("plans_agreement", AGREEMENT_COLUMNS, agreements)
            total_agreements += len(agreements)
    with connection.cursor() as cursor:
        for table in ("plans_plan", "plans_goal", "plans_agreement"):
            cursor.execute(f"ANALYZE {table}")
    return len(cases), total_agreements
