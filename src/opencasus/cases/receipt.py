"""The filer's receipt of an intake: read-only, what they filed plus its status and the feedback.

The professional who filed the intake gets it while the access policy still grants them the filer's
view (or more), and so do the house's core staff, who see the whole case anyway. Content others added
later (purpose, information, plan, status reasons) is never on it. Persons are created only at intake,
so they belong to what was filed; attachments are those the filer uploaded. Viewing is logged as a
VIEW, the PDF as an EXPORT.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone

from opencasus.access.policy import CaseAccess, case_get
from opencasus.cases.models import Attachment, Case, InvolvedPartner, Person
from opencasus.cases.selectors import _log_view, with_masked_bsn
from opencasus.logbook.models import Action
from opencasus.logbook.services import record_processing

if TYPE_CHECKING:
    from opencasus.accounts.models import User


@dataclass
class Receipt:
    case: Case
    persons: list[Person]
    involved_partners: list[InvolvedPartner]
    attachments: list[Attachment]


def _receipt(*, actor: User, case_id: int) -> Receipt:
    case, level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.FILER)
    if case.filed_by_id != actor.pk and level < CaseAccess.CORE:
        raise Http404
    return Receipt(
        case=case,
        persons=with_masked_bsn(case.persons.select_related("municipality").order_by("id")),
        involved_partners=list(case.involved_partners.select_related("organisation").order_by("id")),
        attachments=list(Attachment.objects.filter(case=case, uploaded_by_id=case.filed_by_id)
                         .order_by("uploaded_at", "id")),
    )


def intake_receipt(*, actor: User, case_id: int) -> Receipt:
    """The receipt for the filer and core staff (404 for everyone else); the view is logged."""
    receipt = _receipt(actor=actor, case_id=case_id)
    _log_view(actor, receipt.case, object_type="intake-receipt")
    return receipt


@transaction.atomic
def intake_receipt_pdf(*, actor: User, case_id: int) -> tuple[bytes, Case]:
    """The receipt as a PDF (WeasyPrint); the export is logged in the same transaction."""
    from weasyprint import HTML

    from opencasus.access import roles
    from opencasus.cases.selectors import _activity, _purpose
    from opencasus.cases.services.transitions import case_subjects

    receipt = _receipt(actor=actor, case_id=case_id)
    html = render_to_string("cases/receipt_pdf.html", {"receipt": receipt, "case": receipt.case, "reader": actor,
                                                        "printed_at": timezone.now()})
    data = HTML(string=html).write_pdf()
    assert data is not None
    case = receipt.case
    record_processing(action=Action.EXPORT, activity_code=_activity(case), purpose=_purpose(case),
                      who=roles.who(actor, case.house_id), house_id=case.house_id,
                      data_subjects=case_subjects(case), object_type="intake-receipt-pdf", object_id=case.pk,
                      case_id=case.pk)
    return bytes(data), case
