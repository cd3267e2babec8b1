"""Telling the filer the triage outcome by e-mail: reference, outcome and a link, no personal data."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from opencasus.cases.models import Case
from opencasus.notifications.mail import absolute


def case_link(case: Case) -> str:
    """Where the filer reads the feedback: the case page when the cases app offers one, else the start page."""
    try:
        path = reverse("cases:detail", args=[case.pk])
    except NoReverseMatch:
        path = reverse("core:start")
    return absolute(path)


def outcome_mail(case: Case, outcome_label: str) -> tuple[str, str]:
    subject = _("Outcome of the triage for intake %(reference)s") % {"reference": case.reference}
    body = _(
        "Dear colleague,\n\n"
        "The triage table (weegoverleg) of %(house)s has decided on your intake %(reference)s.\n"
        "Outcome: %(outcome)s.\n\n"
        "You can read the feedback in Open Casus after logging in:\n%(link)s\n\n"
        "This message contains no personal data on purpose. Do not reply to this e-mail.\n"
    ) % {"house": case.house.name, "reference": case.reference, "outcome": outcome_label, "link": case_link(case)}
    return subject, body


def send_outcome_mail(case_id: int, outcome_label: str) -> None:
    case = Case.objects.select_related("house", "filed_by").get(pk=case_id)
    if not case.filed_by.email:
        return
    subject, body = outcome_mail(case, outcome_label)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [case.filed_by.email])
