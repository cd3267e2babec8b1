from collections.abc import Iterable

import pytest
from django.http import Http404

from opencasus.cases.models import InformationItem
from opencasus.cases.vocabulary import LifeDomain, SharingScope
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Organisation
from opencasus.network.tests.factories import OrganisationFactory
from opencasus.plans import services
from opencasus.plans.document import plan_document_html, plan_pdf
from opencasus.plans.tests.factories import World, in_days, world

pytestmark = pytest.mark.django_db


def _item(
    w: World, text: str, scope: str, organisation: Organisation, shared_with: Iterable[Organisation] = (),
) -> InformationItem:
    item = InformationItem.objects.create(case=w.case, organisation=organisation, author=w.director,
                                          life_domain=LifeDomain.DRUGS, text=text, sharing_scope=scope,
                                          legal_basis="art. 6 lid 1 sub e AVG")
    item.shared_with.set(shared_with)
    return item


@pytest.fixture
def w() -> World:
    w = world()
    services.goal_add(actor=w.director, case_id=w.case.pk, life_domain=LifeDomain.HOUSING, description="Woning houden")
    services.agreement_create(actor=w.director, case_id=w.case.pk, description="Huisbezoek",
                              owner_organisation=w.police, owner_user=w.owner, deadline=in_days(7))
    third = OrganisationFactory.create()
    _item(w, "Alleen-weegtafel-informatie", SharingScope.TRIAGE_TABLE, third)
    _item(w, "Voor-alle-deelnemers", SharingScope.ALL_PARTICIPANTS, third)
    _item(w, "Alleen-voor-politie", SharingScope.NAMED_ORGANISATIONS, third, [w.police])
    _item(w, "Eigen-GGZ-informatie", SharingScope.TRIAGE_TABLE, w.care)
    return w


def test_core_staff_document_shows_everything(w: World) -> None:
    html, _case = plan_document_html(actor=w.director, case_id=w.case.pk)
    for text in ("Woning houden", "Huisbezoek", "Alleen-weegtafel-informatie", "Voor-alle-deelnemers",
                 "Alleen-voor-politie", "Eigen-GGZ-informatie", "Plan van aanpak voor casus"):
        assert text in html


def test_participant_document_shows_only_what_is_shared_with_them(w: World) -> None:
    police, _case = plan_document_html(actor=w.owner, case_id=w.case.pk)
    assert "Woning houden" in police
    assert "Huisbezoek" in police
    assert "Voor-alle-deelnemers" in police
    assert "Alleen-voor-politie" in police
    assert "Alleen-weegtafel-informatie" not in police
    assert "Eigen-GGZ-informatie" not in police
    care, _case = plan_document_html(actor=w.participant, case_id=w.case.pk)
    assert "Alleen-voor-politie" not in care
    assert "Alleen-weegtafel-informatie" not in care
    assert "Voor-alle-deelnemers" in care
    assert "Eigen-GGZ-informatie" in care  # their own organisation's items


@pytest.mark.parametrize("who", ["outsider", "filer", "manager", "steering", "privacy_officer", "other_house_director"])
def test_others_get_no_document(w: World, who: str) -> None:
    with pytest.raises(Http404):
        plan_pdf(actor=getattr(w, who), case_id=w.case.pk)
    assert not ProcessingRecord.objects.filter(object_type="plan-pdf").exists()


def test_pdf_is_rendered_and_every_export_is_logged(w: World) -> None:
    data, _case = plan_pdf(actor=w.owner, case_id=w.case.pk)
    assert data.startswith(b"%PDF")
    plan_pdf(actor=w.director, case_id=w.case.pk)
    records = ProcessingRecord.objects.filter(case_id=w.case.pk, object_type="plan-pdf", action="export")
    assert records.count() == 2 * len(w.persons)
    assert {r.audit.username for r in records} == {w.owner.username, w.director.username}
