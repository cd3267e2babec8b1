"""Reads of the ZSM advice: on the case (core staff), and the ZSM table's question "is this person known?"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from opencasus.access import roles
from opencasus.access import zsm as access
from opencasus.cases.hitcheck import Contact, house_contacts
from opencasus.cases.models import Person
from opencasus.cases.names import name_key
from opencasus.cases.services import case_subjects
from opencasus.cases.workflow import Status
from opencasus.core.identifiers import bsn_is_valid, identifier_hash, normalise_bsn
from opencasus.logbook import purposes
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import Processing, record_processing, record_processing_many
from opencasus.network.models import Role
from opencasus.zsm.models import ZsmAdvice

if TYPE_CHECKING:
    from opencasus.accounts.models import User
    from opencasus.cases.models import Case


@dataclass(frozen=True)
class AdviceView:
    case: Case
    advice: ZsmAdvice | None
    may_edit: bool

    @property
    def version(self) -> int:
        return self.advice.version if self.advice is not None else 0


def advice_check(*, actor: User, case_id: int) -> AdviceView:
    """The case's advice for a write that follows (not logged: the write is)."""
    case = access.advice_case_get(actor=actor, case_id=case_id)
    advice = ZsmAdvice.objects.filter(case=case).select_related("recorded_by").first()
    return AdviceView(case=case, advice=advice, may_edit=access.may_record_advice(actor=actor, case=case))


def advice_get(*, actor: User, case_id: int) -> AdviceView:
    """The case's advice shown to core staff (logged; 404 for anyone else)."""
    view = advice_check(actor=actor, case_id=case_id)
    case = view.case
    record_processing(action=Action.VIEW, activity_code=ActivityCode.ACTION_PLAN, purpose=case.purpose,
                      who=roles.who(actor, case.house_id), house_id=case.house_id, data_subjects=case_subjects(case),
                      object_type="zsm-advice", object_id=view.advice.pk if view.advice else "", case_id=case.pk)
    return view


@dataclass(frozen=True)
class ZsmAnswer:
    """What the ZSM table learns of one admitted case: the advice and whom to contact, nothing else."""

    house_name: str
    advice: str
    recorded_at: dt.datetime
    contact: Contact


def _validated(bsn: str, first_name: str, last_name: str, date_of_birth: dt.date | None) -> tuple[str, str]:
    bsn = normalise_bsn(bsn or "")
    if bsn:
        if not bsn_is_valid(bsn):
            raise ValidationError({"bsn": [_("This is not a valid BSN: it must have 9 digits and pass the "
                                             "eleven-test.")]})
        return identifier_hash(bsn), ""
    if not ((first_name or "").strip() and (last_name or "").strip() and date_of_birth):
        raise ValidationError(_("Ask by BSN, or by first name, last name and date of birth."))
    return "", name_key(first_name, last_name)


def zsm_query(*, actor: User, bsn: str = "", first_name: str = "", last_name: str = "",
              date_of_birth: dt.date | None = None) -> list[ZsmAnswer]:
    """Is this person known in a house the ZSM client may ask? Only admitted cases with recorded advice answer.

    Every question is a search record in each house asked (with the persons found there as data subjects);
    every advice given is an export record on its case. Anyone but a ZSM system client gets 404 (the caller)."""
    house_ids = access.query_house_ids(actor)
    if not house_ids:
        raise Http404
    digest, key = _validated(bsn, first_name, last_name, date_of_birth)
    persons = Person.objects.filter(case__house_id__in=house_ids)
    persons = persons.filter(bsn_hash=digest) if digest else persons.filter(name_key=key, date_of_birth=date_of_birth)
    found = list(persons.select_related("case", "case__house").order_by("case__house__name", "case_id", "id"))
    advice = {a.case_id: a for a in ZsmAdvice.objects.filter(
        case_id__in={p.case_id for p in found}, case__status=Status.ADMITTED)}
    answered = {p.case_id: p.case for p in found if p.case_id in advice}
    contacts = house_contacts({c.house_id for c in answered.values()})
    records = [Processing(
        action=Action.SEARCH, activity_code=ActivityCode.INTAKE, purpose=purposes.ZSM_QUERY,
        who=roles.who(actor, house_id, prefer=(Role.ZSM_CLIENT,)), house_id=house_id,
        data_subjects=tuple(sorted({str(p.pseudonym) for p in found if p.case.house_id == house_id})) or ("",),
        object_type="zsm-query") for house_id in sorted(house_ids)]
    records += [Processing(
        action=Action.EXPORT, activity_code=ActivityCode.INTAKE, purpose=purposes.ZSM_ADVICE_GIVEN,
        who=roles.who(actor, case.house_id, prefer=(Role.ZSM_CLIENT,)), house_id=case.house_id,
        data_subjects=tuple(sorted(str(p.pseudonym) for p in found if p.case_id == case_id)),
        object_type="zsm-advice", object_id=advice[case_id].pk, case_id=case_id)
        for case_id, case in answered.items()]
    if records:
        record_processing_many(records)
    return [ZsmAnswer(house_name=case.house.name, advice=advice[case_id].text,
                      recorded_at=advice[case_id].recorded_at, contact=contacts[case.house_id])
            for case_id, case in answered.items()]
