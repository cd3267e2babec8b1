"""Writes of the after-care of ex-detainees: timelines, items, the warm hand-over, settings, the import of
expected releases, intakes for them and the daily signal of overdue items."""

from opencasus.aftercare.services.imports import release_import
from opencasus.aftercare.services.releases import release_intake_file
from opencasus.aftercare.services.reminders import signal_overdue_items
from opencasus.aftercare.services.timeline import (
    create_timeline,
    deadlines,
    handover_record,
    item_update,
    release_date_set,
    settings_update,
    timeline_create,
)

__all__ = [
    "create_timeline", "deadlines", "handover_record", "item_update", "release_date_set", "release_import",
    "release_intake_file", "settings_update", "signal_overdue_items", "timeline_create",
]
