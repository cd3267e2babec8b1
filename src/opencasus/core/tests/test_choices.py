from django.db import models
from django.utils import translation

from opencasus.cases.models import Case
from opencasus.core.choices import choice_label
from opencasus.plans.models import Agreement


def _django_label(field: models.Field, value: object) -> object:  # what Model._get_FIELD_display gives
    return dict(field.flatchoices).get(value, value)


def test_labels_equal_djangos_in_every_language() -> None:
    fields = [f for model in (Case, Agreement) for f in model._meta.fields if f.choices]
    assert fields
    for language in ("nl", "en"):
        with translation.override(language):
            for field in fields:
                for value, _ in field.flatchoices:
                    assert choice_label(field, value) == str(_django_label(field, value))


def test_display_follows_the_active_language_and_keeps_unknown_values() -> None:
    case = Case(status="admitted")
    with translation.override("nl"):
        dutch = case.get_status_display()
    with translation.override("en"):
        english = case.get_status_display()
    assert dutch != english
    assert Case(status="no-such-status").get_status_display() == "no-such-status"
    assert choice_label(Case._meta.get_field("status"), ["unhashable"]) == ["unhashable"]
