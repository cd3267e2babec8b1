"""Demo history for management information: fifteen months of earlier, synthetic cases of the demo house.

The cases demo files a dozen current intakes; dashboards, the annual report, recidivism and trend
signals need a history. This adds earlier cases (references `MI-…`) with their status history,
adopted plans, agreements, escalations, closures with outcomes, police incident counts for the
subjects, and advice for the area cases. Every decided intake has its triage decision, and the subjects
of intakes that were not admitted have incidents too, so the recidivism report shows its comparison
group. A spike of domestic-violence intakes in the last complete month shows a trend signal.
Synthetic data only; idempotent (a house with `MI-` cases is left alone).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone
from faker import Faker

from opencasus.cases.caseload.demo import history_director
from opencasus.cases.models import Case, Person, StatusChange
from opencasus.cases.names import name_key
from opencasus.cases.vocabulary import PeopleInformed, Relation, Route, SubjectType
from opencasus.cases.workflow import Status
from opencasus.logbook import purposes
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import Who, record_processing
from opencasus.network.models import CORE_STAFF_ROLES, House, Membership, Municipality, Partnership, TargetGroup
from opencasus.plans.models import Agreement, CaseClosure, Escalation, Plan, PlanVersion
from opencasus.plans.vocabulary import AgreementStatus, ClosureOutcome, EscalationLevel
from opencasus.reporting.models import Advice, IncidentSource, PoliceIncident
from opencasus.reporting.stats import add_months, month_start
from opencasus.triage.models import Decision, Outcome, Verdict

PREFIX = "MI-"
MONTHS = 15
OUTCOMES = [(Status.ADMITTED, 55), (Status.ADVICE_GIVEN, 10), (Status.ROUTED, 20), (Status.DECLINED, 15)]
CLOSURE_OUTCOMES = [(ClosureOutcome.GOALS_REACHED, 45), (ClosureOutcome.PARTLY_REACHED, 30),
                    (ClosureOutcome.NOT_REACHED, 10), (ClosureOutcome.REGULAR_CARE, 10), (ClosureOutcome.MOVED_AWAY, 5)]
ROUTES = [(Route.ZSM, 25), (Route.CRIMINAL_TRACK, 20), (Route.CARE_TRACK, 15), (Route.NEIGHBOURHOOD_TEAM, 15),
          (Route.VEILIG_THUIS, 10), (Route.AFTERCARE, 8), (Route.TOP_X, 5), (Route.PREVENTION, 2)]
DECISIONS = {Status.ADMITTED: (Outcome.ADMIT, Verdict.MEETS),
             Status.ADVICE_GIVEN: (Outcome.ADVICE, Verdict.UNDETERMINED),
             Status.ROUTED: (Outcome.ROUTE, Verdict.DOES_NOT_MEET),
             Status.DECLINED: (Outcome.DECLINE, Verdict.DOES_NOT_MEET)}
ADVICE_TEXTS = [
    "Versterk het toezicht en de verlichting rond het winkelcentrum; betrek het jongerenwerk bij de avonduren.",
    "Stel een wijkgerichte aanpak van woonoverlast op met de woningcorporatie en het sociaal wijkteam.",
    "Agendeer de signalen van ondermijning in het bedrijventerrein in de lokale driehoek.",
]


def _pick(rng: random.Random, weighted: list[tuple[Any, int]]) -> Any:
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


def _aware(day: dt.date, rng: random.Random) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(rng.randint(8, 17), rng.randint(0, 59))))


def load_demo_data(house: House) -> None:
    if Case.objects.filter(house=house, reference__startswith=PREFIX).exists():
        return
    director = (Membership.objects.active().filter(house=house, role__in=CORE_STAFF_ROLES)
                .select_related("user", "organisation").order_by("user__username").first())
    if director is None:
        return
    rng = random.Random(606)  # noqa: S311 - reproducible synthetic demo data, not security
    fake = Faker("nl_NL")
    fake.seed_instance(606)
    municipalities = list(Municipality.objects.filter(region=house.region, active=True).order_by("code"))
    themes = {t.name: t for t in TargetGroup.objects.filter(house=house)}
    partners = [p.organisation for p in Partnership.objects.covenant_in_force().filter(house=house)
                .select_related("organisation")]
    if not municipalities or not themes or not partners:
        return
    today = timezone.localdate()
    last_month = add_months(month_start(today), -1)
    first_month = add_months(last_month, -(MONTHS - 1))
    number = 0
    for m in range(MONTHS):
        month = add_months(first_month, m)
        count = rng.randint(8, 13)
        spike = month == last_month
        for i in range(count + (9 if spike else 0)):
            number += 1
            day = month + dt.timedelta(days=rng.randint(0, 27))
            theme = themes.get("Huiselijk geweld") if spike and i >= count else rng.choice(list(themes.values()))
            _history_case(house, director, rng, fake, number, _aware(day, rng), theme,
                          rng.choice(municipalities), partners, today)


def _history_case(house: House, director: Membership, rng: random.Random, fake: Faker, number: int,
                  filed: dt.datetime, theme: TargetGroup | None, municipality: Municipality,
                  partners: list[Any], today: dt.date) -> None:
    area = rng.random() < 0.08
    case = Case.objects.create(
        house=house, reference=f"{PREFIX}{filed:%Y}-{number:04d}",
        subject_type=SubjectType.AREA if area else SubjectType.PERSON, status=Status.SUBMITTED,
        filed_by=director.user, filed_by_organisation=director.organisation, filed_at=filed,
        reason="Synthetische historische casus voor de managementinformatie.",
        requested_purpose="Gezamenlijke aanpak.", route=_pick(rng, ROUTES), target_group=theme,
        municipality=municipality, people_informed=PeopleInformed.YES, last_activity_at=filed,
        area_description="Overlast en onveiligheidsgevoelens in de wijk." if area else "")
    person = None
    if not area:
        first, last = fake.first_name(), fake.last_name()
        person = Person.objects.create(case=case, relation=Relation.SUBJECT, first_name=first, last_name=last,
                                       date_of_birth=dt.date(rng.randint(1960, 2006), rng.randint(1, 12),
                                                             rng.randint(1, 28)),
                                       municipality=municipality, name_key=name_key(first, last))
    now = timezone.now()
    steps: list[tuple[str, dt.datetime]] = []
    triage_at = filed + dt.timedelta(days=rng.randint(1, 3))
    decided_at = triage_at + dt.timedelta(days=rng.randint(3, 20))
    if triage_at < now:
        steps.append((Status.IN_TRIAGE, triage_at))
    if decided_at < now:
        outcome = Status.ADVICE_GIVEN if area else _pick(rng, OUTCOMES)
        steps.append((outcome, decided_at))
        decision, verdict = DECISIONS[outcome]
        Decision.objects.create(case=case, outcome=decision, verdict=verdict, decided_at=decided_at,
                                decided_by=director.user, grounds="Besluit van de triagetafel (synthetisch).")
        if outcome == Status.ADMITTED:
            _plan(case, director, rng, decided_at, partners, steps, now)
    previous = Status.SUBMITTED.value
    for status, moment in steps:
        StatusChange.objects.create(case=case, house_id=case.house_id,
                                    from_status=previous, to_status=status, changed_at=moment,
                                    changed_by=director.user)
        previous = status
    case.status = previous
    case.admitted_at = next((m for s, m in steps if s == Status.ADMITTED), None)
    case.closed_at = next((m for s, m in steps if s == Status.CLOSED), None)
    case.last_activity_at = steps[-1][1] if steps else filed
    case.save()
    if case.admitted_at is not None:
        history_director(case, number, case.admitted_at)
    if area and decided_at < now:
        Advice.objects.create(house=house, case=case, municipality=municipality, target_group=theme,
                              text=rng.choice(ADVICE_TEXTS), given_by=director.user, given_at=decided_at)
    if person is not None and case.admitted_at is not None:
        _incidents(person, rng, case, today)
    elif person is not None and decided_at < now:
        _comparison_incidents(person, rng, timezone.localdate(decided_at), today)
    record_processing(action=Action.CREATE, activity_code=ActivityCode.INTAKE, purpose=purposes.DEMO_HISTORIC_CASE,
                      who=Who.system("demo"), house_id=house.pk,
                      data_subjects=[str(person.pseudonym)] if person else [""], object_type="case",
                      object_id=case.pk, case_id=case.pk)


def _plan(case: Case, director: Membership, rng: random.Random, admitted: dt.datetime, partners: list[Any],
          steps: list[tuple[str, dt.datetime]], now: dt.datetime) -> None:
    plan = Plan.objects.create(case=case, director_organisation=director.organisation, created_at=admitted)
    adopted = admitted + dt.timedelta(days=rng.randint(7, 30))
    if adopted >= now:
        return
    PlanVersion.objects.create(plan=plan, number=1, adopted_at=adopted, adopted_by=director.user, snapshot={})
    plan.adopted_version, plan.changed_since_adoption = 1, False
    plan.save(update_fields=["adopted_version", "changed_since_adoption"])
    for _i in range(rng.randint(2, 4)):
        owner = rng.choice(partners)
        deadline = (adopted + dt.timedelta(days=rng.randint(14, 90))).date()
        roll = rng.random()
        done = deadline < now.date() and roll < 0.8
        completed = None
        if done:
            completed = timezone.make_aware(dt.datetime.combine(
                deadline + dt.timedelta(days=rng.choice([-10, -3, 0, 0, 4, 12])), dt.time(12)))
            completed = min(completed, now)
        status = AgreementStatus.DONE if done else (
            AgreementStatus.OPEN if deadline >= now.date() else rng.choice([AgreementStatus.LATE,
                                                                          AgreementStatus.NOT_KEPT]))
        agreement = Agreement.objects.create(plan=plan, case=case, house_id=case.house_id,
                                             description="Afspraak uit het plan van aanpak.",
                                             owner_organisation=owner, deadline=deadline, status=status,
                                             created_at=adopted, completed_at=completed, created_by=director.user)
        if status in (AgreementStatus.LATE, AgreementStatus.NOT_KEPT) and rng.random() < 0.5:
            Escalation.objects.create(case=case, agreement=agreement, level=rng.choice(
                [EscalationLevel.OPERATIONAL, EscalationLevel.OPERATIONAL, EscalationLevel.TACTICAL]),
                organisation=owner, reason="Afspraak niet nagekomen.", addressed_to="Leidinggevende",
                raised_by=director.user, raised_at=timezone.make_aware(dt.datetime.combine(
                    deadline + dt.timedelta(days=7), dt.time(10))))
    closed = adopted + dt.timedelta(days=rng.randint(60, 240))
    if closed < now:
        steps.append((Status.CLOSED, closed))
        CaseClosure.objects.create(case=case, outcome=_pick(rng, CLOSURE_OUTCOMES), closed_by=director.user,
                                   closed_at=closed)


def _incidents(person: Person, rng: random.Random, case: Case, today: dt.date) -> None:
    """Incident days in the year before and after the plan: fewer after (the measured effect in the seeds)."""
    adopted = PlanVersion.objects.filter(plan__case=case).order_by("adopted_at").first()
    if adopted is None:
        return
    _write_incidents(person, rng, timezone.localdate(adopted.adopted_at), today, after=(0, 3))


def _comparison_incidents(person: Person, rng: random.Random, decided: dt.date, today: dt.date) -> None:
    """A subject who was not admitted: the same history before the decision, less decline after it."""
    _write_incidents(person, rng, decided, today, after=(1, 5))


def _write_incidents(person: Person, rng: random.Random, day0: dt.date, today: dt.date, *,
                     after: tuple[int, int]) -> None:
    days: dict[dt.date, int] = {}
    for _i in range(rng.randint(1, 6)):
        day = day0 - dt.timedelta(days=rng.randint(1, 365))
        days[day] = days.get(day, 0) + rng.randint(1, 2)
    for _i in range(rng.randint(*after)):
        day = day0 + dt.timedelta(days=rng.randint(0, 365))
        if day <= today:
            days[day] = days.get(day, 0) + 1
    rows = [PoliceIncident(person=person, incident_date=d, count=n) for d, n in sorted(days.items())]
    # Some registrations end in a criminal record: the judicial documentation counts them as a second source.
    rows += [PoliceIncident(person=person, incident_date=d, count=1, source=IncidentSource.JUDICIAL)
             for d, _n in sorted(days.items()) if rng.random() < 0.3]
    PoliceIncident.objects.bulk_create(rows)
