"""The query parameters of the notification list."""

from __future__ import annotations

from typing import ClassVar

from opencasus.core.api.filters import FilterSet, FlagFilter
from opencasus.core.forms import Form
from opencasus.notifications.models import Notification


class NotificationFilter(FilterSet):
    class Meta:
        model = Notification
        form = Form
        fields: ClassVar[list[str]] = []


NotificationFilter.base_filters["unread"] = FlagFilter(help_text="Only unread notifications.")
