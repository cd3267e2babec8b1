"""The national programme: 25 regions side by side with suppression, 404 on the case, a national escalation
answered without the case; its grant goes through four eyes and administers nothing."""

from __future__ import annotations

from typing import Any

import pytest

from opencasus.network import grants
from opencasus.network.models import Approval, Membership, Role
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, UserFactory, member
from opencasus.plans import services
from opencasus.plans.models import Escalation
from opencasus.plans.tests.factories import World, in_days, world
from opencasus.plans.vocabulary import EscalationLevel, EscalationStatus

pytestmark = pytest.mark.django_db


def _national(w: World) -> Any:
    return member(w.house, Role.NATIONAL_OFFICER, OrganisationFactory.create(name="Ministerie van JenV"))


def _strategic(w: World) -> Escalation:
    agreement = services.agreement_create(actor=w.director, case_id=w.case.pk, description="Beveiligde woonplek",
                                          owner_organisation=w.care, owner_user=w.participant, deadline=in_days(5))
    previous = None
    for level in (EscalationLevel.OPERATIONAL, EscalationLevel.TACTICAL, EscalationLevel.STRATEGIC):
        previous = services.escalation_raise(
            actor=w.director, case_id=w.case.pk, level=level, organisation=w.care, agreement_id=agreement.pk,
            previous_id=previous.pk if previous else None, reason=f"Ria Vermeer heeft geen plek ({level}).")
    assert previous is not None
    return previous


def test_done_when_national_sees_regions_gets_404_on_the_case_and_answers_a_national_escalation(
        api_client: Any) -> None:
    w = world()
    national = _national(w)
    api = api_client(national)
    dashboard = api.get("/api/v1/dashboards/national").json()
    assert [r["code"] for r in dashboard["regions"]] == [f"VR{n:02d}" for n in range(1, 26)]
    activity = next(t for t in dashboard["tables"] if t["slug"] == "national-activity")
    assert len(activity["rows"]) == 25
    for row in activity["rows"]:
        for cell in row["values"]:
            assert cell["suppressed"] or cell["value"] == 0 or cell["value"] >= 5
    own = next(r for r in activity["rows"] if r["key"] == w.house.region.code)
    assert own["values"][0] == {"column": "filed", "value": None, "suppressed": True}  # one intake
    for url in (f"/api/v1/cases/{w.case.pk}", f"/api/v1/cases/{w.case.pk}/plan", f"/api/v1/cases/{w.case.pk}/persons"):
        assert api.get(url).status_code == 404
    strategic = _strategic(w)
    assert api.get(f"/api/v1/escalations/{strategic.pk}").status_code == 404
    raised = api_client(w.director).post("/api/v1/escalations", {
        "caseId": w.case.pk, "level": "national", "organisationId": w.care.pk, "previousId": strategic.pk,
        "reason": "Landelijk tekort aan beveiligde woonplekken voor jongvolwassenen met een LVB."}, format="json")
    assert raised.status_code == 201, raised.content
    national_id = raised.json()["id"]
    listed = api.get("/api/v1/national-escalations").json()["results"]
    assert [e["id"] for e in listed] == [national_id]
    item = listed[0]
    assert item["regionCode"] == w.house.region.code
    assert item["houseName"] == w.house.name
    assert "Vermeer" not in str(listed)
    assert "caseId" not in item
    assert "reason" not in item
    assert api.get(f"/api/v1/escalations/{national_id}").status_code == 404
    answered = api.patch(f"/api/v1/national-escalations/{national_id}", {
        "version": item["version"], "response": "Het programma zoekt capaciteit bij DJI.",
        "outcome": "partly_resolved"}, format="json")
    assert answered.status_code == 200, answered.content
    assert answered.json()["status"] == EscalationStatus.ANSWERED
    assert api.get(f"/api/v1/cases/{w.case.pk}").status_code == 404
    seen = api_client(w.director).get(f"/api/v1/escalations/{national_id}").json()
    assert seen["response"] == "Het programma zoekt capaciteit bij DJI."
    assert seen["level"] == "national"


def test_national_grant_takes_four_eyes_and_administers_nothing(verified_client: Any, api_client: Any) -> None:
    house = HouseFactory.create()
    admin, manager = member(house, Role.FUNCTIONAL_ADMINISTRATOR), member(house, Role.HOUSE_MANAGER)
    officer, ministry = UserFactory.create(), OrganisationFactory.create()
    grant = grants.membership_request(actor=admin, user=officer, house=house, organisation=ministry,
                                      role=Role.NATIONAL_OFFICER)
    assert grant.approval == Approval.PENDING
    assert api_client(officer).get("/api/v1/dashboards/national").status_code == 404  # pending counts nowhere
    with pytest.raises(grants.GrantError):
        grants.membership_approve(actor=admin, membership=grant)  # not the requester
    grants.membership_approve(actor=manager, membership=grant)
    assert Membership.objects.active().filter(user=officer, role=Role.NATIONAL_OFFICER).exists()
    client = verified_client(officer)
    assert client.get("/managementinformatie/landelijk").status_code == 200
    assert not grants.may_request(officer, house)
    assert not grants.sees_grants(officer)
    for url in ("/rolaanvragen", "/managementinformatie", f"/managementinformatie/huizen/{house.pk}", "/opschalingen"):
        assert client.get(url).status_code == 404, url
    assert api_client(officer).get("/api/v1/role-grants").json().get("results", []) == []


def test_other_roles_get_404_on_the_national_pages(verified_client: Any, api_client: Any) -> None:
    w = world()
    national = services.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.NATIONAL,
                                         organisation=w.care, previous_id=_strategic(w).pk,
                                         reason="Geen landelijke capaciteit.")
    for user in (w.director, w.manager, w.steering, w.owner, w.privacy_officer, w.administrator):
        client, api = verified_client(user), api_client(user)
        for url in ("/managementinformatie/landelijk", "/managementinformatie/landelijk/export.csv",
                    "/landelijk/opschalingen", f"/landelijk/opschalingen/{national.pk}"):
            assert client.get(url).status_code == 404, (user, url)
        for url in ("/api/v1/dashboards/national", "/api/v1/national-escalations",
                    f"/api/v1/national-escalations/{national.pk}"):
            assert api.get(url).status_code == 404, (user, url)
