"""The answering side of the hit check across installations, and the peers' answers shown on a case."""

from __future__ import annotations

from typing import Any

from opencasus.cases.hitcheck import WHERE_BY_STATUS, house_contacts
from opencasus.cases.models import Case
from opencasus.cases.workflow import ACTIVE_STATUSES
from opencasus.logbook import purposes
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import Processing, Who, record_processing_many
from opencasus.peers.config import Peer
from opencasus.peers.models import PeerHitCheck, PeerPseudonym

MAX_PSEUDONYMS = 50


def peer_hit_lookup(*, peer: Peer, bsn: list[str], name_dob: list[str]) -> list[dict[str, Any]]:
    """Whether the persons behind these pseudonyms are in an active case here: per house and stage, whom to
    contact. Nothing else: no reference, no name, no content. Each question is a search record in every house
    of this installation where someone was found (and one without a house when nobody was)."""
    rows = list(PeerPseudonym.objects.filter(person__case__status__in=ACTIVE_STATUSES).filter(
        **({"bsn__in": bsn[:MAX_PSEUDONYMS]} if bsn else {"pk__in": []})).values(
        "person__pseudonym", "person__case__house_id", "person__case__house__name", "person__case__status"))
    if name_dob:
        rows += list(PeerPseudonym.objects.filter(person__case__status__in=ACTIVE_STATUSES,
                                                  name_dob__in=name_dob[:MAX_PSEUDONYMS]).values(
            "person__pseudonym", "person__case__house_id", "person__case__house__name", "person__case__status"))
    found: dict[tuple[int, str], str] = {}
    subjects: dict[int, set[str]] = {}
    for r in rows:
        where = WHERE_BY_STATUS[r["person__case__status"]]
        found[(r["person__case__house_id"], where)] = r["person__case__house__name"]
        subjects.setdefault(r["person__case__house_id"], set()).add(str(r["person__pseudonym"]))
    who = Who(username=f"peer:{peer.name}")
    record_processing_many([Processing(
        action=Action.SEARCH, activity_code=ActivityCode.INTAKE, purpose=purposes.HIT_CHECK_BY_PEER, who=who,
        house_id=house_id, data_subjects=tuple(sorted(pseudonyms)), object_type="peer-hit-check")
        for house_id, pseudonyms in sorted(subjects.items())] or [Processing(
        action=Action.SEARCH, activity_code=ActivityCode.INTAKE, purpose=purposes.HIT_CHECK_BY_PEER, who=who,
        house_id=None, object_type="peer-hit-check")])
    contacts = house_contacts({house_id for house_id, _ in found})
    return [{"house_name": name, "where": where,
             "contact": {"email": contacts[house_id].email, "names": list(contacts[house_id].names)}}
            for (house_id, where), name in sorted(found.items(), key=lambda item: (item[1], item[0][1]))]


def peer_checks(case: Case) -> list[PeerHitCheck]:
    """The peers' answers about a case (the caller has checked CORE access and logs the case read)."""
    return list(PeerHitCheck.objects.filter(case=case).order_by("peer"))
