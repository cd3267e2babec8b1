"""The national dashboard in the API: every safety region side by side (`reporting.selectors.national`)."""

from __future__ import annotations

from rest_framework import serializers

from opencasus.core.api.serializers import Serializer
from opencasus.reporting.api.serializers import TableSerializer


class RegionScopeSerializer(Serializer[object]):
    code = serializers.CharField(help_text="VR01 to VR25")
    name = serializers.CharField()
    houses = serializers.IntegerField(help_text="Houses of the region in this installation.")
    threshold = serializers.IntegerField(help_text="Counts below this number are suppressed for this region.")


class NationalDashboardSerializer(Serializer[object]):
    date_from = serializers.DateField()
    date_to = serializers.DateField()
    regions = RegionScopeSerializer(many=True)
    tables = TableSerializer(many=True, help_text="One row per region, in the order of `regions`.")
