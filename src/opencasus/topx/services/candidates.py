"""Proposing candidates for a Top X list and the triage table's decision on them.

Inclusion links the candidate to a case of that person, so a person on a Top X list has a case like any other:
either an existing running case of the house (after a check that the person is in it), or a new intake filed
through `cases.services.intake_file` (route "Top X list"), which the triage table then assesses and admits in the
normal way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import intake as intake_access
from opencasus.access import topx as access
from opencasus.access.policy import CaseAccess, case_get
from opencasus.cases.models import Case
from opencasus.cases.services import PersonData, intake_file
from opencasus.cases.vocabulary import PeopleInformed, Route, SubjectType
from opencasus.cases.workflow import ACTIVE_STATUSES
from opencasus.core.identifiers import (
    bsn_is_valid,
    decrypt_identifier,
    encrypt_identifier,
    identifier_hash,
    normalise_bsn,
)
from opencasus.logbook.models import Action
from opencasus.network.models import House, Municipality
from opencasus.topx.models import Candidate, CandidateScore, TopXList
from opencasus.topx.services._common import check_scores, check_version, log_candidates, require_text
from opencasus.topx.vocabulary import Source, Stage

if TYPE_CHECKING:
    from opencasus.accounts.models import User

EARLIEST_BIRTH = dt.date(1900, 1, 1)


@dataclass(frozen=True)
class PersonInput:
    first_name: str
    last_name: str
    date_of_birth: dt.date | None = None
    bsn: str = ""


def person_errors(person: PersonInput, *, today: dt.date) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not person.first_name.strip():
        errors["first_name"] = _("Fill in the first name.")
    if not person.last_name.strip():
        errors["last_name"] = _("Fill in the last name.")
    if person.date_of_birth is not None and not EARLIEST_BIRTH <= person.date_of_birth <= today:
        errors["date_of_birth"] = _("The date of birth lies between 1900 and today.")
    if person.bsn.strip() and not bsn_is_valid(person.bsn):
        errors["bsn"] = _("This is not a valid BSN: it must have 9 digits and pass the eleven-test.")
    return errors


def bsn_fields(bsn: str) -> tuple[str, str]:
    number = normalise_bsn(bsn)
    if not number:
        return "", ""
    number = number.zfill(9)
    return encrypt_identifier(number), identifier_hash(number)


def on_list(topx_list: TopXList, bsn_hash: str) -> bool:
    """Whether the person (by BSN) is on the list already and not out of it."""
    return bool(bsn_hash) and Candidate.objects.filter(topx_list=topx_list, bsn_hash=bsn_hash).exclude(
        stage__in=[Stage.NOT_INCLUDED, Stage.EXITED]).exists()


def _list_for_work(actor: User, list_id: int) -> TopXList:
    topx_list = TopXList.objects.filter(access.list_filter(actor), pk=list_id).first()
    if topx_list is None:
        raise Http404
    return topx_list


def create_candidate(*, actor: User, topx_list: TopXList, organisation_id: int, person: PersonInput,
                     scores: Mapping[int, int], motivation: str, source: str) -> Candidate:
    encrypted, digest = bsn_fields(person.bsn)
    candidate = Candidate.objects.create(
        topx_list=topx_list, house_id=topx_list.house_id, first_name=person.first_name.strip(),
        last_name=person.last_name.strip(), date_of_birth=person.date_of_birth, bsn_encrypted=encrypted,
        bsn_hash=digest, motivation=motivation.strip(), source=source, proposed_by=actor,
        proposed_by_organisation_id=organisation_id)
    criteria = {c.position: c for c in topx_list.criteria.all()}
    CandidateScore.objects.bulk_create([
        CandidateScore(candidate=candidate, criterion=criteria[position], score=score)
        for position, score in sorted(scores.items())])
    return candidate


@transaction.atomic
def candidate_propose(*, actor: User, list_id: int, organisation_id: int, person: PersonInput,
                      scores: Mapping[int, int], motivation: str) -> Candidate:
    """A partner proposes a person for a list, with a score per inclusion criterion and a motivation."""
    topx_list = _list_for_work(actor, list_id)
    if not access.may_propose(actor, house_id=topx_list.house_id, organisation_id=organisation_id):
        raise ValidationError({"organisation": _("You cannot propose candidates for this house on behalf of this "
                                                 "organisation.")}, code="invalid")
    if not topx_list.active:
        raise ValidationError(_("This list is closed: no new candidates."), code="invalid_transition")
    errors: dict[str, list[str]] = {k: [v] for k, v in person_errors(person, today=timezone.localdate()).items()}
    for name, message in check_scores(criteria=list(topx_list.criteria.all()), scores=scores).values():
        errors.setdefault(name, []).append(message)
    if not motivation.strip():
        errors["motivation"] = [_("Explain why this person belongs on the list.")]
    if not errors and on_list(topx_list, bsn_fields(person.bsn)[1]):
        errors["bsn"] = [_("This person is on the list already.")]
    if errors:
        raise ValidationError(errors)
    candidate = create_candidate(actor=actor, topx_list=topx_list, organisation_id=organisation_id, person=person,
                                 scores=scores, motivation=motivation, source=Source.PROPOSAL)
    log_candidates(actor=actor, house_id=topx_list.house_id, candidates=[candidate], action=Action.CREATE,
                   object_type="topx-candidate", object_id=candidate.pk)
    return candidate


@dataclass(frozen=True)
class NewCase:
    """What a new intake for an included person needs besides the candidate's data."""

    requested_purpose: str
    people_informed: str
    not_informed_reason: str = ""
    municipality_id: int | None = None


def _locked(actor: User, candidate_id: int) -> Candidate:
    candidate = (Candidate.objects.select_for_update(of=("self",)).select_related("topx_list")
                 .filter(access.candidate_filter(actor), pk=candidate_id).first())
    if candidate is None or not access.may_work_candidates(actor, candidate.house_id):
        raise Http404
    return candidate


def _existing_case(actor: User, candidate: Candidate, case_id: int) -> Case:
    case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE)
    if case.house_id != candidate.house_id or case.status not in ACTIVE_STATUSES:
        raise ValidationError({"case": _("Choose a running case of this house.")}, code="invalid")
    persons = case.persons.all()
    same = (persons.filter(bsn_hash=candidate.bsn_hash) if candidate.bsn_hash else
            persons.filter(first_name__iexact=candidate.first_name, last_name__iexact=candidate.last_name))
    if not same.exists():
        raise ValidationError({"case": _("This person is not in the case you chose.")}, code="invalid")
    return case


def _new_case(actor: User, candidate: Candidate, new_case: NewCase) -> Case:
    house = House.objects.get(pk=candidate.house_id)
    organisations = [o for h, o in intake_access.filing_choices(actor) if h.pk == house.pk]
    if not organisations:
        raise ValidationError({"case": _("You cannot file an intake at this house; link an existing case.")},
                              code="invalid")
    municipality_id = new_case.municipality_id or candidate.topx_list.municipality_id
    municipality = Municipality.objects.filter(pk=municipality_id).first() if municipality_id else None
    if new_case.people_informed not in PeopleInformed.values:
        raise ValidationError({"people_informed": _("State whether the people concerned were told.")},
                              code="invalid")
    bsn = decrypt_identifier(candidate.bsn_encrypted) if candidate.bsn_encrypted else ""
    return intake_file(
        actor=actor, organisation=organisations[0], house=house, subject_type=SubjectType.PERSON,
        persons=[PersonData(first_name=candidate.first_name, last_name=candidate.last_name,
                            date_of_birth=candidate.date_of_birth, bsn=bsn)],
        reason=_("Included on the Top X list “%(list)s”: %(motivation)s") % {
            "list": candidate.topx_list.name, "motivation": candidate.motivation},
        requested_purpose=new_case.requested_purpose, route=Route.TOP_X, municipality=municipality,
        people_informed=new_case.people_informed, not_informed_reason=new_case.not_informed_reason)


@transaction.atomic
def candidate_decide(*, actor: User, candidate_id: int, include: bool, grounds: str,
                     case_id: int | None = None, new_case: NewCase | None = None,
                     expected_version: int | None = None, today: dt.date | None = None) -> Candidate:
    """The triage table includes a proposed candidate (linked to a case) or does not, with grounds."""
    candidate = _locked(actor, candidate_id)
    check_version(current=candidate.version, expected=expected_version)
    if candidate.stage != Stage.PROPOSED:
        raise ValidationError(_("The triage table already decided on this candidate."), code="invalid_transition")
    grounds = require_text(field="grounds", text=grounds, message=_("Give the grounds for this decision."))
    today = today or timezone.localdate()
    if include:
        if case_id is not None:
            case = _existing_case(actor, candidate, case_id)
        elif new_case is not None:
            case = _new_case(actor, candidate, new_case)
        else:
            raise ValidationError({"case": _("Link a case of this person, or file a new intake for them.")},
                                  code="required")
        candidate.case = case
        candidate.stage = Stage.INCLUDED
        candidate.next_review_date = today + relativedelta(months=candidate.topx_list.review_cycle_months)
    else:
        candidate.stage = Stage.NOT_INCLUDED
    candidate.decision_grounds, candidate.decided_at, candidate.decided_by = grounds, timezone.now(), actor
    candidate.version += 1
    candidate.save()
    log_candidates(actor=actor, house_id=candidate.house_id, candidates=[candidate], action=Action.UPDATE,
                   object_type="topx-decision", object_id=candidate.pk)
    return candidate
