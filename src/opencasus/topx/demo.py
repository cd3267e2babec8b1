"""Demo Top X list "Top X Drechtsteden". Idempotent; runs after the cases and triage demos.

Three inclusion criteria and two exit criteria, a review every six months. The police list is read in (five
rows, one refused for a BSN that fails the eleven-test), a probation officer proposes one more, the process
director includes two people whose admitted cases already run (one of them reviewed and with the next review
overdue, the other since left the list on an exit criterion), includes one more with a new intake on the Top X
route, and does not include one."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from opencasus.cases.models import Case, Person
from opencasus.cases.workflow import Status
from opencasus.core.identifiers import decrypt_identifier
from opencasus.network.models import House, Membership, Municipality, Partnership, Role
from opencasus.topx import services
from opencasus.topx.models import Candidate, TopXList
from opencasus.topx.vocabulary import ReviewOutcome

NAME = "Top X Drechtsteden"
CRITERIA = ["Veelpleger: tien of meer antecedenten in de afgelopen vijf jaar",
            "Gewelds- of vermogensdelicten met grote impact op slachtoffers (high impact crime)",
            "Problemen op meerdere leefgebieden (wonen, schulden, verslaving, psychische gezondheid)"]
EXITS = ["Twee jaar geen nieuwe antecedenten en een stabiele situatie op de leefgebieden",
         "Langdurige detentie of verhuizing buiten de regio",
         "Overgedragen aan de reguliere (zorg)keten met een warme overdracht"]
POLICE_CSV = """first_name,last_name,date_of_birth,bsn,score_1,score_2,score_3,motivation
Dennis,van der Berg,1998-04-12,111222333,5,4,3,"Veertien antecedenten, waaronder straatroof in Dordrecht-Crabbehof."
Mohamed,El Idrissi,2001-09-30,123456782,4,5,4,Meerdere woninginbraken en een gewelddadige beroving in Zwijndrecht.
Stefan,Kramer,1993-01-05,999999990,3,3,5,"Winkeldiefstallen, dakloos, verslaafd; veel overlast in het centrum."
Rachid,Bouzid,2000-06-18,111111111,4,4,2,Drie woninginbraken in Papendrecht.
Jeroen,Visser,1996-11-23,281957307,2,3,4,Bedreiging van hulpverleners en vernielingen in Sliedrecht.
"""


def _member(house: House, username: str, role: str) -> Membership | None:
    """The demo user of that name, else a member with that role whose organisation has a covenant in force."""
    covered = Partnership.objects.covenant_in_force().filter(house=house).values("organisation_id")
    members = Membership.objects.active().filter(house=house, role=role, organisation_id__in=covered)
    return (members.filter(user__username=username).select_related("user").first()
            or members.select_related("user").order_by("pk").first())


def _person_of(case: Case) -> Person | None:
    return case.persons.order_by("pk").first()


def load_demo_data(house: House) -> None:
    director = _member(house, "procesregisseur", Role.PROCESS_DIRECTOR)
    police = _member(house, "partner.politie", Role.PARTNER_PROFESSIONAL)
    if director is None or police is None or TopXList.objects.filter(house=house, name=NAME).exists():
        return
    from opencasus.network.approaches import approach_enabled
    from opencasus.network.models import Approach

    if not approach_enabled(house_id=house.pk, approach=Approach.TOP_X):
        return
    actor = director.user
    dordrecht = Municipality.objects.filter(region_id=house.region_id, name__icontains="Dordrecht").first()
    topx_list = services.topx_list_create(
        actor=actor, house_id=house.pk, name=NAME, theme="High impact crime en veelplegers",
        municipality_id=dordrecht.pk if dordrecht else None, review_cycle_months=6,
        criteria=[services.CriterionData(text, 5) for text in CRITERIA], exit_criteria=EXITS)
    services.candidates_import(actor=actor, list_id=topx_list.pk, organisation_id=police.organisation_id,
                               filename="politie-topx-drechtsteden.csv", content=POLICE_CSV.encode())
    covered = Partnership.objects.covenant_in_force().filter(house=house).values("organisation_id")
    probation = (Membership.objects.active().filter(house=house, role=Role.PARTNER_PROFESSIONAL,
                                                    organisation_id__in=covered)
                 .exclude(organisation_id=police.organisation_id).select_related("user").order_by("pk").first())
    proposer = probation or police
    services.candidate_propose(
        actor=proposer.user, list_id=topx_list.pk, organisation_id=proposer.organisation_id,
        person=services.PersonInput("Kevin", "de Wit", dt.date(1999, 2, 14)), scores={1: 3, 2: 4, 3: 5},
        motivation="Recidiveert direct na elke detentie; zonder woning en inkomen valt hij steeds terug.")
    imported = list(Candidate.objects.filter(topx_list=topx_list).order_by("pk"))
    if imported:
        services.candidate_decide(actor=actor, candidate_id=imported[-1].pk, include=False,
                                  grounds="Scoort te laag op het eerste criterium; de wijkagent volgt hem.")
        services.candidate_decide(
            actor=actor, candidate_id=imported[0].pk, include=True,
            grounds="Hoogste score van de lijst; politie, reclassering en gemeente willen één gezamenlijke aanpak.",
            new_case=services.NewCase(requested_purpose="Eén persoonsgerichte aanpak om nieuwe straatroven te "
                                                        "voorkomen.", people_informed="yes",
                                      municipality_id=dordrecht.pk if dordrecht else None))
    cases = [c for c in Case.objects.filter(house=house, status=Status.ADMITTED, subject_type="person")
             .order_by("admitted_at", "pk")[:3] if _person_of(c) is not None]
    included: list[Candidate] = []
    for index, case in enumerate(cases):
        person = _person_of(case)
        assert person is not None
        candidate = services.candidate_propose(
            actor=police.user, list_id=topx_list.pk, organisation_id=police.organisation_id,
            person=services.PersonInput(person.first_name, person.last_name, person.date_of_birth,
                                        decrypt_identifier(person.bsn_encrypted) if person.bsn_encrypted else ""),
            scores={1: 5 - index, 2: 4, 3: 5}, motivation="Hoog aantal incidenten; loopt al in het Veiligheidshuis.")
        included.append(services.candidate_decide(
            actor=actor, candidate_id=candidate.pk, include=True, case_id=case.pk,
            grounds="Voldoet aan alle drie de criteria; de casus loopt al, de Top X-aanpak sluit erop aan."))
    today = timezone.localdate()
    if included:
        first = included[0]
        Candidate.objects.filter(pk=first.pk).update(decided_at=timezone.now() - dt.timedelta(days=200))
        services.review_record(actor=actor, candidate_id=first.pk, outcome=ReviewOutcome.CONTINUE,
                               reviewed_on=today - dt.timedelta(days=190),
                               grounds="Nog twee nieuwe incidenten; blijft op de lijst.")
        Candidate.objects.filter(pk=first.pk).update(next_review_date=today - dt.timedelta(days=10))
    if len(included) > 1:
        last = included[1]
        exit_criterion = topx_list.exit_criteria.get(position=3)
        services.review_record(actor=actor, candidate_id=last.pk, outcome=ReviewOutcome.EXIT,
                               exit_criterion_id=exit_criterion.pk,
                               grounds="Overgedragen aan de verslavingszorg met een warme overdracht.")
