from rest_framework import serializers

from opencasus.core.api.serializers import ModelSerializer
from opencasus.network.models import House, Municipality, Organisation, Region


class RegionSerializer(ModelSerializer[Region]):
    seat_municipality_code = serializers.CharField(source="seat_municipality.code", allow_null=True,
                                                   read_only=True, default=None)

    class Meta:
        model = Region
        fields = ["code", "name", "number", "seat_municipality_code"]


class MunicipalitySerializer(ModelSerializer[Municipality]):
    region_code = serializers.CharField(source="region.code", read_only=True)

    class Meta:
        model = Municipality
        fields = ["code", "name", "region_code", "active"]


class HouseSerializer(ModelSerializer[House]):
    region_code = serializers.CharField(source="region.code", read_only=True)

    class Meta:
        model = House
        fields = ["id", "name", "city", "region_code"]


class OrganisationSerializer(ModelSerializer[Organisation]):
    class Meta:
        model = Organisation
        fields = ["id", "name", "type"]
