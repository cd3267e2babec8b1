"""Demo regie scans. Idempotent: three municipalities of the demo house answered the scan last year (Gorinchem
the year before as well, for its trend), so the region's average is still suppressed (fewer than five); this
year's scan is open for the demo login `gemeente.gorinchem`."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.network import services as network_services
from opencasus.network.models import House, Membership, Organisation, Role
from opencasus.regiescan import selectors, services
from opencasus.regiescan.models import Submission

# Municipality code, the officer who answers (created here when the network demo has none), the years back.
ANSWERING = [("GM0512", "gemeente.gorinchem", (2, 1)), ("GM1978", None, (1,)), ("GM0505", "regiescan.dordrecht", (1,))]


def _officer(house: House, code: str, username: str | None) -> User | None:
    existing = (Membership.objects.active().filter(house=house, role=Role.MUNICIPALITY_OFFICER,
                                                   municipality__code=code).select_related("user")
                .order_by("user__username"))
    if username is not None:
        existing = existing.filter(user__username=username)
    membership = existing.first()
    if membership is not None:
        return membership.user
    organisation = Organisation.objects.filter(municipality__code=code).first()
    if organisation is None or username is None or organisation.municipality is None:
        return None
    user, created = User.objects.get_or_create(username=username, defaults={
        "first_name": "Regisseur", "last_name": organisation.municipality.name,
        "email": f"{username}@demo.opencasus.invalid"})
    if created:
        user.set_unusable_password()  # answers the demo's scans only; no login
        user.save()
    network_services.membership_grant(user=user, house=house, organisation=organisation,
                                      role=Role.MUNICIPALITY_OFFICER, municipality=organisation.municipality,
                                      started_on=dt.date(2024, 2, 1))
    return user


def load_demo_data(house: House) -> None:
    if Submission.objects.filter(house=house).exists():
        return
    rng = random.Random(1517)  # noqa: S311 - reproducible synthetic demo data, not security
    this_year = timezone.localdate().year
    for code, username, years_back in ANSWERING:
        officer = _officer(house, code, username)
        if officer is None:
            continue
        municipality_id = selectors.municipality_id_for(code)
        for back in years_back:
            submission = services.scan_start(actor=officer, house_id=house.pk, municipality_id=municipality_id,
                                             year=this_year - back)
            questions = selectors.questionnaire(house_id=house.pk).active_questions
            base = rng.randint(2, 4)
            answers: dict[int, int | None] = {
                q.pk: max(1, min(submission.scale_points, base + rng.randint(-1, 1) + (2 - back)))
                for q in questions}
            services.scan_answers_save(actor=officer, scan_id=submission.pk, answers=answers,
                                       expected_version=submission.version, submit=True)
