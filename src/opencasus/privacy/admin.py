from django.contrib import admin

from opencasus.access.admin import HouseScopedAdmin
from opencasus.privacy.models import PrivacySettings, RetentionPolicy


@admin.register(RetentionPolicy)
class RetentionPolicyAdmin(HouseScopedAdmin):
    list_display = ["category", "house", "period_months", "source", "is_example", "updated_at"]
    list_filter = ["category", "is_example"]
    search_fields = ["source"]


@admin.register(PrivacySettings)
class PrivacySettingsAdmin(HouseScopedAdmin):
    list_display = ["house", "many_cases_count", "many_cases_window_minutes", "odd_hours_start", "odd_hours_end",
                    "export_persons_count", "look_back_days"]
