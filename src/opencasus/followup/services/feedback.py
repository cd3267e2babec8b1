"""Feedback at closure: the filer and the municipality officers of the case's municipality are told the outcome
and the hand-over (no content), in the app and by e-mail, as the filer is told the triage decision."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access.policy import FILING_ROLES
from opencasus.accounts.models import User as UserModel
from opencasus.followup.models import ClosureFeedback
from opencasus.followup.services._common import MONITORING, log_case
from opencasus.logbook.models import Action
from opencasus.network.models import Membership, Role
from opencasus.notifications.mail import absolute
from opencasus.notifications.models import Kind
from opencasus.notifications.services import notify
from opencasus.plans.models import CaseClosure

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def recipient_ids(closure: CaseClosure) -> list[int]:
    """The filer (while they still file for that organisation in the house, so they can read the feedback) and
    the municipality officers of the case's house for the case's municipality."""
    case = closure.case
    ids: set[int] = set()
    if Membership.objects.active().filter(user_id=case.filed_by_id, house_id=case.house_id, role__in=FILING_ROLES,
                                          organisation_id=case.filed_by_organisation_id).exists():
        ids.add(case.filed_by_id)
    if case.municipality_id:
        ids |= set(Membership.objects.active().filter(
            house_id=case.house_id, role=Role.MUNICIPALITY_OFFICER, municipality_id=case.municipality_id)
            .values_list("user_id", flat=True))
    return sorted(i for i in ids if i)


def closure_mail(feedback: ClosureFeedback) -> tuple[str, str]:
    case = feedback.case
    hand_over = feedback.handed_over_to.name if feedback.handed_over_to else _("none")
    subject = _("Case %(reference)s was closed") % {"reference": case.reference}
    body = _(
        "Dear colleague,\n\n"
        "%(house)s closed case %(reference)s on %(date)s.\n"
        "Outcome: %(outcome)s.\n"
        "Warm hand-over to: %(hand_over)s.\n\n"
        "You can read this feedback in Open Casus after logging in:\n%(link)s\n\n"
        "This message contains no personal data on purpose. Do not reply to this e-mail.\n"
    ) % {"house": case.house.name, "reference": case.reference, "date": feedback.closed_on.strftime("%d-%m-%Y"),
         "outcome": feedback.get_outcome_display(), "hand_over": hand_over,
         "link": absolute(reverse("followup:feedback", args=[feedback.pk]))}
    return subject, body


def send_closure_mails(feedback_id: int, user_ids: list[int]) -> None:
    feedback = ClosureFeedback.objects.select_related("case__house", "handed_over_to").get(pk=feedback_id)
    subject, body = closure_mail(feedback)
    for email in UserModel.objects.filter(pk__in=user_ids).exclude(email="").values_list("email", flat=True):
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])


@transaction.atomic
def closure_feedback_send(*, actor: User, closure_id: int, send_mail_after_commit: bool = True) -> ClosureFeedback:
    """Called in the closure's transaction (the `CaseClosed` event). Once per closure."""
    closure = CaseClosure.objects.select_related("case__house").get(pk=closure_id)
    case = closure.case
    existing = ClosureFeedback.objects.filter(closure=closure).first()
    if existing is not None:
        return existing
    users = recipient_ids(closure)
    feedback = ClosureFeedback.objects.create(
        closure=closure, case=case, house_id=case.house_id, municipality_id=case.municipality_id,
        outcome=closure.outcome, handed_over_to=closure.handed_over_to,
        closed_on=timezone.localdate(closure.closed_at), recipient_count=len(users))
    notify(user_ids=users, kind=Kind.CASE_CLOSED, link=reverse("followup:feedback", args=[feedback.pk]),
           case_reference=case.reference, house_id=case.house_id, on_date=feedback.closed_on,
           subject_key=f"closure-{closure.pk}")
    log_case(actor=actor, case=case, activity=MONITORING, action=Action.CREATE, object_type="closure-feedback",
             object_id=feedback.pk)
    if send_mail_after_commit:
        transaction.on_commit(partial(send_closure_mails, feedback.pk, users))
    return feedback
