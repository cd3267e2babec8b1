"""Information items: what a participant contributes per life domain, with scope and legal basis."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import capacities, policy, roles
from opencasus.cases.models import InformationItem, Person
from opencasus.cases.services.transitions import case_subjects
from opencasus.cases.vocabulary import LifeDomain, SharingScope
from opencasus.cases.workflow import Status
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing
from opencasus.network.models import Organisation

if TYPE_CHECKING:
    from opencasus.accounts.models import User


@transaction.atomic
def information_item_add(*, actor: User, case_id: int, life_domain: str, text: str, sharing_scope: str,
                         legal_basis: str, organisation_id: int | None = None, person_id: int | None = None,
                         shared_with_ids: Iterable[int] = ()) -> InformationItem:
    """Add a contribution to an admitted case, as participant (for one's own organisation) or core staff."""
    case, level = policy.case_get(actor=actor, case_id=case_id, minimum=policy.CaseAccess.PARTICIPANT,
                                  for_update=True)
    errors: dict[str, list[str]] = {}
    if case.status != Status.ADMITTED:
        raise ValidationError(_("Information can only be added to an admitted, running case."), code="not_admitted")
    if level == policy.CaseAccess.CORE:
        allowed_orgs = capacities.acting_organisation_ids(actor, case.house_id)
    else:
        allowed_orgs = policy.participating_organisation_ids(actor=actor, case=case)
    if organisation_id is None and len(allowed_orgs) == 1:
        organisation_id = next(iter(allowed_orgs))
    if organisation_id not in allowed_orgs:
        errors["organisation"] = [_("You can only add information on behalf of your own organisation.")]
    if life_domain not in LifeDomain.values:
        errors["life_domain"] = [_("Choose one of the life domains.")]
    if not text.strip():
        errors["text"] = [_("Describe the information.")]
    if sharing_scope not in SharingScope.values:
        errors["sharing_scope"] = [_("Choose with whom this is shared.")]
    if not legal_basis.strip():
        errors["legal_basis"] = [_("State the legal basis on which you share this.")]
    person = None
    if person_id is not None:
        person = Person.objects.filter(case=case, pk=person_id).first()
        if person is None:
            errors["person"] = [_("This person is not part of the case.")]
    shared_with: list[Organisation] = []
    if sharing_scope == SharingScope.NAMED_ORGANISATIONS:
        ids = set(shared_with_ids)
        participating = set(case.participants.active().values_list("organisation_id", flat=True))
        if not ids:
            errors["shared_with"] = [_("Name at least one organisation to share with.")]
        elif not ids <= participating:
            errors["shared_with"] = [_("You can only share with organisations that take part in the case.")]
        shared_with = list(Organisation.objects.filter(pk__in=ids))
    if errors:
        raise ValidationError(errors)
    assert organisation_id is not None
    item = InformationItem.objects.create(
        case=case, organisation_id=organisation_id, author=actor, person=person, life_domain=life_domain,
        text=text.strip(), sharing_scope=sharing_scope, legal_basis=legal_basis.strip())
    if shared_with:
        item.shared_with.set(shared_with)
    case.last_activity_at = timezone.now()
    case.save(update_fields=["last_activity_at"])
    subjects = [str(person.pseudonym)] if person else case_subjects(case)
    record_processing(
        action=Action.CREATE, activity_code=ActivityCode.CASE_CONFERENCE, purpose=case.purpose,
        who=roles.who(actor, case.house_id), house_id=case.house_id, data_subjects=subjects,
        object_type="information-item", object_id=item.pk, case_id=case.pk)
    return item
