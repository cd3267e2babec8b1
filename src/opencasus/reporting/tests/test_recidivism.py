"""Recidivism: a generated police file with malformed rows, then before/after figures by hand."""

import datetime as dt
import io
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypedDict

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from opencasus.access.reporting import house_scope
from opencasus.accounts.models import User
from opencasus.cases.models import Person
from opencasus.cases.tests.factories import CaseFactory, PersonFactory
from opencasus.cases.vocabulary import Relation, Route
from opencasus.core.aggregates import Count
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import House, TargetGroup
from opencasus.network.tests.factories import HouseFactory, member
from opencasus.plans.models import Plan, PlanVersion
from opencasus.reporting.imports import incident_import_run, incident_import_start
from opencasus.reporting.models import ImportStatus, PoliceIncident
from opencasus.reporting.selectors.recidivism import recidivism_for, window_counts
from opencasus.reporting.tests.factories import at

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 1, 31)


class Fixture(TypedDict):
    house: House
    director: User
    pa: Person
    pb: Person
    pc: Person
    elsewhere: Person


@pytest.fixture
def fixture(db: None) -> Fixture:
    house = HouseFactory.create(small_count_threshold=1)
    director = member(house, "process_director")
    theme = TargetGroup.objects.create(house=house, name="Veelplegers")
    case_a = CaseFactory.create(house=house, route=Route.ZSM, target_group=theme)
    case_b = CaseFactory.create(house=house, route=Route.CARE_TRACK)
    pa = PersonFactory.create(case=case_a)
    pb = PersonFactory.create(case=case_a, relation=Relation.PARENT)
    pc = PersonFactory.create(case=case_b)
    for case, adopted in ((case_a, at(2024, 6, 15)), (case_b, at(2025, 3, 10))):
        plan = Plan.objects.create(case=case)
        PlanVersion.objects.create(plan=plan, number=1, adopted_at=adopted, adopted_by=director, snapshot={})
        PlanVersion.objects.create(plan=plan, number=2, adopted_at=adopted + dt.timedelta(days=40),
                                   adopted_by=director, snapshot={})
    elsewhere = PersonFactory.create(case=CaseFactory.create(house=HouseFactory.create()))
    return {"house": house, "director": director, "pa": pa, "pb": pb, "pc": pc, "elsewhere": elsewhere}


def police_file(f: Fixture) -> str:
    pa, pb, pc = f["pa"].pseudonym, f["pb"].pseudonym, f["pc"].pseudonym
    rows = [
        "person_pseudonym,incident_date,count",
        f"{pa},2024-04-14,2",                 # 2
        "not-a-pseudonym,2024-04-15,1",       # 3 bad pseudonym
        f"{pa},15-04-2024,1",                 # 4 bad date
        f"{pa},2030-01-01,1",                 # 5 future
        f"{pa},2024-04-16,abc",               # 6 bad count
        f"{pa},2024-04-17,0",                 # 7 zero
        f"{uuid.uuid4()},2024-04-18,1",       # 8 unknown pseudonym
        f"{pa},2024-04-14,9",                 # 9 duplicate of line 2
        f"{pa},2024-04-19",                   # 10 missing column
        f"{pa},2024-04-15,1",
        f"{pa},2024-06-14,1",
        f"{pa},2024-06-15,1",
        f"{pa},2024-08-14,3",
        f"{pa},2024-08-15,5",
        f"{pa},2025-06-14,1",
        f"{pa},2023-06-15,4",
        f"{pb},2024-07-01,7",                 # a parent: imported, but not a subject of the case
        f"{pc},2025-02-01,2",
        f"{pc},2025-03-10,1",
        f"{pc},2025-06-01,2",
        f"{pc},2026-01-05,3",
        f"{f['elsewhere'].pseudonym},2025-01-01,1",  # 23 a person of another house
    ]
    return "\n".join(rows) + "\n"


def test_import_keeps_good_rows_and_reports_bad_ones(fixture: Fixture) -> None:
    job = incident_import_start(actor=fixture["director"], house_id=fixture["house"].pk, filename="politie.csv",
                                content=police_file(fixture).encode())
    seen = []
    job = incident_import_run(import_id=job.pk, chunk_size=4, on_progress=lambda j: seen.append(j.processed_rows))
    assert job.status == ImportStatus.DONE
    assert job.total_rows == 22
    assert job.processed_rows == 22
    assert seen[:3] == [4, 8, 12]
    assert seen[-1] == 22
    assert job.accepted_rows == 13
    assert PoliceIncident.objects.count() == 13
    reasons = {r["line"]: r["reason"] for r in job.rejected}
    assert reasons == {
        3: "het pseudoniem “not-a-pseudonym” is geen geldig pseudoniem",
        4: "de datum “15-04-2024” is geen datum (JJJJ-MM-DD)",
        5: "de datum 2030-01-01 ligt in de toekomst",
        6: "het aantal “abc” is geen geheel getal",
        7: "het aantal moet tussen 1 en 1000 liggen",
        8: "onbekend pseudoniem in dit Veiligheidshuis",
        9: "deze persoon, datum en bron komen eerder in het bestand voor",
        10: "verkeerd aantal kolommen",
        23: "onbekend pseudoniem in dit Veiligheidshuis",
    }
    assert PoliceIncident.objects.get(person=fixture["pa"], incident_date=dt.date(2024, 4, 14)).count == 2
    job.refresh_from_db()
    assert job.source == ""  # the file's text is not kept after processing
    logged = set(ProcessingRecord.objects.filter(activity_code="management-information",
                                                 object_type="incident-import").values_list("data_subject",
                                                                                            flat=True))
    assert str(fixture["pa"].pseudonym) in logged
    assert str(fixture["pc"].pseudonym) in logged

    # A second delivery replaces the count for a known person and day.
    again = incident_import_start(actor=fixture["director"], house_id=fixture["house"].pk, filename="2.csv",
                                  content=f"person_pseudonym;incident_date;count\n{fixture['pa'].pseudonym};"
                                          "2024-04-14;6\n".encode())
    incident_import_run(import_id=again.pk)
    assert PoliceIncident.objects.get(person=fixture["pa"], incident_date=dt.date(2024, 4, 14)).count == 6


def test_before_and_after_figures_match_the_hand_computation(fixture: Fixture) -> None:
    job = incident_import_start(actor=fixture["director"], house_id=fixture["house"].pk, filename="politie.csv",
                                content=police_file(fixture).encode())
    incident_import_run(import_id=job.pk)
    data = recidivism_for(house_scope(actor=fixture["director"], house_id=fixture["house"].pk), today=TODAY)
    assert data.available
    figures = {t.slug: {r.key: [v.value if isinstance(v, Count) else v for v in r.values] for r in t.rows}
               for t in data.tables}
    # persons, before, after, before per person, after per person, change %
    assert figures["recidivism-2"]["all"] == [2, 4, 5, 2.0, 2.5, 25.0]
    assert figures["recidivism-6"]["all"] == [2, 6, 12, 3.0, 6.0, 100.0]
    assert figures["recidivism-12"]["all"] == [1, 8, 10, 8.0, 10.0, 25.0]  # case B's year has not passed
    assert figures["recidivism-6"]["route:zsm"][:3] == [1, 4, 9]
    assert figures["recidivism-6"]["route:care_track"][:3] == [1, 2, 3]
    assert figures["recidivism-6"]["theme:Veelplegers"][:3] == [1, 4, 9]
    assert figures["recidivism-6"]["outcome:"][:3] == [2, 6, 12]


def test_incident_sources_are_imported_and_counted_apart(fixture: Fixture) -> None:
    pa, pc = fixture["pa"].pseudonym, fixture["pc"].pseudonym
    text = "\n".join([
        "person_pseudonym,incident_date,count,source",
        f"{pa},2024-05-01,2,politie",
        f"{pa},2024-05-01,1,justitie",    # the same day from the other source: its own row
        f"{pa},2024-07-01,3,Justitie",
        f"{pa},2024-07-02,1,",            # empty: a police registration
        f"{pa},2024-07-03,1,reclassering",  # 6 an unknown source
        f"{pa},2024-05-01,4,politie",     # 7 the same person, day and source again
        f"{pc},2025-04-01,2,police",
    ]) + "\n"
    job = incident_import_start(actor=fixture["director"], house_id=fixture["house"].pk, filename="bronnen.csv",
                                content=text.encode())
    job = incident_import_run(import_id=job.pk)
    assert {r["line"]: r["reason"] for r in job.rejected} == {
        6: "de bron “reclassering” is niet “politie” of “justitie”",
        7: "deze persoon, datum en bron komen eerder in het bestand voor",
    }
    assert sorted(PoliceIncident.objects.filter(person=fixture["pa"]).values_list("incident_date", "source", "count")) \
        == [(dt.date(2024, 5, 1), "judicial", 1), (dt.date(2024, 5, 1), "police", 2),
            (dt.date(2024, 7, 1), "judicial", 3), (dt.date(2024, 7, 2), "police", 1)]
    data = recidivism_for(house_scope(actor=fixture["director"], house_id=fixture["house"].pk), today=TODAY)
    rows = {r.key: (r.label, [v.value if isinstance(v, Count) else v for v in r.values]) for r in data.tables[1].rows}
    # 6 months around 2024-06-15 (pa) and 2025-03-10 (pc): before / after per source, over the same two persons.
    assert rows["all"][1][:3] == [2, 3, 6]
    assert rows["source:police"] == ("Bron: politieregistratie van incidenten",
                                     [2, 2, 3, 1.0, 1.5, 50.0])
    assert rows["source:judicial"][1][:3] == [2, 1, 3]
    assert [r.key for r in data.tables[1].rows][:3] == ["all", "source:judicial", "source:police"]

    # A header with another fifth column, or a fourth that is not "source", is refused as a whole.
    with pytest.raises(ValidationError):
        incident_import_start(actor=fixture["director"], house_id=fixture["house"].pk, filename="x.csv",
                              content=b"person_pseudonym,incident_date,count,bron\n")


def test_small_groups_are_suppressed(fixture: Fixture) -> None:
    fixture["house"].small_count_threshold = 5
    fixture["house"].save()
    job = incident_import_start(actor=fixture["director"], house_id=fixture["house"].pk, filename="p.csv",
                                content=police_file(fixture).encode())
    incident_import_run(import_id=job.pk)
    data = recidivism_for(house_scope(actor=fixture["director"], house_id=fixture["house"].pk), today=TODAY)
    row = data.tables[1].rows[0]
    assert isinstance(row.values[0], Count)
    assert row.values[0].suppressed
    assert row.values[1:] == [None] * 5


def test_derived_figures_never_give_a_suppressed_count_back(fixture: Fixture) -> None:
    fixture["house"].small_count_threshold = 5
    fixture["house"].save()
    from opencasus.reporting.selectors.recidivism import _Tally, _window_table

    scope = house_scope(actor=fixture["director"], house_id=fixture["house"].pk)
    table = _window_table(scope, 6, {("all", "Alle"): _Tally(persons=13, before=4, after=20)})
    persons, before, after, before_pp, after_pp, change = table.rows[0].values
    assert isinstance(persons, Count)
    assert isinstance(before, Count)
    assert isinstance(after, Count)
    assert persons.value == 13
    assert before.suppressed
    assert after.value == 20
    assert before_pp is None
    assert after_pp == pytest.approx(1.54, abs=0.01)
    assert change is None


def test_window_edges() -> None:
    incidents = [(dt.date(2024, 4, 15), 1), (dt.date(2024, 6, 15), 10), (dt.date(2024, 8, 15), 100)]
    assert window_counts(incidents, dt.date(2024, 6, 15), 2) == (1, 10)


def test_upload_page_and_command(fixture: Fixture, verified_client: Callable[[User], Client], tmp_path: Path) -> None:
    client = verified_client(fixture["director"])
    upload = io.BytesIO(police_file(fixture).encode())
    upload.name = "politie.csv"
    response = client.post(reverse("reporting:incident-upload", args=[fixture["house"].pk]), {"file": upload})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "22 van 22 regels verwerkt" in page
    assert "13 regels geïmporteerd, 9 regels afgewezen." in page
    assert "verkeerd aantal kolommen" in page
    bad = io.BytesIO(b"naam,datum\nx,y\n")
    bad.name = "fout.csv"
    response = client.post(reverse("reporting:incident-upload", args=[fixture["house"].pk]), {"file": bad})
    assert "De eerste regel moet de kopregel" in response.content.decode()

    path = tmp_path / "politie.csv"
    path.write_text(police_file(fixture))
    out = io.StringIO()
    call_command("import_police_incidents", str(path), house=fixture["house"].pk,
                 user=fixture["director"].username, stdout=out)
    assert "22/22 rows (100%)" in out.getvalue()
    assert "line 10: verkeerd aantal kolommen" in out.getvalue()


def test_recidivism_page_renders(fixture: Fixture, verified_client: Callable[[User], Client]) -> None:
    html = verified_client(fixture["director"]).get(
        reverse("reporting:recidivism", args=[fixture["house"].pk])).content.decode()
    assert "Incidenten 6 maanden voor en na het plan van aanpak" in html
    assert "<svg" in html


def test_age_bands_count_the_age_on_the_adoption_day(fixture: Fixture) -> None:
    from opencasus.reporting.selectors.recidivism import age_band

    Person.objects.filter(pk=fixture["pa"].pk).update(date_of_birth=dt.date(2000, 6, 16))  # 23 on 2024-06-15
    Person.objects.filter(pk=fixture["pc"].pk).update(date_of_birth=dt.date(1970, 1, 1))  # 55 on 2025-03-10
    job = incident_import_start(actor=fixture["director"], house_id=fixture["house"].pk, filename="politie.csv",
                                content=police_file(fixture).encode())
    incident_import_run(import_id=job.pk)
    data = recidivism_for(house_scope(actor=fixture["director"], house_id=fixture["house"].pk), today=TODAY)
    rows = {r.key: (r.label, [v.value if isinstance(v, Count) else v for v in r.values])
            for r in data.tables[1].rows}
    assert rows["age:18-23"] == ("Leeftijd: 18\u201323 jaar", [1, 4, 9, 4.0, 9.0, 125.0])
    assert rows["age:50+"][0] == "Leeftijd: 50 en ouder"
    assert rows["age:50+"][1][:3] == [1, 2, 3]
    assert age_band(None, TODAY) == ("unknown", "onbekend")
    assert age_band(dt.date(2009, 2, 1), TODAY)[0] == "0-17"


def test_comparison_group_is_matched_on_age_band_and_incident_history(fixture: Fixture) -> None:
    from opencasus.triage.models import Decision, Outcome, Verdict

    Person.objects.filter(pk=fixture["pa"].pk).update(date_of_birth=dt.date(2000, 6, 16))  # 23, history 3+
    Person.objects.filter(pk=fixture["pc"].pk).update(date_of_birth=dt.date(1970, 1, 1))  # 55, history 1-2
    job = incident_import_start(actor=fixture["director"], house_id=fixture["house"].pk, filename="politie.csv",
                                content=police_file(fixture).encode())
    incident_import_run(import_id=job.pk)

    def not_admitted(outcome: str, decided: dt.date, born: dt.date, incidents: dict[dt.date, int]) -> Person:
        case = CaseFactory.create(house=fixture["house"])
        Decision.objects.create(case=case, outcome=outcome, grounds="Past niet", verdict=Verdict.DOES_NOT_MEET,
                                decided_by=fixture["director"], decided_at=at(decided.year, decided.month, decided.day))
        person = PersonFactory.create(case=case, date_of_birth=born)
        for day, n in incidents.items():
            PoliceIncident.objects.create(person=person, incident_date=day, count=n)
        return person

    history = {dt.date(2024, 3, 1): 3}
    not_admitted(Outcome.ROUTE, dt.date(2024, 7, 1), dt.date(1995, 1, 1), {**history, dt.date(2024, 7, 5): 9})  # 29
    matched = not_admitted(Outcome.DECLINE, dt.date(2024, 7, 1), dt.date(2001, 1, 1),
                           {**history, dt.date(2024, 7, 10): 1, dt.date(2025, 1, 10): 2})
    not_admitted(Outcome.ADVICE, dt.date(2024, 7, 2), dt.date(2001, 2, 1), {**history, dt.date(2024, 7, 9): 5})
    assert matched.pk  # the first of two in pa's stratum (18-23, 3+) is taken, the second left out
    data = recidivism_for(house_scope(actor=fixture["director"], house_id=fixture["house"].pk), today=TODAY)
    figures = {t.slug: {r.key: [v.value if isinstance(v, Count) else v for v in r.values] for r in t.rows}
               for t in data.tables}
    assert figures["recidivism-2"]["comparison"][:3] == [1, 0, 1]  # its history lies before the 2 months
    assert figures["recidivism-12"]["comparison"][:3] == [1, 3, 3]
    assert figures["recidivism-12"]["comparison-age:18-23"][:3] == [1, 3, 3]
    assert "comparison-age:24-34" not in figures["recidivism-12"]  # no admitted person of that stratum
    labels = {r.key: r.label for r in data.tables[0].rows}
    assert labels["comparison"] == "Vergelijkingsgroep (niet toegelaten, gematcht)"
