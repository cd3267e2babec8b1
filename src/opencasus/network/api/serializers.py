from rest_framework import serializers

from opencasus.network.models import House, Municipality, Organisation, Region


class RegionSerializer(serializers.ModelSerializer[Region]):
    seat_municipality_code = serializers.CharField(source="seat_municipality.code", allow_null=True,
                                                   read_only=True, default=None)

    class Meta:
        model = Region
        fields = ["code", "name", "number", "seat_municipality_code"]


class MunicipalitySerializer(serializers.ModelSerializer[Municipality]):
    region_code = serializers.CharField(source="region.code", read_only=True)

    class Meta:
        model = Municipality
        fields = ["code", "name", "region_code", "active"]


class HouseSerializer(serializers.ModelSerializer[House]):
    region_code = serializers.CharField(source="region.code", read_only=True)

    class Meta:
        model = House
        fields = ["id", "name", "city", "region_code"]


class OrganisationSerializer(serializers.ModelSerializer[Organisation]):
    class Meta:
        model = Organisation
        fields = ["id", "name", "type"]
