"""The group pages: the group page, adding a member, one member; the section on the workspace of the area case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from opencasus.accounts.models import User
from opencasus.groups.models import GroupMember
from opencasus.groups.tests.factories import make_group_world, switch_on
from opencasus.logbook.models import ProcessingRecord
from opencasus.plans.models import Goal, Plan

pytestmark = pytest.mark.django_db


def test_the_group_page_lists_members_roles_links_and_goals(verified_client: Callable[[User], Client]) -> None:
    w = make_group_world()
    plan = Plan.objects.create(case=w.group)
    Goal.objects.create(plan=plan, life_domain="friends",
                        description="De overlast bij het winkelcentrum stopt.")
    Goal.objects.create(plan=plan, life_domain="education_work", person=w.members[0].person,
                        description="Gaat weer elke dag naar school.")
    html = verified_client(w.director).get(reverse("groups:group", args=[w.group.pk])).content.decode()
    for m in w.members:
        assert m.person.first_name in html
    assert "Leider" in html
    assert "Kernlid" in html
    assert "Meeloper" in html
    assert w.case_a.reference in html
    assert w.case_b.reference in html
    assert "De overlast bij het winkelcentrum stopt." in html
    assert "Gaat weer elke dag naar school." in html
    assert "Lid toevoegen" in html
    records = ProcessingRecord.objects.filter(object_type="group-members", case_id=w.group.pk, action="view")
    assert {r.data_subject for r in records} == {str(m.person.pseudonym) for m in w.members}


def test_a_participant_of_the_group_only_sees_that_a_case_is_linked(verified_client: Callable[[User], Client]) -> None:
    w = make_group_world()
    client = verified_client(w.world.police_pro)
    html = client.get(reverse("groups:group", args=[w.group.pk])).content.decode()
    assert w.members[0].person.first_name in html
    assert w.case_a.reference not in html
    assert w.case_b.reference not in html
    assert html.count("niet zichtbaar voor u") == 2
    assert "Lid toevoegen" not in html
    assert client.get(reverse("cases:detail", args=[w.case_a.pk])).status_code == 404
    assert client.get(reverse("cases:detail", args=[w.case_b.pk])).status_code == 404


def test_a_participant_of_one_linked_case_sees_that_one(verified_client: Callable[[User], Client]) -> None:
    w = make_group_world()
    html = verified_client(w.world.probation_pro).get(reverse("groups:group", args=[w.group.pk])).content.decode()
    assert w.case_a.reference in html
    assert w.case_b.reference not in html
    assert html.count("niet zichtbaar voor u") == 1


def test_adding_a_member_by_name(verified_client: Callable[[User], Client]) -> None:
    w = make_group_world()
    client = verified_client(w.director)
    url = reverse("groups:member-new", args=[w.group.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"person": "", "first_name": "Sem", "last_name": "Bakker", "role": "follower",
                                 "tier": "3", "start_date": "2026-02-01"})
    assert response.status_code == 302
    assert GroupMember.objects.filter(case=w.group, person__first_name="Sem").exists()
    bad = client.post(url, {"person": "", "first_name": "", "last_name": "", "role": "follower", "tier": "3",
                            "start_date": "2026-02-01"})
    assert bad.status_code == 400
    assert "Vul de voornaam" in bad.content.decode()


def test_changing_ending_and_unlinking_a_member(verified_client: Callable[[User], Client]) -> None:
    w = make_group_world()
    client = verified_client(w.director)
    m = w.members[0]
    url = reverse("groups:member", args=[w.group.pk, m.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert w.case_a.reference in page.content.decode()
    assert client.post(url, {"edit-version": m.version, "edit-role": "core_member", "edit-tier": "2",
                             "edit-start_date": "2026-01-15", "edit-end_date": ""}).status_code == 302
    m.refresh_from_db()
    assert (m.role, m.tier) == ("core_member", 2)
    stale = client.post(url, {"edit-version": 1, "edit-role": "leader", "edit-tier": "1",
                              "edit-start_date": "2026-01-15", "edit-end_date": ""})
    assert stale.status_code == 409
    assert "Iemand anders heeft dit intussen gewijzigd" in stale.content.decode()
    assert client.post(url, {"unlink-version": m.version}).status_code == 302
    m.refresh_from_db()
    assert m.individual_case_id is None
    assert client.post(url, {"link-version": m.version, "link-individual_case": w.case_a.pk}).status_code == 302
    m.refresh_from_db()
    assert m.individual_case_id == w.case_a.pk
    assert client.post(url, {"end-version": m.version, "end-end_date": dt.date.today().isoformat()}).status_code == 302
    m.refresh_from_db()
    assert m.end_date == dt.date.today()


def test_participants_cannot_post(verified_client: Callable[[User], Client]) -> None:
    w = make_group_world()
    m = w.members[2]
    client = verified_client(w.world.probation_pro)
    url = reverse("groups:member", args=[w.group.pk, m.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"edit-version": 1, "edit-role": "leader", "edit-tier": "1",
                             "edit-start_date": "2026-01-15"}).status_code == 404
    assert client.get(reverse("groups:member-new", args=[w.group.pk])).status_code == 404


def test_the_workspace_of_the_area_case_shows_the_group_section(verified_client: Callable[[User], Client]) -> None:
    w = make_group_world()
    client = verified_client(w.world.police_pro)
    html = client.get(reverse("cases:detail", args=[w.group.pk])).content.decode()
    assert "Groepsaanpak" in html
    assert reverse("groups:group", args=[w.group.pk]) in html
    person_page = client.get(reverse("cases:detail", args=[w.group.pk]) + "?tab=personen").content.decode()
    assert reverse("groups:group", args=[w.group.pk]) in person_page
    switch_on(w.world.house.pk, enabled=False)
    html = client.get(reverse("cases:detail", args=[w.group.pk])).content.decode()
    assert reverse("groups:group", args=[w.group.pk]) not in html
    assert client.get(reverse("groups:group", args=[w.group.pk])).status_code == 404


def test_the_filer_sees_no_group(verified_client: Callable[[User], Client]) -> None:
    w = make_group_world()
    client = verified_client(w.world.filer)
    assert client.get(reverse("groups:group", args=[w.group.pk])).status_code == 404
    assert reverse("groups:group", args=[w.group.pk]) not in client.get(
        reverse("cases:detail", args=[w.group.pk])).content.decode()
