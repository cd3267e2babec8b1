"""Filing an intake for an expected release that has no case yet (core staff, or the after-care coordinator of
the release's municipality, on behalf of their organisation)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from opencasus.access import aftercare as access
from opencasus.access import intake as intake_access
from opencasus.aftercare.models import ExpectedRelease
from opencasus.aftercare.vocabulary import ReleaseMatch
from opencasus.cases.models import Case
from opencasus.cases.services import PersonData, intake_file
from opencasus.cases.vocabulary import Route, SubjectType
from opencasus.core.identifiers import decrypt_identifier
from opencasus.network.models import House, Organisation

if TYPE_CHECKING:
    from opencasus.accounts.models import User


@transaction.atomic
def release_intake_file(*, actor: User, release_id: int, organisation_id: int, reason: str,
                        requested_purpose: str, people_informed: str, not_informed_reason: str = "") -> Case:
    """File an after-care intake for the person of an expected release (name, date of birth, BSN and release
    date from the list); the case gets its timeline through the intake, and the release is linked to it."""
    release = (ExpectedRelease.objects.select_for_update().select_related("municipality")
               .filter(access.release_filter(actor), pk=release_id).first())
    if release is None:
        raise Http404
    if release.match != ReleaseMatch.UNMATCHED:
        raise ValidationError(_("This release is linked to a case already."), code="invalid_transition")
    if organisation_id not in intake_access.filing_organisation_ids(actor, release.house_id):
        raise ValidationError({"organisation": _("You cannot file an intake at this house on behalf of this "
                                                 "organisation.")}, code="invalid")
    house = House.objects.get(pk=release.house_id)
    organisation = Organisation.objects.get(pk=organisation_id)
    person = PersonData(first_name=release.first_name, last_name=release.last_name,
                        date_of_birth=release.date_of_birth,
                        bsn=decrypt_identifier(release.bsn_encrypted) if release.bsn_encrypted else "",
                        municipality=release.municipality)
    case = intake_file(actor=actor, organisation=organisation, house=house, subject_type=SubjectType.PERSON,
                       persons=[person], reason=reason, requested_purpose=requested_purpose, route=Route.AFTERCARE,
                       municipality=release.municipality, people_informed=people_informed,
                       not_informed_reason=not_informed_reason, release_date=release.release_date)
    release.case, release.match = case, ReleaseMatch.INTAKE_FILED
    release.save(update_fields=["case", "match"])
    return case
