"""Writes of the regie scan: starting a municipality's scan of a year, saving its answers, submitting it, and
the house's questionnaire. Each write is atomic and leaves a processing-log record of the house (without a
data subject: the scan holds no personal data) in its transaction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from opencasus.access import regiescan as access
from opencasus.access import roles
from opencasus.core.unset import UNSET, Unset
from opencasus.logbook import purposes
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing
from opencasus.network.models import Municipality
from opencasus.regiescan import selectors
from opencasus.regiescan.defaults import install_defaults
from opencasus.regiescan.models import (
    MAX_SCALE,
    MAX_WEIGHT,
    MIN_SCALE,
    Answer,
    Question,
    ScanSettings,
    ScanStatus,
    Submission,
    Theme,
)
from opencasus.regiescan.workflow import TABLE

if TYPE_CHECKING:
    from opencasus.accounts.models import User

FIRST_YEAR = 2000


def _conflict() -> ValidationError:
    return ValidationError(_("This record was changed by someone else in the meantime. Reload the page, check "
                             "their changes and make yours again."), code="conflict")


def _duplicate(year: int) -> ValidationError:
    return ValidationError(_("This municipality already has a regie scan for %(year)s: open that one.")
                           % {"year": year}, code="conflict")


def _check_version(current: int, expected: int | None, *, required: bool = True) -> None:
    if expected is None:
        if required:
            raise ValidationError(_("Send the version number you read."), code="version_required")
        return
    if int(expected) != current:
        raise _conflict()


def _log(*, actor: User, house_id: int, action: Action, purpose: str, object_type: str, object_id: int) -> None:
    record_processing(action=action, activity_code=ActivityCode.MANAGEMENT_INFORMATION, purpose=purpose,
                      who=roles.who(actor, house_id), house_id=house_id, object_type=object_type,
                      object_id=object_id)


@transaction.atomic
def scan_start(*, actor: User, house_id: int, municipality_id: int, year: int) -> Submission:
    """A municipality officer starts the scan of a year (a draft); one per municipality, house and year."""
    if not access.may_fill(actor, house_id, municipality_id):
        raise Http404
    this_year = timezone.localdate().year
    if not FIRST_YEAR <= year <= this_year:
        raise ValidationError({"year": _("Choose a year from %(first)s up to this year (%(last)s).")
                               % {"first": FIRST_YEAR, "last": this_year}}, code="invalid")
    if not Municipality.objects.filter(pk=municipality_id).exists():
        raise Http404
    if Submission.objects.filter(house_id=house_id, municipality_id=municipality_id, year=year).exists():
        raise _duplicate(year)
    settings = install_defaults(house_id)
    try:
        with transaction.atomic():
            submission = Submission.objects.create(house_id=house_id, municipality_id=municipality_id, year=year,
                                                   scale_points=settings.scale_points, created_by=actor)
    except IntegrityError:
        raise _duplicate(year) from None
    _log(actor=actor, house_id=house_id, action=Action.CREATE, purpose=purposes.REGIESCAN, object_type="regiescan",
         object_id=submission.pk)
    return submission


def _editable(*, actor: User, scan_id: int) -> Submission:
    selectors.scan_check(actor=actor, scan_id=scan_id)
    submission = Submission.objects.select_for_update().get(pk=scan_id)
    if not access.may_fill(actor, submission.house_id, submission.municipality_id):
        raise PermissionDenied  # the house manager reads the scan, but does not answer it
    return submission


@transaction.atomic
def scan_answers_save(*, actor: User, scan_id: int, answers: Mapping[int, int | None],
                      expected_version: int | None, submit: bool = False) -> Submission:
    """Save (some of) the answers of a draft: question id -> value on the scan's scale, None to clear it; with
    `submit`, submit the scan in the same transaction (nothing is saved when submitting is refused)."""
    submission = _editable(actor=actor, scan_id=scan_id)
    _check_version(submission.version, expected_version)
    if submission.status != ScanStatus.DRAFT:
        raise ValidationError(_("A submitted regie scan can no longer be changed."), code="invalid_transition")
    known = {q.pk for q in selectors.questionnaire(house_id=submission.house_id).active_questions}
    kept = set(submission.answers.values_list("question_id", flat=True))
    errors: dict[str, str] = {}
    for question_id, value in answers.items():
        if question_id not in known and question_id not in kept:
            errors[f"answers.{question_id}"] = _("This question is not part of the regie scan of this house.")
        elif value is not None and not 1 <= value <= submission.scale_points:
            errors[f"answers.{question_id}"] = _("Choose an answer from 1 to %(n)s.") % {"n": submission.scale_points}
    if errors:
        raise ValidationError(errors, code="invalid")
    for question_id, value in answers.items():
        if value is None:
            Answer.objects.filter(submission=submission, question_id=question_id).delete()
        else:
            Answer.objects.update_or_create(submission=submission, question_id=question_id,
                                            defaults={"value": value})
    submission.version += 1
    submission.save(update_fields=["version"])
    _log(actor=actor, house_id=submission.house_id, action=Action.UPDATE, purpose=purposes.REGIESCAN,
         object_type="regiescan", object_id=submission.pk)
    if submit:
        return _submit(actor=actor, submission=submission)
    return submission


@transaction.atomic
def scan_submit(*, actor: User, scan_id: int, expected_version: int | None) -> Submission:
    """Submit a draft whose every question is answered; final (checked against `workflow.TABLE`)."""
    submission = _editable(actor=actor, scan_id=scan_id)
    _check_version(submission.version, expected_version, required=False)
    return _submit(actor=actor, submission=submission)


def _submit(*, actor: User, submission: Submission) -> Submission:
    TABLE.check(submission.status, ScanStatus.SUBMITTED)
    answered = set(submission.answers.values_list("question_id", flat=True))
    missing = [q for q in selectors.questionnaire(house_id=submission.house_id).active_questions
               if q.pk not in answered]
    if missing:
        raise ValidationError({"answers": _("Answer every question before you submit the scan (%(n)s open).")
                               % {"n": len(missing)}}, code="invalid")
    submission.status = ScanStatus.SUBMITTED
    submission.submitted_by, submission.submitted_at = actor, timezone.now()
    submission.version += 1
    submission.save(update_fields=["status", "submitted_by", "submitted_at", "version"])
    _log(actor=actor, house_id=submission.house_id, action=Action.UPDATE, purpose=purposes.REGIESCAN,
         object_type="regiescan", object_id=submission.pk)
    return submission


# The questionnaire of a house (house manager, functional administrator).

def _config_log(*, actor: User, house_id: int, action: Action, object_type: str, object_id: int) -> None:
    _log(actor=actor, house_id=house_id, action=action, purpose=purposes.REGIESCAN_CONFIGURATION,
         object_type=object_type, object_id=object_id)


def _clean_text(value: str, field: str, *, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError({field: _("Fill in this field.")}, code="invalid")
    return value


@transaction.atomic
def settings_update(*, actor: User, house_id: int, scale_points: int, tip_below: int,
                    expected_version: int | None) -> ScanSettings:
    """The scale (applies to scans started afterwards) and the score below which a theme shows its tips."""
    selectors.config_get(actor=actor, house_id=house_id)
    settings = ScanSettings.objects.select_for_update().get(house_id=house_id)
    _check_version(settings.version, expected_version)
    errors = {}
    if not MIN_SCALE <= scale_points <= MAX_SCALE:
        errors["scale_points"] = _("Choose a scale of %(min)s to %(max)s points.") % {"min": MIN_SCALE,
                                                                                    "max": MAX_SCALE}
    if not 0 <= tip_below <= 100:
        errors["tip_below"] = _("Choose a percentage from 0 to 100.")
    if errors:
        raise ValidationError(errors, code="invalid")
    settings.scale_points, settings.tip_below = scale_points, tip_below
    settings.version += 1
    settings.save()
    _config_log(actor=actor, house_id=house_id, action=Action.UPDATE, object_type="regiescan-settings",
                object_id=settings.pk)
    return settings


@transaction.atomic
def theme_save(*, actor: User, house_id: int, theme_id: int | None, name: str, tip: str, active: bool = True,
               position: int | Unset = UNSET, expected_version: int | None = None) -> Theme:
    """Add a theme (`theme_id` None) or change one: its name, tips, place and whether it is in use."""
    qn = selectors.config_get(actor=actor, house_id=house_id)
    name = _clean_text(name, "name")
    tip = _clean_text(tip, "tip", required=False)
    if theme_id is None:
        base = slugify(name)[:40] or "thema"
        keys = {t.key for t in qn.themes}
        key, n = base, 1
        while key in keys:
            n += 1
            key = f"{base}-{n}"
        theme = Theme.objects.create(house_id=house_id, key=key, name=name, tip=tip, active=active,
                                     position=position if not isinstance(position, Unset)
                                     else max([t.position for t in qn.themes] + [0]) + 1)
        _config_log(actor=actor, house_id=house_id, action=Action.CREATE, object_type="regiescan-theme",
                    object_id=theme.pk)
        return theme
    selectors.theme_for_config(actor=actor, house_id=house_id, theme_id=theme_id)
    theme = Theme.objects.select_for_update().get(pk=theme_id)
    _check_version(theme.version, expected_version)
    theme.name, theme.tip, theme.active = name, tip, active
    if not isinstance(position, Unset):
        theme.position = position
    theme.version += 1
    theme.save()
    _config_log(actor=actor, house_id=house_id, action=Action.UPDATE, object_type="regiescan-theme",
                object_id=theme.pk)
    return theme


@transaction.atomic
def question_save(*, actor: User, house_id: int, question_id: int | None, theme_id: int, text: str,
                  weight: int = 1, active: bool = True, expected_version: int | None = None) -> Question:
    """Add a question to a theme of the house (`question_id` None) or change one. A question that was answered
    is taken out of use rather than removed, so earlier scores stay as they were."""
    selectors.config_get(actor=actor, house_id=house_id)
    if not Theme.objects.filter(pk=theme_id, house_id=house_id).exists():
        raise ValidationError({"theme": _("Choose a theme of this house.")}, code="invalid")
    text = _clean_text(text, "text")
    if not 1 <= weight <= MAX_WEIGHT:
        raise ValidationError({"weight": _("Choose a weight from 1 to %(n)s.") % {"n": MAX_WEIGHT}}, code="invalid")
    if question_id is None:
        last = Question.objects.filter(theme_id=theme_id).order_by("-position").values_list("position", flat=True)
        question = Question.objects.create(theme_id=theme_id, text=text, weight=weight, active=active,
                                           position=(last.first() or 0) + 1)
        _config_log(actor=actor, house_id=house_id, action=Action.CREATE, object_type="regiescan-question",
                    object_id=question.pk)
        return question
    selectors.question_for_config(actor=actor, house_id=house_id, question_id=question_id)
    question = Question.objects.select_for_update().get(pk=question_id)
    _check_version(question.version, expected_version)
    question.theme_id, question.text, question.weight, question.active = theme_id, text, weight, active
    question.version += 1
    question.save()
    _config_log(actor=actor, house_id=house_id, action=Action.UPDATE, object_type="regiescan-question",
                object_id=question.pk)
    return question
