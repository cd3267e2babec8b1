"""Menu links and work-inbox counts of the follow-through: counts only, through the selectors of the lists they
link to (the access policy applies)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opencasus.access import followup as access
from opencasus.core.start import Count, Link, NavItem, Section

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def _core_staff(user: User) -> bool:
    return bool(access.core_house_ids(user))


def _asks_or_advises(user: User) -> bool:
    return bool(access.consultation_houses(user))


NAV_ITEMS = [
    NavItem(gettext_lazy("Check-backs"), "followup:check-backs", _core_staff, order=46),
    NavItem(gettext_lazy("Consultations"), "followup:consultations", _asks_or_advises, order=48),
]


def _url(name: str, **query: str) -> str:
    return f"{reverse(name)}?{urlencode(query)}" if query else reverse(name)


def inbox_sections(user: User) -> list[Section]:
    from opencasus.followup import selectors
    from opencasus.followup.vocabulary import ConsultationStatus

    counts: list[Count] = []
    if _core_staff(user):
        counts.append(Count(_("Check-backs due"), selectors.check_backs_due_count(actor=user),
                            _url("followup:check-backs", due="on")))
        counts.append(Count(_("Last checks of monitoring due"), selectors.monitoring_list(actor=user, due=True).count(),
                            _url("followup:monitoring", due="on")))
        counts.append(Count(_("Consultations awaiting advice"),
                            selectors.consultation_list(actor=user, status=ConsultationStatus.OPEN)
                            .filter(house_id__in=access.core_house_ids(user)).count(),
                            _url("followup:consultations", status=ConsultationStatus.OPEN)))
        return [Section(title=_("Follow-through"), counts=counts, order=11, links=[
            Link(_("Monitoring after hand-down"), reverse("followup:monitoring")),
            Link(_("Feedback on closed cases"), reverse("followup:feedback-list"))])]
    fed_back = selectors.closure_feedback_list(actor=user).count()
    if not fed_back:
        return []
    return [Section(title=_("Follow-through"), order=11, counts=[
        Count(_("Closed cases fed back to you"), fed_back, reverse("followup:feedback-list"))])]
