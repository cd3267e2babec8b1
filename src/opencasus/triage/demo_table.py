"""Demo of the triage table with partners: the police and the probation organisation of the demo logins sit at
the triage table, and the next session lists the intakes still waiting. Idempotent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from opencasus.access.triage_table import QUEUE_STATUSES
from opencasus.cases.models import Case
from opencasus.network.models import House
from opencasus.triage import cadence, services
from opencasus.triage.models import SessionStatus, StandingMember, TriageSession

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def load_table_demo(house: House, director: User, organisation_ids: list[int]) -> dict[str, int]:
    loaded = {"seats": 0, "intakes": 0}
    for organisation_id in organisation_ids:
        if not StandingMember.objects.filter(house=house, organisation_id=organisation_id, user__isnull=True,
                                             meeting_type__isnull=True, ended_at__isnull=True).exists():
            services.standing_member_add(actor=director, house_id=house.pk, organisation_id=organisation_id)
            loaded["seats"] += 1
    date = cadence.next_table_date(house)
    session = (TriageSession.objects.filter(house=house, date=date).exclude(status=SessionStatus.CANCELLED).first()
               or services.session_create(actor=director, house_id=house.pk, date=date))
    waiting = [pk for pk in Case.objects.filter(house=house, status__in=QUEUE_STATUSES).values_list("pk", flat=True)
               if not session.items.filter(case_id=pk).exists()]
    if waiting:
        loaded["intakes"] = len(services.session_add_intakes(actor=director, session_id=session.pk,
                                                             case_ids=waiting))
    return loaded
