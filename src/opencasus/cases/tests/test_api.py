import pytest

from opencasus.cases.models import Case
from opencasus.cases.tests import helpers as h
from opencasus.cases.tests.factories import ParticipantFactory
from opencasus.cases.workflow import Status
from opencasus.core.tests.clients import ApiClient
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Role

pytestmark = pytest.mark.django_db


def payload(w: h.World, **overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "houseId": w.house.pk, "organisationId": w.police.pk, "subjectType": "person",
        "persons": [{"firstName": "Kevin", "lastName": "de Boer", "dateOfBirth": "1999-02-03", "bsn": h.VALID_BSN,
                     "municipalityCode": "GM0505", "relation": "subject"}],
        "reason": "Overlast en bedreiging.", "requestedPurpose": "Samenhangende aanpak.",
        "route": "zsm", "municipalityCode": "GM0505", "peopleInformed": "yes",
        "involvedPartners": [{"organisationName": "Wijkteam", "contact": "Els"}],
    }
    body.update(overrides)
    return body


def test_partner_files_a_person_intake_through_the_api(api_client: ApiClient) -> None:
    w = h.world()
    response = api_client(w.partner).post("/api/v1/cases", payload(w), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    case = Case.objects.get()
    assert body["reference"] == case.reference
    assert body["accessLevel"] == "filer"
    assert body["filingOrganisationName"] == case.filed_by_organisation.name
    assert body["houseName"] == case.house.name
    assert body["status"] == "submitted"
    assert [s["status"] for s in body["statusHistory"]] == ["submitted"]
    assert "persons" not in body
    assert "hits" not in body
    assert "intake" not in body
    assert h.VALID_BSN not in response.content.decode()
    assert ProcessingRecord.objects.filter(action="create", case_id=case.pk).count() == 1


def test_household_intake_with_two_children_through_the_api(api_client: ApiClient) -> None:
    w = h.world()
    members = [
        {"firstName": "Sandra", "lastName": "Jansen", "dateOfBirth": "1985-06-01", "relation": "parent"},
        {"firstName": "Marco", "lastName": "Jansen", "dateOfBirth": "1983-01-09", "relation": "parent"},
        {"firstName": "Lisa", "lastName": "Jansen", "dateOfBirth": "2012-04-02", "relation": "child"},
        {"firstName": "Tim", "lastName": "Jansen", "dateOfBirth": "2015-08-20", "relation": "child"},
    ]
    response = api_client(w.partner).post("/api/v1/cases", payload(w, subjectType="system", persons=members),
                                          format="json")
    assert response.status_code == 201
    assert Case.objects.get().persons.filter(relation="child").count() == 2


def test_system_client_files_on_behalf_of_its_organisation(api_client: ApiClient) -> None:
    w = h.world()
    zsm = h.OrganisationFactory.create(name="ZSM-tafel Rotterdam")
    client_user = h.member(w.house, Role.PARTNER_PROFESSIONAL, zsm, is_system_client=True)
    body = payload(w)
    del body["organisationId"]  # its only organisation in the house
    response = api_client(client_user).post("/api/v1/cases", body, format="json")
    assert response.status_code == 201
    assert Case.objects.get().filed_by_organisation == zsm


def test_invalid_bsn_through_the_api_is_a_problem_and_nothing_is_stored(api_client: ApiClient) -> None:
    w = h.world()
    body = payload(w)
    body["persons"][0]["bsn"] = h.INVALID_BSN  # type: ignore[index]
    response = api_client(w.partner).post("/api/v1/cases", body, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["invalidParams"][0]["name"] == "persons.0.bsn"
    assert problem["invalidParams"][0]["reason"] == (
        "Dit is geen geldig BSN: het moet 9 cijfers hebben en voldoen aan de elfproef.")
    assert h.INVALID_BSN not in response.content.decode()
    assert not Case.objects.exists()
    assert not ProcessingRecord.objects.filter(activity_code="intake").exists()


def test_service_errors_come_back_with_camel_case_names(api_client: ApiClient) -> None:
    w = h.world()
    response = api_client(w.partner).post(
        "/api/v1/cases", payload(w, route="aftercare", persons=[{"firstName": "A", "lastName": "B"}]), format="json")
    assert response.status_code == 400
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert names == {"releaseDate", "persons.0.dateOfBirth"}


def test_filing_at_a_house_where_one_has_no_role_is_refused(api_client: ApiClient) -> None:
    w, other = h.world(), h.world()
    response = api_client(other.partner).post("/api/v1/cases", payload(w, organisationId=other.police.pk),
                                              format="json")
    assert response.status_code == 400
    assert not Case.objects.exists()


def test_list_detail_hits_and_filters(api_client: ApiClient) -> None:
    w = h.world()
    elsewhere = h.world(h.HouseFactory.create(name="Veiligheidshuis Elders", email="elders@vh.invalid"))
    h.file_person_intake(elsewhere)
    case = h.file_person_intake(w)
    client = api_client(w.director)
    listing = client.get("/api/v1/cases", {"status": "submitted", "route": "criminal_track"}).json()
    assert [c["reference"] for c in listing["results"]] == [case.reference]
    assert client.get("/api/v1/cases", {"subjectType": "area"}).json()["count"] == 0
    detail = client.get(f"/api/v1/cases/{case.pk}").json()
    assert detail["accessLevel"] == "core"
    assert detail["persons"][0]["bsnMasked"] == "*****2333"
    assert detail["intake"]["reason"].startswith("Herhaaldelijk")
    assert detail["hits"][0]["houseName"] == "Veiligheidshuis Elders"
    hits = client.get(f"/api/v1/cases/{case.pk}/hits").json()
    assert hits == [{"personId": case.persons.get().pk, "personName": "Kevin de Boer", "matchedBy": "bsn",
                     "houseName": "Veiligheidshuis Elders", "where": "intake",
                     "contact": {"email": "elders@vh.invalid", "names": ["Anna de Regisseur"]}}]
    # The filer never sees the hits.
    assert api_client(w.partner).get(f"/api/v1/cases/{case.pk}/hits").status_code == 404


def test_information_items_and_attachments_through_the_api(api_client: ApiClient) -> None:
    w = h.world()
    case = h.file_person_intake(w)
    Case.objects.filter(pk=case.pk).update(status=Status.ADMITTED, purpose="Recidive voorkomen")
    reclassering = h.OrganisationFactory.create(name="Reclassering")
    professional = h.member(w.house, Role.PARTNER_PROFESSIONAL, reclassering)
    ParticipantFactory.create(case=case, organisation=reclassering, user=professional)
    client = api_client(professional)

    created = client.post(f"/api/v1/cases/{case.pk}/information-items", {
        "lifeDomain": "drugs", "text": "Gebruikt dagelijks.", "sharingScope": "all_participants",
        "legalBasis": "Convenant art. 6"}, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["organisationName"] == "Reclassering"
    items = client.get(f"/api/v1/cases/{case.pk}/information-items").json()
    assert [i["text"] for i in items] == ["Gebruikt dagelijks."]

    upload = client.post(f"/api/v1/cases/{case.pk}/attachments",
                         {"file": h.upload("rapport.pdf"), "sharingScope": "all_participants"}, format="multipart")
    assert upload.status_code == 201, upload.content
    attachment_id = upload.json()["id"]
    listed = client.get(f"/api/v1/cases/{case.pk}/attachments").json()
    assert [a["filename"] for a in listed] == ["rapport.pdf"]
    content = client.get(f"/api/v1/cases/{case.pk}/attachments/{attachment_id}/content")
    assert content.status_code == 200
    assert content.streaming
    assert content.getvalue().startswith(b"%PDF")
    bad = client.post(f"/api/v1/cases/{case.pk}/attachments", {"file": h.upload("x.png", b"GIF89a")},
                      format="multipart")
    assert bad.status_code == 400
    assert bad.json()["invalidParams"][0]["reason"] == "De inhoud van “x.png” past niet bij het bestandstype."
    kinds = list(ProcessingRecord.objects.filter(case_id=case.pk).values_list("action", "object_type"))
    for expected in [("create", "information-item"), ("view", "information-item-list"),
                     ("create", "attachment"), ("view", "attachment-list"), ("view", "attachment")]:
        assert expected in kinds


def test_openapi_describes_the_cases_endpoints() -> None:
    from django.test import Client

    paths = Client().get("/api/v1/openapi.json").json()["paths"]
    for path in ["/cases", "/cases/{id}", "/cases/{id}/hits", "/cases/{caseId}/information-items",
                 "/cases/{caseId}/attachments", "/cases/{caseId}/attachments/{id}/content"]:
        assert path in paths
