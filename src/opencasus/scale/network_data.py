"""The national network for the generated data set: one house per region, 16 partner organisations
each, professionals with memberships. Created with bulk inserts (a few thousand rows)."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password

from opencasus.accounts.models import User
from opencasus.logbook.register import ensure_default_activities
from opencasus.network.models import (
    House,
    MeetingType,
    Membership,
    Municipality,
    Organisation,
    OrganisationType,
    Partnership,
    Region,
    Ring,
    Role,
    TargetGroup,
)
from opencasus.scale.plan import ROLE_COUNTS_PER_HOUSE, NamePool, Sizes

HOUSE_PREFIX = "Veiligheidshuis (landelijke dataset) "
USERNAME_PREFIX = "nd-"  # every generated professional's username starts with this
NETWORK_START = dt.date(2016, 1, 1)

RINGS = {
    OrganisationType.MUNICIPALITY: Ring.CORE, OrganisationType.POLICE: Ring.KEY_PARTNER,
    OrganisationType.PUBLIC_PROSECUTOR: Ring.KEY_PARTNER, OrganisationType.CHILD_PROTECTION_BOARD: Ring.KEY_PARTNER,
    OrganisationType.RECLASSERING_NEDERLAND: Ring.KEY_PARTNER, OrganisationType.SVG: Ring.KEY_PARTNER,
    OrganisationType.LEGER_DES_HEILS: Ring.KEY_PARTNER, OrganisationType.VEILIG_THUIS: Ring.KEY_PARTNER,
    OrganisationType.YOUTH_CARE: Ring.KEY_PARTNER, OrganisationType.GGZ: Ring.KEY_PARTNER,
}
MEETING_TYPES = ("Casusoverleg", "ZSM+ tafel", "Top X overleg")
TARGET_GROUPS = ("Huiselijk geweld", "Nazorg ex-gedetineerden", "Veelplegers", "Verward gedrag",
                 "Jeugd en ondermijning")


@dataclass
class HouseNetwork:
    house_id: int
    region_code: str
    municipality_ids: list[int]
    read_only_days: int
    organisation_ids: list[int] = field(default_factory=list)
    # (user_id, organisation_id) of the partner professionals, by organisation.
    partners_by_org: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    partners: list[tuple[int, int]] = field(default_factory=list)
    core_staff: list[tuple[int, int, str]] = field(default_factory=list)  # (user, organisation, role)
    meeting_type_ids: list[int] = field(default_factory=list)
    target_group_ids: list[int] = field(default_factory=list)
    weight: float = 1.0


def build_network(sizes: Sizes, rng: random.Random) -> list[HouseNetwork]:
    names = NamePool()
    networks: list[HouseNetwork] = []
    regions = list(Region.objects.order_by("number"))
    municipalities: dict[int, list[int]] = defaultdict(list)
    for m_id, region_id in Municipality.objects.filter(active=True).values_list("pk", "region_id"):
        municipalities[region_id].append(m_id)
    per_house = sizes.professionals // len(regions)
    unusable = make_password(None)  # generated professionals never sign in with a password
    org_types = [t for t in OrganisationType if t != OrganisationType.OTHER][: sizes.organisations_per_house]
    for region in regions:
        house = House.objects.create(region=region, name=f"{HOUSE_PREFIX}{region.name}", city=region.name,
                                     read_only_days_after_closure=14)
        ensure_default_activities(house_id=house.pk)
        net = HouseNetwork(house_id=house.pk, region_code=region.code, municipality_ids=municipalities[region.pk],
                           read_only_days=house.read_only_days_after_closure,
                           weight=max(3, len(municipalities[region.pk])) ** 0.7)
        net.meeting_type_ids = [MeetingType.objects.create(house=house, name=n).pk for n in MEETING_TYPES]
        net.target_group_ids = [TargetGroup.objects.create(house=house, name=n).pk for n in TARGET_GROUPS]
        orgs = Organisation.objects.bulk_create([
            Organisation(name=f"{t.label} — {region.name} (landelijke dataset)", type=t,
                         municipality_id=net.municipality_ids[0] if t == OrganisationType.MUNICIPALITY else None)
            for t in org_types
        ])
        net.organisation_ids = [o.pk for o in orgs]
        Partnership.objects.bulk_create([
            Partnership(house=house, organisation=o, ring=RINGS.get(OrganisationType(o.type), Ring.FLEXIBLE_SHELL),
                        covenant_signed_on=NETWORK_START)
            for o in orgs
        ])
        users, grants = [], []
        role_slots = [role for role, count in ROLE_COUNTS_PER_HOUSE.items() for _ in range(count)]
        role_slots += [Role.PARTNER_PROFESSIONAL] * max(len(orgs), per_house - len(role_slots))
        for n, role in enumerate(role_slots):
            first, last = names.draw(rng)
            users.append(User(username=f"{USERNAME_PREFIX}{region.code.lower()}-{n:04d}", first_name=first,
                              last_name=last, email=f"{USERNAME_PREFIX}{region.code.lower()}-{n:04d}@example.invalid",
                              password=unusable))
            core_org = orgs[0] if role in (Role.PROCESS_DIRECTOR, Role.SECRETARY) else rng.choice(orgs)
            org = orgs[n % len(orgs)] if role == Role.PARTNER_PROFESSIONAL else core_org
            grants.append((role, org))
        users = User.objects.bulk_create(users)
        memberships = []
        for user, (role, org) in zip(users, grants, strict=True):
            memberships.append(Membership(
                user=user, house=house, organisation=org, role=role, started_on=NETWORK_START,
                municipality_id=net.municipality_ids[0] if role == Role.MUNICIPALITY_OFFICER else None))
            if role == Role.PARTNER_PROFESSIONAL:
                net.partners_by_org[org.pk].append(user.pk)
                net.partners.append((user.pk, org.pk))
            elif role in (Role.PROCESS_DIRECTOR, Role.SECRETARY):
                net.core_staff.append((user.pk, org.pk, str(role)))
        Membership.objects.bulk_create(memberships)
        networks.append(net)
    return networks
