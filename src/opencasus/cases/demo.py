"""Demo intakes: ~12 realistic, synthetic intakes in Zuid-Holland Zuid, two in Rotterdam-Rijnmond.

Everything goes through `intake_file`, so references, the processing log and the hit check are
real. One person also appears (same BSN) in an active intake of Veiligheidshuis
Rotterdam-Rijnmond, another (name spelled differently, same birth date) in a second one, so the
hit check shows both kinds. All intakes stay SUBMITTED; the triage demo moves some further.
Idempotent: a house that already has cases is left alone.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from faker import Faker

from opencasus.cases.caseload.demo import load_caseload_demo
from opencasus.cases.models import Case, StatusChange
from opencasus.cases.services import PartnerData, PersonData, intake_file
from opencasus.cases.vocabulary import PeopleInformed, Relation, Route, SubjectType, Urgency
from opencasus.network.models import House, Membership, Municipality, Organisation, Role, TargetGroup

OTHER_HOUSE_NAME = "Veiligheidshuis Rotterdam-Rijnmond"


def synthetic_bsn(rng: random.Random) -> str:
    """A number that passes the eleven-test (synthetic: for demo and tests only)."""
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        if digits[0] == 0:
            continue
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            return "".join(map(str, digits)) + str(check)


@dataclass
class DemoIntake:
    filer_org: str  # organisation name prefix
    subject_type: str
    route: str
    municipality: str  # CBS code
    reason: str
    purpose: str
    persons: list[PersonData]
    target_group: str | None = None
    urgency: str = Urgency.NORMAL
    neighbourhood: str = ""
    area_description: str = ""
    release_date: dt.date | None = None
    informed: str = PeopleInformed.YES
    not_informed_reason: str = ""
    partners: list[PartnerData] = field(default_factory=list)
    trajectories: str = ""
    days_ago: int = 1
    system_client: bool = False


def _filer(house: House, org_prefix: str, *, system_client: bool = False) -> tuple[Any, Organisation]:
    memberships = Membership.objects.active().filter(
        house=house, organisation__name__startswith=org_prefix,
        role__in=[Role.PARTNER_PROFESSIONAL, Role.PROCESS_DIRECTOR], user__is_system_client=system_client,
    ).select_related("user", "organisation").order_by("role", "user__username")
    m = memberships.first()
    if m is None:
        raise LookupError(f"No demo professional of {org_prefix} in {house}")
    return m.user, m.organisation


def _file(house: House, spec: DemoIntake) -> Case:
    actor, organisation = _filer(house, spec.filer_org, system_client=spec.system_client)
    target_group = (TargetGroup.objects.filter(house=house, name=spec.target_group).first()
                    if spec.target_group else None)
    case = intake_file(
        actor=actor, organisation=organisation, house=house, subject_type=spec.subject_type, persons=spec.persons,
        reason=spec.reason, requested_purpose=spec.purpose, route=spec.route, release_date=spec.release_date,
        target_group=target_group, urgency=spec.urgency, municipality=Municipality.objects.get(code=spec.municipality),
        neighbourhood=spec.neighbourhood, area_description=spec.area_description,
        involved_partners=spec.partners, running_trajectories=spec.trajectories, people_informed=spec.informed,
        not_informed_reason=spec.not_informed_reason)
    # Spread the filing dates over the past weeks (dates only: no status is touched).
    filed = timezone.now() - dt.timedelta(days=spec.days_ago, hours=spec.days_ago % 7)
    Case.objects.filter(pk=case.pk).update(filed_at=filed, last_activity_at=filed)
    StatusChange.objects.filter(case=case).update(changed_at=filed)
    return case


def _person(fake: Faker, rng: random.Random, relation: str = Relation.SUBJECT, *, age: tuple[int, int] = (18, 55),
            last_name: str | None = None, bsn: bool = True, municipality: str = "GM0505") -> PersonData:
    today = timezone.localdate()
    born = today - dt.timedelta(days=rng.randint(age[0] * 365 + 1, age[1] * 365))
    return PersonData(
        first_name=fake.first_name(), last_name=last_name or fake.last_name(), date_of_birth=born,
        bsn=synthetic_bsn(rng) if bsn else "", address=f"{fake.street_name()} {rng.randint(1, 180)}",
        municipality=Municipality.objects.get(code=municipality), relation=relation)


def load_demo_data(house: House) -> None:
    fake = Faker("nl_NL")
    fake.seed_instance(3003)
    rng = random.Random(3003)  # noqa: S311 - reproducible synthetic demo data, not security
    shared_bsn_person = PersonData("Dylan", "Verhoeven", dt.date(1997, 11, 23), bsn=synthetic_bsn(rng),
                                   address="Beijerlandselaan 88", relation=Relation.SUBJECT)
    other = House.objects.filter(name=OTHER_HOUSE_NAME).first()
    if other is not None and not Case.objects.filter(house=other).exists():
        _load_other_house(other, shared_bsn_person)
    if Case.objects.filter(house=house).exists():
        return
    dylan_here = PersonData(shared_bsn_person.first_name, shared_bsn_person.last_name,
                            shared_bsn_person.date_of_birth, bsn=shared_bsn_person.bsn,
                            address="Kasteelweg 14", municipality=Municipality.objects.get(code="GM1963"))
    parents_name = fake.last_name()
    specs = [
        DemoIntake("Politie", SubjectType.PERSON, Route.ZSM, "GM0505",
                   "Vijf winkeldiefstallen en een bedreiging van een beveiliger in drie maanden; gebruikt cocaïne.",
                   "Afstemmen of een zorgkader (verslavingszorg) naast de strafzaak kan worden ingezet.",
                   [_person(fake, rng, age=(19, 24))], target_group="Veelplegers (Top X)", system_client=True,
                   days_ago=2),
        DemoIntake("Reclassering", SubjectType.PERSON, Route.AFTERCARE, "GM0505",
                   "Komt over zes weken vrij na 14 maanden detentie; geen woning, schulden, geen ID-bewijs.",
                   "Zorgen voor onderdak, ID en inkomen op de dag van vrijlating (nazorg ex-gedetineerden).",
                   [_person(fake, rng, age=(25, 45))], target_group="Ex-gedetineerden (nazorg)",
                   release_date=timezone.localdate() + dt.timedelta(days=42), days_ago=5,
                   partners=[PartnerData(organisation_name="Penitentiaire Inrichting Dordrecht",
                                         contact="Casemanager nazorg, 078-0000000")]),
        DemoIntake("Veilig Thuis", SubjectType.SYSTEM, Route.VEILIG_THUIS, "GM0642",
                   "Herhaalde meldingen huiselijk geweld; politie-inzet twee keer in een maand; kinderen getuige.",
                   "Eén gezinsplan met veiligheid van de kinderen voorop; afstemming straf (vader) en zorg.",
                   [_person(fake, rng, Relation.PARENT, age=(32, 40), last_name=parents_name),
                    _person(fake, rng, Relation.PARENT, age=(30, 38), municipality="GM0642"),
                    _person(fake, rng, Relation.CHILD, age=(12, 14), last_name=parents_name, bsn=False),
                    _person(fake, rng, Relation.CHILD, age=(8, 10), last_name=parents_name, bsn=False),
                    _person(fake, rng, Relation.CHILD, age=(2, 4), last_name=parents_name, bsn=False)],
                   target_group="Huiselijk geweld", urgency=Urgency.HIGH, days_ago=3,
                   partners=[PartnerData(organisation_name="Sociaal Wijkteam Zwijndrecht",
                                         contact="Gezinscoach, via het wijkteam")]),
        DemoIntake("Sociaal Wijkteam", SubjectType.AREA, Route.NEIGHBOURHOOD_TEAM, "GM0505",
                   "Groep van ca. acht jongeren veroorzaakt overlast rond winkelcentrum Crabbehof: intimidatie, "
                   "vernielingen, vermoedelijk drugshandel.",
                   "Een groepsaanpak: ouders betrekken, individuele trajecten voor de kern, handhaving afstemmen.",
                   [_person(fake, rng, Relation.GROUP_MEMBER, age=(15, 17), bsn=False),
                    _person(fake, rng, Relation.GROUP_MEMBER, age=(16, 18), bsn=False),
                    _person(fake, rng, Relation.GROUP_MEMBER, age=(17, 19))],
                   target_group="Jeugd en jeugdgroepen", neighbourhood="Crabbehof",
                   area_description="Jeugdgroep Crabbehof: hinderlijke jeugdgroep (shortlist-methodiek) rond "
                                    "winkelcentrum Crabbehof en het Wantijpark.", days_ago=9),
        DemoIntake("GGZ Drechtsteden", SubjectType.PERSON, Route.CARE_TRACK, "GM0512",
                   "Verward gedrag met dreiging naar buren; zorgmijdend; eerder gedwongen opname (Wvggz).",
                   "Zorg en veiligheid verbinden: zicht op het risico en een passende woonvorm.",
                   [_person(fake, rng, age=(35, 60), municipality="GM0512")], target_group="Verward gedrag",
                   days_ago=7),
        DemoIntake("Gemeente Gorinchem", SubjectType.PERSON, Route.PREVENTION, "GM0512",
                   "Zorgen van school en moskee over snelle radicalisering van een jongvolwassene.",
                   "Duiden van de zorgen en een persoonsgerichte aanpak zonder strafrechtelijke route.",
                   [_person(fake, rng, age=(18, 21), municipality="GM0512")], target_group="Radicalisering",
                   informed=PeopleInformed.NO,
                   not_informed_reason="Informeren zou het onderzoek naar de veiligheidsrisico's schaden.",
                   days_ago=12),
        DemoIntake("Politie", SubjectType.PERSON, Route.TOP_X, "GM0590",
                   "Staat op de Top X-lijst: 23 antecedenten, waaronder woninginbraken en geweld.",
                   "Een persoonsgericht plan met zorg, werk en toezicht om recidive te verminderen.",
                   [_person(fake, rng, age=(22, 30), municipality="GM0590")], target_group="Veelplegers (Top X)",
                   days_ago=14),
        DemoIntake("Woningcorporatie", SubjectType.PERSON, Route.NEIGHBOURHOOD_TEAM, "GM0610",
                   "Ernstige woonoverlast en huurachterstand; buren voelen zich onveilig; ontruiming dreigt.",
                   "Ontruiming voorkomen of zorgvuldig begeleiden, met zorg voor de bewoner en rust voor buren.",
                   [_person(fake, rng, age=(40, 65), municipality="GM0610")], target_group="Woonoverlast",
                   days_ago=4),
        DemoIntake("Regionaal Bureau Leerplicht", SubjectType.SYSTEM, Route.CARE_TRACK, "GM0531",
                   "Twee kinderen langdurig thuiszitter; moeder overbelast; signalen van verwaarlozing.",
                   "Kinderen terug naar school en ondersteuning van moeder, met zicht op de veiligheid.",
                   [_person(fake, rng, Relation.PARENT, age=(35, 42), municipality="GM0531"),
                    _person(fake, rng, Relation.CHILD, age=(13, 15), bsn=False, municipality="GM0531"),
                    _person(fake, rng, Relation.CHILD, age=(10, 12), bsn=False, municipality="GM0531")],
                   days_ago=10),
        DemoIntake("Openbaar Ministerie", SubjectType.PERSON, Route.CRIMINAL_TRACK, "GM1963",
                   "Verdachte van mishandeling; ook bekend in Rotterdam. Lopende strafzaak, schorsing met "
                   "bijzondere voorwaarden.", "Afstemmen van voorwaarden en zorg tussen de regio's.",
                   [dylan_here], trajectories="Reclasseringstoezicht (voorwaarden), schuldhulp gemeente Rotterdam",
                   days_ago=1),
        DemoIntake("Veilig Thuis", SubjectType.PERSON, Route.VEILIG_THUIS, "GM0482",
                   "Pleger van partnergeweld; eerdere tijdelijk huisverbod; nieuwe melding na contactverbod.",
                   "Plegeraanpak met toezicht en hulpverlening; veiligheid van ex-partner borgen.",
                   [_person(fake, rng, age=(28, 50), municipality="GM0482")], target_group="Huiselijk geweld",
                   urgency=Urgency.CRISIS, informed=PeopleInformed.NO,
                   not_informed_reason="Informeren kan de veiligheid van de ex-partner in gevaar brengen.",
                   days_ago=0),
        DemoIntake("Politie", SubjectType.PERSON, Route.OTHER, "GM1978",
                   "Signalen van betrokkenheid bij hennepteelt en geldstromen via een autobedrijf.",
                   "Informatie bundelen voor een bestuurlijke en strafrechtelijke aanpak (ondermijning).",
                   [PersonData("Mohamed", "Amrani", dt.date(1984, 2, 29), address="Dorpsstraat 3",
                               municipality=Municipality.objects.get(code="GM1978"))],
                   target_group="Ondermijning", days_ago=6),
    ]
    for spec in specs:
        _file(house, spec)
    load_caseload_demo(house)


def _load_other_house(other: House, shared: PersonData) -> None:
    rotterdam = Municipality.objects.get(code="GM0599")
    specs = [
        DemoIntake("Gemeente Rotterdam", SubjectType.PERSON, Route.CRIMINAL_TRACK, "GM0599",
                   "Meerdere geweldsincidenten in het uitgaansgebied; schulden; dakloos geweest.",
                   "Integrale aanpak van schulden, huisvesting en toezicht.",
                   [PersonData(shared.first_name, shared.last_name, shared.date_of_birth, bsn=shared.bsn,
                               address=shared.address, municipality=rotterdam)], days_ago=8),
        DemoIntake("Gemeente Rotterdam", SubjectType.PERSON, Route.OTHER, "GM0599",
                   "Vermoedelijke katvanger in ondermijnende constructies.", "Bestuurlijke aanpak afstemmen.",
                   [PersonData("Mohammed", "El Amrani", dt.date(1984, 2, 29), municipality=rotterdam)], days_ago=11),
    ]
    for spec in specs:
        _file(other, spec)
