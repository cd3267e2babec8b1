"""A realistic, synthetic network for one house (Zuid-Holland Zuid). Idempotent."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice
from faker import Faker

from opencasus.accounts.models import User
from opencasus.network import services
from opencasus.network.models import (
    Approach,
    House,
    HouseApproach,
    LocalCriterion,
    MeetingType,
    Municipality,
    Organisation,
    Region,
    Ring,
    Role,
    TargetGroup,
)
from opencasus.network.models import (
    OrganisationType as T,
)

DEMO_PASSWORD = "Casus-demo-2026!"  # noqa: S105 - printed for the demo on purpose
HOUSE_NAME = "Zorg- en Veiligheidshuis Zuid-Holland Zuid"
OTHER_HOUSE_NAME = "Veiligheidshuis Rotterdam-Rijnmond"

# Not a partner of any house: its staff hold the national role only.
NATIONAL_PROGRAMME = "Ministerie van Justitie en Veiligheid, programma Zorg- en Veiligheidshuizen"

ORGANISATIONS: list[tuple[str, str, str, str | None]] = [
    # name, type, ring, municipality code
    ("Gemeente Dordrecht", T.MUNICIPALITY, Ring.CORE, "GM0505"),
    ("Politie eenheid Rotterdam, district Zuid-Holland-Zuid", T.POLICE, Ring.KEY_PARTNER, None),
    ("Openbaar Ministerie arrondissement Rotterdam", T.PUBLIC_PROSECUTOR, Ring.KEY_PARTNER, None),
    ("Raad voor de Kinderbescherming regio Rotterdam-Dordrecht", T.CHILD_PROTECTION_BOARD, Ring.KEY_PARTNER, None),
    ("Reclassering Nederland unit Dordrecht", T.RECLASSERING_NEDERLAND, Ring.KEY_PARTNER, None),
    ("SVG Verslavingsreclassering Zuid-Holland-Zuid", T.SVG, Ring.KEY_PARTNER, None),
    ("Leger des Heils Jeugdbescherming & Reclassering", T.LEGER_DES_HEILS, Ring.KEY_PARTNER, None),
    ("Veilig Thuis Zuid-Holland Zuid", T.VEILIG_THUIS, Ring.KEY_PARTNER, None),
    ("Jeugdbescherming gecertificeerde instelling Zuid-Holland-Zuid", T.YOUTH_CARE, Ring.KEY_PARTNER, None),
    ("GGZ Drechtsteden", T.GGZ, Ring.KEY_PARTNER, None),
    ("Gemeente Gorinchem", T.MUNICIPALITY, Ring.KEY_PARTNER, "GM0512"),
    ("Gemeente Molenlanden", T.MUNICIPALITY, Ring.KEY_PARTNER, "GM1978"),
    ("Penitentiaire Inrichting Dordrecht (DJI)", T.DJI, Ring.FLEXIBLE_SHELL, None),
    ("Woningcorporatie Drechtstad Wonen", T.HOUSING_CORPORATION, Ring.FLEXIBLE_SHELL, None),
    ("UWV Werkbedrijf Dordrecht", T.UWV, Ring.FLEXIBLE_SHELL, None),
    ("Sociaal Wijkteam Dordrecht", T.SOCIAL_WORK, Ring.FLEXIBLE_SHELL, None),
    ("Regionaal Bureau Leerplicht Zuid-Holland-Zuid", T.SCHOOL_ATTENDANCE, Ring.FLEXIBLE_SHELL, None),
    ("Gehandicaptenzorg De Merwede", T.DISABILITY_CARE, Ring.FLEXIBLE_SHELL, None),
]
# Organisations that have not (yet) signed the covenant, to show the rule "no covenant, no data".
WITHOUT_COVENANT = {"Gehandicaptenzorg De Merwede"}


@dataclass
class DemoLogin:
    username: str
    role: str
    name: str
    organisation: str
    totp_secret: str


# username, role, organisation name (prefix), municipality code for municipality officers
PRINTED_LOGINS: list[tuple[str, str, str, str | None]] = [
    ("procesregisseur", Role.PROCESS_DIRECTOR, "Gemeente Dordrecht", None),
    ("secretaris", Role.SECRETARY, "Gemeente Dordrecht", None),
    ("partner.politie", Role.PARTNER_PROFESSIONAL, "Politie eenheid Rotterdam", None),
    ("partner.reclassering", Role.PARTNER_PROFESSIONAL, "Reclassering Nederland", None),
    ("partner.jeugdzorg", Role.PARTNER_PROFESSIONAL, "Jeugdbescherming", None),
    ("partner.ggz", Role.PARTNER_PROFESSIONAL, "GGZ Drechtsteden", None),
    ("partner.veiligthuis", Role.PARTNER_PROFESSIONAL, "Veilig Thuis", None),
    ("manager", Role.HOUSE_MANAGER, "Gemeente Dordrecht", None),
    ("gemeente.gorinchem", Role.MUNICIPALITY_OFFICER, "Gemeente Gorinchem", "GM0512"),
    ("nazorg.dordrecht", Role.AFTERCARE_COORDINATOR, "Gemeente Dordrecht", "GM0505"),
    ("stuurgroep", Role.STEERING_GROUP_MEMBER, "Gemeente Dordrecht", None),
    ("fg", Role.PRIVACY_OFFICER, "Gemeente Dordrecht", None),
    ("beheerder", Role.FUNCTIONAL_ADMINISTRATOR, "Gemeente Dordrecht", None),
    # The national programme: its grant is recorded in the demo house, its scope is national.
    ("landelijk", Role.NATIONAL_OFFICER, NATIONAL_PROGRAMME, None),
]

# The other ~30 professionals: (role, organisation prefix, how many)
OTHERS: list[tuple[str, str, int]] = [
    (Role.PROCESS_DIRECTOR, "Gemeente Dordrecht", 2),
    (Role.SECRETARY, "Gemeente Dordrecht", 1),
    (Role.PARTNER_PROFESSIONAL, "Politie", 2),
    (Role.PARTNER_PROFESSIONAL, "Openbaar Ministerie", 2),
    (Role.PARTNER_PROFESSIONAL, "Raad voor de Kinderbescherming", 2),
    (Role.PARTNER_PROFESSIONAL, "Reclassering Nederland", 1),
    (Role.PARTNER_PROFESSIONAL, "SVG", 1),
    (Role.PARTNER_PROFESSIONAL, "Leger des Heils", 1),
    (Role.PARTNER_PROFESSIONAL, "Veilig Thuis", 2),
    (Role.PARTNER_PROFESSIONAL, "Jeugdbescherming", 2),
    (Role.PARTNER_PROFESSIONAL, "GGZ Drechtsteden", 2),
    (Role.PARTNER_PROFESSIONAL, "Penitentiaire", 1),
    (Role.PARTNER_PROFESSIONAL, "Woningcorporatie", 1),
    (Role.PARTNER_PROFESSIONAL, "UWV", 1),
    (Role.PARTNER_PROFESSIONAL, "Sociaal Wijkteam", 2),
    (Role.PARTNER_PROFESSIONAL, "Regionaal Bureau Leerplicht", 1),
    (Role.PARTNER_PROFESSIONAL, "Gehandicaptenzorg", 1),
    (Role.PARTNER_PROFESSIONAL, "Gemeente Gorinchem", 1),
    (Role.MUNICIPALITY_OFFICER, "Gemeente Molenlanden", 1),
    (Role.STEERING_GROUP_MEMBER, "Politie", 1),
    (Role.HOUSE_MANAGER, "Gemeente Dordrecht", 1),
]


def demo_totp_key(username: str) -> bytes:
    """A stable per-user key in the demo, so that reloading keeps everyone's authenticator working."""
    return hmac.new(settings.SECRET_KEY.encode(), f"totp:{username}".encode(), hashlib.sha256).digest()[:20]


def _user(username: str, first: str, last: str, *, system_client: bool = False) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@demo.opencasus.invalid",
                  "is_system_client": system_client},
    )
    if created or not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save()
    if not system_client:
        key = demo_totp_key(username)
        TOTPDevice.objects.update_or_create(user=user, name="demo", defaults={"key": key.hex(), "confirmed": True})
    return user


def _org(prefix: str) -> Organisation:
    return Organisation.objects.get(name__startswith=prefix)


def load_network() -> tuple[House, list[DemoLogin]]:
    region = Region.objects.get(code="VR18")
    if region.seat_municipality_id is None:
        region.seat_municipality = Municipality.objects.get(code="GM0505")  # Dordrecht, centre municipality
        region.save(update_fields=["seat_municipality"])
    house = House.objects.filter(name=HOUSE_NAME).first() or services.house_create(
        region=region, name=HOUSE_NAME, city="Dordrecht", email="zvh@demo.opencasus.invalid")
    signed = dt.date(2024, 1, 15)
    for name, org_type, ring, municipality_code in ORGANISATIONS:
        municipality = Municipality.objects.get(code=municipality_code) if municipality_code else None
        org, _ = Organisation.objects.get_or_create(
            name=name, defaults={"type": org_type, "municipality": municipality,
                                 "email": f"info@{name.split()[0].lower()}.demo.opencasus.invalid"})
        services.partnership_set(house=house, organisation=org, ring=ring,
                                 covenant_signed_on=None if name in WITHOUT_COVENANT else signed)
    for mt_name, chair, cadence, minutes in [
        ("Focusoverleg (ICO)", "procesregisseur", "wekelijks, dinsdag", 20),
        ("ZSM+ tafel", "OM-officier", "dagelijks", 10),
        ("Top X-overleg", "procesregisseur", "tweewekelijks", 30),
        ("Screening huiselijk geweld", "Veilig Thuis", "wekelijks, donderdag", 15),
    ]:
        MeetingType.objects.get_or_create(house=house, name=mt_name, defaults={
            "usual_chair": chair, "cadence": cadence, "default_slot_minutes": minutes})
    for tg in ["Huiselijk geweld", "Jeugd en jeugdgroepen", "Veelplegers (Top X)", "Ex-gedetineerden (nazorg)",
               "Verward gedrag", "Radicalisering", "Ondermijning", "Woonoverlast"]:
        TargetGroup.objects.get_or_create(house=house, name=tg)
    for text in ["Er is sprake van minderjarige kinderen in het gezin (Kindspoor)",
                 "De casus speelt in een van de tien gemeenten van Zuid-Holland Zuid"]:
        LocalCriterion.objects.get_or_create(house=house, text=text)
    for approach in Approach:
        HouseApproach.objects.update_or_create(house=house, approach=approach, defaults={"enabled": True})

    Organisation.objects.get_or_create(name=NATIONAL_PROGRAMME, defaults={
        "type": T.OTHER, "email": "programma@minjenv.demo.opencasus.invalid"})
    logins: list[DemoLogin] = []
    fake = Faker("nl_NL")
    fake.seed_instance(2026)
    for username, role, org_prefix, muni_code in PRINTED_LOGINS:
        first, last = fake.first_name(), fake.last_name()
        user = _user(username, first, last)
        org = _org(org_prefix)
        municipality = Municipality.objects.get(code=muni_code) if muni_code else None
        services.membership_grant(user=user, house=house, organisation=org, role=role, municipality=municipality,
                                  started_on=dt.date(2024, 2, 1))
        if role == Role.FUNCTIONAL_ADMINISTRATOR and not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        logins.append(DemoLogin(username, role, user.get_full_name(), org.name,
                                base64.b32encode(demo_totp_key(username)).decode().rstrip("=")))
    counter = 0
    for role, org_prefix, count in OTHERS:
        for _i in range(count):
            counter += 1
            first, last = fake.first_name(), fake.last_name()
            username = f"prof{counter:02d}"
            user = _user(username, first, last)
            org = _org(org_prefix)
            municipality = org.municipality if role == Role.MUNICIPALITY_OFFICER else None
            services.membership_grant(user=user, house=house, organisation=org, role=role,
                                      municipality=municipality, started_on=dt.date(2024, 2, 1))
    # The ZSM table files through the API on behalf of the police.
    zsm = _user("zsm-tafel", "ZSM", "selectietafel", system_client=True)
    services.membership_grant(user=zsm, house=house, organisation=_org("Politie"),
                              role=Role.PARTNER_PROFESSIONAL, started_on=dt.date(2024, 2, 1))

    # A second house, so that the hit check and access rules have somewhere else to look.
    other_region = Region.objects.get(code="VR17")
    other = House.objects.filter(name=OTHER_HOUSE_NAME).first() or services.house_create(
        region=other_region, name=OTHER_HOUSE_NAME, city="Rotterdam")
    rotterdam, _ = Organisation.objects.get_or_create(
        name="Gemeente Rotterdam",
        defaults={"type": T.MUNICIPALITY, "municipality": Municipality.objects.get(code="GM0599")})
    services.partnership_set(house=other, organisation=rotterdam, ring=Ring.CORE, covenant_signed_on=signed)
    services.partnership_set(house=other, organisation=_org("Politie"), ring=Ring.KEY_PARTNER,
                             covenant_signed_on=signed)
    user = _user("procesregisseur.rotterdam", "Sanne", "de Wit")
    services.membership_grant(user=user, house=other, organisation=rotterdam, role=Role.PROCESS_DIRECTOR,
                              started_on=dt.date(2024, 2, 1))
    logins.append(DemoLogin(user.username, Role.PROCESS_DIRECTOR, user.get_full_name(), rotterdam.name,
                            base64.b32encode(demo_totp_key(user.username)).decode().rstrip("=")))
    return house, logins
