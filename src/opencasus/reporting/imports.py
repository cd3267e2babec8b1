"""Importing police incident counts per pseudonymised person and day (the recidivism measurement).

The CSV format is documented in docs/reporting.md: a header `person_pseudonym,incident_date,count`,
optionally followed by `source`, then one row per person, day and source. Good rows are imported, bad rows
are reported with their line number and a Dutch reason; a re-delivered (person, day, source) replaces the
earlier count. Rows are processed in chunks, each in its own transaction with its processing-log record, so the progress
is visible while the import runs and a chunk is never half-written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import roles
from opencasus.access.reporting import import_house_get
from opencasus.cases.models import Person
from opencasus.core.text import CONTROL_CHARACTERS
from opencasus.logbook import purposes
from opencasus.logbook.models import Action
from opencasus.logbook.services import record_processing
from opencasus.reporting.audit import ACTIVITY
from opencasus.reporting.models import ImportStatus, IncidentImport, IncidentSource, PoliceIncident

if TYPE_CHECKING:
    from opencasus.accounts.models import User

HEADER = ["person_pseudonym", "incident_date", "count"]
SOURCE_COLUMN = "source"  # optional fourth column; without it every row is a police registration
# The values the source column accepts (case-insensitive), Dutch as the police write them, or the codes.
SOURCE_VALUES = {"police": IncidentSource.POLICE, "politie": IncidentSource.POLICE, "bvh": IncidentSource.POLICE,
                 "judicial": IncidentSource.JUDICIAL, "justitie": IncidentSource.JUDICIAL,
                 "jd": IncidentSource.JUDICIAL, "justitiele documentatie": IncidentSource.JUDICIAL,
                 "justitiële documentatie": IncidentSource.JUDICIAL}
CHUNK_SIZE = 500
MAX_COUNT = 1000
MAX_REJECTED_KEPT = 5000


@dataclass(frozen=True)
class ParsedRow:
    line: int
    pseudonym: uuid.UUID
    incident_date: dt.date
    count: int
    source: str = IncidentSource.POLICE


def decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        # The file is kept as sent until it is processed: a NUL cannot be stored (PostgreSQL), and no
        # column of the CSV has a use for other control characters.
        if CONTROL_CHARACTERS.search(text):
            raise ValidationError(_("The file contains control characters; it is not a text (CSV) file."),
                                  code="control_character")
        return text
    raise ValidationError(_("The file is not a text (CSV) file."), code="encoding")


def _reader(text: str) -> tuple[csv.DictReader[str], str]:
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return csv.DictReader(io.StringIO(text), delimiter=delimiter), delimiter


def check_header(text: str) -> int:
    """Validate the header; return the number of data rows."""
    if not text.strip():
        raise ValidationError(_("The file is empty."), code="empty")
    reader, _d = _reader(text)
    names = [n.strip().lower() for n in (reader.fieldnames or [])]
    if names[:3] != HEADER or names[3:] not in ([], [SOURCE_COLUMN]):
        raise ValidationError(
            _("The first line must be the header “%(header)s”, optionally followed by “%(source)s”.")
            % {"header": ",".join(HEADER), "source": SOURCE_COLUMN}, code="header")
    return sum(1 for _row in reader)


def parse_row(line: int, row: dict[str, Any], today: dt.date) -> ParsedRow | str:
    """A valid row, or the Dutch reason it is rejected."""
    if None in row or any(v is None for v in row.values()):
        return _("wrong number of columns")
    values = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
    raw_pseudonym, raw_date, raw_count = (values.get(n, "") for n in HEADER)
    try:
        pseudonym = uuid.UUID(raw_pseudonym)
    except ValueError:
        return _("the pseudonym “%(value)s” is not a valid pseudonym") % {"value": raw_pseudonym[:40]}
    try:
        incident_date = dt.date.fromisoformat(raw_date)
    except ValueError:
        return _("the date “%(value)s” is not a date (YYYY-MM-DD)") % {"value": raw_date[:20]}
    if incident_date > today:
        return _("the date %(value)s lies in the future") % {"value": raw_date}
    if not raw_count.isdigit():
        return _("the count “%(value)s” is not a whole number") % {"value": raw_count[:20]}
    count = int(raw_count)
    if count < 1 or count > MAX_COUNT:
        return _("the count must be between 1 and %(max)s") % {"max": MAX_COUNT}
    raw_source = values.get(SOURCE_COLUMN, "")
    source = SOURCE_VALUES.get(raw_source.lower()) if raw_source else IncidentSource.POLICE
    if source is None:
        return _("the source “%(value)s” is not “politie” or “justitie”") % {"value": raw_source[:40]}
    return ParsedRow(line, pseudonym, incident_date, count, source)


def _rows(text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    reader, _d = _reader(text)
    for row in reader:
        yield reader.line_num, row


@transaction.atomic
def incident_import_start(*, actor: User, house_id: int, filename: str, content: bytes) -> IncidentImport:
    """Check the file and queue it. Raises ValidationError (Dutch) for a file that cannot be read at all."""
    house = import_house_get(actor=actor, house_id=house_id)
    text = decode(content)
    total = check_header(text)
    job = IncidentImport.objects.create(house=house, filename=filename[:200], uploaded_by=actor, source=text,
                                        total_rows=total)
    record_processing(action=Action.CREATE, activity_code=ACTIVITY, purpose=purposes.RECIDIVISM_IMPORT,
                      who=roles.who(actor, house.pk), house_id=house.pk, object_type="incident-import",
                      object_id=job.pk)
    return job


def _save_chunk(job: IncidentImport, parsed: list[ParsedRow], rejected: list[dict[str, Any]],
                processed: int, seen: set[tuple[uuid.UUID, dt.date, str]]) -> None:
    persons = dict(Person.objects.filter(case__house_id=job.house_id, pseudonym__in={p.pseudonym for p in parsed})
                   .values_list("pseudonym", "pk"))
    good: list[ParsedRow] = []
    for row in parsed:
        key = (row.pseudonym, row.incident_date, row.source)
        if row.pseudonym not in persons:
            rejected.append({"line": row.line, "reason": _("unknown pseudonym in this house")})
        elif key in seen:
            rejected.append({"line": row.line,
                             "reason": _("this person, date and source occur earlier in the file")})
        else:
            seen.add(key)
            good.append(row)
    with transaction.atomic():
        locked = IncidentImport.objects.select_for_update().get(pk=job.pk)
        existing = {(i.person_id, i.incident_date, i.source): i for i in PoliceIncident.objects.filter(
            person_id__in=[persons[r.pseudonym] for r in good],
            incident_date__in={r.incident_date for r in good})}
        new, changed = [], []
        for row in good:
            person_id = persons[row.pseudonym]
            current = existing.get((person_id, row.incident_date, row.source))
            if current is None:
                new.append(PoliceIncident(person_id=person_id, incident_date=row.incident_date, count=row.count,
                                          source=row.source, source_import=job))
            else:
                current.count, current.source_import = row.count, job
                changed.append(current)
        PoliceIncident.objects.bulk_create(new)
        PoliceIncident.objects.bulk_update(changed, ["count", "source_import"])
        locked.processed_rows = processed
        locked.accepted_rows += len(good)
        locked.rejected = (locked.rejected + rejected)[:MAX_REJECTED_KEPT]
        locked.save(update_fields=["processed_rows", "accepted_rows", "rejected"])
        if good:
            record_processing(action=Action.CREATE, activity_code=ACTIVITY, purpose=purposes.RECIDIVISM_IMPORT,
                              who=roles.who(job.uploaded_by, job.house_id), house_id=job.house_id,
                              data_subjects=[str(r.pseudonym) for r in good], object_type="incident-import",
                              object_id=job.pk)
    job.processed_rows, job.accepted_rows, job.rejected = locked.processed_rows, locked.accepted_rows, locked.rejected


def incident_import_run(*, import_id: int, on_progress: Callable[[IncidentImport], None] | None = None,
                        chunk_size: int = CHUNK_SIZE) -> IncidentImport:
    """Process a queued import chunk by chunk (each chunk atomic). Idempotent for a finished import."""
    with transaction.atomic():
        job = IncidentImport.objects.select_for_update().get(pk=import_id)
        if job.status in (ImportStatus.DONE, ImportStatus.RUNNING):
            return job
        job.status = ImportStatus.RUNNING
        job.save(update_fields=["status"])
    today = timezone.localdate()
    seen: set[tuple[uuid.UUID, dt.date, str]] = set()
    parsed: list[ParsedRow] = []
    rejected: list[dict[str, Any]] = []
    processed = 0
    try:
        for line, row in _rows(job.source):
            processed += 1
            result = parse_row(line, row, today)
            if isinstance(result, str):
                rejected.append({"line": line, "reason": result})
            else:
                parsed.append(result)
            if processed % chunk_size == 0:
                _save_chunk(job, parsed, rejected, processed, seen)
                parsed, rejected = [], []
                if on_progress:
                    on_progress(job)
        _save_chunk(job, parsed, rejected, processed, seen)
    except Exception as error:  # a crash keeps the committed chunks and says where it stopped
        IncidentImport.objects.filter(pk=job.pk).update(status=ImportStatus.FAILED, error=str(error)[:500],
                                                        finished_at=timezone.now())
        raise
    IncidentImport.objects.filter(pk=job.pk).update(status=ImportStatus.DONE, source="", finished_at=timezone.now())
    job.refresh_from_db()
    if on_progress:
        on_progress(job)
    return job
