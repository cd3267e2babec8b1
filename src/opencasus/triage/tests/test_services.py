import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404
from pytest_django import DjangoCaptureOnCommitCallbacks

from opencasus.cases.models import Case, Participant, Person, StatusChange
from opencasus.cases.workflow import Status
from opencasus.core.tests.world import World
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member
from opencasus.triage import services
from opencasus.triage.models import Answer, Criterion, Decision, Outcome, ParticipantEvent, Verdict
from opencasus.triage.services import AssessmentInput, DecisionInput
from opencasus.triage.tests.factories import admit, does_not_meet, intake, make_world, meets

pytestmark = pytest.mark.django_db



def records(case: Case, object_type: str, action: str | None = None) -> QuerySet[ProcessingRecord]:
    qs = ProcessingRecord.objects.filter(case_id=case.pk, object_type=object_type, activity_code="triage")
    return qs.filter(action=action) if action else qs


def test_first_assessment_moves_the_intake_into_triage(world: World) -> None:
    case = intake(world)
    assessment = services.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    case.refresh_from_db()
    assert case.status == Status.IN_TRIAGE
    change = StatusChange.objects.get(case=case)
    assert (change.from_status, change.to_status, change.changed_by) == (Status.SUBMITTED, Status.IN_TRIAGE,
                                                                          world.director)
    assert change.house_id == case.house_id
    assert assessment.computed_verdict == Verdict.MEETS
    assert sorted(n.life_domain for n in assessment.life_domains.all()) == ["drugs", "housing"]
    rec = records(case, "triage-assessment", "create").get()
    assert rec.purpose == case.requested_purpose
    assert rec.data_subject == str(case.persons.get().pseudonym)


def test_assessment_validation_is_in_dutch_and_writes_nothing(world: World) -> None:
    case = intake(world)
    data = AssessmentInput(answers={Criterion.MULTIPLE_PROBLEMS.value: (Answer.YES, "")},
                           life_domains={"housing": " "})
    with pytest.raises(ValidationError) as exc:
        services.assessment_save(actor=world.director, case_id=case.pk, data=data)
    assert exc.value.message_dict["multiple_problems_explanation"] == ["Licht dit antwoord toe."]
    assert "domain_housing_note" in exc.value.message_dict
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED
    assert not records(case, "triage-assessment").exists()


def test_overruling_the_verdict_needs_grounds(world: World) -> None:
    case = intake(world)
    data = does_not_meet()
    data.override_verdict = Verdict.MEETS
    with pytest.raises(ValidationError) as exc:
        services.assessment_save(actor=world.director, case_id=case.pk, data=data)
    assert "override_grounds" in exc.value.message_dict
    data.override_grounds = "Het gezin heeft jonge kinderen; de tafel acht een gezamenlijke aanpak nodig."
    assessment = services.assessment_save(actor=world.director, case_id=case.pk, data=data)
    assert assessment.computed_verdict == Verdict.DOES_NOT_MEET
    assert assessment.verdict == Verdict.MEETS


def test_local_criteria_of_another_house_are_refused(world: World) -> None:
    case = intake(world)
    other = make_world()
    data = meets()
    data.local_answers = {other.criterion.pk: (Answer.YES, "")}
    with pytest.raises(ValidationError):
        services.assessment_save(actor=world.director, case_id=case.pk, data=data)
    data.local_answers = {world.criterion.pk: (Answer.YES, "Twee kinderen van 4 en 7.")}
    assessment = services.assessment_save(actor=world.director, case_id=case.pk, data=data)
    assert assessment.local_answers.get().answer == Answer.YES


def test_assessment_version_conflict(world: World) -> None:
    case = intake(world)
    first = services.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    services.assessment_save(actor=world.secretary, case_id=case.pk, data=meets(), expected_version=first.version)
    with pytest.raises(ValidationError) as exc:
        services.assessment_save(actor=world.director, case_id=case.pk, data=does_not_meet(),
                                 expected_version=first.version)
    assert exc.value.code == "conflict"


def test_only_core_staff_of_the_house_may_assess(world: World) -> None:
    case = intake(world)
    for actor in (world.police_pro, world.filer, member(HouseFactory.create(), Role.PROCESS_DIRECTOR)):
        with pytest.raises(Http404):
            services.assessment_save(actor=actor, case_id=case.pk, data=meets())


def test_done_when_admit_decline_route(world: World,
                                       django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks) -> None:
    admitted, declined, routed = intake(world), intake(world), intake(world)
    # Names that cannot occur in the e-mail's own wording (a random "Cas" would be found in "Casus").
    Person.objects.filter(case__in=[admitted, declined, routed]).update(first_name="Xandrijn", last_name="Quobbelaar")
    services.assessment_save(actor=world.director, case_id=admitted.pk, data=meets())
    services.assessment_save(actor=world.director, case_id=declined.pk, data=does_not_meet())
    services.assessment_save(actor=world.secretary, case_id=routed.pk, data=does_not_meet())
    with django_capture_on_commit_callbacks(execute=True):
        services.decision_record(actor=world.director, case_id=admitted.pk, data=admit(world))
        services.decision_record(actor=world.director, case_id=declined.pk, data=DecisionInput(
            outcome=Outcome.DECLINE, grounds="Problematiek op één leefgebied; reguliere hulp volstaat."))
        services.decision_record(actor=world.director, case_id=routed.pk, data=DecisionInput(
            outcome=Outcome.ROUTE, grounds="Huiselijk geweld staat op de voorgrond.", routed_to="veilig_thuis"))
    for case in (admitted, declined, routed):
        case.refresh_from_db()
        assert case.feedback_at is not None
    assert admitted.status == Status.ADMITTED
    assert admitted.purpose.startswith("Recidive voorkomen")
    assert admitted.meeting_type == world.meeting_type
    assert "Focusoverleg" in admitted.feedback_to_filer
    assert declined.status == Status.DECLINED
    assert "Afwijzen" in declined.feedback_to_filer
    assert routed.status == Status.ROUTED
    assert "Veilig Thuis" in routed.feedback_to_filer
    rows = Participant.objects.filter(case=admitted)
    assert {(p.organisation_id, p.user_id) for p in rows} == {
        (world.police.pk, None), (world.probation.pk, None), (world.police.pk, world.police_pro.pk),
        (world.probation.pk, world.probation_pro.pk)}
    assert ParticipantEvent.objects.filter(participant__case=admitted, kind="added").count() == 4
    assert records(admitted, "participant", "create").count() == 4
    assert not Participant.objects.filter(case__in=[declined, routed]).exists()
    assert len(mail.outbox) == 3
    for message, case in zip(mail.outbox, (admitted, declined, routed), strict=True):
        assert message.to == [world.filer.email]
        assert case.reference in message.subject
        person = case.persons.get()
        assert person.last_name not in message.body
        assert person.first_name not in message.body
        assert case.reason not in message.body
    assert "Toelaten tot een casusoverleg" in mail.outbox[0].body
    reasons = dict(StatusChange.objects.filter(case=declined, to_status=Status.DECLINED)
                   .values_list("to_status", "reason"))
    assert reasons[Status.DECLINED].startswith("Problematiek op één leefgebied")
    assert records(declined, "triage-decision", "create").count() == 1


def test_grounds_are_always_required(world: World) -> None:
    case = intake(world)
    services.assessment_save(actor=world.director, case_id=case.pk, data=does_not_meet())
    with pytest.raises(ValidationError) as exc:
        services.decision_record(actor=world.director, case_id=case.pk,
                                 data=DecisionInput(outcome=Outcome.DECLINE, grounds="  "))
    assert exc.value.message_dict["grounds"] == ["Geef de gronden voor dit besluit."]
    with pytest.raises(ValidationError) as exc:
        services.decision_record(actor=world.director, case_id=case.pk,
                                 data=DecisionInput(outcome=Outcome.ADVICE, grounds="Advies volstaat."))
    assert "advice" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.decision_record(actor=world.director, case_id=case.pk,
                                 data=DecisionInput(outcome=Outcome.ROUTE, grounds="Elders.", routed_to="other"))
    assert "routed_to_detail" in exc.value.message_dict


def test_advice_only_records_the_advice(world: World,
                                        django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks) -> None:
    case = intake(world)
    services.assessment_save(actor=world.director, case_id=case.pk, data=does_not_meet())
    with django_capture_on_commit_callbacks(execute=True):
        decision = services.decision_record(actor=world.director, case_id=case.pk, data=DecisionInput(
            outcome=Outcome.ADVICE, grounds="Geen complexe problematiek.",
            advice="Schakel het sociaal wijkteam in voor schuldhulp."))
    case.refresh_from_db()
    assert case.status == Status.ADVICE_GIVEN
    assert decision.advice.startswith("Schakel")
    assert "Schakel het sociaal wijkteam in" in case.feedback_to_filer
    assert "Schakel" not in mail.outbox[0].body


def test_admission_with_an_organisation_without_covenant_is_refused_and_nothing_changes(world: World) -> None:
    case = intake(world)
    services.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    case.refresh_from_db()
    version = case.version
    with pytest.raises(ValidationError) as exc:
        services.decision_record(actor=world.director, case_id=case.pk,
                                 data=admit(world, organisation_ids=[world.police.pk, world.no_covenant.pk]))
    assert "geen privacyconvenant" in " ".join(exc.value.message_dict["organisations"])
    with pytest.raises(ValidationError) as exc:
        services.decision_record(actor=world.director, case_id=case.pk, data=admit(
            world, professionals=[(world.uncovered_pro.pk, world.no_covenant.pk)]))
    assert "professionals" in exc.value.message_dict
    case.refresh_from_db()
    assert (case.status, case.version, case.purpose) == (Status.IN_TRIAGE, version, "")
    assert not Decision.objects.filter(case=case).exists()
    assert not Participant.objects.filter(case=case).exists()
    assert not records(case, "triage-decision").exists()


def test_admission_requires_purpose_questions_meeting_type_and_a_meeting_verdict(world: World) -> None:
    case = intake(world)
    services.assessment_save(actor=world.director, case_id=case.pk, data=does_not_meet())
    with pytest.raises(ValidationError) as exc:
        services.decision_record(actor=world.director, case_id=case.pk, data=admit(
            world, purpose="", questions="", meeting_type_id=make_world().meeting_type.pk, organisation_ids=[],
            professionals=[]))
    assert set(exc.value.message_dict) >= {"outcome", "purpose", "questions", "meeting_type", "organisations"}


def test_a_professional_of_another_organisation_is_refused(world: World) -> None:
    case = intake(world)
    services.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    with pytest.raises(ValidationError) as exc:
        services.decision_record(actor=world.director, case_id=case.pk, data=admit(
            world, professionals=[(world.police_pro.pk, world.probation.pk)]))
    assert "professionals" in exc.value.message_dict


def test_invalid_transitions_are_refused(world: World) -> None:
    case = intake(world)
    with pytest.raises(ValidationError) as exc:
        services.decision_record(actor=world.director, case_id=case.pk,
                                 data=DecisionInput(outcome=Outcome.ADVICE, grounds="Nee.", advice="Bel het wijkteam."))
    assert exc.value.code == "invalid_transition"
    services.assessment_save(actor=world.director, case_id=case.pk, data=does_not_meet())
    services.decision_record(actor=world.director, case_id=case.pk,
                             data=DecisionInput(outcome=Outcome.DECLINE, grounds="Nee."))
    with pytest.raises(ValidationError) as exc:
        services.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    assert exc.value.code == "invalid_transition"


def test_a_second_decision_is_refused_not_doubled(world: World) -> None:
    case = intake(world)
    services.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    case.refresh_from_db()
    read_version = case.version  # both members of the table opened the form at this version
    services.decision_record(actor=world.director, case_id=case.pk, data=admit(world),
                             expected_version=read_version)
    with pytest.raises(ValidationError) as exc:
        services.decision_record(actor=world.secretary, case_id=case.pk, expected_version=read_version,
                                 data=DecisionInput(outcome=Outcome.DECLINE, grounds="Toch niet."))
    assert exc.value.code == "conflict"
    with pytest.raises(ValidationError) as exc:
        services.decision_record(actor=world.secretary, case_id=case.pk,
                                 data=DecisionInput(outcome=Outcome.DECLINE, grounds="Toch niet."))
    assert exc.value.code == "invalid_transition"
    assert Decision.objects.filter(case=case).count() == 1
    assert StatusChange.objects.filter(case=case, to_status__in=[Status.ADMITTED, Status.DECLINED]).count() == 1


def test_participants_add_and_end(world: World) -> None:
    case = intake(world)
    services.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    services.decision_record(actor=world.director, case_id=case.pk,
                             data=admit(world, organisation_ids=[world.police.pk], professionals=[]))
    with pytest.raises(ValidationError):
        services.participant_add(actor=world.director, case_id=case.pk, organisation_id=world.no_covenant.pk,
                                 reason="Nodig.")
    with pytest.raises(ValidationError) as exc:
        services.participant_add(actor=world.director, case_id=case.pk, organisation_id=world.police.pk,
                                 user_id=world.police_pro.pk, reason="")
    assert "reason" in exc.value.message_dict
    added = services.participant_add(actor=world.director, case_id=case.pk, organisation_id=world.probation.pk,
                                     user_id=world.probation_pro.pk, reason="Toezicht loopt.")
    assert {(p.organisation_id, p.user_id) for p in added} == {(world.probation.pk, None),
                                                              (world.probation.pk, world.probation_pro.pk)}
    with pytest.raises(ValidationError):
        services.participant_add(actor=world.director, case_id=case.pk, organisation_id=world.probation.pk,
                                 user_id=world.probation_pro.pk, reason="Nogmaals.")
    org_row = next(p for p in added if p.user_id is None)
    ended = services.participant_end(actor=world.director, case_id=case.pk, participant_id=org_row.pk,
                                     reason="Toezicht beëindigd.")
    assert len(ended) == 2  # the organisation and its named professional
    assert not Participant.objects.active().filter(case=case, organisation=world.probation).exists()
    assert ParticipantEvent.objects.filter(participant__case=case, kind="ended").count() == 2
    assert records(case, "participant", "update").count() == 2
    with pytest.raises(ValidationError):
        services.participant_end(actor=world.director, case_id=case.pk, participant_id=org_row.pk, reason="x")
    with pytest.raises(Http404):
        services.participant_end(actor=world.police_pro, case_id=case.pk, participant_id=org_row.pk, reason="x")


def test_participants_only_on_admitted_cases(world: World) -> None:
    case = intake(world)
    with pytest.raises(ValidationError) as exc:
        services.participant_add(actor=world.director, case_id=case.pk, organisation_id=world.police.pk,
                                 reason="Nodig.")
    assert exc.value.code == "invalid_transition"


@pytest.mark.parametrize("outcome", [Outcome.ROUTE, Outcome.DECLINE])
def test_a_duplicate_is_routed_or_declined_without_an_assessment(world: World, outcome: Outcome) -> None:
    case = intake(world)
    data = DecisionInput(outcome=outcome, grounds="Dubbele aanmelding: loopt al als ZVH-2026-0012.",
                         routed_to="zsm" if outcome == Outcome.ROUTE else "")
    decision = services.decision_record(actor=world.director, case_id=case.pk, data=data)
    case.refresh_from_db()
    assert case.status == (Status.ROUTED if outcome == Outcome.ROUTE else Status.DECLINED)
    assert decision.verdict == Verdict.UNDETERMINED
    changes = list(StatusChange.objects.filter(case=case).order_by("id").values_list("from_status", "to_status"))
    assert changes[0] == (Status.SUBMITTED, Status.IN_TRIAGE)
    assert records(case, "triage-decision", "create").exists()


def test_without_an_assessment_grounds_are_still_required_and_nothing_moves(world: World) -> None:
    case = intake(world)
    with pytest.raises(ValidationError):
        services.decision_record(actor=world.director, case_id=case.pk,
                                 data=DecisionInput(outcome=Outcome.DECLINE, grounds="  "))
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED
    assert not StatusChange.objects.filter(case=case).exists()
