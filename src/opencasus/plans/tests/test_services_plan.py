import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from opencasus.cases.tests.factories import PersonFactory
from opencasus.cases.vocabulary import LifeDomain
from opencasus.logbook.models import ProcessingRecord
from opencasus.plans import services
from opencasus.plans.models import Goal, Plan, PlanVersion
from opencasus.plans.tests.factories import World, a_meeting, in_days, world
from opencasus.plans.vocabulary import GoalResult, InterventionLine

pytestmark = pytest.mark.django_db


def _plan(w: World) -> Plan:
    services.plan_update(actor=w.director, case_id=w.case.pk, expected_version=None,
                         director_organisation=w.police, director_user=w.owner, evaluation_date=in_days(60))
    services.goal_add(actor=w.director, case_id=w.case.pk, life_domain=LifeDomain.HOUSING,
                      description="Het gezin houdt de woning.")
    services.goal_add(actor=w.director, case_id=w.case.pk, life_domain=LifeDomain.EDUCATION_WORK,
                      description="Sem gaat weer naar school.", person=w.persons[2])
    services.intervention_add(actor=w.director, case_id=w.case.pk, line=InterventionLine.CARE,
                              description="Gezinscoach", organisation=w.care)
    services.agreement_create(actor=w.director, case_id=w.case.pk, description="Huisbezoek",
                              owner_organisation=w.police, owner_user=w.owner, deadline=in_days(7))
    return Plan.objects.get(case=w.case)


def test_director_must_take_part_in_the_case() -> None:
    w = world()
    other = PersonFactory.create()  # a person of another case
    with pytest.raises(ValidationError) as exc:
        services.plan_update(actor=w.director, case_id=w.case.pk, expected_version=None,
                             director_organisation=w.police, director_user=w.participant)
    assert "neemt niet deel" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        services.goal_add(actor=w.director, case_id=w.case.pk, life_domain=LifeDomain.HOUSING, description="x",
                          person=other)
    assert "hoort niet bij de casus" in str(exc.value)
    with pytest.raises(Http404):
        services.plan_update(actor=w.owner, case_id=w.case.pk, expected_version=None, director_organisation=w.police)


def test_goals_per_family_member_and_interventions_on_three_lines() -> None:
    w = world()
    plan = _plan(w)
    assert {g.person_id for g in plan.goals.all()} == {None, w.persons[2].pk}
    with pytest.raises(ValidationError) as exc:
        services.intervention_add(actor=w.director, case_id=w.case.pk, line="other", description="x",
                                  organisation=w.care)
    assert "strafrecht, bestuursrecht of zorg" in str(exc.value)
    assert ProcessingRecord.objects.filter(case_id=w.case.pk, object_type="goal", action="create").count() == 6


def test_adoption_snapshots_and_later_changes_make_the_next_version() -> None:
    w = world()
    plan = _plan(w)
    meeting_id = a_meeting(w)
    v1 = services.plan_adopt(actor=w.director, case_id=w.case.pk, expected_version=plan.version, meeting_id=meeting_id)
    assert v1.number == 1
    assert v1.meeting_id == meeting_id
    assert [g["description"] for g in v1.snapshot["goals"]] == ["Het gezin houdt de woning.",
                                                                "Sem gaat weer naar school."]
    assert v1.snapshot["agreements"][0]["statusLabel"] == "Open"
    assert v1.snapshot["directorOrganisation"] == str(w.police)
    plan.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        services.plan_adopt(actor=w.director, case_id=w.case.pk, expected_version=plan.version)
    assert "Er is niets gewijzigd" in str(exc.value)
    goal = services.goal_add(actor=w.director, case_id=w.case.pk, life_domain=LifeDomain.DRUGS,
                             description="Vader stopt met drugs.", person=w.persons[1])
    plan.refresh_from_db()
    assert plan.changed_since_adoption
    v2 = services.plan_adopt(actor=w.director, case_id=w.case.pk, expected_version=plan.version)
    assert v2.number == 2
    assert len(v2.snapshot["goals"]) == 3
    services.goal_delete(actor=w.director, case_id=w.case.pk, goal_id=goal.pk,
                         expected_version=Plan.objects.get(pk=plan.pk).version)
    v1.refresh_from_db()
    assert len(v1.snapshot["goals"]) == 2
    assert PlanVersion.objects.filter(plan=plan).count() == 2


def test_adoption_needs_director_and_goal() -> None:
    w = world()
    with pytest.raises(ValidationError) as exc:
        services.plan_adopt(actor=w.director, case_id=w.case.pk, expected_version=None)
    assert "casusregisseur" in str(exc.value)
    assert not PlanVersion.objects.exists()


def test_concurrent_plan_edits_end_in_a_conflict() -> None:
    w = world()
    plan = _plan(w)
    read = plan.version
    services.plan_update(actor=w.director, case_id=w.case.pk, expected_version=read, evaluation_date=in_days(30))
    with pytest.raises(ValidationError) as exc:
        services.plan_update(actor=w.secretary, case_id=w.case.pk, expected_version=read,
                             evaluation_date=in_days(90))
    assert exc.value.code == "conflict"
    goal = plan.goals.first()
    assert goal is not None
    with pytest.raises(ValidationError) as exc:
        services.goal_delete(actor=w.secretary, case_id=w.case.pk, goal_id=goal.pk, expected_version=read)
    assert exc.value.code == "conflict"
    plan.refresh_from_db()
    assert plan.evaluation_date == in_days(30)
    assert plan.goals.count() == 2


def test_plan_replace_keeps_changes_and_removes_left_out_rows() -> None:
    w = world()
    plan = _plan(w)
    keep = plan.goals.order_by("id").first()
    assert keep is not None
    services.plan_replace(
        actor=w.director, case_id=w.case.pk, expected_version=plan.version, director_organisation=w.care,
        director_user=w.participant, evaluation_date=in_days(40),
        goals=[{"id": keep.pk, "life_domain": LifeDomain.HOUSING, "description": "Woning behouden", "person": None},
               {"life_domain": LifeDomain.ALCOHOL, "description": "Minder drinken", "person": w.persons[0].pk}],
        interventions=[])
    plan.refresh_from_db()
    assert plan.director_organisation == w.care
    assert sorted(plan.goals.values_list("description", flat=True)) == ["Minder drinken", "Woning behouden"]
    assert Goal.objects.filter(pk=keep.pk).exists()
    assert not plan.interventions.exists()


def test_evaluation_records_result_per_goal_and_next_date() -> None:
    w = world()
    plan = _plan(w)
    goals = list(plan.goals.all())
    with pytest.raises(ValidationError) as exc:
        services.evaluation_record(actor=w.director, case_id=w.case.pk, evaluated_on=in_days(0),
                                   results=[{"goal_id": goals[0].pk, "result": GoalResult.REACHED}])
    assert "elk doel" in str(exc.value)
    evaluation = services.evaluation_record(
        actor=w.director, case_id=w.case.pk, evaluated_on=in_days(0), note="Goede voortgang",
        next_evaluation_date=in_days(90),
        results=[{"goal_id": goals[0].pk, "result": GoalResult.REACHED, "note": "woning behouden"},
                 {"goal_id": goals[1].pk, "result": GoalResult.PARTLY}])
    assert {r.result for r in evaluation.results.all()} == {GoalResult.REACHED, GoalResult.PARTLY}
    plan.refresh_from_db()
    assert plan.evaluation_date == in_days(90)
