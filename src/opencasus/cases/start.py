"""The work inbox counts of the cases app for partner professionals: feedback on intakes they filed, and the
cases where they were added. Counts only, through `cases.selectors.case_list` (the access policy applies)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from opencasus.access import capacities
from opencasus.core.start import Count, Section


def case_sections(user: Any) -> list[Section]:
    if not capacities.is_partner_professional(user):
        return []
    from opencasus.cases.selectors import case_list

    url = reverse("cases:list")
    return [Section(title=_("My intakes and cases"), order=13, counts=[
        Count(_("Intakes I filed with feedback"), case_list(actor=user, filed_with_feedback=True).count(),
              f"{url}?feedback=on"),
        Count(_("Cases where I was added"), case_list(actor=user, participating=True).count(),
              f"{url}?participating=on"),
    ])]
