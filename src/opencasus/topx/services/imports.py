"""Reading in the list of candidates the police supply (CSV).

The format: a header `first_name,last_name,date_of_birth,bsn,score_1,…,score_N,motivation` (one score column
per inclusion criterion of the list, `;` works as a separator too), UTF-8, at most `MAX_BYTES` and `MAX_ROWS`.
A file that cannot be read as such (empty, another encoding, control characters, too large, missing columns,
no rows) is refused whole and nothing is stored. Otherwise every row is checked on its own: valid rows become
candidates (source "import"), each refused row is reported with its row number, the field and a Dutch reason,
and nothing of a refused row is stored. A cell that starts like a spreadsheet formula (`=`, `+`, `-`, `@`) is
refused: the list is often opened in a spreadsheet again."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import topx as access
from opencasus.core.text import CONTROL_CHARACTERS, NAME_MAX_LENGTH
from opencasus.logbook import purposes
from opencasus.logbook.models import Action
from opencasus.network.models import Partnership
from opencasus.topx.models import Candidate, CandidateImport, TopXList
from opencasus.topx.services._common import log_candidates, log_house
from opencasus.topx.services.candidates import PersonInput, bsn_fields, create_candidate, on_list, person_errors
from opencasus.topx.vocabulary import Source

if TYPE_CHECKING:
    from opencasus.accounts.models import User

MAX_BYTES = 1_000_000
MAX_ROWS = 2_000
MAX_MOTIVATION = 10_000
PERSON_COLUMNS = ["first_name", "last_name", "date_of_birth", "bsn"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _file_error(message: str, code: str) -> ValidationError:
    """The whole file is refused: the message on the file field, with its code."""
    return ValidationError({"file": ValidationError(message, code=code)})


def header_for(topx_list: TopXList) -> list[str]:
    return [*PERSON_COLUMNS, *(f"score_{c.position}" for c in topx_list.criteria.all()), "motivation"]


def decode(content: bytes) -> str:
    if not content.strip():
        raise _file_error(_("The file is empty."), "empty")
    if len(content) > MAX_BYTES:
        raise _file_error(_("The file is larger than %(max)s kB.") % {"max": MAX_BYTES // 1000}, "too_large")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _file_error(_("The file is not in UTF-8: save it as “CSV UTF-8” and try again."), "encoding") from None
    if CONTROL_CHARACTERS.search(text.replace("\t", "")):
        raise _file_error(_("The file contains control characters; it is not a text (CSV) file."), "control_character")
    return text


@dataclass(frozen=True)
class Refusal:
    row: int
    field: str
    reason: str

    def as_json(self) -> dict[str, object]:
        return {"row": self.row, "field": self.field, "reason": self.reason}


@dataclass(frozen=True)
class ParsedRow:
    row: int
    person: PersonInput
    scores: dict[int, int]
    motivation: str


def _reader(text: str) -> Iterator[list[str]]:
    first = text.splitlines()[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return csv.reader(io.StringIO(text), delimiter=delimiter)


def _parse(number: int, cells: dict[str, str], topx_list: TopXList, today: dt.date) -> ParsedRow | Refusal:
    for name, value in cells.items():
        if value.startswith(FORMULA_STARTS):
            return Refusal(number, name, _("the cell starts with “%(char)s”, like a spreadsheet formula") % {
                "char": value[0].strip() or "tab"})
        limit = MAX_MOTIVATION if name == "motivation" else NAME_MAX_LENGTH
        if len(value) > limit:
            return Refusal(number, name, _("longer than %(max)s characters") % {"max": limit})
    raw_date = cells["date_of_birth"]
    date_of_birth = None
    if raw_date:
        try:
            date_of_birth = dt.date.fromisoformat(raw_date)
        except ValueError:
            return Refusal(number, "date_of_birth", _("“%(value)s” is not a date (YYYY-MM-DD)") % {
                "value": raw_date[:20]})
    person = PersonInput(cells["first_name"], cells["last_name"], date_of_birth, cells["bsn"])
    for name, message in person_errors(person, today=today).items():
        return Refusal(number, name, message)
    scores: dict[int, int] = {}
    for criterion in topx_list.criteria.all():
        name = f"score_{criterion.position}"
        raw = cells[name]
        if not raw.isdigit() or not 0 <= int(raw) <= criterion.max_score:
            return Refusal(number, name, _("the score must be a whole number from 0 to %(max)s") % {
                "max": criterion.max_score})
        scores[criterion.position] = int(raw)
    if not cells["motivation"]:
        return Refusal(number, "motivation", _("the motivation is empty"))
    return ParsedRow(number, person, scores, cells["motivation"])


def parse(text: str, topx_list: TopXList, today: dt.date) -> tuple[list[ParsedRow], list[Refusal], int]:
    """The valid rows, the refused rows and the number of data rows. Raises for a file refused whole."""
    header = header_for(topx_list)
    reader = _reader(text)
    first_line: list[str] = next(reader, [])
    names = [n.strip().lower() for n in first_line]
    missing = [n for n in header if n not in names]
    if missing:
        raise _file_error(_("Columns are missing from the first line: %(columns)s. The first line must "
                                         "be “%(header)s”.") % {"columns": ", ".join(missing),
                                                                "header": ",".join(header)}, "header")
    good: list[ParsedRow] = []
    refused: list[Refusal] = []
    total = 0
    seen: set[str] = set()
    for number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        total += 1
        if total > MAX_ROWS:
            raise _file_error(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS}, "too_large")
        if len(values) != len(names):
            refused.append(Refusal(number, "", _("this row has %(found)s columns instead of %(expected)s") % {
                "found": len(values), "expected": len(names)}))
            continue
        cells = {name: value.strip() for name, value in zip(names, values, strict=True) if name in header}
        result = _parse(number, cells, topx_list, today)
        if isinstance(result, Refusal):
            refused.append(result)
            continue
        digest = bsn_fields(result.person.bsn)[1]
        if digest and digest in seen:
            refused.append(Refusal(number, "bsn", _("this person occurs earlier in the file")))
        elif on_list(topx_list, digest):
            refused.append(Refusal(number, "bsn", _("this person is on the list already")))
        else:
            if digest:
                seen.add(digest)
            good.append(result)
    if total == 0:
        raise _file_error(_("The file has a header but no rows."), "empty")
    return good, refused, total


@transaction.atomic
def candidates_import(*, actor: User, list_id: int, organisation_id: int, filename: str,
                      content: bytes) -> CandidateImport:
    """Core staff read in the police list: valid rows stored, refused rows reported (nothing stored of them)."""
    topx_list = TopXList.objects.filter(access.list_filter(actor), pk=list_id).first()
    if topx_list is None or not access.may_work_candidates(actor, topx_list.house_id):
        raise Http404
    if not Partnership.objects.covenant_in_force().filter(house_id=topx_list.house_id,
                                                          organisation_id=organisation_id).exists():
        raise ValidationError({"organisation": _(
            "Choose a partner organisation of this house with a privacy covenant in force.")}, code="invalid")
    if not topx_list.active:
        raise ValidationError(_("This list is closed: no new candidates."), code="invalid_transition")
    text = decode(content)
    good, refused, total = parse(text, topx_list, timezone.localdate())
    job = CandidateImport.objects.create(
        topx_list=topx_list, house_id=topx_list.house_id, organisation_id=organisation_id,
        filename=(filename or "")[:200], uploaded_by=actor, total_rows=total, stored_rows=len(good),
        refused=[r.as_json() for r in refused])
    created: list[Candidate] = [
        create_candidate(actor=actor, topx_list=topx_list, organisation_id=organisation_id, person=row.person,
                         scores=row.scores, motivation=row.motivation, source=Source.IMPORT) for row in good]
    log_house(actor=actor, house_id=topx_list.house_id, action=Action.CREATE, object_type="topx-import",
              object_id=job.pk, purpose=purposes.TOP_X_IMPORT)
    log_candidates(actor=actor, house_id=topx_list.house_id, candidates=created, action=Action.CREATE,
                   object_type="topx-import", object_id=job.pk, purpose=purposes.TOP_X_IMPORT)
    return job
