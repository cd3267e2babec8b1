"""Demo triage: the weegoverleg decides on part of the demo house's intakes. Idempotent.

Runs after the cases demo and works on whatever intakes are waiting: it admits up to five (purpose,
questions, the Focusoverleg, police and probation with the demo logins as named professionals),
gives advice on one, routes one to Veilig Thuis and declines one, and always leaves some in the queue.
A second run decides nothing new.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count

from opencasus.accounts.models import User
from opencasus.cases.models import Case
from opencasus.cases.workflow import Status
from opencasus.network.models import House, MeetingType, Membership, Organisation, Role
from opencasus.triage import services
from opencasus.triage.models import Answer, Criterion, Decision, Outcome
from opencasus.triage.services import AssessmentInput, DecisionInput

WANTED = [(Outcome.ADMIT, 5), (Outcome.ADVICE, 1), (Outcome.ROUTE, 1), (Outcome.DECLINE, 1)]
LEAVE_IN_QUEUE = 3
# Named in every admitted case; and one of the care partners per admitted case, in turn.
ALWAYS_NAMED = ("partner.politie", "partner.reclassering")
CARE_NAMED = ("partner.veiligthuis", "partner.jeugdzorg", "partner.ggz")


def _meets() -> AssessmentInput:
    return AssessmentInput(
        answers={
            Criterion.MULTIPLE_PROBLEMS: (Answer.YES, "Schulden, middelengebruik en dreigende huisuitzetting; "
                                                      "daardoor overlast en vermogensdelicten."),
            Criterion.MULTIPLE_CHAINS: (Answer.YES, "Strafrechtketen (reclasseringstoezicht) en zorgketen nodig."),
            Criterion.SYSTEM_IMPACT: (Answer.YES, "Minderjarige kinderen in het huishouden."),
            Criterion.AREA_SAFETY: (Answer.NO, "Geen gebiedsgebonden problematiek."),
        },
        life_domains={"housing": "Huurachterstand, ontruiming aangekondigd.",
                      "drugs": "Dagelijks cannabisgebruik volgens de reclassering.",
                      "family_relations": "Spanningen met partner; zorgen over de kinderen."},
    )


def _does_not_meet() -> AssessmentInput:
    return AssessmentInput(answers={
        Criterion.MULTIPLE_PROBLEMS: (Answer.NO, "Problematiek speelt op één leefgebied."),
        Criterion.MULTIPLE_CHAINS: (Answer.NO, "De zorgketen kan dit zelf oppakken."),
        Criterion.SYSTEM_IMPACT: (Answer.UNKNOWN, ""),
        Criterion.AREA_SAFETY: (Answer.NO, "Geen gebiedsgebonden problematiek."),
    })


def _user(house: House, username: str, role: str) -> User | None:
    user = User.objects.filter(username=username, memberships__house=house, memberships__role=role).first()
    if user is None:
        membership = Membership.objects.active().filter(house=house, role=role).select_related("user").first()
        user = membership.user if membership else None
    return user


def _organisation_of(house: House, user: User | None) -> Organisation | None:
    if user is None:
        return None
    membership = Membership.objects.active().filter(house=house, user=user, role=Role.PARTNER_PROFESSIONAL).first()
    return membership.organisation if membership else None


def _decision(house: House, outcome: str, professionals: list[tuple[int, int]]) -> DecisionInput:
    meeting_type = (MeetingType.objects.filter(house=house, active=True, name__startswith="Focusoverleg").first()
                    or MeetingType.objects.filter(house=house, active=True).first())
    if outcome == Outcome.ADMIT:
        return DecisionInput(
            outcome=outcome, grounds="Voldoet aan de drie cumulatieve landelijke criteria.",
            purpose="Komen tot één gezamenlijk plan van aanpak om recidive te voorkomen en de woonsituatie en "
                    "de veiligheid van de kinderen te stabiliseren.",
            questions="Wie neemt de regie? Welke zorg en welk toezicht zijn nodig? Hoe wordt ontruiming voorkomen?",
            meeting_type_id=meeting_type.pk if meeting_type else None,
            organisation_ids=sorted({o for _u, o in professionals}), professionals=professionals,
        )
    if outcome == Outcome.ADVICE:
        return DecisionInput(outcome=outcome, grounds="Geen complexe problematiek in de zin van het landelijk kader.",
                             advice="Betrek het sociaal wijkteam voor schuldhulpverlening; meld opnieuw aan als "
                                    "er strafbare feiten bijkomen.")
    if outcome == Outcome.ROUTE:
        return DecisionInput(outcome=outcome, grounds="Huiselijk geweld staat op de voorgrond; Veilig Thuis is aan zet "
                                                      "en voorkomt zo een tweede spoor.",
                             routed_to="veilig_thuis")
    return DecisionInput(outcome=outcome, grounds="Eén keten volstaat; de reguliere aanpak loopt al.")


def load_demo_data(house: House) -> dict[str, Any]:
    director = _user(house, "procesregisseur", Role.PROCESS_DIRECTOR)
    if director is None:
        return {}
    done = dict(Decision.objects.filter(case__house=house).values("outcome").annotate(n=Count("id"))
                .values_list("outcome", "n"))
    waiting = list(Case.objects.filter(house=house, status=Status.SUBMITTED).order_by("filed_at", "pk"))
    available = waiting[:max(0, len(waiting) - LEAVE_IN_QUEUE)]
    professionals = _professionals(house, ALWAYS_NAMED)
    care = _professionals(house, CARE_NAMED)
    decided: dict[str, int] = {}
    for outcome, wanted in WANTED:
        for _i in range(max(0, wanted - done.get(outcome, 0))):
            if not available or (outcome == Outcome.ADMIT and not professionals):
                break
            case = available.pop(0)
            assessment = _meets() if outcome in (Outcome.ADMIT, Outcome.ROUTE) else _does_not_meet()
            services.assessment_save(actor=director, case_id=case.pk, data=assessment)
            # Each admitted case also needs one care partner: youth care, mental health care or Veilig Thuis.
            turn = done.get(outcome, 0) + decided.get(outcome, 0)
            named = [*professionals, care[turn % len(care)]] if outcome == Outcome.ADMIT and care else professionals
            services.decision_record(actor=director, case_id=case.pk, data=_decision(house, outcome, named),
                                     notify_filer=False)
            decided[outcome] = decided.get(outcome, 0) + 1
    # One intake is being assessed at the triage table right now (in triage, no decision yet).
    queue = list(Case.objects.filter(house=house, status=Status.SUBMITTED).order_by("filed_at", "pk")[:2])
    if decided and len(queue) > 1 and not Case.objects.filter(house=house, status=Status.IN_TRIAGE).exists():
        services.assessment_save(actor=director, case_id=queue[0].pk, data=_meets())
        decided["in_triage"] = 1
    # The police and the probation organisation sit at the triage table; the next session lists the queue.
    from opencasus.triage.demo_table import load_table_demo

    load_table_demo(house, director, sorted({o for _u, o in professionals}))
    return decided


def _professionals(house: House, usernames: tuple[str, ...]) -> list[tuple[int, int]]:
    found = []
    for username in usernames:
        user = _user(house, username, Role.PARTNER_PROFESSIONAL)
        organisation = _organisation_of(house, user)
        if user is not None and organisation is not None and user.username == username:
            found.append((user.pk, organisation.pk))
    return found
