"""Start-page signals (overdue agreements, due evaluations) and menu links of the plans app."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opencasus.access import capacities
from opencasus.access import escalations as escalation_access
from opencasus.core.dates import long_date
from opencasus.core.start import Count, Link, NavItem, Section

MAX_LINKS = 10


def _owns_anything(user: Any) -> bool:
    return capacities.works_on_cases(user)


def _escalation_viewer(user: Any) -> bool:
    return escalation_access.may_see_overview(user)


NAV_ITEMS = [
    NavItem(gettext_lazy("My agreements"), "plans:my-agreements", _owns_anything, order=40),
    NavItem(gettext_lazy("Escalations"), "plans:escalations", _escalation_viewer, order=60),
    NavItem(gettext_lazy("National escalations"), "plans:national-escalations", capacities.is_national_officer,
            order=61),
]


def national_sections(user: Any) -> list[Section]:
    """The national programme: how many national escalations await its answer (a count, no case)."""
    if not capacities.is_national_officer(user):
        return []
    from opencasus.plans.selectors_national import national_escalation_queryset

    url = reverse("plans:national-escalations")
    waiting = national_escalation_queryset(actor=user, status="open").count()
    return [Section(title=_("National programme"), order=11, counts=[
        Count(_("National escalations awaiting an answer"), waiting, f"{url}?status=open")], links=[
        Link(_("National management information per safety region"), reverse("reporting:national"))])]


def plan_sections(user: Any) -> list[Section]:
    """The owner's overdue agreements; for process directors also the house's overdue agreements and due
    evaluations. Only references and deadlines: the content is behind the link."""
    if not _owns_anything(user):
        return []
    from opencasus.plans.selectors import record_start_signals_view, signals_for

    signals = signals_for(actor=user)
    sections = []
    mine = list(signals["mine"][:MAX_LINKS])
    if mine:
        sections.append(Section(
            title=_("My overdue agreements"),
            text=_("%(n)s of your agreements passed their deadline.") % {"n": signals["mine"].count()},
            links=[Link(_("Case %(ref)s, deadline %(d)s") % {"ref": a.case.reference, "d": long_date(a.deadline)},
                         reverse("plans:agreement", args=[a.pk])) for a in mine], order=20))
    house = list(signals["house_overdue"][:MAX_LINKS])
    if house:
        sections.append(Section(
            title=_("Overdue agreements in the house"),
            text=_("%(n)s agreements passed their deadline.") % {"n": signals["house_overdue"].count()},
            links=[Link(_("Case %(ref)s, deadline %(d)s") % {"ref": a.case.reference, "d": long_date(a.deadline)},
                         reverse("plans:agreement", args=[a.pk])) for a in house], order=21))
    due = list(signals["due"][:MAX_LINKS])
    record_start_signals_view(actor=user, cases=[item.case for item in [*mine, *house, *due]])
    if due:
        sections.append(Section(
            title=_("Evaluations due"), anchor="evaluaties",
            links=[Link(_("Case %(ref)s, evaluation date %(d)s") % {
                "ref": p.case.reference, "d": long_date(p.evaluation_date)},
                reverse("plans:evaluation", args=[p.case_id])) for p in due], order=22))
    return sections


def _url(name: str, **query: str) -> str:
    return f"{reverse(name)}?{urlencode(query)}" if query else reverse(name)


def inbox_sections(user: Any) -> list[Section]:
    """The work inbox counts of the plans app: agreements, evaluations, escalations. Counts only, through the
    same selectors as the lists they link to (the access policy applies)."""
    from opencasus.plans.selectors import agreement_list, escalation_overview, signals_for
    from opencasus.plans.views.agreements import DUE_SOON_DAYS

    counts: list[Count] = []
    core_houses = capacities.core_staff_house_ids(user)
    if capacities.is_partner_professional(user):
        counts.append(Count(_("My agreements due within two weeks"),
                            agreement_list(actor=user, mine=True, due_within=DUE_SOON_DAYS).count(),
                            _url("plans:my-agreements", due_soon="on")))
        counts.append(Count(_("My overdue agreements"), agreement_list(actor=user, mine=True, overdue=True).count(),
                            _url("plans:my-agreements", overdue="on")))
    if core_houses:
        counts.append(Count(_("Overdue agreements"),
                            agreement_list(actor=user, overdue=True).filter(case__house_id__in=core_houses).count(),
                            _url("plans:my-agreements", overdue="on", all_cases="on")))
        counts.append(Count(_("Evaluations due"), signals_for(actor=user)["due"].count(),
                            reverse("core:start") + "#evaluaties"))
        counts.append(Count(_("Escalations awaiting a response"),
                            escalation_overview(actor=user, status="open").filter(
                                case__house_id__in=core_houses).count(),
                            _url("plans:escalations", status="open")))
    levels = escalation_access.responder_levels(user)
    if levels and not core_houses:
        counts.append(Count(_("Escalations addressed to you"),
                            escalation_overview(actor=user, status="open").filter(level__in=levels).count(),
                            _url("plans:escalations", status="open", **({"niveau": levels[0]} if len(levels) == 1
                                                                        else {}))))
    if not counts:
        return []
    return [Section(title=_("Agreements and escalations"), counts=counts, order=12)]
