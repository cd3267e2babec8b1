"""Writes of the group approach: members of an area or group case and the links to their individual cases.

Each function is atomic and writes its processing-log record in the same transaction, with the group case's
purpose and the member as the data subject. Members are changed by core staff of the house only; the link to an
individual case also needs the linker to see that case as core staff (`opencasus.access.groups`)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import groups as access
from opencasus.access import roles
from opencasus.cases.models import Case, Person
from opencasus.cases.names import name_key
from opencasus.cases.vocabulary import Relation, SubjectType
from opencasus.cases.workflow import Status
from opencasus.core import events
from opencasus.core.dates import EARLIEST_BIRTH
from opencasus.core.unset import UNSET, Unset
from opencasus.groups.models import GroupMember
from opencasus.groups.vocabulary import MAX_TIER, MIN_TIER, MemberRole
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing

if TYPE_CHECKING:
    from opencasus.accounts.models import User

ACTIVITY = ActivityCode.ACTION_PLAN
FIRST_NAME_MAX = 100
LAST_NAME_MAX = 150


def log_member(*, actor: User, member: GroupMember, case: Case, action: Action | str,
               object_type: str = "group-member") -> None:
    """One record with the group case's purpose and the member as the data subject."""
    record_processing(
        action=action, activity_code=ACTIVITY, purpose=case.purpose or case.requested_purpose,
        who=roles.who(actor, case.house_id), house_id=case.house_id, data_subjects=[str(member.person.pseudonym)],
        object_type=object_type, object_id=member.pk, case_id=case.pk)


def check_version(*, current: int, expected: int | None) -> None:
    if expected is not None and int(expected) != current:
        raise ValidationError(
            _("This record was changed by someone else in the meantime. Reload the page, check their changes "
              "and make yours again."), code="conflict")


def _check_role_tier(*, role: str, tier: int) -> None:
    errors: dict[str, str] = {}
    if role not in MemberRole.values:
        errors["role"] = _("Choose the member's role in the group: leader, core member or follower.")
    if not MIN_TIER <= int(tier) <= MAX_TIER:
        errors["tier"] = _("The tier is a number from %(low)s to %(high)s.") % {"low": MIN_TIER, "high": MAX_TIER}
    if errors:
        raise ValidationError(errors, code="invalid")


def _check_dates(*, start_date: dt.date, end_date: dt.date | None) -> None:
    today = timezone.localdate()
    if start_date > today:
        raise ValidationError({"start_date": _("The start date cannot lie in the future.")}, code="invalid")
    if start_date < EARLIEST_BIRTH:
        raise ValidationError({"start_date": _("This start date lies too far back.")}, code="invalid")
    if end_date is not None and end_date < start_date:
        raise ValidationError({"end_date": _("A member leaves the group on or after the start date.")},
                              code="invalid")


def _require_open(case: Case) -> None:
    if case.status == Status.CLOSED:
        raise ValidationError(_("The group case is closed: its members no longer change."),
                              code="invalid_transition")


def _new_person(*, case: Case, first_name: str, last_name: str, date_of_birth: dt.date | None) -> Person:
    first, last = (first_name or "").strip(), (last_name or "").strip()
    errors: dict[str, str] = {}
    if not first:
        errors["first_name"] = _("Fill in the member's first name.")
    elif len(first) > FIRST_NAME_MAX:
        errors["first_name"] = _("A first name has at most %(n)s characters.") % {"n": FIRST_NAME_MAX}
    if not last:
        errors["last_name"] = _("Fill in the member's last name.")
    elif len(last) > LAST_NAME_MAX:
        errors["last_name"] = _("A last name has at most %(n)s characters.") % {"n": LAST_NAME_MAX}
    if date_of_birth is not None and not EARLIEST_BIRTH <= date_of_birth <= timezone.localdate():
        errors["date_of_birth"] = _("The date of birth lies between 1900 and today.")
    if errors:
        raise ValidationError(errors, code="invalid")
    person = Person.objects.create(case=case, relation=Relation.GROUP_MEMBER, first_name=first, last_name=last,
                                   date_of_birth=date_of_birth, municipality=case.municipality,
                                   name_key=name_key(first, last))
    events.publish(events.PersonsAdded(case_id=case.pk, person_ids=(person.pk,)))
    return person


@transaction.atomic
def member_add(*, actor: User, case_id: int, role: str, tier: int, start_date: dt.date,
               person_id: int | None = None, first_name: str = "", last_name: str = "",
               date_of_birth: dt.date | None = None, end_date: dt.date | None = None) -> GroupMember:
    """Core staff list a member of the group: a person recorded in the group case (`person_id`), or a new one
    by name (recorded in the group case as a group member)."""
    case, _level = access.group_case_get(actor=actor, case_id=case_id, minimum=access.MANAGE_MEMBERS,
                                         for_update=True)
    _require_open(case)
    _check_role_tier(role=role, tier=tier)
    _check_dates(start_date=start_date, end_date=end_date)
    if person_id is not None:
        person = Person.objects.filter(case=case, pk=person_id).first()
        if person is None:
            raise ValidationError({"person_id": _("Choose a person recorded in this group case.")}, code="invalid")
        if GroupMember.objects.filter(person=person).exists():
            raise ValidationError({"person_id": _("This person is a member of the group already.")},
                                  code="invalid")
    else:
        person = _new_person(case=case, first_name=first_name, last_name=last_name, date_of_birth=date_of_birth)
    member = GroupMember.objects.create(case=case, house_id=case.house_id, person=person, role=role, tier=int(tier),
                                        start_date=start_date, end_date=end_date, created_by=actor)
    Case.objects.filter(pk=case.pk).update(last_activity_at=timezone.now())
    log_member(actor=actor, member=member, case=case, action=Action.CREATE)
    return member


def _locked(*, actor: User, case_id: int, member_id: int) -> tuple[GroupMember, Case]:
    case, _level = access.group_case_get(actor=actor, case_id=case_id, minimum=access.MANAGE_MEMBERS,
                                         for_update=True)
    member = (GroupMember.objects.select_for_update(of=("self",)).select_related("person")
              .filter(case=case, pk=member_id).first())
    if member is None:
        raise Http404
    return member, case


@transaction.atomic
def member_update(*, actor: User, case_id: int, member_id: int, expected_version: int | None,
                  role: str | Unset = UNSET, tier: int | Unset = UNSET, start_date: dt.date | Unset = UNSET,
                  end_date: dt.date | Unset | None = UNSET) -> GroupMember:
    member, case = _locked(actor=actor, case_id=case_id, member_id=member_id)
    check_version(current=member.version, expected=expected_version)
    _require_open(case)
    new_role = member.role if isinstance(role, Unset) else role
    new_tier = member.tier if isinstance(tier, Unset) else tier
    new_start = member.start_date if isinstance(start_date, Unset) else start_date
    new_end = member.end_date if isinstance(end_date, Unset) else end_date
    _check_role_tier(role=new_role, tier=new_tier)
    _check_dates(start_date=new_start, end_date=new_end)
    member.role, member.tier, member.start_date, member.end_date = new_role, int(new_tier), new_start, new_end
    member.version += 1
    member.save(update_fields=["role", "tier", "start_date", "end_date", "version"])
    log_member(actor=actor, member=member, case=case, action=Action.UPDATE)
    return member


@transaction.atomic
def member_end(*, actor: User, case_id: int, member_id: int, end_date: dt.date,
               expected_version: int | None) -> GroupMember:
    """The member left the group on `end_date` (today or earlier)."""
    member, case = _locked(actor=actor, case_id=case_id, member_id=member_id)
    check_version(current=member.version, expected=expected_version)
    if member.end_date is not None:
        raise ValidationError(_("This member has left the group already."), code="invalid_transition")
    if end_date > timezone.localdate():
        raise ValidationError({"end_date": _("The date the member left cannot lie in the future.")},
                              code="invalid")
    if end_date < member.start_date:
        raise ValidationError({"end_date": _("A member leaves the group on or after the start date.")},
                              code="invalid")
    member.end_date = end_date
    member.version += 1
    member.save(update_fields=["end_date", "version"])
    log_member(actor=actor, member=member, case=case, action=Action.UPDATE)
    return member


@transaction.atomic
def member_link(*, actor: User, case_id: int, member_id: int, individual_case_id: int,
                expected_version: int | None) -> GroupMember:
    """Link the member's individual case (a person case of the same house) to the group case. The linker sees
    both cases as core staff; a case that is hidden from them answers 404 like a missing one."""
    member, case = _locked(actor=actor, case_id=case_id, member_id=member_id)
    check_version(current=member.version, expected=expected_version)
    individual = access.individual_case_for_link(actor=actor, group=case, case_id=individual_case_id)
    if individual.house_id != case.house_id:
        raise Http404
    if individual.subject_type != SubjectType.PERSON:
        raise ValidationError({"individual_case_id": _("Only a person case can be a member's individual case.")},
                              code="invalid")
    if member.individual_case_id is not None:
        raise ValidationError(_("This member has an individual case linked already; remove that link first."),
                              code="invalid_transition")
    if GroupMember.objects.filter(case=case, individual_case=individual).exists():
        raise ValidationError({"individual_case_id": _("This case is linked to another member of the group.")},
                              code="invalid")
    member.individual_case, member.linked_at, member.linked_by = individual, timezone.now(), actor
    member.version += 1
    member.save(update_fields=["individual_case", "linked_at", "linked_by", "version"])
    log_member(actor=actor, member=member, case=case, action=Action.UPDATE, object_type="group-member-link")
    return member


@transaction.atomic
def member_unlink(*, actor: User, case_id: int, member_id: int, expected_version: int | None) -> GroupMember:
    member, case = _locked(actor=actor, case_id=case_id, member_id=member_id)
    check_version(current=member.version, expected=expected_version)
    if member.individual_case_id is None:
        raise Http404
    member.individual_case, member.linked_at, member.linked_by = None, None, None
    member.version += 1
    member.save(update_fields=["individual_case", "linked_at", "linked_by", "version"])
    log_member(actor=actor, member=member, case=case, action=Action.DELETE, object_type="group-member-link")
    return member
