"""Importing expected releases (a DJI/DPAN list) and matching them to the cases of the house.

The CSV has a header line with the columns `bsn`, `voornaam`, `achternaam`, `geboortedatum`, `ontslagdatum`,
`inrichting` and `gemeente` (comma or semicolon separated; dates as YYYY-MM-DD or DD-MM-YYYY; the municipality
as its name or CBS code). A person is named by a BSN (11-check) or by last name and date of birth. The file is
checked row by row: a refused row is reported (row number, column, Dutch reason) and nothing of it is stored;
a file that cannot be read at all (encoding, header, size, empty) stores nothing.

A release of a person in an active case of the house (the keyed BSN hash, or name and date of birth as the hit
check matches them) updates that case's release date, which moves the open deadlines of its timeline; the others
are kept as upcoming releases to file an intake for. A person delivered again replaces the earlier release.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from opencasus.access import aftercare as access
from opencasus.access import roles
from opencasus.aftercare.models import ExpectedRelease, ReleaseImport
from opencasus.aftercare.services.timeline import move_release_date
from opencasus.aftercare.vocabulary import ReleaseMatch
from opencasus.cases.models import Case, Person
from opencasus.cases.names import name_key
from opencasus.cases.workflow import ACTIVE_STATUSES
from opencasus.core.dates import EARLIEST_BIRTH
from opencasus.core.identifiers import bsn_is_valid, encrypt_identifier, identifier_hash, normalise_bsn
from opencasus.core.text import CONTROL_CHARACTERS
from opencasus.logbook import purposes
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing
from opencasus.network.models import House, Municipality

if TYPE_CHECKING:
    from opencasus.accounts.models import User

COLUMNS = ["bsn", "voornaam", "achternaam", "geboortedatum", "ontslagdatum", "inrichting", "gemeente"]
MAX_BYTES = 1_000_000
MAX_ROWS = 5_000
MAX_REPORTED = 1_000
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
LIMITS = {"voornaam": 100, "achternaam": 150, "inrichting": 200, "gemeente": 100, "bsn": 20,
          "geboortedatum": 10, "ontslagdatum": 10}


@dataclass(frozen=True)
class Row:
    line: int
    bsn: str
    first_name: str
    last_name: str
    date_of_birth: dt.date | None
    release_date: dt.date
    institution: str
    municipality: Municipality


class RowRefusedError(Exception):
    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field, self.reason = field, reason


def decode(content: bytes) -> str:
    if not content or not content.strip():
        raise ValidationError({"file": _("The file is empty.")}, code="empty")
    if len(content) > MAX_BYTES:
        raise ValidationError({"file": _("The file is larger than %(max)s bytes; split it.") % {"max": MAX_BYTES}},
                              code="too_large")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        if CONTROL_CHARACTERS.search(text):
            raise ValidationError({"file": _("The file contains control characters; it is not a text (CSV) file.")},
                                  code="control_character")
        return text
    raise ValidationError({"file": _("The file is not a text (CSV) file.")}, code="encoding")


def _reader(text: str) -> csv.DictReader[str]:
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return csv.DictReader(io.StringIO(text), delimiter=delimiter)


def parse_date(raw: str) -> dt.date | None:
    for fmt in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    return None


def _municipalities(house: House, allowed: set[int] | None) -> dict[str, Municipality]:
    found: dict[str, Municipality] = {}
    for municipality in Municipality.objects.filter(region_id=house.region_id):
        if allowed is None or municipality.pk in allowed:
            found[municipality.code.lower()] = municipality
            found[municipality.name.lower()] = municipality
    return found


def parse_row(line: int, row: dict[str | None, Any], *, today: dt.date,
              municipalities: dict[str, Municipality]) -> Row:
    """A valid row, or `RowRefusedError` with the column and the Dutch reason."""
    if None in row or any(v is None for v in row.values()):
        raise RowRefusedError("", _("wrong number of columns"))
    values = {str(k).strip().lower(): (v or "").strip() for k, v in row.items() if k}
    for column in COLUMNS:
        value = values.get(column, "")
        if value.startswith(FORMULA_START):
            raise RowRefusedError(column, _("the value begins with =, +, -, @ or a tab, like a spreadsheet formula"))
        if len(value) > LIMITS[column]:
            raise RowRefusedError(column, _("the value is longer than %(max)s characters") % {"max": LIMITS[column]})
    bsn = normalise_bsn(values["bsn"]) if values["bsn"] else ""
    if bsn and not bsn_is_valid(bsn):
        raise RowRefusedError("bsn", _("this is not a valid BSN (it fails the 11-check)"))
    last_name, first_name = values["achternaam"], values["voornaam"]
    if not last_name:
        raise RowRefusedError("achternaam", _("the last name is missing"))
    date_of_birth = None
    if values["geboortedatum"]:
        date_of_birth = parse_date(values["geboortedatum"])
        if date_of_birth is None:
            raise RowRefusedError("geboortedatum", _("the date of birth is not a date (YYYY-MM-DD or DD-MM-YYYY)"))
        if not EARLIEST_BIRTH <= date_of_birth < today:
            raise RowRefusedError("geboortedatum", _("the date of birth lies in the future or too far in the past"))
    if not bsn and date_of_birth is None:
        raise RowRefusedError("geboortedatum", _("without a BSN, the date of birth is needed to find the person"))
    release_date = parse_date(values["ontslagdatum"])
    if release_date is None:
        raise RowRefusedError("ontslagdatum", _("the release date is not a date (YYYY-MM-DD or DD-MM-YYYY)"))
    if release_date < today - dt.timedelta(days=31) or release_date > today + dt.timedelta(days=3 * 366):
        raise RowRefusedError("ontslagdatum",
                              _("the release date lies more than a month in the past or three years ahead"))
    if not values["inrichting"]:
        raise RowRefusedError("inrichting", _("the institution is missing"))
    municipality = municipalities.get(values["gemeente"].lower())
    if municipality is None:
        raise RowRefusedError("gemeente", _("unknown municipality, or one you do not import for"))
    return Row(line, bsn, first_name, last_name, date_of_birth, release_date, values["inrichting"], municipality)


def _check_header(reader: csv.DictReader[str]) -> None:
    names = [str(n).strip().lower() for n in (reader.fieldnames or [])]
    missing = [c for c in COLUMNS if c not in names]
    if missing:
        raise ValidationError({"file": _("The header line lacks the columns: %(columns)s. Expected: %(expected)s.")
                               % {"columns": ", ".join(missing), "expected": ";".join(COLUMNS)}}, code="header")


def find_case(*, house_id: int, bsn_hash: str, key: str, date_of_birth: dt.date | None) -> Case | None:
    """The most recent active case of the house with this person (as the hit check matches: BSN hash, or name
    and date of birth where the BSNs do not differ)."""
    persons = Person.objects.filter(case__house_id=house_id, case__status__in=ACTIVE_STATUSES)
    match = Q(pk__in=[])
    if bsn_hash:
        match |= Q(bsn_hash=bsn_hash)
    if date_of_birth is not None:
        by_name = Q(date_of_birth=date_of_birth, name_key=key)
        if bsn_hash:
            by_name &= Q(bsn_hash="") | Q(bsn_hash=bsn_hash)
        match |= by_name
    person = persons.filter(match).select_related("case").order_by("-case__filed_at", "-case_id").first()
    return person.case if person is not None else None


def _existing(house_id: int, bsn_hash: str, key: str, date_of_birth: dt.date | None) -> ExpectedRelease | None:
    qs = ExpectedRelease.objects.select_for_update().filter(house_id=house_id)
    if bsn_hash:
        return qs.filter(bsn_hash=bsn_hash).first()
    return qs.filter(bsn_hash="", name_key=key, date_of_birth=date_of_birth).first()


def _store(*, actor: User, house: House, job: ReleaseImport, row: Row) -> ExpectedRelease:
    digest = identifier_hash(row.bsn) if row.bsn else ""  # as the intake hashes it (`cases.services.intake`)
    key = name_key(row.first_name, row.last_name)
    release = _existing(house.pk, digest, key, row.date_of_birth) or ExpectedRelease(house=house)
    release.source_import = job
    release.municipality = row.municipality
    release.first_name, release.last_name, release.date_of_birth = row.first_name, row.last_name, row.date_of_birth
    release.bsn_encrypted = encrypt_identifier(row.bsn.zfill(9)) if row.bsn else ""
    release.bsn_hash, release.name_key = digest, key
    release.institution, release.release_date = row.institution, row.release_date
    release.updated_at = timezone.now()
    case = find_case(house_id=house.pk, bsn_hash=digest, key=key, date_of_birth=row.date_of_birth)
    if case is not None:
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if locked.release_date != row.release_date or not hasattr(locked, "aftercare_timeline"):
            move_release_date(actor=actor, case=locked, release_date=row.release_date)
        release.case, release.match = locked, ReleaseMatch.MATCHED
    elif release.match != ReleaseMatch.INTAKE_FILED:
        release.case, release.match = None, ReleaseMatch.UNMATCHED
    release.save()
    return release


@transaction.atomic
def release_import(*, actor: User, house_id: int, filename: str, content: bytes) -> ReleaseImport:
    """Import a list of expected releases into a house (core staff, or the after-care coordinator for their
    municipality). Raises ValidationError (Dutch) for a file that cannot be read; refused rows are reported."""
    if house_id not in access.import_house_ids(actor):
        raise Http404
    house = House.objects.get(pk=house_id)
    text = decode(content)
    reader = _reader(text)
    _check_header(reader)
    rows = list(reader)
    if not rows:
        raise ValidationError({"file": _("The file has a header but no rows.")}, code="empty")
    if len(rows) > MAX_ROWS:
        raise ValidationError({"file": _("The file has more than %(max)s rows; split it.") % {"max": MAX_ROWS}},
                              code="too_large")
    municipalities = _municipalities(house, access.import_municipality_ids(actor, house_id))
    today = timezone.localdate()
    job = ReleaseImport.objects.create(house=house, filename=(filename or "")[:200], uploaded_by=actor,
                                       total_rows=len(rows))
    rejected: list[dict[str, Any]] = []
    seen: set[tuple[str, str, dt.date | None]] = set()
    stored: list[ExpectedRelease] = []
    for index, raw in enumerate(rows, start=2):
        try:
            with override(settings.LANGUAGE_CODE):  # the report is kept in the language of the installation
                row = parse_row(index, raw, today=today, municipalities=municipalities)
            identity = (row.bsn, "" if row.bsn else name_key(row.first_name, row.last_name),
                        None if row.bsn else row.date_of_birth)
            if identity in seen:
                with override(settings.LANGUAGE_CODE):
                    raise RowRefusedError("bsn" if row.bsn else "achternaam",
                                          _("this person occurs earlier in the file"))
            seen.add(identity)
        except RowRefusedError as refused:
            if len(rejected) < MAX_REPORTED:
                rejected.append({"line": index, "field": refused.field, "reason": refused.reason})
            continue
        stored.append(_store(actor=actor, house=house, job=job, row=row))
    job.accepted_rows = len(stored)
    job.matched_rows = sum(1 for r in stored if r.match == ReleaseMatch.MATCHED)
    job.rejected = rejected
    job.save(update_fields=["accepted_rows", "matched_rows", "rejected"])
    record_processing(action=Action.CREATE, activity_code=ActivityCode.INTAKE, purpose=purposes.AFTERCARE_IMPORT,
                      who=roles.who(actor, house.pk), house_id=house.pk,
                      data_subjects=[str(r.pseudonym) for r in stored] or [""], object_type="release-import",
                      object_id=job.pk)
    return job
