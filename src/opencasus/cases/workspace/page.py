"""One workspace page: the case as the reader may see it, its header and one tab. The load is logged."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.urls import reverse
from django.utils.translation import gettext as _

from opencasus.access.policy import CaseAccess
from opencasus.cases import selectors
from opencasus.cases.workspace import header as headers
from opencasus.cases.workspace import panels
from opencasus.cases.workspace.tabs import tab_get, tabs_for

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def _tab_url(case_id: int, slug: str) -> str:
    base = reverse("cases:detail", args=[case_id])
    return base if slug == "overzicht" else f"{base}?tab={slug}"


def workspace(*, actor: User, case_id: int, tab: str | None, page: Any = None) -> dict[str, Any]:
    """The template context of the workspace (404 for a hidden case or tab)."""
    def object_type(level: CaseAccess) -> str:  # before any read: a hidden tab reads and logs nothing
        slug = tab_get(tab, level).slug
        return "case" if slug == "overzicht" else f"case-{slug}"

    view = selectors.case_detail(actor=actor, case_id=case_id, object_type=object_type)
    current = tab_get(tab, view.level)
    items = panels.agenda_items(actor=actor, case=view.case, level=view.level)
    ctx: dict[str, Any] = {
        "view": view, "case": view.case, "tab": current,
        "tab_links": [{"label": t.label, "url": _tab_url(view.case.pk, t.slug), "current": t == current}
                      for t in tabs_for(view.level)],
        "header": headers.build_header(actor=actor, case=view.case, level=view.level, persons=view.persons,
                                       may_upload=view.may_upload, agenda_items=items),
    }
    ctx["breadcrumbs"] = [(_("My cases"), reverse("cases:list")), (view.case.reference, "")]
    slug = current.slug
    if slug == "informatie":  # the tab's own form carries the one primary button
        for action in ctx["header"].actions:
            action.primary = False
    if slug in ("overzicht", "personen"):
        from opencasus.groups.selectors import group_summary

        ctx["group_summary"] = group_summary(actor=actor, case=view.case, level=view.level)
    if slug == "overzicht":
        ctx["events"] = panels.timeline(actor=actor, view=view, items=items)
        if view.is_core:
            from opencasus.peers.selectors import peer_checks

            ctx["peer_checks"] = peer_checks(view.case)
        from opencasus.aftercare.selectors import workspace_timeline

        ctx["aftercare"] = workspace_timeline(actor=actor, case=view.case, level=view.level)
    elif slug == "personen":
        from opencasus.childtrack.selectors import workspace_child_track

        ctx["child_track"] = workspace_child_track(actor=actor, case=view.case, level=view.level)
    elif slug == "informatie":
        ctx["information"] = panels.information(actor=actor, view=view)
    elif slug == "plan":
        ctx.update(panels.plan(actor=actor, view=view))
    elif slug == "afspraken":
        ctx["agreements"] = panels.agreements(actor=actor, view=view)
    elif slug == "overleggen":
        ctx["agenda_items"] = items
    elif slug == "documenten":
        ctx.update(panels.documents(actor=actor, view=view))
    elif slug == "logboek":
        from opencasus.privacy.case_log import case_log

        ctx["log_page"] = case_log(case=view.case, level=view.level, page=page)
    return ctx
