from __future__ import annotations

from typing import Any

from rest_framework import serializers

from opencasus.core.api.serializers import Serializer
from opencasus.regiescan.models import (
    MAX_SCALE,
    MAX_WEIGHT,
    MIN_SCALE,
    NAME_LENGTH,
    QUESTION_LENGTH,
    TIP_LENGTH,
    ScanStatus,
)


class RegieScanSummarySerializer(Serializer[Any]):
    id = serializers.IntegerField()
    house_id = serializers.IntegerField()
    municipality_code = serializers.CharField(source="municipality.code")
    municipality_name = serializers.CharField(source="municipality.name")
    year = serializers.IntegerField()
    status = serializers.ChoiceField(choices=ScanStatus.choices)
    submitted_at = serializers.DateTimeField(allow_null=True)
    version = serializers.IntegerField()


class RegieScanStartSerializer(Serializer[Any]):
    house_id = serializers.IntegerField(min_value=1, help_text="The house of your municipality officer's role.")
    municipality_code = serializers.RegexField(r"^GM\d{4}$", max_length=6,
                                               help_text="The CBS code of the municipality (GM0518).")
    year = serializers.IntegerField(min_value=2000, max_value=9999)


class RegieScanQuestionResultSerializer(Serializer[Any]):
    id = serializers.IntegerField()
    text = serializers.CharField()
    weight = serializers.IntegerField()
    answer = serializers.IntegerField(allow_null=True, help_text="null while unanswered")


class RegieScanRegionAverageSerializer(Serializer[Any]):
    municipalities = serializers.IntegerField(allow_null=True, help_text="null while fewer than the threshold")
    average = serializers.FloatField(allow_null=True, help_text="Percentage; null while suppressed")
    suppressed = serializers.BooleanField()


class RegieScanThemeResultSerializer(Serializer[Any]):
    key = serializers.CharField()
    name = serializers.CharField()
    score = serializers.FloatField(allow_null=True, help_text="Percentage (0-100); null while unanswered")
    region_average = RegieScanRegionAverageSerializer()
    tip = serializers.CharField(allow_null=True, help_text="The theme's tips when its score is low, else null")
    questions = RegieScanQuestionResultSerializer(many=True)


class RegieScanTrendYearSerializer(Serializer[Any]):
    year = serializers.IntegerField()
    scores = serializers.DictField(child=serializers.FloatField(), help_text="Theme key -> score (percentage)")


class RegieScanSerializer(RegieScanSummarySerializer):
    scale_points = serializers.IntegerField()
    region_threshold = serializers.IntegerField()
    answered = serializers.IntegerField()
    total = serializers.IntegerField()
    may_edit = serializers.BooleanField()
    themes = RegieScanThemeResultSerializer(many=True)
    trend = RegieScanTrendYearSerializer(many=True)


class RegieScanAnswerInSerializer(Serializer[Any]):
    question_id = serializers.IntegerField(min_value=1)
    value = serializers.IntegerField(min_value=1, max_value=MAX_SCALE, allow_null=True,
                                     help_text="1 up to the scan's scale; null clears the answer")


class RegieScanAnswersInSerializer(Serializer[Any]):
    answers = serializers.ListField(child=RegieScanAnswerInSerializer(), max_length=500)
    version = serializers.IntegerField(min_value=0, required=False, help_text="The version you read (or If-Match).")


class RegieScanSubmitInSerializer(Serializer[Any]):
    version = serializers.IntegerField(min_value=0, required=False, help_text="The version you read (or If-Match).")


class RegieScanQuestionSerializer(Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    theme_id = serializers.IntegerField(min_value=1)
    text = serializers.CharField(max_length=QUESTION_LENGTH)
    weight = serializers.IntegerField(min_value=1, max_value=MAX_WEIGHT, default=1)
    active = serializers.BooleanField(default=True)
    version = serializers.IntegerField(min_value=0, required=False, help_text="The version you read (or If-Match).")


class RegieScanThemeSerializer(Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    key = serializers.CharField(read_only=True)
    name = serializers.CharField(max_length=NAME_LENGTH)
    tip = serializers.CharField(max_length=TIP_LENGTH, allow_blank=True, default="")
    position = serializers.IntegerField(min_value=0, max_value=999, required=False)
    active = serializers.BooleanField(default=True)
    version = serializers.IntegerField(min_value=0, required=False, help_text="The version you read (or If-Match).")


class RegieScanThemeWithQuestionsSerializer(RegieScanThemeSerializer):
    questions = RegieScanQuestionSerializer(many=True, read_only=True)


class RegieScanSettingsSerializer(Serializer[Any]):
    scale_points = serializers.IntegerField(min_value=MIN_SCALE, max_value=MAX_SCALE)
    tip_below = serializers.IntegerField(min_value=0, max_value=100, help_text="Percentage")
    version = serializers.IntegerField(min_value=0, required=False, help_text="The version you read (or If-Match).")


class RegieScanQuestionnaireSerializer(Serializer[Any]):
    house_id = serializers.IntegerField()
    settings = RegieScanSettingsSerializer()
    themes = RegieScanThemeWithQuestionsSerializer(many=True)
