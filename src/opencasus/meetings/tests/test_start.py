"""Work inbox counts of the meetings app and the "this week" filter of the meeting list."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from opencasus.accounts.models import User
from opencasus.meetings import services
from opencasus.meetings.start import meeting_sections, this_week
from opencasus.meetings.tests.factories import admitted_case, meeting, setting
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member

pytestmark = pytest.mark.django_db


def counts(user: User) -> dict[str, tuple[object, str]]:
    return {c.label: (c.value, c.url) for s in meeting_sections(user) for c in s.counts}


def test_this_week_runs_monday_to_sunday() -> None:
    assert this_week(dt.date(2026, 12, 3)) == (dt.date(2026, 11, 30), dt.date(2026, 12, 6))


def test_core_staff_meetings_this_week_and_the_list_behind_it(verified_client: Callable[[User], Client]) -> None:
    s = setting()
    first, last = this_week()
    meeting(s, date=first + dt.timedelta(days=3), location="Zaal deze week")
    meeting(s, date=last + dt.timedelta(days=2), location="Zaal volgende week")
    value, url = counts(s.director)["Overleggen deze week"]
    assert value == 1
    assert url == reverse("meetings:list") + "?week=deze"
    body = verified_client(s.director).get(url).content.decode()
    assert "deze week" in body.lower()
    assert counts(member(HouseFactory.create(), Role.PROCESS_DIRECTOR))["Overleggen deze week"][0] == 0


def test_partner_sees_their_next_meetings_and_own_items_only() -> None:
    s = setting()
    m = meeting(s, date=dt.date.today() + dt.timedelta(days=2))
    mine = admitted_case(s, [0])
    theirs = admitted_case(s, [1])
    for case in (mine, theirs):
        services.agenda_item_add(actor=s.director, meeting_id=m.pk, case_id=case.pk, minutes=20)
    c = counts(s.professionals[0])
    assert c["Mijn komende overleggen"][0] == 1
    assert c["Mijn agendapunten daarin"][0] == 1
    assert counts(s.professionals[2])["Mijn agendapunten daarin"][0] == 0
    assert "Overleggen deze week" not in c
    text = meeting_sections(s.professionals[0])[0].text
    assert text.startswith("Eerstvolgende: ")
    assert str(m.date.year) in text
