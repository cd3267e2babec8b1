"""Response shapes of the management-information API (documentation of the JSON the views return)."""

from __future__ import annotations

from rest_framework import serializers

from opencasus.core.api.serializers import Serializer


class CellSerializer(Serializer[object]):
    column = serializers.CharField()
    value = serializers.FloatField(allow_null=True, help_text="null when suppressed or withheld")
    suppressed = serializers.BooleanField()


class ColumnSerializer(Serializer[object]):
    key = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    kind = serializers.ChoiceField(choices=["count", "days", "percent", "number"])


class RowSerializer(Serializer[object]):
    key = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    values = CellSerializer(many=True)


class TableSerializer(Serializer[object]):
    slug = serializers.CharField()
    title = serializers.CharField()
    available = serializers.BooleanField()
    note = serializers.CharField()
    columns = ColumnSerializer(many=True)
    rows = RowSerializer(many=True)


class ScopeSerializer(Serializer[object]):
    kind = serializers.ChoiceField(choices=["house", "municipality", "region"])
    key = serializers.CharField()
    name = serializers.CharField()
    threshold = serializers.IntegerField()


class DashboardSerializer(Serializer[object]):
    scope = ScopeSerializer()
    date_from = serializers.DateField()
    date_to = serializers.DateField()
    tables = TableSerializer(many=True)


class MunicipalityRefSerializer(Serializer[object]):
    code = serializers.CharField()
    name = serializers.CharField()


class AnnualAdviceSerializer(Serializer[object]):
    given_at = serializers.DateTimeField()
    theme = serializers.CharField()
    text = serializers.CharField()


class AnnualReportSerializer(Serializer[object]):
    municipality = MunicipalityRefSerializer()
    year = serializers.IntegerField()
    threshold = serializers.IntegerField()
    tables = TableSerializer(many=True)
    advice = AnnualAdviceSerializer(many=True)


class RecidivismSerializer(Serializer[object]):
    house_id = serializers.IntegerField()
    threshold = serializers.IntegerField()
    available = serializers.BooleanField()
    windows_in_months = serializers.ListField(child=serializers.IntegerField())
    tables = TableSerializer(many=True)


class CountSerializer(Serializer[object]):
    value = serializers.IntegerField(allow_null=True)
    suppressed = serializers.BooleanField()


class TrendRowSerializer(Serializer[object]):
    dimension = serializers.ChoiceField(choices=["theme", "municipality"])
    key = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    last_count = CountSerializer()
    history_mean = serializers.FloatField(allow_null=True)
    p_value = serializers.FloatField(allow_null=True)
    signal = serializers.BooleanField()
    direction = serializers.ChoiceField(choices=["up", "down", "none"])


class TrendReportSerializer(Serializer[object]):
    house_id = serializers.IntegerField()
    month = serializers.DateField(help_text="first day of the month tested")
    history_from_date = serializers.DateField()
    history_months = serializers.IntegerField()
    enough_history = serializers.BooleanField()
    alpha = serializers.FloatField()
    rows = TrendRowSerializer(many=True)


class RejectedRowSerializer(Serializer[object]):
    line = serializers.IntegerField()
    reason = serializers.CharField()


class IncidentImportSerializer(Serializer[object]):
    id = serializers.IntegerField()
    house_id = serializers.IntegerField()
    filename = serializers.CharField()
    uploaded_at = serializers.DateTimeField()
    status = serializers.CharField()
    total_rows = serializers.IntegerField()
    processed_rows = serializers.IntegerField()
    accepted_rows = serializers.IntegerField()
    rejected = RejectedRowSerializer(many=True)
    finished_at = serializers.DateTimeField(allow_null=True)


class IncidentUploadSerializer(Serializer[object]):
    house_id = serializers.IntegerField()
    file = serializers.FileField()


class AdviceCreateSerializer(Serializer[object]):
    case_id = serializers.IntegerField()
    municipality_code = serializers.CharField(required=False, allow_blank=True, max_length=6)
    text = serializers.CharField(max_length=10_000)


class AdviceSerializer(Serializer[object]):
    id = serializers.IntegerField(read_only=True)
    municipality_code = serializers.CharField(source="municipality.code", read_only=True)
    municipality_name = serializers.CharField(source="municipality.name", read_only=True)
    theme = serializers.CharField(source="target_group.name", read_only=True, default="")
    text = serializers.CharField(max_length=10_000)
    given_at = serializers.DateTimeField(read_only=True)
    given_by = serializers.CharField(source="given_by.get_full_name", read_only=True)


class KeyListExportCreateSerializer(Serializer[object]):
    house_id = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    date_from = serializers.DateField(help_text="First day on which the plans of the measurement were adopted")
    date_to = serializers.DateField(help_text="Last day (inclusive); not in the future")
    reason = serializers.CharField(max_length=500, help_text="Why the police need the list; a second export of "
                                   "the same measurement needs a new reason")
