"""Demo follow-through. Idempotent; runs after the triage and plans demos, whose routed and advised intakes got
their check-backs and whose closed case got its closure feedback through the domain events.

It makes the advised intake's check-back due today, records the routed one as picked up, hands the closed case
down to the local approach of its municipality with a last check in six weeks, and has the police partner ask
two anonymous consultations, one of them answered by the process director."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from opencasus.cases.models import Case
from opencasus.cases.workflow import Status
from opencasus.followup import services
from opencasus.followup.models import CheckBack, Consultation, MonitoringPeriod
from opencasus.followup.vocabulary import CheckBackReason, CheckBackStatus
from opencasus.network.models import House, Membership, Role

QUESTIONS = (
    ("Een jongere van 16 spijbelt structureel en is twee keer aangehouden voor winkeldiefstal; thuis lijkt "
     "het onrustig. Voldoet dit aan de criteria voor het Veiligheidshuis, of past het beter bij het ZSM-overleg?",
     "Op basis van uw beschrijving speelt de problematiek vooral op één leefgebied en volstaat één keten. "
     "Bespreek het eerst in het ZSM-overleg en betrek Leerplicht; meld het aan bij het huis als er zorgen over het "
     "gezin bijkomen."),
    ("Een bewoner veroorzaakt al maanden overlast in een portiekflat; de woningcorporatie overweegt ontruiming en "
     "er zijn signalen van psychische problemen. Wie kan hier de regie nemen?", ""),
)


def _member(house: House, username: str, role: str) -> Membership | None:
    return (Membership.objects.active().filter(house=house, role=role, user__username=username)
            .select_related("user").first()
            or Membership.objects.active().filter(house=house, role=role).select_related("user").first())


def load_demo_data(house: House) -> None:
    director = _member(house, "procesregisseur", Role.PROCESS_DIRECTOR)
    if director is None:
        return
    actor = director.user
    today = timezone.localdate()
    for check_back in CheckBack.objects.filter(house=house, status=CheckBackStatus.OPEN).order_by("pk"):
        if check_back.reason == CheckBackReason.ADVISED and check_back.due_date > today:
            services.check_back_reschedule(actor=actor, check_back_id=check_back.pk, due_date=today,
                                           expected_version=check_back.version)
        elif check_back.reason == CheckBackReason.ROUTED:
            services.check_back_resolve(actor=actor, check_back_id=check_back.pk, status=CheckBackStatus.CONFIRMED,
                                        note="Veilig Thuis bevestigt dat de melding in behandeling is.",
                                        expected_version=check_back.version)
    closed = Case.objects.filter(house=house, status=Status.CLOSED).order_by("closed_at", "pk").first()
    if closed is not None and not MonitoringPeriod.objects.filter(case=closed).exists():
        services.monitoring_start(
            actor=actor, case_id=closed.pk, local_approach=f"Persoonsgerichte aanpak {closed.municipality.name}",
            last_check_date=today + dt.timedelta(weeks=6),
            note="Doelen grotendeels bereikt; het wijkteam zet de begeleiding voort. Het huis kijkt nog één keer mee.")
    asker = _member(house, "partner.politie", Role.PARTNER_PROFESSIONAL)
    if asker is None or Consultation.objects.filter(house=house).exists():
        return
    for question, advice in QUESTIONS:
        consultation = services.consultation_ask(actor=asker.user, house_id=house.pk,
                                                 organisation_id=asker.organisation_id, question=question,
                                                 municipality_id=closed.municipality_id if closed else None)
        if advice:
            services.consultation_advise(actor=actor, consultation_id=consultation.pk, advice=advice,
                                         expected_version=consultation.version)
