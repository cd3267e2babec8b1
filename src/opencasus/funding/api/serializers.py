"""Serializers of the funding API: money in whole cents (integers), shares as decimal strings."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from opencasus.core.api.serializers import Serializer
from opencasus.funding.models import Method
from opencasus.funding.money import MAX_CENTS

VERSION_HELP = "0 while it does not exist yet; send the version read."


def version_field() -> serializers.IntegerField:
    return serializers.IntegerField(min_value=0, required=False, help_text=VERSION_HELP)


class KeyShareSerializer(Serializer[Any]):
    region_code = serializers.RegexField(r"^VR\d{2}$", max_length=4, help_text="The region (VR01…VR25).")
    share = serializers.DecimalField(max_digits=7, decimal_places=4, min_value=Decimal("0.0001"),
                                     max_value=Decimal(100), help_text="Percent of the national contribution.")


class RegionAmountSerializer(Serializer[Any]):
    region_code = serializers.CharField(source="region.code")
    region_name = serializers.CharField(source="region.name")
    seat_municipality_code = serializers.CharField(source="seat_municipality.code", allow_null=True,
                                                   default=None)
    seat_municipality_name = serializers.CharField(source="seat_municipality.name", allow_null=True,
                                                   default=None)
    share = serializers.DecimalField(max_digits=7, decimal_places=4, allow_null=True)
    amount_cents = serializers.IntegerField(allow_null=True, help_text="The region's share in cents "
                                                                       "(largest remainder, exact to the cent).")


class FundingYearSerializer(Serializer[Any]):
    year = serializers.IntegerField(read_only=True)
    amount_cents = serializers.IntegerField(min_value=1, max_value=MAX_CENTS,
                                            help_text="The national contribution in cents.")
    amount_source = serializers.CharField(max_length=1000)
    key_source = serializers.CharField(max_length=1000)
    key_year = serializers.IntegerField(min_value=2000, max_value=2100, help_text="The year of the key's data.")
    example_key = serializers.BooleanField(help_text="An example key, not the official one.")
    shares = KeyShareSerializer(many=True, write_only=True, help_text="A share for each of the 25 regions, "
                                                                      "together 100.")
    regions = RegionAmountSerializer(many=True, read_only=True)
    version = version_field()
    may_edit = serializers.BooleanField(read_only=True)


class FundingYearListSerializer(Serializer[Any]):
    year = serializers.IntegerField()
    amount_cents = serializers.IntegerField()
    example_key = serializers.BooleanField()
    version = serializers.IntegerField()


class HouseShareSerializer(Serializer[Any]):
    house_id = serializers.IntegerField(min_value=1, max_value=2_147_483_647)
    share = serializers.DecimalField(max_digits=5, decimal_places=2, min_value=Decimal(0), max_value=Decimal(100),
                                     help_text="Percent of the region's share.")


class HouseAmountSerializer(Serializer[Any]):
    house_id = serializers.IntegerField(source="house.pk")
    house_name = serializers.CharField(source="house.name")
    share = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    amount_cents = serializers.IntegerField(allow_null=True)


class RegionSplitSerializer(Serializer[Any]):
    year = serializers.IntegerField(read_only=True)
    region_code = serializers.CharField(source="region.code", read_only=True)
    region_amount_cents = serializers.IntegerField(source="region_cents", read_only=True, allow_null=True)
    decided_date = serializers.DateField(source="decided_on", help_text="The date of the steering group's decision.")
    reference = serializers.CharField(max_length=200)
    text = serializers.CharField(max_length=10_000)
    shares = HouseShareSerializer(many=True, write_only=True, help_text="A share for each house of the region, "
                                                                        "together 100.")
    houses = HouseAmountSerializer(source="lines", many=True, read_only=True)
    version = version_field()
    may_edit = serializers.BooleanField(read_only=True)


class InhabitantsSerializer(Serializer[Any]):
    municipality_code = serializers.CharField(source="municipality.code", read_only=True)
    year = serializers.IntegerField(read_only=True)
    count = serializers.IntegerField(min_value=1, max_value=10_000_000, help_text="Inhabitants.")
    data_source = serializers.CharField(source="source", max_length=1000, help_text="Where the number comes from.")
    version = version_field()


class CoFinancingSerializer(Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    house_id = serializers.IntegerField(min_value=1, max_value=2_147_483_647)
    municipality_code = serializers.RegexField(r"^GM\d{4}$", max_length=6, source="municipality.code")
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    method = serializers.ChoiceField(choices=Method.choices, help_text="The agreed key.")
    cents = serializers.IntegerField(min_value=0, max_value=MAX_CENTS,
                                     help_text="Per inhabitant or per intake: the rate; fixed: the amount. Cents.")
    agreement = serializers.CharField(max_length=1000)
    version = serializers.IntegerField(read_only=True)


class CoFinancingChangeSerializer(Serializer[Any]):
    method = serializers.ChoiceField(choices=Method.choices)
    cents = serializers.IntegerField(min_value=0, max_value=MAX_CENTS)
    agreement = serializers.CharField(max_length=1000)
    version = serializers.IntegerField(min_value=0, required=False)


class InKindSerializer(Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    house_id = serializers.IntegerField(min_value=1, max_value=2_147_483_647)
    organisation_id = serializers.IntegerField(min_value=1, max_value=2_147_483_647)
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    hours = serializers.DecimalField(max_digits=8, decimal_places=1, min_value=Decimal(0),
                                     max_value=Decimal(100_000), help_text="Staff hours in the year.")
    hourly_rate_cents = serializers.IntegerField(min_value=1, max_value=100_000)
    note = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")
    version = serializers.IntegerField(read_only=True)


class InKindChangeSerializer(Serializer[Any]):
    hours = serializers.DecimalField(max_digits=8, decimal_places=1, min_value=Decimal(0),
                                     max_value=Decimal(100_000))
    hourly_rate_cents = serializers.IntegerField(min_value=1, max_value=100_000)
    note = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")
    version = serializers.IntegerField(min_value=0, required=False)


class FundingCountSerializer(Serializer[Any]):
    value = serializers.IntegerField(allow_null=True)
    suppressed = serializers.BooleanField()


class MoneyRowSerializer(Serializer[Any]):
    key = serializers.CharField()
    name = serializers.CharField(source="label")
    cents = serializers.IntegerField(allow_null=True, help_text="Null: withheld or not known (see note).")
    note = serializers.CharField()
    hours = serializers.DecimalField(max_digits=8, decimal_places=1, allow_null=True)


class FundingReportSerializer(Serializer[Any]):
    kind = serializers.CharField()
    key = serializers.CharField()
    name = serializers.CharField(source="label")
    year = serializers.IntegerField()
    threshold = serializers.IntegerField()
    income = MoneyRowSerializer(many=True)
    income_cents = serializers.IntegerField(allow_null=True)
    in_kind = MoneyRowSerializer(many=True)
    in_kind_cents = serializers.IntegerField(allow_null=True)
    total_cents = serializers.IntegerField(allow_null=True)
    intakes = serializers.SerializerMethodField()
    admitted = serializers.SerializerMethodField()
    cost_per_intake_cents = serializers.IntegerField(allow_null=True)
    cost_per_admitted_cents = serializers.IntegerField(allow_null=True)
    notes = serializers.ListField(child=serializers.CharField())

    def _count(self, count: Any) -> dict[str, Any] | None:
        return None if count is None else {"value": count.value, "suppressed": count.value is None}

    @extend_schema_field(FundingCountSerializer(allow_null=True))
    def get_intakes(self, obj: Any) -> dict[str, Any] | None:
        return self._count(obj.intakes)

    @extend_schema_field(FundingCountSerializer(allow_null=True))
    def get_admitted(self, obj: Any) -> dict[str, Any] | None:
        return self._count(obj.admitted)
