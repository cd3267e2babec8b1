"""The asking side of the hit check across installations: the persons' pseudonyms under the shared key, and the
questions to the peers about a new intake, with their answers kept for the case page."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from opencasus.cases.models import Case, Person
from opencasus.cases.services import case_subjects
from opencasus.core.identifiers import decrypt_identifier
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import Who, record_processing
from opencasus.peers import client
from opencasus.peers.config import peers, pseudonym_key
from opencasus.peers.models import PeerCheckStatus, PeerHitCheck, PeerPseudonym
from opencasus.peers.pseudonyms import bsn_pseudonym, name_dob_pseudonym

SYSTEM = Who(username="system:peer-hit-check")


def pseudonyms_record(*, persons: list[Person]) -> None:
    """Each person under the shared key (runs in the transaction that records them). No key: nothing."""
    if not pseudonym_key():
        return
    rows = []
    for p in persons:
        bsn = bsn_pseudonym(decrypt_identifier(p.bsn_encrypted)) if p.bsn_encrypted else ""
        name = name_dob_pseudonym(p.name_key, p.date_of_birth) if p.date_of_birth and p.name_key else ""
        rows.append(PeerPseudonym(person=p, bsn=bsn, name_dob=name))
    PeerPseudonym.objects.filter(person__in=persons).delete()
    PeerPseudonym.objects.bulk_create(rows)


def peers_ask(*, case_id: int) -> list[PeerHitCheck]:
    """Ask every peer about the persons of an intake; each answer (or its absence) is kept and logged.

    Runs outside the request (a task): a slow or absent peer is recorded as "did not answer" after the
    client's timeout, and the intake went on long before."""
    case = Case.objects.filter(pk=case_id).first()
    if case is None:
        return []
    rows = list(PeerPseudonym.objects.filter(person__case=case))
    bsn = sorted({r.bsn for r in rows if r.bsn})
    name_dob = sorted({r.name_dob for r in rows if r.name_dob})
    results = []
    for peer in peers():
        check, _ = PeerHitCheck.objects.update_or_create(
            case=case, peer=peer.name, defaults={"status": PeerCheckStatus.ASKED, "asked_at": timezone.now(),
                                                 "answered_at": None, "hits": [], "error": ""})
        try:
            hits = client.ask(peer, bsn=bsn, name_dob=name_dob) if (bsn or name_dob) else []
        except client.PeerUnavailableError as exc:
            check.status, check.error = PeerCheckStatus.NO_ANSWER, str(exc)[:200]
        else:
            check.status, check.hits = PeerCheckStatus.ANSWERED, hits
        check.answered_at = timezone.now()
        with transaction.atomic():
            check.save()
            record_processing(action=Action.SEARCH, activity_code=ActivityCode.INTAKE,
                              purpose=case.purpose or case.requested_purpose, who=SYSTEM, house_id=case.house_id,
                              data_subjects=case_subjects(case), object_type="peer-hit-check", object_id=check.pk,
                              case_id=case.pk)
        results.append(check)
    return results
