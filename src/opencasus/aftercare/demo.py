"""Demo after-care. Idempotent; runs after the cases, triage and plans demos.

The intake of the ex-detainee filed by the probation service (route after-care) is released in five weeks: its
timeline gets owners per basic condition and the identity document done. A running case of Dordrecht was
released last month: its basic conditions were met (one late, debts still open), the warm hand-over from the
prison to the probation service is recorded and the check after release is due. The after-care coordinator of
Dordrecht (login `nazorg.dordrecht`) imported the DPAN list of expected releases: one matched to the intake,
three without a case, one row refused for a bad BSN."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.utils import timezone

from opencasus.aftercare import services
from opencasus.aftercare.models import ReleaseImport, Timeline, TimelineItem
from opencasus.aftercare.vocabulary import ItemKind, ItemStatus
from opencasus.cases.models import Case, Person
from opencasus.cases.vocabulary import Route
from opencasus.cases.workflow import ACTIVE_STATUSES, Status
from opencasus.core.identifiers import decrypt_identifier
from opencasus.network.models import House, Membership, Organisation, Role

if TYPE_CHECKING:
    from opencasus.accounts.models import User

OWNERS = {
    ItemKind.INCOME: "UWV",
    ItemKind.HOUSING: "Woningcorporatie",
    ItemKind.CARE: "GGZ Drechtsteden",
    ItemKind.DEBTS: "Sociaal Wijkteam",
}


def _user(house: House, username: str, role: str) -> Membership | None:
    return (Membership.objects.active().filter(house=house, role=role, user__username=username)
            .select_related("user").first()
            or Membership.objects.active().filter(house=house, role=role).select_related("user").first())


def _org(house: House, prefix: str) -> Organisation | None:
    """A partner organisation of the house whose name starts with `prefix` (None where the house has none)."""
    return (Organisation.objects.filter(name__startswith=prefix, partnerships__house=house).order_by("pk").first())


def _items(timeline: Timeline) -> dict[str, TimelineItem]:
    return {item.kind: item for item in TimelineItem.objects.filter(timeline=timeline)}


def _owners(director: User, house: House, timeline: Timeline) -> None:
    for kind, prefix in OWNERS.items():
        item, organisation = _items(timeline)[kind], _org(house, prefix)
        if item.version == 1 and organisation is not None:
            services.item_update(actor=director, item_id=item.pk, owner_organisation_id=organisation.pk,
                                 expected_version=item.version)


def load_demo_data(house: House) -> None:
    member = _user(house, "procesregisseur", Role.PROCESS_DIRECTOR)
    if member is None:
        return
    director = member.user
    today = timezone.localdate()
    # 1. The intake of the ex-detainee: released in five weeks.
    dordrecht = list(Case.objects.filter(house=house, status=Status.ADMITTED, municipality__code="GM0505")
                     .exclude(route=Route.AFTERCARE).order_by("pk")[:2])
    intake = (Case.objects.filter(house=house, route=Route.AFTERCARE, status__in=ACTIVE_STATUSES,
                                  municipality__code="GM0505").order_by("pk").first()
              or (dordrecht[1] if len(dordrecht) > 1 else None)
              or Case.objects.filter(house=house, status=Status.ADMITTED).exclude(pk__in=[c.pk for c in dordrecht])
              .order_by("pk").first())
    if intake is not None:
        timeline, _moved = services.release_date_set(actor=director, case_id=intake.pk,
                                                     release_date=today + dt.timedelta(days=35))
        _owners(director, house, timeline)
        identity = _items(timeline)[ItemKind.IDENTITY]
        if identity.status == ItemStatus.OPEN:
            services.item_update(actor=director, item_id=identity.pk, status=ItemStatus.DONE,
                                 note="ID-kaart aangevraagd via de PI; afspraak bij Burgerzaken staat.",
                                 expected_version=identity.version)
    # 2. A running case of Dordrecht: released last month.
    released = dordrecht[0] if dordrecht else None
    if released is not None and not Timeline.objects.filter(case=released).exists():
        timeline, _moved = services.release_date_set(actor=director, case_id=released.pk,
                                                     release_date=today - dt.timedelta(days=30))
        _owners(director, house, timeline)
        items = _items(timeline)
        for kind, note in [(ItemKind.IDENTITY, "Paspoort opgehaald."), (ItemKind.INCOME, "Bijstand toegekend."),
                           (ItemKind.HOUSING, "Kamer via Drechtstad Wonen."), (ItemKind.CARE, "Intake GGZ gedaan.")]:
            item = TimelineItem.objects.get(pk=items[kind].pk)
            services.item_update(actor=director, item_id=item.pk, status=ItemStatus.DONE, note=note,
                                 expected_version=item.version)
        # Done in time: the dates of completion lie before the deadlines (recorded at the time).
        TimelineItem.objects.filter(pk__in=[items[k].pk for k in (ItemKind.IDENTITY, ItemKind.INCOME,
                                                                    ItemKind.CARE)]).update(completed_on_time=True)
        handover = TimelineItem.objects.get(pk=items[ItemKind.HANDOVER].pk)
        prison, probation = _org(house, "Penitentiaire"), _org(house, "Reclassering Nederland")
        if prison is not None and probation is not None:
            services.handover_record(actor=director, item_id=handover.pk, by_organisation_id=prison.pk,
                                     to_organisation_id=probation.pk, done=True,
                                     note="Opgehaald bij de poort door de reclasseringswerker; afspraak bij het "
                                          "wijkteam gemaakt.", expected_version=handover.version)
    # 3. The DPAN list the after-care coordinator of Dordrecht imported.
    coordinator = _user(house, "nazorg.dordrecht", Role.AFTERCARE_COORDINATOR)
    if coordinator is None or ReleaseImport.objects.filter(house=house).exists():
        return
    lines = ["bsn;voornaam;achternaam;geboortedatum;ontslagdatum;inrichting;gemeente"]
    if intake is not None and intake.municipality.code == "GM0505":
        person = Person.objects.filter(case=intake).order_by("pk").first()
        if person is not None:
            bsn = decrypt_identifier(person.bsn_encrypted) if person.bsn_encrypted else ""
            dob = person.date_of_birth.isoformat() if person.date_of_birth else ""
            lines.append(f"{bsn};{person.first_name};{person.last_name};{dob};"
                         f"{(today + dt.timedelta(days=35)).isoformat()};PI Dordrecht;Dordrecht")
    lines += [
        f";Kevin;de Groot;1991-04-17;{(today + dt.timedelta(days=18)).isoformat()};PI Dordrecht;GM0505",
        f";Samira;El Idrissi;1996-09-02;{(today + dt.timedelta(days=51)).isoformat()};PI Nieuwegein;Dordrecht",
        f";Ruud;van Dijk;1979-12-11;{(today + dt.timedelta(days=74)).isoformat()};PI Rotterdam (De Schie);Dordrecht",
        f"123456789;Marco;Jansen;1985-03-03;{(today + dt.timedelta(days=30)).isoformat()};PI Dordrecht;Dordrecht",
    ]
    services.release_import(actor=coordinator.user, house_id=house.pk, filename="dpan-vrijlatingen-dordrecht.csv",
                            content="\n".join(lines).encode())
