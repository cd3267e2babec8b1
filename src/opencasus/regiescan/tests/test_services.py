"""The regie scan end to end in its services: start, answer, submit, scores, trend, tips and the region's average
with its suppression below five municipalities."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from opencasus.logbook.models import ProcessingRecord
from opencasus.regiescan import scoring, selectors, services
from opencasus.regiescan.models import ScanStatus, Theme
from opencasus.regiescan.tests.factories import add_officer, answered_scan, scan_world

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year - 1


def test_three_municipalities_answer_and_the_region_average_stays_suppressed_until_five() -> None:
    z = scan_world(officers=3)
    for i in range(3):
        answered_scan(officer=z.officers[i], house=z.house, municipality=z.municipalities[i], year=YEAR, value=i + 2)
    view = selectors.scan_get(actor=z.officer, scan_id=selectors.scan_list(actor=z.officer)[0].pk)
    assert view.submission.status == ScanStatus.SUBMITTED
    assert [r.score for r in view.themes] == [25.0] * 6  # answer 2 on a scale of 5
    assert all(r.region is not None and r.region.suppressed and r.region.average is None for r in view.themes)
    assert all(r.region is not None and r.region.municipalities.value is None for r in view.themes)
    # The fourth municipality answers in another house of the same region: still four.
    other = add_officer(z, z.municipalities[3])
    answered_scan(officer=other, house=z.house, municipality=z.municipalities[3], year=YEAR, value=5)
    view = selectors.scan_get(actor=z.officer, scan_id=view.submission.pk)
    assert all(r.region is not None and r.region.suppressed for r in view.themes)
    fifth = add_officer(z, z.municipalities[4])
    answered_scan(officer=fifth, house=z.house, municipality=z.municipalities[4], year=YEAR, value=1)
    view = selectors.scan_get(actor=z.officer, scan_id=view.submission.pk)
    # (25 + 50 + 75 + 100 + 0) / 5
    assert [r.region.average for r in view.themes if r.region] == [50.0] * 6
    assert view.themes[0].region is not None
    assert view.themes[0].region.municipalities.value == 5


def test_a_draft_does_not_count_in_the_region_average_and_a_municipality_counts_once() -> None:
    z = scan_world(officers=5)
    for i in range(4):
        answered_scan(officer=z.officers[i], house=z.house, municipality=z.municipalities[i], year=YEAR)
    answered_scan(officer=z.officers[4], house=z.house, municipality=z.municipalities[4], year=YEAR, submit=False)
    # The first municipality again, in the other house of the region: the same municipality, still four.
    answered_scan(officer=z.other_officer, house=z.other_house, municipality=z.municipalities[0], year=YEAR)
    _threshold, averages = scoring.region_averages(region_id=z.house.region_id, year=YEAR)
    assert all(a.suppressed for a in averages.values())


def test_the_threshold_of_the_house_applies_when_it_is_higher() -> None:
    z = scan_world(officers=5)
    type(z.house).objects.filter(pk=z.house.pk).update(small_count_threshold=6)
    for i in range(5):
        answered_scan(officer=z.officers[i], house=z.house, municipality=z.municipalities[i], year=YEAR)
    threshold, averages = scoring.region_averages(region_id=z.house.region_id, year=YEAR)
    assert threshold == 6
    assert all(a.suppressed for a in averages.values())


def test_one_scan_per_municipality_house_and_year() -> None:
    z = scan_world()
    services.scan_start(actor=z.officer, house_id=z.house.pk, municipality_id=z.municipalities[0].pk, year=YEAR)
    with pytest.raises(ValidationError) as exc:
        services.scan_start(actor=z.officer, house_id=z.house.pk, municipality_id=z.municipalities[0].pk, year=YEAR)
    assert exc.value.code == "conflict"
    with pytest.raises(ValidationError):
        services.scan_start(actor=z.officer, house_id=z.house.pk, municipality_id=z.municipalities[0].pk,
                            year=YEAR + 2)


def test_an_officer_fills_in_only_for_their_own_municipality() -> None:
    z = scan_world()
    with pytest.raises(Http404):
        services.scan_start(actor=z.officer, house_id=z.house.pk, municipality_id=z.municipalities[1].pk, year=YEAR)
    with pytest.raises(Http404):
        services.scan_start(actor=z.w.manager, house_id=z.house.pk, municipality_id=z.municipalities[0].pk,
                            year=YEAR)
    scan = services.scan_start(actor=z.officer, house_id=z.house.pk, municipality_id=z.municipalities[0].pk,
                               year=YEAR)
    with pytest.raises(Http404):
        selectors.scan_get(actor=z.officers[1], scan_id=scan.pk)
    assert selectors.scan_get(actor=z.w.manager, scan_id=scan.pk).may_edit is False
    with pytest.raises(PermissionDenied):
        services.scan_answers_save(actor=z.w.manager, scan_id=scan.pk, answers={}, expected_version=scan.version)


def test_submitting_needs_every_answer_and_is_final() -> None:
    z = scan_world()
    scan = services.scan_start(actor=z.officer, house_id=z.house.pk, municipality_id=z.municipalities[0].pk,
                               year=YEAR)
    first = selectors.questionnaire(house_id=z.house.pk).active_questions[0]
    scan = services.scan_answers_save(actor=z.officer, scan_id=scan.pk, answers={first.pk: 3},
                                      expected_version=scan.version)
    with pytest.raises(ValidationError) as exc:
        services.scan_submit(actor=z.officer, scan_id=scan.pk, expected_version=scan.version)
    assert "answers" in exc.value.error_dict
    with pytest.raises(ValidationError) as exc:
        services.scan_answers_save(actor=z.officer, scan_id=scan.pk, answers={first.pk: 3}, expected_version=1)
    assert exc.value.code == "conflict"
    with pytest.raises(ValidationError):
        services.scan_answers_save(actor=z.officer, scan_id=scan.pk, answers={first.pk: 6},
                                   expected_version=scan.version)
    scan = answered_scan(officer=z.officers[1], house=z.house, municipality=z.municipalities[1], year=YEAR)
    with pytest.raises(ValidationError) as exc:
        services.scan_answers_save(actor=z.officers[1], scan_id=scan.pk, answers={first.pk: 1},
                                   expected_version=scan.version)
    assert exc.value.code == "invalid_transition"
    with pytest.raises(ValidationError) as exc:
        services.scan_submit(actor=z.officers[1], scan_id=scan.pk, expected_version=None)
    assert exc.value.code == "invalid_transition"


def test_a_refused_submission_saves_nothing() -> None:
    z = scan_world()
    scan = services.scan_start(actor=z.officer, house_id=z.house.pk, municipality_id=z.municipalities[0].pk,
                               year=YEAR)
    first = selectors.questionnaire(house_id=z.house.pk).active_questions[0]
    with pytest.raises(ValidationError):
        services.scan_answers_save(actor=z.officer, scan_id=scan.pk, answers={first.pk: 3},
                                   expected_version=scan.version, submit=True)
    assert not scan.answers.exists()


def test_trend_tips_and_weights() -> None:
    z = scan_world()
    answered_scan(officer=z.officer, house=z.house, municipality=z.municipalities[0], year=YEAR - 1, value=2)
    scan = services.scan_start(actor=z.officer, house_id=z.house.pk, municipality_id=z.municipalities[0].pk,
                               year=YEAR)
    qn = selectors.questionnaire(house_id=z.house.pk)
    theme, questions = qn.sections[0]
    services.question_save(actor=z.w.manager, house_id=z.house.pk, question_id=questions[0].pk, theme_id=theme.pk,
                           text=questions[0].text, weight=3, expected_version=questions[0].version)
    answers: dict[int, int | None] = {q.pk: 5 for q in qn.active_questions}
    answers[questions[0].pk] = 1  # weight 3 of 5 in the first theme: 40%
    scan = services.scan_answers_save(actor=z.officer, scan_id=scan.pk, answers=answers,
                                      expected_version=scan.version, submit=True)
    view = selectors.scan_get(actor=z.officer, scan_id=scan.pk)
    assert view.themes[0].score == 40.0
    assert [r.theme.key for r in view.tips] == [theme.key]  # below the default 60%
    assert view.trend_years == [YEAR - 1, YEAR]
    assert view.trend_rows[1][1] == [25.0, 100.0]


def test_the_house_configures_its_questionnaire_and_every_write_is_logged() -> None:
    z = scan_world()
    before = ProcessingRecord.objects.filter(house_id=z.house.pk).count()
    qn = selectors.config_get(actor=z.w.administrator, house_id=z.house.pk)
    assert [t.name for t in qn.themes][:2] == ["Visie en ambitie", "Sturing en opdrachtgeverschap"]
    theme = services.theme_save(actor=z.w.administrator, house_id=z.house.pk, theme_id=None, name="Veiligheid",
                                tip="Bespreek de cijfers.")
    assert theme.key == "veiligheid"
    services.question_save(actor=z.w.administrator, house_id=z.house.pk, question_id=None, theme_id=theme.pk,
                           text="Kent u de cijfers?")
    services.settings_update(actor=z.w.manager, house_id=z.house.pk, scale_points=4, tip_below=50,
                             expected_version=qn.settings.version)
    assert ProcessingRecord.objects.filter(house_id=z.house.pk).count() == before + 3
    scan = services.scan_start(actor=z.officer, house_id=z.house.pk, municipality_id=z.municipalities[0].pk,
                               year=YEAR)
    assert scan.scale_points == 4
    for actor in (z.officer, z.w.director, z.w.steering, z.w.privacy_officer):
        with pytest.raises(Http404):
            selectors.config_get(actor=actor, house_id=z.house.pk)
    other_theme = Theme.objects.filter(house=z.other_house).first()
    assert other_theme is None or other_theme.house_id != z.house.pk
    with pytest.raises(ValidationError):
        services.settings_update(actor=z.w.manager, house_id=z.house.pk, scale_points=11, tip_below=50,
                                 expected_version=2)
