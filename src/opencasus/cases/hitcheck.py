"""The hit check: is a person of this case already in an active case, here or in another house?

Exact on the keyed BSN hash, fuzzy on date of birth plus the normalised name key
(`cases.names.name_key`: diacritics, spelling variants and swapped names). Two persons who
both have a BSN and whose BSNs differ are never matched by name.

A hit says *that* a person is known, in which house, at what stage (intake, in triage,
running case) and whom to contact there: never the other case's reference, content or persons.
Each check is recorded in the processing log of this house (action "search"); the matched
persons are recorded in the log of the house that holds them, so both privacy officers can
account for the match. The hits of the latest check are kept (`CaseHit`) so the triage queue
and the case page can show them without searching again.

Performance: one query for this case's persons, one indexed lookup on `bsn_hash`, one on
(`date_of_birth`, `name_key`), two for the contact details of the houses hit, and the log records
of all houses involved written in one batch.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from opencasus.access import roles
from opencasus.cases.models import Case, CaseHit, HitWhere, MatchedBy, Person
from opencasus.cases.workflow import ACTIVE_STATUSES, Status
from opencasus.logbook import purposes
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import Processing, record_processing_many
from opencasus.network.models import House, Membership, Role

if TYPE_CHECKING:
    from opencasus.accounts.models import User

WHERE_BY_STATUS: dict[str, str] = {
    Status.SUBMITTED: HitWhere.INTAKE,
    Status.IN_TRIAGE: HitWhere.IN_TRIAGE,
    Status.ADMITTED: HitWhere.RUNNING_CASE,
}


@dataclass(frozen=True)
class Contact:
    email: str
    names: tuple[str, ...] = ()

    def __str__(self) -> str:
        parts = [*self.names, self.email] if self.email else list(self.names)
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class Hit:
    person: Person  # the person in THIS case
    matched_by: str  # MatchedBy: "bsn" or "name_dob"
    house_name: str
    where: str  # HitWhere: "intake", "in_triage" or "running_case"
    contact: Contact = field(default_factory=lambda: Contact(""))
    house_id: int = 0
    same_house: bool = False

    @property
    def matched_by_label(self) -> str:
        return str(MatchedBy(self.matched_by).label)

    @property
    def where_label(self) -> str:
        return str(HitWhere(self.where).label)


def house_contacts(house_ids: set[int], on: dt.date | None = None) -> dict[int, Contact]:
    """Each house's e-mail address and the names of its active process directors."""
    names: dict[int, list[str]] = {h: [] for h in house_ids}
    memberships = (Membership.objects.active(on).filter(house_id__in=house_ids, role=Role.PROCESS_DIRECTOR)
                   .select_related("user").order_by("user__last_name", "user__first_name"))
    for m in memberships:
        full = m.user.get_full_name() or m.user.get_username()
        if full not in names[m.house_id]:
            names[m.house_id].append(full)
    emails = dict(House.objects.filter(pk__in=house_ids).values_list("pk", "email"))
    return {h: Contact(email=emails.get(h, ""), names=tuple(names[h])) for h in house_ids}


def _candidates(case: Case, persons: list[Person]) -> list[tuple[Person, Any]]:
    """(this person, matching other person) pairs, the other with its case's house and status."""
    others = Person.objects.filter(case__status__in=ACTIVE_STATUSES).exclude(case_id=case.pk).order_by().values(
        "pk", "bsn_hash", "date_of_birth", "name_key", "pseudonym", "case__house_id", "case__house__name",
        "case__status")
    hashes = {p.bsn_hash for p in persons if p.bsn_hash}
    name_pairs = {(p.date_of_birth, p.name_key) for p in persons if p.date_of_birth and p.name_key}
    found: dict[int, Any] = {}
    if hashes:
        for row in others.filter(bsn_hash__in=hashes):
            found[row["pk"]] = row
    if name_pairs:
        q = Q()
        for dob, key in name_pairs:
            q |= Q(date_of_birth=dob, name_key=key)
        for row in others.filter(q):
            found.setdefault(row["pk"], row)
    pairs: list[tuple[Person, Any]] = []
    for person in persons:
        for row in found.values():
            if person.bsn_hash and row["bsn_hash"] == person.bsn_hash:
                pairs.append((person, (MatchedBy.BSN, row)))
            elif (person.date_of_birth and row["date_of_birth"] == person.date_of_birth
                  and row["name_key"] == person.name_key
                  and not (person.bsn_hash and row["bsn_hash"] and row["bsn_hash"] != person.bsn_hash)):
                pairs.append((person, (MatchedBy.NAME_DOB, row)))
    return pairs


@transaction.atomic
def hit_check(*, actor: User, case: Case) -> list[Hit]:
    """Search every house's active cases for the persons of `case`; log the search; keep the hits.

    The caller shows the hits to core staff of the case's house only (never to the filer).
    """
    persons = list(Person.objects.filter(case=case).order_by("id"))
    pairs = _candidates(case, persons)
    # One hit per (person, house, stage); a BSN match wins over a name match.
    best: dict[tuple[int, int, str], tuple[str, dict[str, Any]]] = {}
    matched_in_house: dict[int, set[str]] = {}
    for person, (matched_by, row) in pairs:
        key = (person.pk, row["case__house_id"], WHERE_BY_STATUS[row["case__status"]])
        if key not in best or matched_by == MatchedBy.BSN:
            best[key] = (matched_by, row)
        matched_in_house.setdefault(row["case__house_id"], set()).add(str(row["pseudonym"]))
    contacts = house_contacts({house_id for _, house_id, _ in best})
    by_pk = {p.pk: p for p in persons}
    hits = [
        Hit(person=by_pk[person_pk], matched_by=matched_by, house_name=row["case__house__name"], where=where,
            contact=contacts[house_id], house_id=house_id, same_house=house_id == case.house_id)
        for (person_pk, house_id, where), (matched_by, row) in best.items()
    ]
    hits.sort(key=lambda h: (h.person.pk, not h.same_house, h.house_name, h.where))
    now = timezone.now()
    CaseHit.objects.filter(case=case).delete()
    if hits:
        CaseHit.objects.bulk_create([
            CaseHit(case=case, person=h.person, matched_by=h.matched_by, house_id=h.house_id, where=h.where,
                    checked_at=now) for h in hits
        ])
    who = roles.who(actor, case.house_id)
    searches = [Processing(
        action=Action.SEARCH, activity_code=ActivityCode.INTAKE, purpose=case.purpose or case.requested_purpose,
        who=who,
        house_id=case.house_id, data_subjects=tuple(str(p.pseudonym) for p in persons) or ("",),
        object_type="hit-check", object_id=case.pk, case_id=case.pk,
    )]
    # The other houses' persons were processed too: record that in their own chains.
    searches += [Processing(
        action=Action.SEARCH, activity_code=ActivityCode.INTAKE, purpose=purposes.HIT_CHECK_BY_OTHER_HOUSE, who=who,
        house_id=house_id, data_subjects=tuple(sorted(pseudonyms)), object_type="hit-check", object_id="",
    ) for house_id, pseudonyms in sorted(matched_in_house.items()) if house_id != case.house_id]
    record_processing_many(searches)
    return hits


def stored_hits(case: Case) -> list[Hit]:
    """The hits of the latest check of `case` (the caller has checked CORE access)."""
    rows = list(CaseHit.objects.filter(case=case).select_related("person", "house").order_by("person_id", "id"))
    contacts = house_contacts({r.house_id for r in rows})
    return [Hit(person=r.person, matched_by=r.matched_by, house_name=r.house.name, where=r.where,
                contact=contacts[r.house_id], house_id=r.house_id, same_house=r.house_id == case.house_id)
            for r in rows]
