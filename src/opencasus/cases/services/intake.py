"""Filing an intake (aanmelding): validation, persons with encrypted BSN, reference, hit check.

Everything happens in one transaction: an invalid field anywhere means a Dutch error and nothing
stored (stored attachment files are removed again).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import intake as intake_access
from opencasus.access import roles
from opencasus.cases.hitcheck import hit_check
from opencasus.cases.models import Case, InvolvedPartner, Person, ReferenceCounter, StatusChange
from opencasus.cases.names import name_key
from opencasus.cases.services.attachments import files_removed_on_error, store_attachment, validate_upload
from opencasus.cases.vocabulary import PeopleInformed, Relation, Route, SubjectType, Urgency
from opencasus.cases.workflow import Status
from opencasus.core import events
from opencasus.core.dates import EARLIEST_BIRTH
from opencasus.core.identifiers import bsn_is_valid, encrypt_identifier, identifier_hash, normalise_bsn
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing
from opencasus.network.models import (
    House,
    Municipality,
    Organisation,
    Role,
    TargetGroup,
)

if TYPE_CHECKING:
    from opencasus.accounts.models import User

SKIPPED_PREFIX_WORDS = frozenset({"zorg", "en", "veiligheidshuis", "het", "de"})


@dataclass
class PersonData:
    first_name: str
    last_name: str
    date_of_birth: dt.date | None = None
    bsn: str = ""
    address: str = ""
    municipality: Municipality | None = None
    relation: str = Relation.SUBJECT


@dataclass
class PartnerData:
    organisation: Organisation | None = None
    organisation_name: str = ""
    contact: str = ""


def house_prefix(house: House) -> str:
    """Initials of the house's name without the generic words: "…Zuid-Holland Zuid" → "ZHZ"."""
    def initials(name: str) -> str:
        words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower().strip(".") not in SKIPPED_PREFIX_WORDS]
        return "".join(w[0] for w in words if w[0].isalnum()).upper()[:6]

    prefix = initials(house.name)
    clash = any(initials(name) == prefix for name in House.objects.exclude(pk=house.pk).values_list("name", flat=True))
    if not prefix or not prefix.isalpha() or clash:
        prefix = f"{prefix if prefix.isalpha() else 'VH'}{house.pk}"
    return prefix


def next_reference(house: House, year: int) -> str:
    """The next human reference of a house in a year, e.g. "ZHZ-2026-0007" (race-safe: row lock)."""
    try:
        with transaction.atomic():
            ReferenceCounter.objects.get_or_create(house=house, year=year)
    except IntegrityError:  # created concurrently: it exists now
        pass
    counter = ReferenceCounter.objects.select_for_update().get(house=house, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"{house_prefix(house)}-{year}-{counter.last_number:04d}"


def validate_bsn_input(value: str) -> None:
    """Field-level BSN check for forms and the API (the message never repeats the number)."""
    if value and not bsn_is_valid(value):
        raise ValidationError(_("This is not a valid BSN: it must have 9 digits and pass the eleven-test."),
                              code="invalid_bsn")


def _clean_person(index: int, data: PersonData, subject_type: str, errors: dict[str, list[str]],
                  hashes: dict[str, int]) -> tuple[str, str]:
    """Validate one person; returns (encrypted BSN, BSN hash). Error keys are "persons.<n>.<field>"."""
    key = f"persons.{index}"
    number = index + 1
    if not data.first_name.strip():
        errors[f"{key}.first_name"] = [_("Person %(n)s: fill in the first name.") % {"n": number}]
    if not data.last_name.strip():
        errors[f"{key}.last_name"] = [_("Person %(n)s: fill in the last name.") % {"n": number}]
    if data.relation not in Relation.values:
        errors[f"{key}.relation"] = [_("Person %(n)s: choose the relation.") % {"n": number}]
    if data.date_of_birth is None:
        if subject_type != SubjectType.AREA:
            errors[f"{key}.date_of_birth"] = [_("Person %(n)s: fill in the date of birth.") % {"n": number}]
    elif data.date_of_birth > timezone.localdate():
        errors[f"{key}.date_of_birth"] = [_("Person %(n)s: the date of birth cannot be in the future.")
                                          % {"n": number}]
    elif data.date_of_birth < EARLIEST_BIRTH:
        errors[f"{key}.date_of_birth"] = [_("Person %(n)s: the date of birth is not plausible.") % {"n": number}]
    bsn = normalise_bsn(data.bsn or "")
    if not bsn:
        return "", ""
    if not bsn_is_valid(bsn):
        errors[f"{key}.bsn"] = [_("Person %(n)s: this is not a valid BSN: it must have 9 digits and pass the "
                                  "eleven-test.") % {"n": number}]
        return "", ""
    digest = identifier_hash(bsn)
    if digest in hashes:
        errors[f"{key}.bsn"] = [_("Person %(n)s has the same BSN as person %(m)s.")
                                % {"n": number, "m": hashes[digest] + 1}]
    hashes[digest] = index
    return encrypt_identifier(bsn.zfill(9)), digest


def _validate(*, actor: User, house: House, organisation: Organisation, subject_type: str,
              persons: Sequence[PersonData], reason: str, requested_purpose: str, route: str,
              release_date: dt.date | None, target_group: TargetGroup | None, urgency: str,
              municipality: Municipality | None, area_description: str, partners: Sequence[PartnerData],
              people_informed: str, not_informed_reason: str) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not intake_access.can_file(actor, house, organisation):
        errors["organisation"] = [_("You cannot file an intake at this house on behalf of this organisation.")]
    if subject_type not in SubjectType.values:
        errors["subject_type"] = [_("Choose whom the intake is about.")]
    elif subject_type == SubjectType.PERSON and len(persons) != 1:
        errors["persons"] = [_("An intake about a person names exactly one person.")]
    elif subject_type == SubjectType.SYSTEM and len(persons) < 2:
        errors["persons"] = [_("An intake about a household names at least two members.")]
    elif subject_type == SubjectType.AREA and not area_description.strip():
        errors["area_description"] = [_("Describe the area or theme.")]
    if not reason.strip():
        errors["reason"] = [_("Describe the reason for the intake.")]
    if not requested_purpose.strip():
        errors["requested_purpose"] = [_("Describe what you want to achieve.")]
    if route not in Route.values:
        errors["route"] = [_("Choose the route through which the intake comes in.")]
    elif route == Route.AFTERCARE and release_date is None:
        errors["release_date"] = [_("For after-care of an ex-detainee, fill in the release date.")]
    if urgency not in Urgency.values:
        errors["urgency"] = [_("Choose the urgency.")]
    if municipality is None:
        errors["municipality"] = [_("Choose the municipality.")]
    elif municipality.region_id != house.region_id:
        errors["municipality"] = [_("This municipality is not in the region of the house.")]
    if target_group is not None and (target_group.house_id != house.pk or not target_group.active):
        errors["target_group"] = [_("Choose a target group of this house.")]
    if people_informed not in PeopleInformed.values:
        errors["people_informed"] = [_("State whether the people concerned were told.")]
    elif people_informed == PeopleInformed.NO and not not_informed_reason.strip():
        errors["not_informed_reason"] = [_("Explain why the people concerned were not told.")]
    for index, partner in enumerate(partners):
        if partner.organisation is None and not partner.organisation_name.strip():
            errors[f"involved_partners.{index}.organisation"] = [
                _("Involved partner %(n)s: choose or name the organisation.") % {"n": index + 1}]
    return errors


def intake_file(*, actor: User, organisation: Organisation, house: House, subject_type: str,
                persons: Sequence[PersonData], reason: str, requested_purpose: str, route: str,
                municipality: Municipality | None, people_informed: str, not_informed_reason: str = "",
                release_date: dt.date | None = None, target_group: TargetGroup | None = None,
                urgency: str = Urgency.NORMAL, neighbourhood: str = "", area_description: str = "",
                involved_partners: Sequence[PartnerData] = (), running_trajectories: str = "",
                attachments: Sequence[UploadedFile[bytes]] = ()) -> Case:
    """File an intake at `house` on behalf of `organisation`; status SUBMITTED; hit check run and kept."""
    errors = _validate(
        actor=actor, house=house, organisation=organisation, subject_type=subject_type, persons=persons,
        reason=reason, requested_purpose=requested_purpose, route=route, release_date=release_date,
        target_group=target_group, urgency=urgency, municipality=municipality, area_description=area_description,
        partners=involved_partners, people_informed=people_informed, not_informed_reason=not_informed_reason)
    hashes: dict[str, int] = {}
    identifiers = [_clean_person(i, p, subject_type, errors, hashes) for i, p in enumerate(persons)]
    for index, upload in enumerate(attachments):
        try:
            validate_upload(upload)
        except ValidationError as exc:
            errors[f"attachments.{index}"] = exc.messages
    if errors:
        raise ValidationError(errors)
    assert municipality is not None
    with files_removed_on_error() as written, transaction.atomic():
        now = timezone.now()
        case = Case.objects.create(
            house=house, reference=next_reference(house, timezone.localdate(now).year), subject_type=subject_type,
            status=Status.SUBMITTED, filed_by=actor, filed_by_organisation=organisation, filed_at=now,
            reason=reason.strip(), requested_purpose=requested_purpose.strip(), route=route,
            release_date=release_date if route == Route.AFTERCARE else None, target_group=target_group,
            urgency=urgency, municipality=municipality, neighbourhood=neighbourhood.strip(),
            area_description=area_description.strip(), running_trajectories=running_trajectories.strip(),
            people_informed=people_informed,
            not_informed_reason=not_informed_reason.strip() if people_informed == PeopleInformed.NO else "",
            last_activity_at=now)
        Person.objects.bulk_create([
            Person(case=case, relation=p.relation, first_name=p.first_name.strip(), last_name=p.last_name.strip(),
                   date_of_birth=p.date_of_birth, bsn_encrypted=enc, bsn_hash=digest, address=p.address.strip(),
                   municipality=p.municipality, name_key=name_key(p.first_name, p.last_name))
            for p, (enc, digest) in zip(persons, identifiers, strict=True)
        ])
        InvolvedPartner.objects.bulk_create([
            InvolvedPartner(case=case, organisation=p.organisation, organisation_name=p.organisation_name.strip(),
                            contact=p.contact.strip()) for p in involved_partners
        ])
        StatusChange.objects.create(case=case, house_id=case.house_id,
                                    from_status="", to_status=Status.SUBMITTED, changed_at=now,
                                    changed_by=actor, reason="")
        for upload in attachments:
            store_attachment(case=case, upload=upload, actor=actor, written=written)
        pseudonyms = [str(p) for p in case.persons.values_list("pseudonym", flat=True)] or [""]
        record_processing(
            action=Action.CREATE, activity_code=ActivityCode.INTAKE, purpose=case.requested_purpose,
            who=roles.who(actor, house.pk, prefer=(Role.PARTNER_PROFESSIONAL,)), house_id=house.pk,
            data_subjects=pseudonyms, object_type="case", object_id=case.pk, case_id=case.pk)
        hit_check(actor=actor, case=case)
        events.publish(events.IntakeFiled(case_id=case.pk, house_id=house.pk, actor_id=actor.pk,
                                          release_date=case.release_date))
        return case
