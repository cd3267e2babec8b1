"""Reads of the follow-through. Each starts from `opencasus.access.followup`; a record outside the reader's
filter answers 404 exactly like a missing one. Reads are logged here: a detail with the case's people as data
subjects, a list once per house shown (lists show references, dates and statuses, no persons)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from opencasus.access import followup as access
from opencasus.access import roles
from opencasus.cases.models import Case
from opencasus.cases.workflow import Status
from opencasus.followup.models import CheckBack, ClosureFeedback, Consultation, MonitoringPeriod
from opencasus.followup.services._common import MONITORING, TRIAGE, log_case
from opencasus.followup.vocabulary import CheckBackStatus, MonitoringStatus
from opencasus.logbook import purposes
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import Processing, record_processing, record_processing_many

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def record_list_view(*, actor: User, house_ids: Iterable[int], activity: ActivityCode, object_type: str) -> None:
    """One view record per house shown, without a data subject (the list names no one)."""
    record_processing_many([
        Processing(action=Action.VIEW, activity_code=activity, purpose=purposes.FOLLOW_UP_LIST,
                   who=roles.who(actor, house_id), house_id=house_id, object_type=object_type, object_id=house_id)
        for house_id in sorted(set(house_ids))])


def require_visible(qs: QuerySet[Any], pk: int) -> None:
    """404 when the record is outside the reader's filter, before a request body is read (as a missing one)."""
    if not qs.filter(pk=pk).exists():
        raise Http404


# Check-backs -------------------------------------------------------------------------------------------------

def check_back_list(*, actor: User, status: str | None = None, due: bool = False, house_id: int | None = None,
                    today: dt.date | None = None) -> QuerySet[CheckBack]:
    qs = CheckBack.objects.filter(access.case_work_filter(actor)).select_related("case", "house")
    if status:
        qs = qs.filter(status=status)
    if due:
        qs = qs.filter(status=CheckBackStatus.OPEN, due_date__lte=today or timezone.localdate())
    if house_id is not None:
        qs = qs.filter(house_id=house_id)
    return qs.order_by("due_date", "id")


def check_back_get(*, actor: User, check_back_id: int) -> CheckBack:
    check_back = check_back_list(actor=actor).filter(pk=check_back_id).first()
    if check_back is None:
        raise Http404
    log_case(actor=actor, case=check_back.case, activity=TRIAGE, action=Action.VIEW, object_type="check-back",
             object_id=check_back.pk)
    return check_back


def check_backs_due_count(*, actor: User) -> int:
    return check_back_list(actor=actor, due=True).count()


# Monitoring periods ------------------------------------------------------------------------------------------

def monitoring_list(*, actor: User, status: str | None = None, due: bool = False, house_id: int | None = None,
                    today: dt.date | None = None) -> QuerySet[MonitoringPeriod]:
    qs = MonitoringPeriod.objects.filter(access.case_work_filter(actor)).select_related("case", "municipality")
    if status:
        qs = qs.filter(status=status)
    if due:
        qs = qs.filter(status=MonitoringStatus.RUNNING, last_check_date__lte=today or timezone.localdate())
    if house_id is not None:
        qs = qs.filter(house_id=house_id)
    return qs.order_by("last_check_date", "id")


def monitoring_get(*, actor: User, period_id: int) -> MonitoringPeriod:
    period = monitoring_list(actor=actor).filter(pk=period_id).first()
    if period is None:
        raise Http404
    log_case(actor=actor, case=period.case, activity=MONITORING, action=Action.VIEW,
             object_type="monitoring-period", object_id=period.pk)
    return period


def monitoring_candidates(*, actor: User) -> QuerySet[Case]:
    """Closed cases of the reader's houses (core staff) that are not under monitoring: references only."""
    houses = access.core_house_ids(actor)
    running = MonitoringPeriod.objects.filter(status=MonitoringStatus.RUNNING).values("case_id")
    return (Case.objects.filter(house_id__in=houses, status=Status.CLOSED).exclude(pk__in=running)
            .order_by("-closed_at", "-id"))


# Closure feedback --------------------------------------------------------------------------------------------

def closure_feedback_list(*, actor: User, house_id: int | None = None) -> QuerySet[ClosureFeedback]:
    qs = (ClosureFeedback.objects.filter(access.closure_feedback_filter(actor))
          .select_related("case", "house", "handed_over_to", "municipality"))
    if house_id is not None:
        qs = qs.filter(house_id=house_id)
    return qs.order_by("-closed_on", "-id")


def closure_feedback_get(*, actor: User, feedback_id: int) -> ClosureFeedback:
    feedback = closure_feedback_list(actor=actor).filter(pk=feedback_id).first()
    if feedback is None:
        raise Http404
    record_processing(action=Action.VIEW, activity_code=MONITORING, purpose=purposes.CLOSURE_FEEDBACK,
                      who=roles.who(actor, feedback.house_id), house_id=feedback.house_id,
                      object_type="closure-feedback", object_id=feedback.pk, case_id=feedback.case_id)
    return feedback


# Anonymous consultations -------------------------------------------------------------------------------------

def consultation_list(*, actor: User, status: str | None = None,
                      house_id: int | None = None) -> QuerySet[Consultation]:
    qs = Consultation.objects.filter(access.consultation_filter(actor)).select_related(
        "house", "organisation", "municipality")
    if status:
        qs = qs.filter(status=status)
    if house_id is not None:
        qs = qs.filter(house_id=house_id)
    return qs.order_by("-asked_at", "-id")


def consultation_get(*, actor: User, consultation_id: int) -> Consultation:
    consultation = consultation_list(actor=actor).filter(pk=consultation_id).first()
    if consultation is None:
        raise Http404
    record_processing(action=Action.VIEW, activity_code=TRIAGE, purpose=purposes.ANONYMOUS_CONSULTATION,
                      who=roles.who(actor, consultation.house_id), house_id=consultation.house_id,
                      object_type="consultation", object_id=consultation.pk)
    return consultation


def require_advisable(*, actor: User, consultation_id: int) -> None:
    """404 unless the actor is core staff of the consultation's house (before anything is read or logged)."""
    require_visible(consultation_list(actor=actor).filter(house_id__in=access.core_house_ids(actor)),
                    consultation_id)


def may_advise(*, actor: User, consultation: Consultation) -> bool:
    return consultation.house_id in access.core_house_ids(actor)


def consultation_askers(*, actor: User) -> list[tuple[str, str]]:
    """Choices "house:organisation" the actor may ask a consultation for, labelled with both names."""
    from opencasus.network.models import House, Organisation

    pairs = access.consultation_houses(actor)
    houses = dict(House.objects.filter(pk__in={h for h, _o in pairs}).values_list("pk", "name"))
    organisations = dict(Organisation.objects.filter(pk__in={o for _h, o in pairs}).values_list("pk", "name"))
    return [(f"{h}:{o}", f"{houses[h]} — {organisations[o]}") for h, o in pairs]


def consultation_municipalities(*, actor: User) -> list[tuple[int, str]]:
    """The municipalities of the regions of the actor's houses (reference data)."""
    from opencasus.network.models import House, Municipality

    regions = House.objects.filter(pk__in={h for h, _o in access.consultation_houses(actor)}).values("region_id")
    return list(Municipality.objects.filter(region_id__in=regions).order_by("name").values_list("pk", "name"))
