"""Who sees and adds which attachment of a case. The case itself is opened through `opencasus.access.policy`
(`case_get`, hidden = 404); this module decides within the level it gave.

- Core staff see every attachment of the case; participants those shared with all participants and their
  own uploads; the filer none.
- Core staff add attachments; participants to an admitted case; the filer until triage starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from opencasus.access.policy import CaseAccess
from opencasus.cases.models import Attachment, Case
from opencasus.cases.vocabulary import SharingScope
from opencasus.cases.workflow import Status

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def visible_attachments(*, actor: User, case: Case, level: CaseAccess) -> QuerySet[Attachment]:
    qs = Attachment.objects.filter(case=case)
    if level >= CaseAccess.CORE:
        return qs
    if level >= CaseAccess.PARTICIPANT:
        return qs.filter(Q(sharing_scope=SharingScope.ALL_PARTICIPANTS) | Q(uploaded_by=actor))
    return qs.none()


def may_upload(case: Case, level: CaseAccess) -> bool:
    """Core staff; participants of an admitted case; the filer until triage starts."""
    if level >= CaseAccess.CORE:
        return True
    if level >= CaseAccess.PARTICIPANT:
        return case.status == Status.ADMITTED
    return level == CaseAccess.FILER and case.status == Status.SUBMITTED
