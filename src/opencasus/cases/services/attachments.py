"""Attachments: allowed types (extension AND content signature), a size limit, logged writes.

Files are stored under MEDIA_ROOT with a random name (never the uploaded name, never served
directly); they are read only through `cases.selectors.attachment_get`, which checks access and
logs the download.
"""

from __future__ import annotations

import io
import os
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import policy, roles
from opencasus.cases.models import Attachment, Case
from opencasus.cases.services.transitions import case_subjects
from opencasus.cases.vocabulary import SharingScope
from opencasus.cases.workflow import Status
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing

if TYPE_CHECKING:
    from opencasus.accounts.models import User

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
SNIFF_BYTES = 8192


def _zip_has(data: bytes, check: Callable[[zipfile.ZipFile], bool]) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return check(archive)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return False


def _is_docx(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04") and _zip_has(data, lambda z: "word/document.xml" in z.namelist())


def _is_odt(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04") and _zip_has(
        data, lambda z: z.read("mimetype").strip() == b"application/vnd.oasis.opendocument.text")


def _is_text(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return False
    return True


# extension → (content type, signature check on the whole content)
ALLOWED_TYPES: dict[str, tuple[str, Callable[[bytes], bool]]] = {
    "pdf": ("application/pdf", lambda d: d.startswith(b"%PDF-")),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _is_docx),
    "odt": ("application/vnd.oasis.opendocument.text", _is_odt),
    "png": ("image/png", lambda d: d.startswith(b"\x89PNG\r\n\x1a\n")),
    "jpg": ("image/jpeg", lambda d: d.startswith(b"\xff\xd8\xff")),
    "jpeg": ("image/jpeg", lambda d: d.startswith(b"\xff\xd8\xff")),
    "txt": ("text/plain", _is_text),
}


def clean_filename(name: str) -> str:
    base = os.path.basename(str(name).replace("\\", "/"))
    base = "".join(ch for ch in unicodedata.normalize("NFC", base) if unicodedata.category(ch)[0] != "C")
    return base.strip()[-200:] or "bestand"


def validate_upload(upload: UploadedFile[bytes]) -> tuple[str, str]:
    """(clean file name, content type) or a Dutch ValidationError; nothing is written."""
    name = clean_filename(upload.name or "")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_TYPES:
        raise ValidationError(
            _("“%(name)s” is not an allowed file type. Allowed are: PDF, DOCX, ODT, PNG, JPG and TXT.")
            % {"name": name}, code="file_type")
    size = upload.size or 0
    if size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(_("“%(name)s” is larger than 10 MB.") % {"name": name}, code="file_size")
    if size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name}, code="file_empty")
    content_type, check = ALLOWED_TYPES[extension]
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if not check(data):
        raise ValidationError(
            _("The content of “%(name)s” does not match its file type.") % {"name": name}, code="file_content")
    return name, content_type


@contextmanager
def files_removed_on_error() -> Iterator[list[str]]:
    """Collects stored file names; removes them again if the surrounding work fails."""
    written: list[str] = []
    try:
        yield written
    except BaseException:
        from django.core.files.storage import default_storage

        for name in written:
            default_storage.delete(name)
        raise


def store_attachment(*, case: Case, upload: UploadedFile[bytes], actor: User, description: str = "",
                     sharing_scope: str = SharingScope.TRIAGE_TABLE, written: list[str]) -> Attachment:
    """Write one validated upload (inside the caller's transaction)."""
    name, content_type = validate_upload(upload)
    if sharing_scope not in (SharingScope.TRIAGE_TABLE, SharingScope.ALL_PARTICIPANTS):
        raise ValidationError({"sharing_scope": _("Choose a valid sharing scope.")}, code="invalid")
    attachment = Attachment(case=case, filename=name, content_type=content_type, size=upload.size or 0,
                            description=description[:200], uploaded_by=actor, sharing_scope=sharing_scope)
    attachment.file.save(name, upload, save=False)
    written.append(attachment.file.name or "")
    attachment.save()
    return attachment


def attachment_add(*, actor: User, case_id: int, upload: UploadedFile[bytes], description: str = "",
                   sharing_scope: str = SharingScope.TRIAGE_TABLE) -> Attachment:
    """Add an attachment: core staff; participants of a shared case; the filer while it is submitted."""
    with files_removed_on_error() as written, transaction.atomic():
        case, level = policy.case_get(actor=actor, case_id=case_id, for_update=True)
        if level == policy.CaseAccess.FILER and case.status != Status.SUBMITTED:
            raise ValidationError(_("Attachments can be added to an intake only until triage starts."),
                                  code="closed")
        if level == policy.CaseAccess.PARTICIPANT and case.status != Status.ADMITTED:
            raise ValidationError(_("This case no longer accepts attachments."), code="closed")
        if level == policy.CaseAccess.FILER:
            sharing_scope = SharingScope.TRIAGE_TABLE
        attachment = store_attachment(case=case, upload=upload, actor=actor, description=description,
                                      sharing_scope=sharing_scope, written=written)
        case.last_activity_at = timezone.now()
        case.save(update_fields=["last_activity_at"])
        record_processing(
            action=Action.CREATE,
            activity_code=ActivityCode.INTAKE if case.status == Status.SUBMITTED else ActivityCode.CASE_CONFERENCE,
            purpose=case.purpose or case.requested_purpose, who=roles.who(actor, case.house_id),
            house_id=case.house_id, data_subjects=case_subjects(case), object_type="attachment",
            object_id=attachment.pk, case_id=case.pk)
        return attachment
