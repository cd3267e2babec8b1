import datetime as dt
import re

import pytest
from django.urls import reverse

from opencasus.cases.models import Case
from opencasus.cases.tests import helpers as h
from opencasus.cases.tests.factories import ParticipantFactory
from opencasus.cases.vocabulary import Relation
from opencasus.cases.workflow import Status
from opencasus.core.tests.clients import VerifiedClient
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Role
from opencasus.network.tests.factories import member

pytestmark = pytest.mark.django_db


def formset_management(prefix: str, total: int) -> dict[str, str]:
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "30"}


BLANK_RELATION = {1: "subject", 2: "household_member", 3: "household_member", 4: "household_member",
                  6: "household_member"}


def intake_post(w: h.World, persons: list[dict[str, str]], rows: int, blank_relation: str = "",
                **extra: object) -> dict[str, object]:
    data: dict[str, object] = {
        "filing_as": f"{w.house.pk}:{w.police.pk}", "reason": "Zorgen over het gezin.",
        "requested_purpose": "Samenhangende aanpak.", "route": "veilig_thuis", "urgency": "normal",
        "municipality": str(h.dordrecht().pk), "people_informed": "yes",
        **formset_management("persons", rows), **formset_management("partners", 3),
        "partners-0-organisation_name": "Wijkteam Crabbehof", "partners-0-contact": "Els, 078-1234567",
    }
    for index, person in enumerate(persons):
        for key, value in person.items():
            data[f"persons-{index}-{key}"] = value
    for index in range(rows):
        data.setdefault(f"persons-{index}-relation", blank_relation or BLANK_RELATION[rows])
    data.update(extra)
    return data


def test_menu_links_for_a_partner(verified_client: VerifiedClient) -> None:
    w = h.world()
    page = verified_client(w.partner).get("/").content.decode()
    assert "Mijn casussen" in page
    assert "Nieuwe aanmelding" in page
    assert 'id="oc-header-q"' in page  # the case search in the header


@pytest.mark.parametrize("role", [Role.HOUSE_MANAGER, Role.NATIONAL_OFFICER, Role.MUNICIPALITY_OFFICER])
def test_who_reads_figures_has_no_case_list_or_case_search(verified_client: VerifiedClient, role: str) -> None:
    w = h.world()
    page = verified_client(member(w.house, role)).get("/").content.decode()
    assert "Mijn casussen" not in page
    assert 'id="oc-header-q"' not in page


def test_partner_files_a_person_intake_in_the_ui(verified_client: VerifiedClient) -> None:
    w = h.world()
    client = verified_client(w.partner)
    form = client.get(reverse("cases:intake-create", args=["persoon"]))
    assert form.status_code == 200
    assert 'for="id_persons-0-first_name"' in form.content.decode()
    response = client.post(reverse("cases:intake-create", args=["persoon"]), intake_post(w, [{
        "first_name": "Kevin", "last_name": "de Boer", "date_of_birth": "1999-02-03", "bsn": h.VALID_BSN,
        "relation": "subject"}], rows=1, attachments=h.upload()))
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    assert case.persons.get().first_name == "Kevin"
    assert case.attachments.count() == 1
    assert case.involved_partners.count() == 1
    page = client.get(response["Location"]).content.decode()
    assert f"Uw aanmelding {case.reference} is ingediend." in page
    # The filer sees status and dates, nothing of the content.
    assert "Kevin" not in page
    assert "Zorgen over het gezin" not in page
    assert "Aangemeld" in page


def test_household_intake_with_two_children_in_the_ui(verified_client: VerifiedClient) -> None:
    w = h.world()
    client = verified_client(w.partner)
    form = client.get(reverse("cases:intake-create", args=["systeem"])).content.decode()
    assert form.count('name="persons-1-first_name"') == 1
    assert 'name="persons-2-first_name"' not in form
    assert 'name="persons-add"' in form  # no fixed number of slots
    members = [
        {"first_name": "Sandra", "last_name": "Jansen", "date_of_birth": "1985-06-01", "relation": "parent"},
        {"first_name": "Marco", "last_name": "Jansen", "date_of_birth": "1983-01-09", "relation": "parent"},
        {"first_name": "Lisa", "last_name": "Jansen", "date_of_birth": "2012-04-02", "relation": "child"},
        {"first_name": "Tim", "last_name": "Jansen", "date_of_birth": "2015-08-20", "relation": "child"},
    ]
    response = client.post(reverse("cases:intake-create", args=["systeem"]), intake_post(w, members, rows=4))
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.subject_type == "system"
    assert case.persons.count() == 4
    assert case.persons.filter(relation=Relation.CHILD).count() == 2


def test_household_rows_are_added_and_removed_without_javascript(verified_client: VerifiedClient) -> None:
    w = h.world()
    client = verified_client(w.partner)
    url = reverse("cases:intake-create", args=["systeem"])
    members = [{"first_name": "Sandra", "last_name": "Jansen", "date_of_birth": "1985-06-01", "relation": "parent"},
               {"first_name": "Marco", "last_name": "", "relation": "parent"}]
    added = client.post(url, intake_post(w, members, rows=2, **{"persons-add": "1"}))
    page = added.content.decode()
    assert added.status_code == 200
    assert not Case.objects.exists()
    assert 'name="persons-2-first_name"' in page
    assert 'name="persons-3-first_name"' not in page
    assert 'value="Sandra"' in page
    assert 'value="Marco"' in page
    assert "De aanmelding is niet ingediend." not in page
    assert "Vul" not in page  # nothing was submitted
    lisa = {"first_name": "Lisa", "last_name": "Jansen", "relation": "child"}
    removed = client.post(url, intake_post(w, [*members, lisa], rows=3, **{"persons-remove": "0"}))
    page = removed.content.decode()
    assert 'value="Sandra"' not in page
    assert re.search(r'name="persons-0-first_name"[^>]*value="Marco"', page)
    assert re.search(r'name="persons-1-first_name"[^>]*value="Lisa"', page)
    assert 'name="persons-1-first_name"' in page
    assert 'name="persons-2-first_name"' not in page
    assert not Case.objects.exists()
    # A forged index changes nothing and files nothing, with a Dutch message.
    same = client.post(url, intake_post(w, members, rows=2, **{"persons-remove": "7"}))
    assert same.status_code == 200
    assert not Case.objects.exists()
    assert "Dit formulier is buiten de pagina" in same.content.decode()


def test_invalid_bsn_in_the_ui_shows_a_dutch_message_and_stores_nothing(verified_client: VerifiedClient) -> None:
    w = h.world()
    client = verified_client(w.partner)
    response = client.post(reverse("cases:intake-create", args=["persoon"]), intake_post(w, [{
        "first_name": "Kevin", "last_name": "de Boer", "date_of_birth": "1999-02-03", "bsn": h.INVALID_BSN,
        "relation": "subject"}], rows=1))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Dit is geen geldig BSN: het moet 9 cijfers hebben en voldoen aan de elfproef." in page
    assert "De aanmelding is niet ingediend." in page
    assert not Case.objects.exists()


def test_service_errors_are_shown_at_the_fields(verified_client: VerifiedClient) -> None:
    w = h.world()
    client = verified_client(w.partner)
    response = client.post(reverse("cases:intake-create", args=["persoon"]), intake_post(w, [{
        "first_name": "Kevin", "last_name": "de Boer", "relation": "subject"}], rows=1,
        route="aftercare", people_informed="no"))
    page = response.content.decode()
    assert "Persoon 1: vul de geboortedatum in." in page
    assert "Vul bij nazorg voor een ex-gedetineerde de datum van vrijlating in." in page
    assert "Leg uit waarom de betrokkenen niet zijn geïnformeerd." in page
    assert not Case.objects.exists()


def test_area_intake_in_the_ui(verified_client: VerifiedClient) -> None:
    w = h.world()
    client = verified_client(w.partner)
    response = client.post(reverse("cases:intake-create", args=["gebied"]), intake_post(
        w, [{"first_name": "Sem", "last_name": "Bakker", "relation": "group_member"}], rows=6,
        blank_relation="group_member", area_description="Jeugdgroep bij het station", neighbourhood="Centrum"))
    assert response.status_code == 302
    assert Case.objects.get().area_description == "Jeugdgroep bij het station"


def test_people_without_a_filing_role_cannot_open_the_intake_pages(verified_client: VerifiedClient) -> None:
    w = h.world()
    manager = h.member(w.house, h.Role.HOUSE_MANAGER)
    client = verified_client(manager)
    assert client.get(reverse("cases:intake-start")).status_code == 404
    assert client.get(reverse("cases:intake-create", args=["persoon"])).status_code == 404


def test_core_staff_see_everything_with_masked_bsn_and_hits(verified_client: VerifiedClient) -> None:
    w = h.world()
    elsewhere = h.world(h.HouseFactory.create(name="Veiligheidshuis Elders", email="elders@vh.invalid"))
    elsewhere.director.first_name, elsewhere.director.last_name = "Petra", "Visser"
    elsewhere.director.save()
    h.file_person_intake(elsewhere)
    case = h.file_person_intake(w)
    client = verified_client(w.director)
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    persons = client.get(reverse("cases:detail", args=[case.pk]), {"tab": "personen"}).content.decode()
    assert "Kevin" in persons
    assert "*****2333" in persons
    assert h.VALID_BSN not in persons + page
    assert "Veiligheidshuis Elders" in page
    assert "Petra Visser" in page
    assert "elders@vh.invalid" in page
    assert "Herhaaldelijk overlast" in page
    assert ProcessingRecord.objects.filter(action="view", object_type="case", case_id=case.pk).count() == 1


def test_my_cases_list_filters_and_logs_without_subjects(verified_client: VerifiedClient) -> None:
    w = h.world()
    first = h.file_person_intake(w)
    h.file_person_intake(w, persons=[h.PersonData("Noah", "Visser", dt.date(2001, 1, 1))], route="zsm")
    client = verified_client(w.partner)
    before = ProcessingRecord.objects.count()
    page = client.get(reverse("cases:list")).content.decode()
    assert first.reference in page
    assert "Kevin" not in page
    filtered = client.get(reverse("cases:list"), {"route": "criminal_track"}).content.decode()
    assert first.reference in filtered
    assert "-0002" not in filtered
    records = ProcessingRecord.objects.order_by("pk")[before:]
    assert [(r.action, r.object_type, r.data_subject) for r in records] == [("view", "case-list", "")] * 2


def test_participant_adds_information_and_downloads_shared_attachment(verified_client: VerifiedClient) -> None:
    w = h.world()
    case = h.file_person_intake(w, attachments=[h.upload()])
    Case.objects.filter(pk=case.pk).update(status=Status.ADMITTED, purpose="Recidive voorkomen")
    reclassering = h.OrganisationFactory.create(name="Reclassering")
    professional = h.member(w.house, h.Role.PARTNER_PROFESSIONAL, reclassering)
    ParticipantFactory.create(case=case, organisation=reclassering, user=professional)
    client = verified_client(professional)
    attachment = case.attachments.get()
    download = reverse("cases:attachment-download", args=[case.pk, attachment.pk])
    assert client.get(download).status_code == 404  # triage table only
    attachment.sharing_scope = "all_participants"
    attachment.save()
    response = client.get(download)
    assert response.status_code == 200
    assert response.streaming
    assert response.getvalue().startswith(b"%PDF")
    assert ProcessingRecord.objects.filter(action="view", object_type="attachment",
                                           object_id=str(attachment.pk)).count() == 1
    add = reverse("cases:information-add", args=[case.pk])
    assert client.get(add).status_code == 200
    case_page = client.get(reverse("cases:detail", args=[case.pk]), {"tab": "informatie"}).content.decode()
    assert f'action="{add}"' in case_page
    assert 'for="id_legal_basis"' in case_page  # the form on the case page
    response = client.post(add, {"organisation": reclassering.pk, "person": "", "life_domain": "housing",
                                 "text": "Dreigende huisuitzetting.", "sharing_scope": "all_participants",
                                 "legal_basis": "Convenant Zorg- en Veiligheidshuis, art. 6"})
    assert response.status_code == 302
    page = "".join(client.get(reverse("cases:detail", args=[case.pk]), {"tab": tab}).content.decode()
                   for tab in ("overzicht", "informatie", "personen"))
    assert "Dreigende huisuitzetting." in page
    assert "Recidive voorkomen" in page
    assert h.VALID_BSN not in page
    assert "*****" not in page  # participants never see a BSN


def test_information_form_shows_dutch_errors(verified_client: VerifiedClient) -> None:
    w = h.world()
    case = h.file_person_intake(w)
    Case.objects.filter(pk=case.pk).update(status=Status.ADMITTED, purpose="Doel")
    org = w.director.memberships.get().organisation
    response = verified_client(w.director).post(
        reverse("cases:information-add", args=[case.pk]),
        {"organisation": org.pk, "life_domain": "housing", "text": "x", "sharing_scope": "named_organisations",
         "legal_basis": "Convenant"})
    assert "Noem ten minste één organisatie om mee te delen." in response.content.decode()


def test_filer_uploads_attachment_while_submitted_and_bad_type_is_refused(verified_client: VerifiedClient) -> None:
    w = h.world()
    case = h.file_person_intake(w)
    client = verified_client(w.partner)
    url = reverse("cases:attachment-add", args=[case.pk])
    bad = client.post(url, {"file": h.upload("x.pdf", b"not a pdf"), "sharing_scope": "triage_table"})
    assert "De inhoud van “x.pdf” past niet bij het bestandstype." in bad.content.decode()
    good = client.post(url, {"file": h.upload("notitie.txt", b"Gesprek"), "sharing_scope": "triage_table"})
    assert good.status_code == 302
    assert case.attachments.count() == 1
