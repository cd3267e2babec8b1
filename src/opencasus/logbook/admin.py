from django.contrib import admin

from opencasus.access.admin import HouseScopedAdmin
from opencasus.logbook.models import ProcessingActivity


@admin.register(ProcessingActivity)
class ProcessingActivityAdmin(HouseScopedAdmin):
    list_display = ["name", "code", "house", "legal_basis", "retention"]
    search_fields = ["name", "code"]
