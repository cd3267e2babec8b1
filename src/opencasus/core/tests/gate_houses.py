"""Two houses for the security gates: the caller's own, and another one filled with every kind
of record the apps create (their demo loaders), whose ids the caller must never reach."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import models

from opencasus.core.tests.urlwalk import Route
from opencasus.network.models import House


@dataclass
class GateHouses:
    own: House
    other: House
    unresolved: set[str] = field(default_factory=set)


def build_other_house() -> House:
    """The demo house with every app's demo records, plus an attachment."""
    from opencasus.cases.models import Attachment, Case
    from opencasus.network.demo import load_network
    from opencasus.network.management.commands.load_demo import demo_steps

    house, _logins = load_network()
    for step in demo_steps():
        step(house)
    case = Case.objects.filter(house=house).order_by("pk").first()
    assert case is not None, "the demo house has no case"
    if not Attachment.objects.filter(case=case).exists():
        Attachment.objects.create(case=case, file=ContentFile(b"vertrouwelijk", name="notitie.txt"),
                                  filename="notitie.txt", content_type="text/plain", size=13,
                                  uploaded_by=case.filed_by)
    _fill_gaps(house, case)
    return house


def with_every_role(house: House) -> Any:
    """A user who holds every role in `house`, so that a refusal elsewhere is about the house, not the role."""
    from opencasus.network.models import Membership, Role
    from opencasus.network.tests.factories import member

    user = member(house, Role.PROCESS_DIRECTOR)
    first = Membership.objects.get(user=user)
    for role in Role.values:
        Membership.objects.get_or_create(user=user, house=house, organisation=first.organisation, role=role,
                                         defaults={"started_on": first.started_on})
    return user


def _fill_gaps(house: House, case: Any) -> None:
    """The kinds of record the demo loaders leave out, so every object route gets a foreign id."""
    from opencasus.cases.vocabulary import LifeDomain
    from opencasus.meetings.models import AgendaItem, Decision, Meeting, Minutes, SelfReport, SelfReportKind
    from opencasus.network.models import Organisation
    from opencasus.plans.models import Goal, Intervention, Plan, PlanVersion
    from opencasus.plans.vocabulary import InterventionLine
    from opencasus.privacy.models import RetentionRun, RightsRequest, RightsRequestKind, SubjectAccessRequest
    from opencasus.privacy.tests.factories import RetentionPolicyFactory
    from opencasus.reporting.models import IncidentImport
    from opencasus.triage.models import Assessment, Outcome, Verdict
    from opencasus.triage.models import Decision as TriageDecision

    user = case.filed_by
    today = dt.date.today()
    meeting = Meeting.objects.filter(house=house).order_by("pk").first()
    assert meeting is not None, "the demo house has no meeting"
    item = AgendaItem.objects.filter(meeting=meeting).order_by("pk").first() \
        or AgendaItem.objects.create(meeting=meeting, case=case)
    minutes, _ = Minutes.objects.get_or_create(agenda_item=item, defaults={"written_by": user})
    if not minutes.decisions.exists():
        Decision.objects.create(minutes=minutes, description="Gezinscoach inzetten")
    if not SelfReport.objects.filter(case__house=house).exists():
        SelfReport.objects.create(case=item.case, meeting=meeting, kind=SelfReportKind.values[0],
                                  goals_score=3, cooperation_score=4, reported_by=user)
    plan, _ = Plan.objects.get_or_create(case=case)
    if not Goal.objects.filter(plan__case__house=house).exists():
        Goal.objects.create(plan=plan, life_domain=LifeDomain.values[0],
                            description="Veilig thuis")
    if not Intervention.objects.filter(plan__case__house=house).exists():
        organisation = Organisation.objects.first()
        assert organisation is not None
        Intervention.objects.create(plan=plan, line=InterventionLine.values[0],
                                    description="Ambulante hulp", organisation=organisation)
    if not PlanVersion.objects.filter(plan=plan, number=1).exists():
        PlanVersion.objects.create(plan=plan, number=1, adopted_by=user, snapshot={})
    # The case the routes are given (the house's first) is assessed and decided on, so its triage is there.
    Assessment.objects.get_or_create(case=case, defaults={"started_by": user, "updated_by": user})
    if not TriageDecision.objects.filter(case=case).exists():
        TriageDecision.objects.create(case=case, outcome=Outcome.ADMIT, grounds="Meerdere domeinen",
                                      verdict=Verdict.values[0], decided_by=user)
    RetentionPolicyFactory.create(house=house)
    if not RetentionRun.objects.filter(house=house).exists():
        RetentionRun.objects.create(house=house, run_date=today, dry_run=True, requested_by=user)
    request = RightsRequest.objects.filter(house=house).first() or RightsRequest.objects.create(
        house=house, kind=RightsRequestKind.ACCESS, requester_name="J. Jansen",
        received_on=today, deadline=today + dt.timedelta(days=30), description="Inzage", registered_by=user)
    if not SubjectAccessRequest.objects.filter(house=house).exists():
        SubjectAccessRequest.objects.create(house=house, requester_name="J. Jansen", received_on=today,
                                            deadline=today + dt.timedelta(days=30), rights_request=request,
                                            registered_by=user)
    if not IncidentImport.objects.filter(house=house).exists():
        IncidentImport.objects.create(house=house, filename="incidenten.csv", uploaded_by=user)


def _models() -> dict[str, type[models.Model]]:
    found: dict[str, type[models.Model]] = {}
    for model in apps.get_models():
        if model.__module__.startswith("opencasus."):
            found.setdefault(model.__name__.lower(), model)
    return found


def house_path(model: type[models.Model], depth: int = 3) -> str | None:
    """The lookup from a model to its house ("case__house"), if there is one."""
    if model is House:
        return "pk"
    if depth == 0:
        return None
    for f in model._meta.get_fields():
        if isinstance(f, models.ForeignKey) and f.related_model is House:
            return f.name
    for f in model._meta.get_fields():
        if isinstance(f, models.ForeignKey) and f.related_model is not None and f.related_model is not model:
            rest = house_path(f.related_model, depth - 1)
            if rest and rest != "pk":
                return f"{f.name}__{rest}"
            if rest == "pk":
                return f.name
    return None


def region_path(model: type[models.Model]) -> str | None:
    """The foreign key from a model to its region, for records that belong to a region and no house."""
    from opencasus.network.models import Region

    for f in model._meta.get_fields():
        if isinstance(f, models.ForeignKey) and f.related_model is Region:
            return f.name
    return None


def is_object_param(name: str) -> bool:
    return name in {"pk", "id"} or name.endswith(("_id", "Id"))


# Parameters whose name does not say the model: (route name prefix, parameter) -> "app_label.Model".
PARAM_MODELS = {
    ("meetings:", "item_id"): "meetings.AgendaItem",
    ("meetings:", "decision_id"): "meetings.Decision",
    ("agenda-item-", "pk"): "meetings.AgendaItem",
    ("case-attachment-", "pk"): "cases.Attachment",
    ("agenda-item-", "decision_id"): "meetings.Decision",
    ("plans:goal-", "item_id"): "plans.Goal",
    ("plans:intervention-", "item_id"): "plans.Intervention",
    ("privacy:subject-access-", "request_id"): "privacy.SubjectAccessRequest",
    ("privacy:rights-request", "request_id"): "privacy.RightsRequest",
    # Two kinds of theme: the steering group's priority themes (per region) and the regie scan's (per house).
    ("governance:theme", "theme_id"): "governance.PriorityTheme",
    ("priority-theme", "themeId"): "governance.PriorityTheme",
    ("regiescan:", "theme_id"): "regiescan.Theme",
    ("regie-scan-theme", "themeId"): "regiescan.Theme",
    # Two kinds of meeting: case conferences (meetings) and the tactical and strategic meetings (governance).
    ("governance:meeting", "meeting_id"): "governance.GovernanceMeeting",
    ("governance-meeting", "meetingId"): "governance.GovernanceMeeting",
}


# Records a route answers for only when they are of a kind: (route name prefix, parameter) -> filter.
PARAM_FILTERS: dict[tuple[str, str], dict[str, Any]] = {
    ("groups:group", "case_id"): {"group_members__isnull": False},  # a group case (area case with members)
    ("groups:member-new", "case_id"): {"group_members__isnull": False},
    ("group-members", "caseId"): {"group_members__isnull": False},
}


def _filter_for(route: Route, param: str) -> dict[str, Any]:
    for (prefix, name), lookups in PARAM_FILTERS.items():
        if param == name and route.name.startswith(prefix):
            return lookups
    return {}


def _model_for(route: Route, param: str) -> type[models.Model] | None:
    for (prefix, name), label in PARAM_MODELS.items():
        if param == name and route.name.startswith(prefix):
            return apps.get_model(label)
    known = _models()
    if param in {"pk", "id"}:
        # A router's name is "<basename>-<action>": the longest leading run of words naming a model.
        tokens = route.name.split(":")[-1].replace("_", "-").split("-")
        for end in range(len(tokens), 0, -1):
            if "".join(tokens[:end]) in known:
                return known["".join(tokens[:end])]
        return None
    base = re.sub(r"(_id|Id)$", "", param)
    key = base.replace("_", "").lower()
    if key in known:
        return known[key]
    endings = [m for name, m in known.items() if name.endswith(key)]
    return endings[0] if len(endings) == 1 else None


def _related(obj: models.Model, model: type[models.Model], depth: int = 2) -> models.Model | None:
    """The record of `model` that `obj` belongs to, through at most `depth` foreign keys."""
    for f in obj._meta.get_fields():
        if isinstance(f, models.ForeignKey) and f.related_model is not None:
            parent = getattr(obj, f.name)
            if parent is None:
                continue
            if f.related_model is model:
                return parent  # type: ignore[no-any-return]
            if depth > 1:
                found = _related(parent, model, depth - 1)
                if found is not None:
                    return found
    return None


def foreign_values(route: Route, world: GateHouses) -> dict[str, Any] | None:
    """Ids of the other house's records for the route's parameters (None if it has none to offer)."""
    values: dict[str, Any] = {}
    chosen: list[models.Model] = []
    for param in reversed(route.params):
        if not is_object_param(param):
            if param not in route.numeric:
                return None  # a code or a slug: not a record of a house
            values[param] = 1 if param == "number" else dt.date.today().year  # a version number, or a year
            continue
        model = _model_for(route, param)
        if model is None:
            world.unresolved.add(f"{route.template}:{param}")
            return None
        obj: models.Model | None = None
        for previous in chosen:
            obj = _related(previous, model)
            if obj is not None:
                break
        if obj is None:
            path = house_path(model) or house_path(model, 4)  # a decision: minutes, agenda item, meeting
            owner: Any = world.other.pk
            if path is None and region_path(model):
                # A record of the region (a priority theme): the other house's region, not the caller's.
                path, owner = region_path(model), world.other.region_id
            if path is None:
                world.unresolved.add(f"{route.template}:{param} ({model.__name__}: shared reference data)")
                return None
            obj = (model._default_manager.filter(**{path: owner}).filter(**_filter_for(route, param))
                   .distinct().order_by("pk").first())
            region = region_path(model)
            if obj is None and region is not None and path != region:
                # A record of a house or of its region (a tactical or a strategic meeting): the region's.
                obj = (model._default_manager.filter(**{region: world.other.region_id})
                       .filter(**_filter_for(route, param)).distinct().order_by("pk").first())
            if obj is None:
                world.unresolved.add(f"{route.template}:{param} (no {model.__name__} in the other house)")
                return None
        chosen.append(obj)
        values[param] = obj.pk
    return values if chosen else None  # a year alone names no record of a house
