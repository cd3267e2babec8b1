"""Search for a case: by reference, name (spelling variants), date of birth, BSN, municipality and status.

Core staff search the cases of their own houses. Partner professionals and filers search only within
the cases the access policy already shows them (`policy.visible_cases`); person criteria (name, date
of birth, BSN) apply only to cases where the searcher may see the persons (core staff and active
participants), never to an intake someone merely filed.

Names are matched as the hit check matches them (`cases.names.name_key`: diacritics, particles,
spelling variants, swapped names): every word of the search must be a word of the person's name key.
A BSN is matched exactly through the keyed hash and is never shown back or logged.

Every search is one processing-log record per house whose cases it touched ("search", purpose: the
search), with the matched persons as data subjects when person criteria were used.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Q

from opencasus.access import capacities, roles
from opencasus.access.search import searchable_cases
from opencasus.cases.models import Case, Person
from opencasus.cases.names import name_key
from opencasus.core.identifiers import identifier_hash
from opencasus.logbook import purposes
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import Processing, record_processing_many

if TYPE_CHECKING:
    from opencasus.accounts.models import User

if TYPE_CHECKING:
    from opencasus.accounts.models import User

MAX_RESULTS = 50


@dataclass(frozen=True)
class SearchCriteria:
    reference: str = ""
    name: str = ""
    date_of_birth: dt.date | None = None
    bsn: str = ""
    municipality_id: int | None = None
    status: str = ""

    @property
    def by_person(self) -> bool:
        return bool(self.name.strip() or self.date_of_birth or self.bsn)

    @property
    def is_empty(self) -> bool:
        return not (self.reference.strip() or self.by_person or self.municipality_id or self.status)


def looks_like_reference(text: str) -> bool:
    """A case reference ("ZHZ-2026-0013") has digits and no spaces; a name has neither."""
    text = text.strip()
    return bool(text) and " " not in text and any(ch.isdigit() for ch in text)


def _name_q(text: str) -> Q:
    """Every word of `text`, normalised as the hit check does, is a whole word of the name key."""
    q = Q()
    for token in name_key(text, "").split():
        # `contains` is what the trigram index (PostgreSQL) finds; the rest keeps whole words only.
        q &= Q(name_key__contains=token) & (
            Q(name_key=token) | Q(name_key__startswith=f"{token} ") | Q(name_key__endswith=f" {token}")
            | Q(name_key__contains=f" {token} "))
    return q


def _person_q(criteria: SearchCriteria) -> Q:
    q = Q()
    if criteria.name.strip():
        q &= _name_q(criteria.name)
    if criteria.date_of_birth:
        q &= Q(date_of_birth=criteria.date_of_birth)
    if criteria.bsn:
        q &= Q(bsn_hash=identifier_hash(criteria.bsn))
    return q


def case_search(*, actor: User, criteria: SearchCriteria) -> list[Case]:
    """The cases matching every given criterion that the actor may find, newest activity first; logged."""
    if criteria.is_empty:
        return []
    qs = searchable_cases(actor=actor, by_person=criteria.by_person)
    if criteria.reference.strip():
        qs = qs.filter(reference__icontains=criteria.reference.strip())
    if criteria.municipality_id:
        qs = qs.filter(municipality_id=criteria.municipality_id)
    if criteria.status:
        qs = qs.filter(status=criteria.status)
    person_q = _person_q(criteria) if criteria.by_person else None
    if person_q is not None:
        qs = qs.filter(Exists(Person.objects.filter(person_q, case_id=OuterRef("pk"))))
    cases = list(qs.select_related("house", "municipality").order_by("-last_activity_at", "-pk")[:MAX_RESULTS])
    _record_search(actor, criteria, cases, person_q)
    return cases


def _record_search(actor: User, criteria: SearchCriteria, cases: list[Case], person_q: Q | None) -> None:
    """One record per house searched in; the persons found are the data subjects (no BSN in the log)."""
    subjects: dict[int, list[str]] = {}
    if person_q is not None and cases:
        for case_id, pseudonym in (Person.objects.filter(person_q, case_id__in=[c.pk for c in cases])
                                   .order_by("pseudonym").values_list("case__house_id", "pseudonym")):
            subjects.setdefault(case_id, []).append(str(pseudonym))
    house_ids = {c.house_id for c in cases}
    if not house_ids:
        house_ids = capacities.member_house_ids(actor) or {0}
    records = [Processing(
        action=Action.SEARCH, activity_code=ActivityCode.INTAKE, purpose=purposes.CASE_SEARCH,
        who=roles.who(actor, house_id or None),
        house_id=house_id or None, data_subjects=tuple(subjects.get(house_id, ())) or ("",),
        object_type="case-search", object_id=len([c for c in cases if c.house_id == house_id]),
    ) for house_id in sorted(house_ids)]
    record_processing_many(records)
