"""Reads of the Kindspoor. Child checks follow the case policy (`access.policy.case_get` at the level
`access.childtrack` names); a case of a house without the Kindspoor answers 404. Every read of a child check
is logged here with the case's purpose and the children shown as data subjects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import childtrack as access
from opencasus.access import roles
from opencasus.access.policy import CaseAccess, case_get
from opencasus.cases.models import Case, Person
from opencasus.childtrack.models import ChildCheck, DomesticViolenceFlag, DomesticViolenceTargetGroup
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing
from opencasus.network.approaches import approach_enabled
from opencasus.network.models import Approach, House, Partnership, TargetGroup

if TYPE_CHECKING:
    from opencasus.accounts.models import User

ACTIVITY = ActivityCode.ACTION_PLAN
ADULT_AGE = 18


def running(house_id: int) -> bool:
    return approach_enabled(house_id=house_id, approach=Approach.CHILD_TRACK)


def age_on(date_of_birth: dt.date, day: dt.date) -> int:
    return day.year - date_of_birth.year - ((day.month, day.day) < (date_of_birth.month, date_of_birth.day))


def filing_date(case: Case) -> dt.date:
    return timezone.localdate(case.filed_at)


def minors(case: Case) -> list[Person]:
    """The persons of the case under 18 on the filing date (a person without a date of birth is not counted)."""
    day = filing_date(case)
    return [p for p in case.persons.exclude(date_of_birth__isnull=True).order_by("date_of_birth", "id")
            if p.date_of_birth is not None and age_on(p.date_of_birth, day) < ADULT_AGE]


def domestic_violence_target_group_ids(house_id: int) -> set[int]:
    return set(DomesticViolenceTargetGroup.objects.filter(house_id=house_id).values_list("target_group_id", flat=True))


def is_domestic_violence(case: Case) -> bool:
    """The case's target group counts as domestic violence in its house, or core staff flagged the case."""
    if case.target_group_id is not None and DomesticViolenceTargetGroup.objects.filter(
            house_id=case.house_id, target_group_id=case.target_group_id).exists():
        return True
    return DomesticViolenceFlag.objects.filter(case_id=case.pk).exists()


def applies(case: Case) -> bool:
    """The Kindspoor applies: the house runs it, the case concerns domestic violence and has a minor."""
    return running(case.house_id) and is_domestic_violence(case) and bool(minors(case))


@dataclass
class ChildRow:
    person: Person
    check: ChildCheck | None

    @property
    def complete(self) -> bool:
        return self.check is not None and self.check.complete

    @property
    def name(self) -> str:
        return f"{self.person.first_name} {self.person.last_name}"


def child_rows(case: Case) -> list[ChildRow]:
    kids = minors(case)
    checks = {c.person_id: c for c in ChildCheck.objects.filter(case=case, person__in=kids)
              .select_related("help_organisation", "recorded_by", "updated_by")}
    return [ChildRow(person=p, check=checks.get(p.pk)) for p in kids]


def missing_children(case: Case) -> list[str]:
    """Names of the minors whose check is missing or incomplete (empty when the Kindspoor does not apply)."""
    if not applies(case):
        return []
    return [row.name for row in child_rows(case) if not row.complete]


def adoption_gate(case: Case) -> list[str]:
    """The plans gate (`plans.gates`): a plan waits for a complete child check of every minor. Decides only."""
    names = missing_children(case)
    if not names:
        return []
    return [_("Kindspoor: the plan cannot be adopted before every child has a complete child check. Missing or "
              "incomplete for: %(names)s.") % {"names": ", ".join(names)}]


def _log(*, actor: User, case: Case, persons: list[Person], object_type: str, object_id: int) -> None:
    record_processing(
        action=Action.VIEW, activity_code=ACTIVITY, purpose=case.purpose or case.requested_purpose,
        who=roles.who(actor, case.house_id), house_id=case.house_id,
        data_subjects=[str(p.pseudonym) for p in persons] or [""], object_type=object_type, object_id=object_id,
        case_id=case.pk)


def case_for_checks(*, actor: User, case_id: int, minimum: CaseAccess = access.READ_LEVEL) -> tuple[Case, CaseAccess]:
    """The case for a Kindspoor read or write: 404 when hidden, below the level, or the house does not run it.
    Decides only; logs nothing."""
    case, level = case_get(actor=actor, case_id=case_id, minimum=minimum)
    if not running(case.house_id):
        raise Http404
    return case, level


@dataclass
class CaseChildTrack:
    case: Case
    level: CaseAccess
    domestic_violence: bool
    flagged: DomesticViolenceFlag | None
    by_target_group: bool
    rows: list[ChildRow] = field(default_factory=list)

    @property
    def applies(self) -> bool:
        return self.domestic_violence and bool(self.rows)

    @property
    def missing(self) -> list[str]:
        return [row.name for row in self.rows if not row.complete] if self.applies else []

    @property
    def may_record(self) -> bool:
        return access.may_record_checks(self.level)

    @property
    def may_flag(self) -> bool:
        return access.may_flag(self.level)


def case_child_track(*, actor: User, case_id: int) -> CaseChildTrack:
    """The Kindspoor of one case: the flag, the minors and their checks. Logged with the minors as subjects."""
    case, level = case_for_checks(actor=actor, case_id=case_id)
    by_group = case.target_group_id in domestic_violence_target_group_ids(case.house_id)
    flag = DomesticViolenceFlag.objects.filter(case=case).select_related("flagged_by").first()
    rows = child_rows(case)
    view = CaseChildTrack(case=case, level=level, domestic_violence=by_group or flag is not None, flagged=flag,
                          by_target_group=by_group, rows=rows)
    if rows:
        _log(actor=actor, case=case, persons=[r.person for r in rows], object_type="child-checks", object_id=case.pk)
    return view


def workspace_child_track(*, actor: User, case: Case, level: CaseAccess) -> CaseChildTrack | None:
    """For the case workspace: None when the house does not run the Kindspoor or the reader may not see it."""
    if not access.may_read_checks(level) or not running(case.house_id):
        return None
    return case_child_track(actor=actor, case_id=case.pk)


def child_check_list(*, actor: User, case_id: int) -> list[ChildCheck]:
    case, _level = case_for_checks(actor=actor, case_id=case_id)
    checks = list(ChildCheck.objects.filter(case=case).select_related("person", "help_organisation")
                  .order_by("person__date_of_birth", "id"))
    if checks:
        _log(actor=actor, case=case, persons=[c.person for c in checks], object_type="child-checks",
             object_id=case.pk)
    return checks


def _visible_check(*, actor: User, check_id: int) -> tuple[ChildCheck, CaseAccess]:
    case_id = ChildCheck.objects.filter(pk=check_id).values_list("case_id", flat=True).first()
    if case_id is None:
        raise Http404
    _case, level = case_for_checks(actor=actor, case_id=case_id)
    check = ChildCheck.objects.select_related("case", "person", "help_organisation").get(pk=check_id)
    return check, level


def child_check_get(*, actor: User, check_id: int) -> ChildCheck:
    check, _level = _visible_check(actor=actor, check_id=check_id)
    _log(actor=actor, case=check.case, persons=[check.person], object_type="child-check", object_id=check.pk)
    return check


def child_check_for_person(*, actor: User, case_id: int, person_id: int) -> tuple[Case, Person, ChildCheck | None]:
    """The form of one child's check: the case, the minor and the check so far (logged when there is one)."""
    case, _level = case_for_checks(actor=actor, case_id=case_id, minimum=access.RECORD_LEVEL)
    person = next((p for p in minors(case) if p.pk == person_id), None)
    if person is None:
        raise Http404
    check = ChildCheck.objects.filter(person=person).select_related("help_organisation").first()
    _log(actor=actor, case=case, persons=[person], object_type="child-check", object_id=check.pk if check else 0)
    return case, person, check


def help_organisations(*, house_id: int) -> list[tuple[int, str]]:
    """The partner organisations of the house (reference data): who can offer help to the family."""
    return list(Partnership.objects.filter(house_id=house_id).order_by("organisation__name")
                .values_list("organisation_id", "organisation__name").distinct())


# House configuration -----------------------------------------------------------------------------------------

def configuration_get(*, actor: User, house_id: int) -> list[tuple[TargetGroup, bool]]:
    """The house's active target groups, each with whether it counts as domestic violence. Configuration, no
    personal data: not logged."""
    if not access.may_read_configuration(actor, house_id) or not running(house_id):
        raise Http404
    chosen = domestic_violence_target_group_ids(house_id)
    return [(group, group.pk in chosen) for group in TargetGroup.objects.filter(house_id=house_id, active=True)
            .order_by("name")]


def house_name(*, house_id: int) -> str:
    return House.objects.filter(pk=house_id).values_list("name", flat=True).first() or ""


def child_check_locate(*, actor: User, check_id: int) -> tuple[int, int]:
    """(case id, person id) of a check the actor may record: 404 otherwise. Decides only; logs nothing."""
    row = ChildCheck.objects.filter(pk=check_id).values_list("case_id", "person_id").first()
    if row is None:
        raise Http404
    case_for_checks(actor=actor, case_id=row[0], minimum=access.RECORD_LEVEL)
    return row[0], row[1]
