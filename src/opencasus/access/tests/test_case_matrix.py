"""The access matrix: every role x every case page and endpoint x relation to the case.

Each cell computes the expected access level from the rules in `opencasus.access.policy`,
requests every page and endpoint, checks that hidden answers 404 and that nothing above the
level leaks, and that every allowed read or write left its processing-log record.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from opencasus.access.policy import CaseAccess
from opencasus.cases.models import Attachment, Case, InformationItem
from opencasus.cases.tests.factories import CaseFactory, ParticipantFactory, PersonFactory
from opencasus.cases.tests.helpers import PDF, upload
from opencasus.cases.vocabulary import SharingScope
from opencasus.cases.workflow import Status
from opencasus.core.tests.clients import ApiClient, VerifiedClient
from opencasus.logbook.models import ProcessingRecord, RefusedAccess
from opencasus.network.models import CORE_STAFF_ROLES, MUNICIPALITY_ROLES, Approval, Membership, Role
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, UserFactory, member

pytestmark = pytest.mark.django_db

RELATIONS = ["participant", "non_participant", "filer", "other_house", "participation_ended", "membership_ended",
             "grant_pending", "grant_refused"]
SECRET_BSN = "111222333"


@dataclass
class Scene:
    case: Case
    other_house_case: Case
    shared_attachment: Attachment
    triage_only_text: str = "Alleen voor de wegingstafel: lopend zedenonderzoek."
    shared_text: str = "Voor alle deelnemers: schulden bij woningcorporatie."


def build_scene() -> Scene:
    house, other = HouseFactory.create(), HouseFactory.create()
    filer = member(house, Role.PARTNER_PROFESSIONAL)
    case = CaseFactory.create(house=house, status=Status.ADMITTED, purpose="Doel: recidive voorkomen", filed_by=filer,
                       filed_by_organisation=filer.memberships.get().organisation,
                       feedback_to_filer="Uw aanmelding is toegelaten.", reason="Geheime reden van aanmelding",
                       admitted_at=timezone.now())
    case.status_changes.create(house_id=case.house_id, from_status="", to_status=Status.SUBMITTED)
    PersonFactory.create(case=case, first_name="Wessel", last_name="Groenewegen", bsn=SECRET_BSN)
    org = OrganisationFactory.create()
    author = UserFactory.create()
    InformationItem.objects.create(case=case, organisation=org, author=author, life_domain="offence_history",
                                   text=Scene.triage_only_text, sharing_scope=SharingScope.TRIAGE_TABLE,
                                   legal_basis="Convenant")
    InformationItem.objects.create(case=case, organisation=org, author=author, life_domain="housing",
                                   text=Scene.shared_text, sharing_scope=SharingScope.ALL_PARTICIPANTS,
                                   legal_basis="Convenant")
    attachment = Attachment(case=case, filename="rapport.pdf", content_type="application/pdf", size=len(PDF),
                            uploaded_by=author, sharing_scope=SharingScope.ALL_PARTICIPANTS)
    attachment.file.save("rapport.pdf", ContentFile(PDF), save=True)
    other_case = CaseFactory.create(house=other, status=Status.ADMITTED, purpose="Ander huis")
    return Scene(case=case, other_house_case=other_case, shared_attachment=attachment)


def make_actor(scene: Scene, role: str, relation: str) -> Any:
    case = scene.case
    organisation = OrganisationFactory.create()
    house = scene.other_house_case.house if relation == "other_house" else case.house
    extra = {"municipality": case.municipality} if role in MUNICIPALITY_ROLES else {}
    user = member(house, role, organisation, **extra)
    if relation in {"participant", "participation_ended", "membership_ended", "grant_pending", "grant_refused"}:
        ended = timezone.now() - dt.timedelta(days=1) if relation == "participation_ended" else None
        ParticipantFactory.create(case=case, organisation=organisation, user=user, ended_at=ended)
    if relation in {"filer", "membership_ended", "grant_pending", "grant_refused"}:
        Case.objects.filter(pk=case.pk).update(filed_by=user, filed_by_organisation=organisation)
    if relation == "other_house":
        ParticipantFactory.create(case=scene.other_house_case, organisation=organisation, user=user)
    if relation == "membership_ended":
        Membership.objects.filter(user=user).update(ended_on=timezone.localdate() - dt.timedelta(days=1))
    if relation in {"grant_pending", "grant_refused"}:
        # A participant and filer whose role was never approved (four eyes): it counts nowhere.
        approval = Approval.PENDING if relation == "grant_pending" else Approval.REFUSED
        Membership.objects.filter(user=user).update(approval=approval)
    return user


def expected_level(role: str, relation: str) -> CaseAccess:
    if relation in {"other_house", "membership_ended", "grant_pending", "grant_refused"}:
        return CaseAccess.NONE
    if role in CORE_STAFF_ROLES:
        return CaseAccess.CORE
    if role == Role.AFTERCARE_COORDINATOR:  # files intakes for expected releases; is never a participant
        return CaseAccess.FILER if relation == "filer" else CaseAccess.NONE
    if role != Role.PARTNER_PROFESSIONAL:
        return CaseAccess.NONE
    return {"participant": CaseAccess.PARTICIPANT, "filer": CaseAccess.FILER}.get(relation, CaseAccess.NONE)


class LogWatch:
    def __init__(self, case: Case) -> None:
        self.case = case
        self.last = ProcessingRecord.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    def new(self, **filters: Any) -> list[ProcessingRecord]:
        records = list(ProcessingRecord.objects.filter(pk__gt=self.last, **filters))
        self.last = ProcessingRecord.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        return records


def missing_case_id() -> int:
    return (Case.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1000


def _unmasked(content: bytes) -> bytes:
    """The page without its CSRF token, which is masked afresh for every response."""
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)


def assert_refused_like_missing(client: Any, url: str, missing_url: str, user: Any, case: Case) -> None:
    """A hidden case answers exactly as a missing one, and leaves a refused-access record (a missing one
    too, without a house)."""
    before = RefusedAccess.objects.count()
    hidden, missing = client.get(url), client.get(missing_url)
    assert hidden.status_code == missing.status_code == 404
    assert _unmasked(hidden.content) == _unmasked(missing.content)
    assert hidden["Content-Type"] == missing["Content-Type"]
    refused = list(RefusedAccess.objects.order_by("pk")[before:])
    assert [(r.user_id, r.case_id, r.house_id) for r in refused] == [
        (user.pk, case.pk, case.house_id), (user.pk, missing_case_id(), None)]


def assert_no_leak(text: str, level: CaseAccess, scene: Scene) -> None:
    assert SECRET_BSN not in text
    if level < CaseAccess.CORE:
        assert "Geheime reden" not in text
        assert scene.triage_only_text not in text
    if level < CaseAccess.PARTICIPANT:
        assert "Groenewegen" not in text
        assert "recidive" not in text
        assert scene.shared_text not in text


@pytest.mark.parametrize("relation", RELATIONS)
@pytest.mark.parametrize("role", list(Role.values))
def test_pages(role: str, relation: str, verified_client: VerifiedClient) -> None:
    scene = build_scene()
    user = make_actor(scene, role, relation)
    level = expected_level(role, relation)
    case = scene.case
    client = verified_client(user)
    log = LogWatch(case)

    listing = client.get("/casussen")
    assert listing.status_code == 200
    assert (case.reference in listing.content.decode()) == (level >= CaseAccess.FILER)
    assert scene.other_house_case.reference not in listing.content.decode() or relation == "other_house"
    if level >= CaseAccess.FILER:
        assert [(r.object_type, r.data_subject) for r in log.new(action="view", house_id=case.house_id)] == [
            ("case-list", "")]
    else:
        log.new()

    detail = client.get(f"/casussen/{case.pk}")
    assert detail.status_code == (200 if level >= CaseAccess.FILER else 404)
    assert_no_leak(detail.content.decode(), level, scene)
    if level >= CaseAccess.FILER:
        page = detail.content.decode()
        # The workspace shows information and persons on their own tabs (participants and core staff only).
        for tab in ("informatie", "personen"):
            extra = client.get(f"/casussen/{case.pk}?tab={tab}")
            assert extra.status_code == (200 if level >= CaseAccess.PARTICIPANT else 404)
            assert_no_leak(extra.content.decode(), level, scene)
            page += extra.content.decode() if extra.status_code == 200 else ""
        assert case.reference in page
        assert ("Uw aanmelding is toegelaten." in page) == (level in {CaseAccess.FILER, CaseAccess.CORE})
        assert (scene.shared_text in page) == (level >= CaseAccess.PARTICIPANT)
        assert ("*****2333" in page) == (level >= CaseAccess.CORE)
        records = log.new(action="view", case_id=case.pk)
        assert len(records) == (3 if level >= CaseAccess.PARTICIPANT else 1)
        assert all(r.purpose == case.purpose for r in records)
    else:
        assert log.new(case_id=case.pk) == []
        assert_refused_like_missing(client, f"/casussen/{case.pk}", f"/casussen/{missing_case_id()}", user, case)

    add_info = client.get(f"/casussen/{case.pk}/informatie/nieuw")
    assert add_info.status_code == (200 if level >= CaseAccess.PARTICIPANT else 404)
    add_file = client.get(f"/casussen/{case.pk}/bijlagen/nieuw")
    assert add_file.status_code == (200 if level >= CaseAccess.PARTICIPANT else 404)
    download = client.get(f"/casussen/{case.pk}/bijlagen/{scene.shared_attachment.pk}")
    assert download.status_code == (200 if level >= CaseAccess.PARTICIPANT else 404)
    if level >= CaseAccess.PARTICIPANT:
        assert log.new(action="view", object_type="attachment", case_id=case.pk)
    else:
        assert log.new(case_id=case.pk) == []
    # A case of another house is hidden for everyone here, whatever the relation there.
    if relation != "other_house":
        assert client.get(f"/casussen/{scene.other_house_case.pk}").status_code == 404

    # Search: by name only where the persons are visible, by reference wherever the case is; never elsewhere.
    link = f'href="/casussen/{case.pk}"'
    by_name = client.post("/zoeken", {"q": "Wessel Groenewegen"}).content.decode()
    assert (link in by_name) == (level >= CaseAccess.PARTICIPANT)
    by_reference = client.post("/zoeken", {"q": case.reference}).content.decode()
    assert (link in by_reference) == (level >= CaseAccess.FILER)
    assert f'href="/casussen/{scene.other_house_case.pk}"' not in by_reference + by_name or relation == "other_house"
    assert SECRET_BSN not in client.post("/zoeken", {"bsn": SECRET_BSN}).content.decode()


@pytest.mark.parametrize("relation", RELATIONS)
@pytest.mark.parametrize("role", list(Role.values))
def test_api(role: str, relation: str, api_client: ApiClient) -> None:
    scene = build_scene()
    user = make_actor(scene, role, relation)
    level = expected_level(role, relation)
    case = scene.case
    client = api_client(user)
    base = f"/api/v1/cases/{case.pk}"
    log = LogWatch(case)

    listing = client.get("/api/v1/cases").json()
    assert (case.reference in {c["reference"] for c in listing["results"]}) == (level >= CaseAccess.FILER)
    log.new()

    detail = client.get(base)
    assert detail.status_code == (200 if level >= CaseAccess.FILER else 404)
    assert_no_leak(detail.content.decode(), level, scene)
    if level >= CaseAccess.FILER:
        body = detail.json()
        assert body["accessLevel"] == {CaseAccess.FILER: "filer", CaseAccess.PARTICIPANT: "participant",
                                       CaseAccess.CORE: "core"}[level]
        assert ("persons" in body) == (level >= CaseAccess.PARTICIPANT)
        assert ("hits" in body) == (level >= CaseAccess.CORE)
        assert len(log.new(action="view", case_id=case.pk, object_type="case")) == 1
    else:
        assert detail["Content-Type"] == "application/problem+json"
        assert_refused_like_missing(client, base, f"/api/v1/cases/{missing_case_id()}", user, case)

    hits = client.get(f"{base}/hits")
    assert hits.status_code == (200 if level >= CaseAccess.CORE else 404)

    participant_or_more = level >= CaseAccess.PARTICIPANT
    items = client.get(f"{base}/information-items")
    assert items.status_code == (200 if participant_or_more else 404)
    if participant_or_more:
        texts = {i["text"] for i in items.json()}
        assert scene.shared_text in texts
        assert (scene.triage_only_text in texts) == (level >= CaseAccess.CORE)

    created = client.post(f"{base}/information-items", {
        "lifeDomain": "housing", "text": "Nieuw", "sharingScope": "all_participants", "legalBasis": "Convenant"},
        format="json")
    assert created.status_code == (201 if participant_or_more else 404), created.content
    if participant_or_more:
        assert log.new(action="create", object_type="information-item", case_id=case.pk)

    attachments = client.get(f"{base}/attachments")
    assert attachments.status_code == (200 if participant_or_more else 404)
    content = client.get(f"{base}/attachments/{scene.shared_attachment.pk}/content")
    assert content.status_code == (200 if participant_or_more else 404)
    found = client.post("/api/v1/case-searches", {"name": "Groenewegen"}, format="json")
    assert found.status_code == 200
    assert (case.pk in {c["id"] for c in found.json()}) == (level >= CaseAccess.PARTICIPANT)
    found = client.post("/api/v1/case-searches", {"bsn": SECRET_BSN}, format="json")
    assert (case.pk in {c["id"] for c in found.json()}) == (level >= CaseAccess.PARTICIPANT)
    assert SECRET_BSN not in found.content.decode()
    found = client.post("/api/v1/case-searches", {"reference": case.reference}, format="json")
    assert (case.pk in {c["id"] for c in found.json()}) == (level >= CaseAccess.FILER)
    uploaded = client.post(f"{base}/attachments", {"file": upload()}, format="multipart")
    expected_upload = 201 if participant_or_more else (400 if level == CaseAccess.FILER else 404)
    assert uploaded.status_code == expected_upload
    if participant_or_more:
        assert log.new(action="create", object_type="attachment", case_id=case.pk)
    else:
        assert log.new(case_id=case.pk) == []
