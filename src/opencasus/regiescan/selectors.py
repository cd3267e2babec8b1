"""Reads of the regie scan, through `opencasus.access.regiescan`; a scan the actor may not read answers 404,
like one that does not exist. The scan holds no personal data, so its reads are not logged."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from opencasus.access import regiescan as access
from opencasus.network.models import House, Municipality
from opencasus.regiescan import scoring
from opencasus.regiescan.defaults import install_defaults
from opencasus.regiescan.models import Question, ScanSettings, ScanStatus, Submission, Theme

if TYPE_CHECKING:
    from opencasus.accounts.models import User


@dataclass
class Questionnaire:
    house: House
    settings: ScanSettings
    themes: list[Theme]
    questions: dict[int, list[Question]]  # theme id -> its questions (active ones, unless all were asked)

    @property
    def sections(self) -> list[tuple[Theme, list[Question]]]:
        return [(t, self.questions.get(t.pk, [])) for t in self.themes]

    @property
    def active_questions(self) -> list[Question]:
        return [q for t in self.themes if t.active for q in self.questions.get(t.pk, []) if q.active]


def questionnaire(*, house_id: int, include_inactive: bool = False) -> Questionnaire:
    house = House.objects.filter(pk=house_id).first()
    if house is None:
        raise Http404
    settings = install_defaults(house_id)
    themes = list(Theme.objects.filter(house_id=house_id).order_by("position", "pk"))
    if not include_inactive:
        themes = [t for t in themes if t.active]
    questions: dict[int, list[Question]] = {t.pk: [] for t in themes}
    for q in Question.objects.filter(theme__in=themes).order_by("position", "pk"):
        if include_inactive or q.active:
            questions[q.theme_id].append(q)
    return Questionnaire(house, settings, themes, questions)


def config_get(*, actor: User, house_id: int) -> Questionnaire:
    """The questionnaire of a house, for its house manager or functional administrator."""
    if not access.may_configure(actor, house_id):
        raise Http404
    return questionnaire(house_id=house_id, include_inactive=True)


def theme_for_config(*, actor: User, house_id: int, theme_id: int) -> Theme:
    theme = Theme.objects.filter(pk=theme_id, house_id=house_id).first()
    if theme is None or not access.may_configure(actor, house_id):
        raise Http404
    return theme


def question_for_config(*, actor: User, house_id: int, question_id: int) -> Question:
    question = Question.objects.filter(pk=question_id, theme__house_id=house_id).select_related("theme").first()
    if question is None or not access.may_configure(actor, house_id):
        raise Http404
    return question


@dataclass
class ThemeResult:
    theme: Theme
    questions: list[tuple[Question, int | None]]
    score: float | None
    region: scoring.RegionAverage | None
    show_tip: bool


@dataclass
class ScanView:
    submission: Submission
    themes: list[ThemeResult]
    trend: list[tuple[int, dict[str, float]]]  # submitted years of this municipality in this house, oldest first
    region_threshold: int
    may_edit: bool
    answered: int = 0
    total: int = 0
    tips: list[ThemeResult] = field(default_factory=list)

    @property
    def version(self) -> int:
        return self.submission.version

    @property
    def trend_years(self) -> list[int]:
        return [year for year, _scores in self.trend]

    @property
    def trend_rows(self) -> list[tuple[str, list[float | None]]]:
        """Per theme: its name and its score in each year of `trend` (None where it was not answered)."""
        return [(r.theme.name, [scores.get(r.theme.key) for _year, scores in self.trend]) for r in self.themes]


def _visible(actor: User) -> Q:
    pairs = access.officer_pairs(actor)
    q = Q(house_id__in=access.overview_house_ids(actor))
    for house_id, municipality_id in pairs:
        q |= Q(house_id=house_id, municipality_id=municipality_id)
    return q


def scan_check(*, actor: User, scan_id: int) -> Submission:
    """The scan, if the actor may read it (no scores: for a write's access decision)."""
    submission = (Submission.objects.filter(pk=scan_id).filter(_visible(actor))
                  .select_related("house", "municipality", "house__region").first())
    if submission is None:
        raise Http404
    return submission


def scan_get(*, actor: User, scan_id: int) -> ScanView:
    submission = scan_check(actor=actor, scan_id=scan_id)
    return scan_view(actor=actor, submission=submission)


def scan_view(*, actor: User, submission: Submission) -> ScanView:
    qn = questionnaire(house_id=submission.house_id)
    answers = dict(submission.answers.values_list("question_id", "value"))
    scores = scoring.theme_scores(scoring.answer_rows([submission.pk])).get(submission.pk, {})
    threshold, region = scoring.region_averages(region_id=submission.house.region_id, year=submission.year)
    answered_questions = set(answers)
    # A theme or question taken out of use after this scan was answered still shows with its answer.
    extra = list(Question.objects.filter(pk__in=answered_questions - {q.pk for q in qn.active_questions})
                 .select_related("theme"))
    themes = list(qn.themes)
    for q in extra:
        if q.theme not in themes:
            themes.append(q.theme)
    results = []
    for theme in themes:
        questions = [q for q in qn.questions.get(theme.pk, []) if q.active] + [q for q in extra
                                                                             if q.theme_id == theme.pk]
        score = scores.get(theme.key)
        results.append(ThemeResult(
            theme=theme, questions=[(q, answers.get(q.pk)) for q in questions], score=score,
            region=region.get(theme.key),
            show_tip=bool(theme.tip) and score is not None and score < qn.settings.tip_below))
    trend_subs = list(Submission.objects.filter(
        house_id=submission.house_id, municipality_id=submission.municipality_id, status=ScanStatus.SUBMITTED)
        .order_by("year").values_list("pk", "year"))
    trend_scores = scoring.theme_scores(scoring.answer_rows([pk for pk, _y in trend_subs]))
    total = len(qn.active_questions)
    return ScanView(
        submission=submission, themes=results, trend=[(year, trend_scores.get(pk, {})) for pk, year in trend_subs],
        region_threshold=threshold,
        may_edit=submission.status == ScanStatus.DRAFT and access.may_fill(actor, submission.house_id,
                                                                           submission.municipality_id),
        answered=sum(1 for q in qn.active_questions if q.pk in answers), total=total,
        tips=[r for r in results if r.show_tip])


@dataclass(frozen=True)
class Fillable:
    """A municipality the actor fills in the scan for, in a house, with this year's scan if started."""

    house: House
    municipality: Municipality
    current: Submission | None


def current_year() -> int:
    return timezone.localdate().year


def fillable(*, actor: User) -> list[Fillable]:
    pairs = access.officer_pairs(actor)
    if not pairs:
        return []
    houses = House.objects.in_bulk({h for h, _m in pairs})
    municipalities = Municipality.objects.in_bulk({m for _h, m in pairs})
    year = current_year()
    current = {(s.house_id, s.municipality_id): s for s in Submission.objects.filter(
        year=year, house_id__in=[h for h, _m in pairs], municipality_id__in=[m for _h, m in pairs])}
    return sorted((Fillable(houses[h], municipalities[m], current.get((h, m))) for h, m in pairs
                   if h in houses and m in municipalities), key=lambda f: (f.house.name, f.municipality.name))


def scan_list(*, actor: User, house_id: int | None = None, year: int | None = None,
              status: str | None = None) -> list[Submission]:
    qs = Submission.objects.filter(_visible(actor)).select_related("house", "municipality")
    if house_id is not None:
        qs = qs.filter(house_id=house_id)
    if year is not None:
        qs = qs.filter(year=year)
    if status:
        qs = qs.filter(status=status)
    return list(qs.order_by("-year", "municipality__name", "house__name", "pk"))


def overview_houses(*, actor: User) -> list[House]:
    return list(House.objects.filter(pk__in=access.overview_house_ids(actor)).order_by("name"))


def config_houses(*, actor: User) -> list[House]:
    return list(House.objects.filter(pk__in=access.configurable_house_ids(actor)).order_by("name"))


def scores_of(submissions: list[Submission]) -> dict[int, dict[str, float]]:
    return scoring.theme_scores(scoring.answer_rows([s.pk for s in submissions]))


def municipality_id_for(code: str) -> int:
    """The id of a municipality by its CBS code; 404 for an unknown code."""
    pk = Municipality.objects.filter(code=code).values_list("pk", flat=True).first()
    if pk is None:
        raise Http404
    return int(pk)


def scan_json(view: ScanView) -> dict[str, object]:
    """The scan with its scores, region averages, tips and trend, as the API shows it (snake_case)."""
    s = view.submission
    return {
        "id": s.pk, "house_id": s.house_id, "municipality": s.municipality, "year": s.year, "status": s.status,
        "submitted_at": s.submitted_at, "version": s.version, "scale_points": s.scale_points,
        "region_threshold": view.region_threshold, "answered": view.answered, "total": view.total,
        "may_edit": view.may_edit,
        "themes": [{
            "key": r.theme.key, "name": r.theme.name, "score": r.score,
            "region_average": {"municipalities": r.region.municipalities.value if r.region else 0,
                               "average": r.region.average if r.region else None,
                               "suppressed": bool(r.region and r.region.suppressed)},
            "tip": r.theme.tip if r.show_tip else None,
            "questions": [{"id": q.pk, "text": q.text, "weight": q.weight, "answer": value}
                          for q, value in r.questions]} for r in view.themes],
        "trend": [{"year": year, "scores": scores} for year, scores in view.trend],
    }


def questionnaire_json(qn: Questionnaire) -> dict[str, object]:
    return {
        "house_id": qn.house.pk,
        "settings": {"scale_points": qn.settings.scale_points, "tip_below": qn.settings.tip_below,
                     "version": qn.settings.version},
        "themes": [{"id": t.pk, "key": t.key, "name": t.name, "tip": t.tip, "position": t.position,
                    "active": t.active, "version": t.version,
                    "questions": [{"id": q.pk, "theme_id": q.theme_id, "text": q.text, "weight": q.weight,
                                   "active": q.active, "version": q.version} for q in questions]}
                   for t, questions in qn.sections],
    }
