from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from opencasus.access.reporting import import_check, import_house_get, key_list_house_get
from opencasus.reporting.models import IncidentImport, KeyListExport

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def incident_imports_for(*, actor: User, house_id: int) -> QuerySet[IncidentImport]:
    house = import_house_get(actor=actor, house_id=house_id)
    return IncidentImport.objects.filter(house=house).defer("source").order_by("-uploaded_at", "-id")


def incident_import_get(*, actor: User, import_id: int) -> IncidentImport:
    job = IncidentImport.objects.defer("source").filter(pk=import_id).first()
    if job is None:
        raise Http404
    import_check(actor=actor, house_id=job.house_id)
    return job


def key_list_exports_for(*, actor: User, house_id: int) -> QuerySet[KeyListExport]:
    """The house's earlier key-list exports (who, when, why, how many persons; no person)."""
    house = key_list_house_get(actor=actor, house_id=house_id)
    return (KeyListExport.objects.filter(measurement__house=house)
            .select_related("measurement", "exported_by").order_by("-exported_at", "-id"))
