"""Demo data of the funding register (idempotent): 2026's national contribution of € 7.700.000 over the 25
regions by an EXAMPLE key (in proportion to rounded numbers of inhabitants, not the official key of the police
budget allocation system), the demo region split over two houses, and co-financing and contribution in kind of
the demo municipalities and partners."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from opencasus.funding import services
from opencasus.funding.models import CoFinancing, FundingYear, Inhabitants, InKind, Method, RegionSplit
from opencasus.funding.money import split_cents
from opencasus.network import services as network_services
from opencasus.network.models import House, Membership, Organisation, Region, Role

YEAR = 2026
AMOUNT_CENTS = 770_000_000  # € 7.700.000
SECOND_HOUSE_NAME = "Veiligheidshuis Zuid-Holland Zuid, locatie Gorinchem"
# Rounded numbers of inhabitants (thousands) per region: the weights of the example key.
EXAMPLE_WEIGHTS = {
    "VR01": 590, "VR02": 654, "VR03": 494, "VR04": 540, "VR05": 630, "VR06": 850, "VR07": 700, "VR08": 560,
    "VR09": 1390, "VR10": 680, "VR11": 350, "VR12": 550, "VR13": 1100, "VR14": 260, "VR15": 1150, "VR16": 820,
    "VR17": 1300, "VR18": 450, "VR19": 390, "VR20": 1130, "VR21": 670, "VR22": 790, "VR23": 520, "VR24": 600,
    "VR25": 440,
}


def example_key() -> dict[str, Decimal]:
    """Shares in percent with four decimals that add up to exactly 100 (largest remainder over 1,000,000)."""
    units = split_cents(1_000_000, {code: Decimal(w) for code, w in EXAMPLE_WEIGHTS.items()},
                        {code: i for i, code in enumerate(EXAMPLE_WEIGHTS)})
    return {code: Decimal(n) / 10_000 for code, n in units.items()}


def load_demo_data(house: House) -> None:
    admin = (Membership.objects.active().filter(house=house, role=Role.FUNCTIONAL_ADMINISTRATOR)
             .select_related("user").order_by("user__username").first())
    if admin is None or Region.objects.count() != len(EXAMPLE_WEIGHTS):
        return
    actor = admin.user
    if not FundingYear.objects.filter(year=YEAR).exists():
        services.funding_year_save(
            actor=actor, year=YEAR, amount_cents=AMOUNT_CENTS,
            amount_source="Voorbeeld: structurele bijdrage van het Rijk (landelijk kader, § 5.8)",
            key_source="VOORBEELDSLEUTEL naar rato van afgeronde inwonertallen, niet de officiële BVS-verdeling",
            key_year=YEAR, example_key=True, shares=example_key(), expected_version=0)
    second = House.objects.filter(name=SECOND_HOUSE_NAME).first() or network_services.house_create(
        region=house.region, name=SECOND_HOUSE_NAME, city="Gorinchem")
    if not RegionSplit.objects.filter(year=YEAR, region=house.region).exists():
        services.region_split_save(
            actor=actor, year=YEAR, region_code=house.region.code, decided_on=dt.date(YEAR, 1, 15),
            reference="Stuurgroep ZVH ZHZ 2026-01", expected_version=0,
            text="De stuurgroep verdeelt de rijksbijdrage 2026: 70 % Dordrecht, 30 % locatie Gorinchem (voorbeeld).",
            shares={house.pk: Decimal(70), second.pk: Decimal(30)})
    for code, count in (("GM0505", 121_000), ("GM0512", 38_000), ("GM1978", 45_000)):
        if not Inhabitants.objects.filter(municipality__code=code, year=YEAR).exists():
            services.inhabitants_save(actor=actor, municipality_code=code, year=YEAR, count=count,
                                      source="Voorbeeld: afgerond inwonertal, geen CBS-cijfer", expected_version=0)
    agreements = (("GM0505", Method.PER_INHABITANT, 100), ("GM0512", Method.FIXED, 2_500_000),
                  ("GM1978", Method.PER_CASE, 25_000))
    for code, method, cents in agreements:
        if not CoFinancing.objects.filter(house=house, municipality__code=code, year=YEAR).exists():
            services.cofinancing_create(actor=actor, house_id=house.pk, municipality_code=code, year=YEAR,
                                        method=method, cents=cents,
                                        agreement="Samenwerkingsovereenkomst ZVH ZHZ 2026 (voorbeeld)")
    for name_start, hours, rate in (("Politie", Decimal("1200"), 7_500), ("Reclassering", Decimal("800.5"), 7_000)):
        organisation = Organisation.objects.filter(name__startswith=name_start, partnerships__house=house).first()
        if organisation and not InKind.objects.filter(house=house, organisation=organisation, year=YEAR).exists():
            services.in_kind_create(actor=actor, house_id=house.pk, organisation_id=organisation.pk, year=YEAR,
                                    hours=hours, hourly_rate_cents=rate, note="Voorbeeld: inzet in uren")

