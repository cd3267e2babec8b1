"""Demo privacy settings: EXAMPLE retention periods, clearly labelled, and one rights request. Idempotent.

No period here is the law or any house's covenant: each house sets its own, with its source.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.network.models import House
from opencasus.privacy import services
from opencasus.privacy.models import (
    LogVerification,
    PrivacySettings,
    RetentionCategory,
    RetentionPolicy,
    RightsRequest,
    RightsRequestKind,
)

EXAMPLE_SOURCE = "Voorbeeldwaarde — te vervangen door het artikel uit het privacyconvenant van het huis"
EXAMPLE_MONTHS: dict[str, int] = {
    RetentionCategory.INTAKE_DECLINED: 6,
    RetentionCategory.INTAKE_ROUTED: 6,
    RetentionCategory.INTAKE_ADVICE: 12,
    RetentionCategory.CASE_CLOSED: 60,
    RetentionCategory.MINUTES: 60,
    RetentionCategory.ATTACHMENTS: 24,
    RetentionCategory.PROCESSING_LOG: 84,
}


def load_demo_data(house: House) -> None:
    for category, months in EXAMPLE_MONTHS.items():
        RetentionPolicy.objects.get_or_create(house=house, category=category, defaults={
            "period_months": months, "source": EXAMPLE_SOURCE, "is_example": True})
    PrivacySettings.objects.get_or_create(house=house)
    officer = User.objects.filter(username="fg").first()
    if officer is not None and not RightsRequest.objects.filter(house=house).exists():
        services.rights_request_create(
            actor=officer, house=house, kind=RightsRequestKind.RECTIFICATION,
            requester_name="Demo-betrokkene (fictief)",
            received_on=timezone.localdate() - dt.timedelta(days=10),
            description="Het adres in de casus is onjuist: de betrokkene is verhuisd naar de Voorstraat.")
    if not LogVerification.objects.filter(house__isnull=True).exists():
        services.verification_run()
