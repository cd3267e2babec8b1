"""Readable names for code values that are stored as text outside a model's choices: roles in the
audit trail, processing activities in the log. A page shows these names, never the code."""

from __future__ import annotations

from typing import Any

from django.utils.encoding import force_str


def role_label(code: Any) -> str:
    """"Procesregisseur" for "process_director"; several roles joined by commas; empty for none."""
    from opencasus.network.models import Role

    if not code:
        return ""
    labels = dict(Role.choices)
    parts = [part.strip() for part in str(code).replace(";", ",").split(",") if part.strip()]
    return ", ".join(force_str(labels.get(part, part)) for part in parts)


def activity_label(code: Any) -> str:
    """The register name of a processing activity ("Casusoverleg" for "case-conference")."""
    from opencasus.logbook.register import DEFAULT_ACTIVITIES

    if not code:
        return ""
    names = {str(activity[0]): activity[1] for activity in DEFAULT_ACTIVITIES}
    return names.get(str(code), str(code))
