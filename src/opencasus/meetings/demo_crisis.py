"""Demo of the crisis lane (idempotent; runs after the triage demo, before the demo conferences).

Two crisis intakes in the demo house, which runs the crisis lane: one filed by the police on the previous
working day and triaged today (met on time, admitted; the demo conferences put it on today's agenda), and one
filed by Veilig Thuis three working days ago that still waits for triage (overdue, signalled to core staff)."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from opencasus.cases.demo import _filer, synthetic_bsn
from opencasus.cases.models import Case, StatusChange
from opencasus.cases.services import PersonData, intake_file
from opencasus.cases.vocabulary import PeopleInformed, Route, SubjectType, Urgency
from opencasus.network.approaches import approach_enabled
from opencasus.network.models import Approach, House, Municipality, Role, TargetGroup
from opencasus.triage import services as triage
from opencasus.triage.demo import ALWAYS_NAMED, CARE_NAMED, _decision, _meets, _professionals, _user
from opencasus.triage.models import Decision

MET_REASON = ("Ernstige bedreiging van een buurvrouw met een mes na een psychose; aangehouden en heengezonden. "
              "Direct gevaar voor omwonenden, terugkeer naar de woning dreigt vandaag.")
OVERDUE_REASON = ("Acute zorgen over de veiligheid van een moeder en twee jonge kinderen: de partner is ondanks een "
                  "huisverbod teruggekeerd en dreigt met geweld.")


def _working_days_back(today: dt.date, days: int) -> dt.date:
    current = today
    while days > 0:
        current -= dt.timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def _file(house: House, org: str, reason: str, purpose: str, person: PersonData, filed_on: dt.date,
          target_group: str) -> Case:
    actor, organisation = _filer(house, org)
    case = intake_file(
        actor=actor, organisation=organisation, house=house, subject_type=SubjectType.PERSON, persons=[person],
        reason=reason, requested_purpose=purpose, route=Route.VEILIG_THUIS if org == "Veilig Thuis" else Route.OTHER,
        municipality=person.municipality, people_informed=PeopleInformed.NO, urgency=Urgency.CRISIS,
        not_informed_reason="Informeren kan de veiligheid van betrokkenen nu in gevaar brengen.",
        target_group=TargetGroup.objects.filter(house=house, name=target_group).first())
    filed = timezone.make_aware(dt.datetime.combine(filed_on, dt.time(9, 40)))
    Case.objects.filter(pk=case.pk).update(filed_at=filed, last_activity_at=filed)
    StatusChange.objects.filter(case=case).update(changed_at=filed)
    case.refresh_from_db()
    return case


def load_crisis_demo(house: House) -> dict[str, int]:
    if not approach_enabled(house_id=house.pk, approach=Approach.CRISIS_LANE):
        return {}
    director = _user(house, "procesregisseur", Role.PROCESS_DIRECTOR)
    if director is None or Case.objects.filter(house=house, reason__in=[MET_REASON, OVERDUE_REASON]).exists():
        return {}
    rng = random.Random(1717)  # noqa: S311 - reproducible synthetic demo data, not security
    today = timezone.localdate()
    municipality = Municipality.objects.filter(code="GM0505").first()
    met = _file(house, "Politie", MET_REASON,
                "Binnen enkele dagen één afgestemde aanpak van zorg, toezicht en veiligheid van de buurt.",
                PersonData("Ruben", "van Wijk", dt.date(1991, 6, 14), bsn=synthetic_bsn(rng),
                           address="Merwedestraat 41", municipality=municipality),
                _working_days_back(today, 1), "Verward gedrag")
    _file(house, "Veilig Thuis", OVERDUE_REASON,
          "Snel een gezamenlijk veiligheidsplan voor moeder en kinderen, met toezicht op de partner.",
          PersonData("Kevin", "Hoogendijk", dt.date(1988, 3, 2), bsn=synthetic_bsn(rng),
                     address="Zuidendijk 212", municipality=municipality),
          _working_days_back(today, 3), "Huiselijk geweld")
    professionals = _professionals(house, ALWAYS_NAMED)
    care = _professionals(house, CARE_NAMED)
    if professionals:
        triage.assessment_save(actor=director, case_id=met.pk, data=_meets())
        triage.decision_record(actor=director, case_id=met.pk,
                               data=_decision(house, "admit", [*professionals, *care[:1]]), notify_filer=False)
        # Decided this morning, before the other demo admissions (the plans demo closes the latest one).
        decided = timezone.now() - dt.timedelta(hours=2)
        Case.objects.filter(pk=met.pk).update(admitted_at=decided, last_activity_at=decided)
        Decision.objects.filter(case=met).update(decided_at=decided)
        StatusChange.objects.filter(case=met, changed_at__gt=decided).update(changed_at=decided)
    return {"crisis_intakes": 2}
