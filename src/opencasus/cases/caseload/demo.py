"""Demo caseload: the house's maximums, and process directors who picked up some of the intakes (one of them
handed over to a colleague, with a reason). Runs right after the demo intakes are filed, before the triage
demo admits the oldest of them (which keeps the director of a case that has one). Idempotent."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.cases.caseload import services
from opencasus.cases.models import AssignmentKind, Case, DirectorAssignment
from opencasus.cases.workflow import Status
from opencasus.network.models import CaseloadLimit, House, Membership, Role

PER_DIRECTOR = 12
PER_HOUSE = 40


def load_caseload_demo(house: House) -> None:
    CaseloadLimit.objects.get_or_create(house=house, defaults={"per_director": PER_DIRECTOR, "per_house": PER_HOUSE})
    if DirectorAssignment.objects.filter(house=house).exists():
        return
    directors = [m.user for m in Membership.objects.active().filter(house=house, role=Role.PROCESS_DIRECTOR)
                 .select_related("user").order_by("user__username")]
    lead = next((u for u in directors if u.username == "procesregisseur"), None)
    colleagues: list[User] = [u for u in directors if u != lead]
    if lead is None or not colleagues:
        return
    waiting = list(Case.objects.filter(house=house, status=Status.SUBMITTED).order_by("filed_at", "pk"))
    if len(waiting) < 4:
        return
    # Two intakes picked up by a colleague; one of them moves on to another colleague.
    services.director_assign(actor=lead, case_id=waiting[1].pk, director_id=colleagues[0].pk, reason="")
    services.director_assign(actor=lead, case_id=waiting[3].pk, director_id=lead.pk, reason="")
    second = colleagues[1] if len(colleagues) > 1 else colleagues[0]
    if second.pk != lead.pk:
        services.director_assign(actor=lead, case_id=waiting[3].pk, director_id=second.pk,
                                 reason="Verdeling van de caseload: de procesregisseur zit aan het maximum.")


def history_director(case: Case, number: int, at: dt.datetime) -> None:
    """For the demo's historical cases: a process director named at the admission, in turn among the house's
    process directors (written directly, like the rest of that history; every 9th case changed hands later)."""
    directors = list(Membership.objects.active().filter(house_id=case.house_id, role=Role.PROCESS_DIRECTOR)
                     .order_by("user__username").values_list("user_id", flat=True))
    if not directors:
        return
    first = directors[number % len(directors)]
    DirectorAssignment.objects.create(case=case, house_id=case.house_id, kind=AssignmentKind.TRIAGE,
                                      to_director_id=first, at=at, by_id=first, reason="Benoemd bij het besluit.")
    current = first
    handed_over = at + dt.timedelta(days=30)
    if number % 9 == 0 and len(directors) > 1 and handed_over < timezone.now():
        current = directors[(number + 1) % len(directors)]
        DirectorAssignment.objects.create(
            case=case, house_id=case.house_id, kind=AssignmentKind.REASSIGNMENT, from_director_id=first,
            to_director_id=current, at=handed_over, by_id=first, reason="Verdeling van de caseload.")
    Case.objects.filter(pk=case.pk).update(process_director_id=current)
