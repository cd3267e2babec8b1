"""Query parameters of the transfer list, shared by the page and the API."""

from __future__ import annotations

from typing import ClassVar

import django_filters
from django.utils.translation import gettext_lazy as _

from opencasus.core.api.filters import FilterSet
from opencasus.core.forms import Form
from opencasus.transfers.models import Transfer
from opencasus.transfers.vocabulary import TransferStatus


class TransferFilter(FilterSet):
    DIRECTIONS = (("incoming", _("Incoming")), ("outgoing", _("Outgoing")))
    direction = django_filters.ChoiceFilter(label=_("Direction"), choices=DIRECTIONS, empty_label=_("All"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=TransferStatus.choices, empty_label=_("All"))

    class Meta:
        model = Transfer
        form = Form
        fields: ClassVar[list[str]] = []
