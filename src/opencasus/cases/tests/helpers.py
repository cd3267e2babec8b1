"""Shared test helpers for the cases app: a house with its people, payloads and file contents."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from opencasus.accounts.models import User
from opencasus.cases.services import PersonData, intake_file
from opencasus.cases.vocabulary import PeopleInformed, Relation, Route, SubjectType
from opencasus.core.tests.world import Member, Partner, World, build_world
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import House, Municipality, Role
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, member

VALID_BSN = "111222333"
OTHER_BSN = "123456782"
INVALID_BSN = "123456789"

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(name: str = "verslag.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def world(house: House | None = None) -> World:
    """Police professional `partner` and core staff (the process director is Anna de Regisseur)."""
    house = house or HouseFactory.create(email="info@vh.invalid")
    return build_world(
        house=house, director={"first_name": "Anna", "last_name": "de Regisseur"},
        partners=[Partner("police", "Politie {pk}")],
        members={"partner": Member(Role.PARTNER_PROFESSIONAL, "police")},
    )


def dordrecht() -> Municipality:
    return Municipality.objects.get(code="GM0505")


def file_person_intake(w: World, actor: User | None = None, **overrides: Any) -> Any:
    kwargs: dict[str, Any] = {
        "actor": actor or w.partner, "organisation": w.police, "house": w.house, "subject_type": SubjectType.PERSON,
        "persons": [PersonData(first_name="Kevin", last_name="de Boer", date_of_birth=dt.date(1999, 2, 3),
                               bsn=VALID_BSN, address="Voorstraat 1", municipality=dordrecht())],
        "reason": "Herhaaldelijk overlast en bedreiging van buren.",
        "requested_purpose": "Een gezamenlijk plan van zorg en straf.",
        "route": Route.CRIMINAL_TRACK, "municipality": dordrecht(), "people_informed": PeopleInformed.YES,
    }
    kwargs.update(overrides)
    return intake_file(**kwargs)


def household() -> list[PersonData]:
    return [
        PersonData("Sandra", "Jansen", dt.date(1985, 6, 1), relation=Relation.PARENT),
        PersonData("Marco", "Jansen", dt.date(1983, 1, 9), relation=Relation.PARENT),
        PersonData("Lisa", "Jansen", dt.date(2012, 4, 2), relation=Relation.CHILD),
        PersonData("Tim", "Jansen", dt.date(2015, 8, 20), relation=Relation.CHILD),
    ]


def log_count(**filters: Any) -> int:
    return ProcessingRecord.objects.filter(**filters).count()


__all__ = [
    "INVALID_BSN", "OTHER_BSN", "PDF", "PNG", "VALID_BSN", "HouseFactory", "Municipality", "OrganisationFactory",
    "PersonData", "Role", "World", "docx_bytes", "dordrecht", "file_person_intake", "household", "log_count",
    "member", "upload", "world",
]
