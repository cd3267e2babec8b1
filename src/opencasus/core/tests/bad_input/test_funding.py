"""Bad input for the funding register: amounts, keys that do not add up, splits, co-financing, negative hours."""

from __future__ import annotations

from opencasus.core.tests.bad_input.common import DROP, Endpoint, Target, catalogue, choice, line, number, ref, text
from opencasus.funding.tests.factories import funding_year, key_shares
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, member, municipality, region


def _shares() -> list[dict[str, str]]:
    return [{"regionCode": c, "share": str(s)} for c, s in key_shares().items()]


def _year() -> Target:
    admin = member(HouseFactory.create(), Role.FUNCTIONAL_ADMINISTRATOR)
    return Target(admin, "/api/v1/funding-years/2026", {
        "amountCents": 770_000_000, "amountSource": "Rijksbijdrage", "keySource": "BVS", "keyYear": 2025,
        "exampleKey": False, "shares": _shares(), "version": 0}, method="put")


KEY_CASES = [
    ("shares: one share more, not 100 in all", "shares.0.share", "99.0000"),
    ("shares: zero", "shares.1.share", "0"),
    ("shares: negative", "shares.2.share", "-1.5"),
    ("shares: five decimals", "shares.3.share", "1.00001"),
    ("shares: text", "shares.4.share", "vier"),
    ("shares: unknown region", "shares.5.regionCode", "VR99"),
]


def _split() -> Target:
    zhz = region("VR18")
    house, second = HouseFactory.create(region=zhz), HouseFactory.create(region=zhz)
    funding_year(2026)
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    return Target(admin, "/api/v1/funding-years/2026/region-splits/VR18", {
        "decidedDate": "2026-01-05", "reference": "SG-1", "text": "Besluit van de stuurgroep.", "version": 0,
        "shares": [{"houseId": house.pk, "share": "60.00"}, {"houseId": second.pk, "share": "40.00"}]},
        method="put")


def _cofinancing() -> Target:
    house = HouseFactory.create()
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    return Target(admin, "/api/v1/co-financings", {
        "houseId": house.pk, "municipalityCode": "GM0505", "year": 2026, "method": "per_inhabitant", "cents": 125,
        "agreement": "Samenwerkingsovereenkomst"})


def _in_kind() -> Target:
    house = HouseFactory.create()
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    organisation = OrganisationFactory.create()
    member(house, Role.PARTNER_PROFESSIONAL, organisation=organisation)
    return Target(admin, "/api/v1/in-kind-contributions", {
        "houseId": house.pk, "organisationId": organisation.pk, "year": 2026, "hours": "120.5",
        "hourlyRateCents": 7_500, "note": "Inzet wijkagent"})


API = {
    "funding year": Endpoint(_year, [*number("amountCents", low=1, high=100_000_000_000),
                                     *line("amountSource"), *line("keySource"),
                                     *number("keyYear", low=2000, high=2100),
                                     *KEY_CASES,
                                     ("shares: a region missing", "shares.24", DROP),
                                     ("shares: not a list", "shares", "x"),
                                     ("version as text", "version", "twee")]),
    "region split": Endpoint(_split, [*text("reference", limit=200), *text("text"),
                                      ("decidedDate: in the future", "decidedDate", "2999-01-01"),
                                      ("decidedDate: not a date", "decidedDate", "gisteren"),
                                      ("shares: not 100 in all", "shares.0.share", "70.00"),
                                      ("shares: negative", "shares.1.share", "-40.00"),
                                      ("shares: three decimals", "shares.0.share", "60.001"),
                                      ("shares: a house missing", "shares.1.houseId", 987654321)]),
    "co-financing": Endpoint(_cofinancing, [*ref("houseId"), *choice("method"),
                                            *number("cents", low=0, high=100_000_000_000), *line("agreement"),
                                            ("municipalityCode: unknown", "municipalityCode", "GM9999"),
                                            ("year: before 2000", "year", 1999)],
                             names=["agreement"]),
    "in kind": Endpoint(_in_kind, [("hours: negative", "hours", "-1"), ("hours: text", "hours", "veel"),
                                   ("hours: two decimals", "hours", "1.25"), ("hours: too many", "hours", "100000.1"),
                                   *number("hourlyRateCents", low=1, high=100_000), *ref("organisationId"),
                                   *line("note", required=False)]),
}


def _year_page() -> Target:
    admin = member(HouseFactory.create(), Role.FUNCTIONAL_ADMINISTRATOR)
    body = {"version": "0", "amount": "7700000.00", "amount_source": "Rijk", "key_source": "BVS", "key_year": "2025",
            **{f"share_{c}": str(s) for c, s in key_shares().items()}}
    return Target(admin, "/financiering/2026/bewerken", body)


def _in_kind_page() -> Target:
    house = HouseFactory.create()
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    organisation = OrganisationFactory.create()
    member(house, Role.PARTNER_PROFESSIONAL, organisation=organisation)
    return Target(admin, f"/financiering/2026/huis/{house.pk}", {
        "form": "in-kind", "inkind-version": "0", "inkind-organisation": str(organisation.pk), "inkind-hours": "12.5",
        "inkind-hourly_rate": "75.00", "inkind-note": "Inzet"})


def _cofinancing_page() -> Target:
    house = HouseFactory.create()
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    return Target(admin, f"/financiering/2026/huis/{house.pk}", {
        "form": "cofinancing", "cofinancing-version": "0", "cofinancing-municipality": str(municipality("GM0505").pk),
        "cofinancing-method": "fixed", "cofinancing-amount": "25000.00", "cofinancing-agreement": "SOK"})


PAGES = {
    "funding year": Endpoint(_year_page, [("amount: negative", "amount", "-5"), ("amount: text", "amount", "veel"),
                                          ("amount: three decimals", "amount", "1.005"),
                                          ("share: not 100 in all", "share_VR01", "50"),
                                          ("share: zero", "share_VR02", "0"), ("share: missing", "share_VR03", ""),
                                          *line("amount_source", api=False),
                                          ("version as text", "version", "twee")]),
    "in kind": Endpoint(_in_kind_page, [("hours: negative", "inkind-hours", "-1"),
                                        ("hours: text", "inkind-hours", "veel"),
                                        ("rate: zero", "inkind-hourly_rate", "0"),
                                        ("organisation: not a partner", "inkind-organisation", "987654321")]),
    "co-financing": Endpoint(_cofinancing_page, [("amount: negative", "cofinancing-amount", "-1"),
                                                 ("method: unknown", "cofinancing-method", "onbekend"),
                                                 *line("cofinancing-agreement", api=False)],
                             names=["cofinancing-agreement"]),
}

test_api_refuses, test_api_keeps_legitimate_text, test_page_refuses, test_page_keeps_legitimate_text = catalogue(
    API, PAGES)
