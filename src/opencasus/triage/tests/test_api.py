import pytest
from django.core import mail
from django.test import Client
from pytest_django import DjangoCaptureOnCommitCallbacks

from opencasus.cases.hitcheck import hit_check
from opencasus.cases.models import Participant
from opencasus.cases.tests.factories import CaseFactory, PersonFactory
from opencasus.cases.workflow import Status
from opencasus.core.tests.clients import ApiClient
from opencasus.core.tests.world import World
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member
from opencasus.triage import services
from opencasus.triage.models import Decision
from opencasus.triage.tests.factories import admit, intake, make_world, meets

pytestmark = pytest.mark.django_db

MEETS_BODY = {
    "criteria": [
        {"criterion": "multiple_problems", "answer": "yes", "explanation": "Schulden en verslaving."},
        {"criterion": "multiple_chains", "answer": "yes", "explanation": "Zorg en straf."},
        {"criterion": "system_impact", "answer": "yes", "explanation": "Kinderen."},
        {"criterion": "area_safety", "answer": "unknown"},
    ],
    "lifeDomains": [{"lifeDomain": "housing", "note": "Huurachterstand."}],
}



def test_queue_api(world: World, api_client: ApiClient) -> None:
    case = intake(world)
    client = api_client(world.director)
    response = client.get("/api/v1/triage-queue", {"houseId": world.house.pk})
    assert response.status_code == 200
    assert response.json()["count"] == 1
    [item] = response.json()["results"]
    assert item["caseId"] == case.pk
    assert item["reference"] == case.reference
    assert {"ageDays", "hitCount", "triageDate", "urgency", "filedAt", "subjects"} <= set(item)
    assert client.get("/api/v1/triage-queue", {"houseId": "x"}).status_code == 400
    assert client.get("/api/v1/triage-queue", {"houseId": make_world().house.pk}).status_code == 404
    assert api_client(world.police_pro).get("/api/v1/triage-queue").json()["results"] == []


def test_queue_api_pages_and_logs_only_the_page(world: World, api_client: ApiClient) -> None:
    cases = [intake(world) for _ in range(3)]
    client = api_client(world.director)
    first = client.get("/api/v1/triage-queue", {"houseId": world.house.pk, "pageSize": 2}).json()
    assert first["count"] == 3
    assert len(first["results"]) == 2
    assert first["next"]
    shown = {i["caseId"] for i in first["results"]}
    logged = set(ProcessingRecord.objects.filter(object_type="triage-queue").values_list("case_id", flat=True))
    assert logged == shown
    second = client.get("/api/v1/triage-queue", {"houseId": world.house.pk, "pageSize": 2, "page": 2}).json()
    assert {i["caseId"] for i in second["results"]} | shown == {c.pk for c in cases}
    assert client.get("/api/v1/triage-queue", {"pageSize": "0"}).status_code == 400
    assert client.get("/api/v1/triage-queue", {"page": "9"}).status_code == 404


def test_assessment_put_and_get(world: World, api_client: ApiClient) -> None:
    case = intake(world)
    client = api_client(world.director)
    url = f"/api/v1/cases/{case.pk}/triage-assessment"
    assert client.get(url).status_code == 404  # not started yet
    response = client.put(url, MEETS_BODY, format="json")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["computedVerdict"] == "meets"
    assert body["version"] == 1
    assert body["lifeDomains"] == [{"lifeDomain": "housing", "note": "Huurachterstand."}]
    case.refresh_from_db()
    assert case.status == Status.IN_TRIAGE
    assert client.get(url).json()["criteria"][0]["answer"] == "yes"
    assert client.get(url).json()["hits"] == []  # no hit check has found anyone
    stale = {**MEETS_BODY, "version": 1}
    assert client.put(url, stale, format="json").status_code == 200
    response = client.put(url, stale, format="json")
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    assert "intussen door iemand anders gewijzigd" in response.json()["detail"]


def test_assessment_get_returns_the_stored_hits_to_core_staff_only_and_logs_the_read(world: World,
                                                                                     api_client: ApiClient) -> None:
    case = intake(world)
    twin = case.persons.get()
    elsewhere = CaseFactory.create(house=HouseFactory.create(email="info@elders.example"), status=Status.ADMITTED,
                            reference="ELDERS-4711")
    PersonFactory.create(case=elsewhere, first_name=twin.first_name, last_name=twin.last_name,
                  date_of_birth=twin.date_of_birth)
    other_director = member(elsewhere.house, Role.PROCESS_DIRECTOR)
    hit_check(actor=world.director, case=case)
    services.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    url = f"/api/v1/cases/{case.pk}/triage-assessment"
    reads = ProcessingRecord.objects.filter(case_id=case.pk, object_type="hit-list", action="view")

    for core in (world.director, world.secretary):
        before = reads.count()
        response = api_client(core).get(url)
        assert response.status_code == 200
        assert response.json()["hits"] == [{
            "personId": twin.pk, "personName": f"{twin.first_name} {twin.last_name}", "matchedBy": "name_dob",
            "houseName": elsewhere.house.name, "where": "running_case",
            "contact": {"email": "info@elders.example",
                        "names": [other_director.get_full_name() or other_director.get_username()]},
        }]
        assert elsewhere.reference.encode() not in response.content
        assert str(elsewhere.pk) not in {str(v) for hit in response.json()["hits"] for v in hit.values()}
        # One read record per person of this case, by the caller, as GET /cases/{id}/hits writes it.
        assert reads.count() == before + 1
        assert reads.latest("id").data_subject == str(twin.pseudonym)

    for outsider in (world.police_pro, world.filer, other_director):
        before = ProcessingRecord.objects.filter(case_id=case.pk).count()
        response = api_client(outsider).get(url)
        assert response.status_code == 404
        assert elsewhere.house.name.encode() not in response.content
        assert ProcessingRecord.objects.filter(case_id=case.pk).count() == before


def test_assessment_put_validation_is_problem_json_in_dutch(world: World, api_client: ApiClient) -> None:
    case = intake(world)
    body = {"criteria": [{"criterion": "multiple_problems", "answer": "yes"}],
            "overrideVerdict": "meets"}
    response = api_client(world.director).put(f"/api/v1/cases/{case.pk}/triage-assessment", body, format="json")
    assert response.status_code == 400
    params = {p["name"]: p["reason"] for p in response.json()["invalidParams"]}
    assert params["multipleProblemsExplanation"] == "Licht dit antwoord toe."
    assert "overrideGrounds" in params
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED


def test_decision_post_admit_and_second_decision_conflicts(
    world: World, api_client: ApiClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    case = intake(world)
    services.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    url = f"/api/v1/cases/{case.pk}/triage-decision"
    body = {"outcome": "admit", "grounds": "Voldoet.", "purpose": "Recidive voorkomen.", "questions": "Regie?",
            "meetingTypeId": world.meeting_type.pk, "organisationIds": [world.police.pk],
            "professionals": [{"userId": world.police_pro.pk, "organisationId": world.police.pk}]}
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client(world.director).post(url, body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["purpose"] == "Recidive voorkomen."
    assert "Focusoverleg" in response.json()["feedbackToFiler"]
    assert len(mail.outbox) == 1
    response = api_client(world.secretary).post(url, {"outcome": "decline", "grounds": "Nee."}, format="json")
    assert response.status_code == 409
    assert "al over deze aanmelding besloten" in response.json()["detail"]
    assert Decision.objects.filter(case=case).count() == 1
    assert api_client(world.director).get(url).json()["outcome"] == "admit"


def test_decision_post_without_covenant_is_400_and_nothing_changes(world: World, api_client: ApiClient) -> None:
    case = intake(world)
    services.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    body = {"outcome": "admit", "grounds": "Voldoet.", "purpose": "Doel.", "questions": "Vragen.",
            "meetingTypeId": world.meeting_type.pk, "organisationIds": [world.no_covenant.pk]}
    response = api_client(world.director).post(f"/api/v1/cases/{case.pk}/triage-decision", body, format="json")
    assert response.status_code == 400
    assert "privacyconvenant" in response.json()["invalidParams"][0]["reason"]
    case.refresh_from_db()
    assert case.status == Status.IN_TRIAGE
    assert not Participant.objects.filter(case=case).exists()


def test_route_to_veilig_thuis_via_api(world: World, api_client: ApiClient) -> None:
    case = intake(world)
    services.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    response = api_client(world.director).post(f"/api/v1/cases/{case.pk}/triage-decision", {
        "outcome": "route", "grounds": "Huiselijk geweld.", "routedTo": "veilig_thuis"}, format="json")
    assert response.status_code == 201
    assert response.json()["routedTo"] == "veilig_thuis"


def test_participants_api(world: World, api_client: ApiClient) -> None:
    case = intake(world)
    services.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    services.decision_record(actor=world.director, case_id=case.pk, data=admit(world))
    client = api_client(world.director)
    url = f"/api/v1/cases/{case.pk}/participants"
    assert len(client.get(url).json()) == 4
    # A named participant sees who takes part.
    assert api_client(world.police_pro).get(url).status_code == 200
    response = client.post(url, {"organisationId": world.no_covenant.pk, "reason": "Nodig."}, format="json")
    assert response.status_code == 400
    row = Participant.objects.get(case=case, user=world.police_pro)
    response = client.post(f"{url}/{row.pk}/end", {"reason": "Niet meer nodig."}, format="json")
    assert response.status_code == 200
    assert response.json()[0]["endedAt"] is not None
    # Access ends with the participation.
    assert api_client(world.police_pro).get(url).status_code == 404
    assert client.post(f"{url}/{row.pk}/end", {"reason": "Nogmaals."}, format="json").status_code == 409
    assert ProcessingRecord.objects.filter(case_id=case.pk, object_type="participant", action="update").exists()


def test_openapi_describes_the_triage_endpoints(client: Client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/triage-queue", "/cases/{caseId}/triage-assessment", "/cases/{caseId}/triage-decision",
                 "/cases/{caseId}/participants", "/cases/{caseId}/participants/{participantId}/end"):
        assert path in paths
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    get = paths["/cases/{caseId}/triage-assessment"]["get"]["responses"]["200"]["content"]
    read = get["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    hits = schemas[read]["properties"]["hits"]
    assert hits["type"] == "array"
    assert hits["items"]["$ref"].endswith("/Hit")
    assert "hits" in schemas[read]["required"]
    assert {"personId", "matchedBy", "houseName", "where", "contact"} <= set(schemas["Hit"]["properties"])


def test_a_decision_marks_a_priority_theme_of_the_houses_region_and_year_only(api_client: ApiClient) -> None:
    from opencasus.governance.tests.factories import make_steering_world

    sw = make_steering_world()
    client = api_client(sw.world.director)
    body = {"outcome": "decline", "grounds": "Dubbele aanmelding."}
    case = intake(sw.world)
    refused = client.post(f"/api/v1/cases/{case.pk}/triage-decision",
                          {**body, "priorityThemeId": sw.other_region_theme.pk}, format="json")
    assert refused.status_code == 400
    assert [p["name"] for p in refused.json()["invalidParams"]] == ["priorityThemeId"]
    made = client.post(f"/api/v1/cases/{case.pk}/triage-decision",
                       {**body, "priorityThemeId": sw.themes[1].pk}, format="json")
    assert made.status_code == 201
    assert (made.json()["priorityThemeId"], made.json()["priorityThemeName"]) == (sw.themes[1].pk, "Huiselijk geweld")
