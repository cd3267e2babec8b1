"""Recidivism: police incidents before and after the action plan was adopted, per group.

For each subject person of a case with an adopted plan, and each window W of 2, 6 and 12 months
around the adoption day A: incidents "before" fall in [A - W, A), "after" in [A, A + W). A person
counts for window W only once A + W has passed (a full after-window). Groups: all, age band (age on
the adoption day, `AGE_BANDS`), route, target group, outcome. Group sizes and sums pass the small-count
suppression; derived figures over a small group are withheld.

The comparison group: subject persons of the scope's intakes that were not admitted (routed, advice only
or declined), with the triage decision's day as their day A. They are matched on stratum — age band and
incident history (incidents in the 12 months before A: none, 1-2, 3 or more) — taking per window at most as
many of each stratum as the admitted group has, in a fixed order (person id), so both groups have the same
mix of age and history.

The split by source: for both groups, rows that count only the police's incident registrations, and only the
criminal records (`IncidentSource`); the matching and the group rows count both sources together.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access.reporting import Scope, house_scope
from opencasus.cases.models import Case, Person
from opencasus.cases.vocabulary import Relation, Route
from opencasus.core.aggregates import suppress
from opencasus.core.db_router import reads_from_replica
from opencasus.reporting import sources
from opencasus.reporting.figures import Column, Row, Table
from opencasus.reporting.models import IncidentSource, PoliceIncident
from opencasus.reporting.selectors.dashboard import scope_cases
from opencasus.reporting.stats import add_months
from opencasus.triage.models import Outcome

if TYPE_CHECKING:
    from opencasus.accounts.models import User

WINDOWS = (2, 6, 12)


@dataclass
class Recidivism:
    scope: Scope
    available: bool
    tables: list[Table]

    def as_json(self) -> dict[str, Any]:
        return {"house_id": int(self.scope.key), "threshold": self.scope.threshold, "available": self.available,
                "windows_in_months": list(WINDOWS), "tables": [t.as_json() for t in self.tables]}


@dataclass
class _Tally:
    persons: int = 0
    before: int = 0
    after: int = 0


def _as_date(value: dt.datetime | dt.date) -> dt.date:
    if isinstance(value, dt.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


# Age on the adoption day: (lowest age, key) of each band; the last band is open-ended.
AGE_BANDS = ((0, "0-17"), (18, "18-23"), (24, "24-34"), (35, "35-49"), (50, "50+"))


def age_band(born: dt.date | None, day: dt.date) -> tuple[str, str]:
    """The band (key, label) of a person's age on `day`; "unknown" without a date of birth."""
    if born is None:
        return "unknown", _("unknown")
    age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    key = next(k for low, k in reversed(AGE_BANDS) if age >= low)
    return key, (_("%(low)s and older") % {"low": 50} if key == "50+" else
                 _("%(key)s years") % {"key": key.replace("-", "\u2013")})


def history_band(incidents: list[tuple[dt.date, int]], day: dt.date) -> str:
    """Incidents in the 12 months before `day`, in three bands: "0", "1-2", "3+"."""
    before = sum(n for when, n in incidents if add_months(day, -12) <= when < day)
    return "0" if before == 0 else "1-2" if before <= 2 else "3+"


NOT_ADMITTED = (Outcome.ROUTE, Outcome.ADVICE, Outcome.DECLINE)


def window_counts(incidents: list[tuple[dt.date, int]], adopted: dt.date, months: int) -> tuple[int, int]:
    """Incidents in [A - W, A) and [A, A + W)."""
    start, end = add_months(adopted, -months), add_months(adopted, months)
    before = sum(n for day, n in incidents if start <= day < adopted)
    after = sum(n for day, n in incidents if adopted <= day < end)
    return before, after


Incidents = list[tuple[dt.date, int]]


def _incidents_of(person_ids: list[int]) -> tuple[dict[int, Incidents], dict[str, dict[int, Incidents]]]:
    """Per person: the incidents of every source together, and those of each source apart."""
    together: dict[int, Incidents] = defaultdict(list)
    apart: dict[str, dict[int, Incidents]] = {source: defaultdict(list) for source in IncidentSource.values}
    for person_id, day, n, source in PoliceIncident.objects.filter(person_id__in=person_ids).values_list(
            "person_id", "incident_date", "count", "source"):
        together[person_id].append((day, n))
        apart[source][person_id].append((day, n))
    return together, apart


def _count(tallies: dict[tuple[str, str], _Tally], groups: list[tuple[str, str]], before: int, after: int) -> None:
    for key in groups:
        tally = tallies[key]
        tally.persons += 1
        tally.before += before
        tally.after += after


def _count_sources(tallies: dict[tuple[str, str], _Tally], prefix: str, label: str,
                   apart: dict[str, dict[int, Incidents]], person_id: int, day: dt.date, months: int) -> None:
    """The rows of one group that count one source only ("<prefix>source:police")."""
    names = dict(IncidentSource.choices)
    for source, by_person in apart.items():
        before, after = window_counts(by_person.get(person_id, []), day, months)
        _count(tallies, [(f"{prefix}source:{source}", label % {"source": names[source]})], before, after)


@reads_from_replica
def recidivism_for(scope: Scope, *, today: dt.date | None = None,
                   adoption_dates: Callable[..., dict[int, Any] | None] | None = None) -> Recidivism:
    today = today or timezone.localdate()
    adoptions = (adoption_dates or sources.plan_adoption_dates)(scope_cases(scope).values("pk"))
    if adoptions is None:
        return Recidivism(scope, False, [])
    cases = {pk: (route, tg_name) for pk, route, tg_name in
             Case.objects.filter(pk__in=list(adoptions), house_id__in=scope.sorted_house_ids)
             .values_list("pk", "route", "target_group__name")}
    outcomes = sources.closure_outcomes(list(cases)) or {}
    persons = list(Person.objects.filter(case_id__in=list(cases), relation=Relation.SUBJECT)
                   .values_list("pk", "case_id", "date_of_birth"))
    incidents, apart = _incidents_of([p for p, _c, _b in persons])
    route_labels = dict(Route.choices)
    tallies: dict[int, dict[tuple[str, str], _Tally]] = {w: defaultdict(_Tally) for w in WINDOWS}
    strata: dict[int, dict[tuple[str, str], int]] = {w: defaultdict(int) for w in WINDOWS}
    for person_id, case_id, born in persons:
        adopted = _as_date(adoptions[case_id])
        route, theme = cases[case_id]
        band = age_band(born, adopted)
        stratum = (band[0], history_band(incidents.get(person_id, []), adopted))
        for months in WINDOWS:
            if add_months(adopted, months) <= today:
                strata[months][stratum] += 1
        groups = [("all", _("All persons")),
                  (f"age:{band[0]}", _("Age: %(band)s") % {"band": band[1]}),
                  (f"route:{route}", _("Route: %(name)s") % {"name": route_labels.get(route, route)}),
                  (f"theme:{theme or ''}", _("Target group: %(name)s") % {"name": theme or _("none")}),
                  (f"outcome:{outcomes.get(case_id, '')}",
                   _("Outcome: %(name)s") % {"name": outcomes.get(case_id) or _("not recorded")})]
        for months in WINDOWS:
            if add_months(adopted, months) > today:
                continue
            before, after = window_counts(incidents.get(person_id, []), adopted, months)
            _count(tallies[months], groups, before, after)
            _count_sources(tallies[months], "", _("Source: %(source)s"), apart, person_id, adopted, months)
    _add_comparison_group(scope, today=today, strata=strata, tallies=tallies)
    return Recidivism(scope, True, [_window_table(scope, months, tallies[months]) for months in WINDOWS])


def _add_comparison_group(scope: Scope, *, today: dt.date, strata: dict[int, dict[tuple[str, str], int]],
                          tallies: dict[int, dict[tuple[str, str], _Tally]]) -> None:
    decided = dict(Case.objects.filter(pk__in=scope_cases(scope).values("pk"),
                                       triage_decision__outcome__in=NOT_ADMITTED)
                   .values_list("pk", "triage_decision__decided_at"))
    persons = list(Person.objects.filter(case_id__in=list(decided), relation=Relation.SUBJECT)
                   .order_by("pk").values_list("pk", "case_id", "date_of_birth"))
    incidents, apart = _incidents_of([p for p, _c, _b in persons])
    taken: dict[int, dict[tuple[str, str], int]] = {w: defaultdict(int) for w in WINDOWS}
    for person_id, case_id, born in persons:
        day = _as_date(decided[case_id])
        band = age_band(born, day)
        stratum = (band[0], history_band(incidents.get(person_id, []), day))
        groups = [("comparison", _("Comparison group (not admitted, matched)")),
                  (f"comparison-age:{band[0]}", _("Comparison group, age: %(band)s") % {"band": band[1]})]
        for months in WINDOWS:
            if add_months(day, months) > today or taken[months][stratum] >= strata[months].get(stratum, 0):
                continue
            taken[months][stratum] += 1
            before, after = window_counts(incidents.get(person_id, []), day, months)
            _count(tallies[months], groups, before, after)
            _count_sources(tallies[months], "comparison-", _("Comparison group, source: %(source)s"), apart,
                           person_id, day, months)


ROW_ORDER = ("all", "source:", "age:", "route:", "theme:", "outcome:", "comparison", "comparison-source:",
             "comparison-age:")


def _row_order(key: str) -> int:
    """Rows in reading order: everyone, per source, the groups, then the comparison group likewise."""
    return max(i for i, prefix in enumerate(ROW_ORDER) if key == prefix or (prefix.endswith(":")
                                                                           and key.startswith(prefix)))


def _window_table(scope: Scope, months: int, tallies: dict[tuple[str, str], _Tally]) -> Table:
    t = scope.threshold
    rows = []
    for (key, label), tally in sorted(tallies.items(), key=lambda i: (_row_order(i[0][0]), i[0][0])):
        small = tally.persons < t
        before, after = suppress(tally.before, threshold=t), suppress(tally.after, threshold=t)
        # A derived figure is only shown when the counts it derives from are: otherwise a mean times
        # the group size would give the suppressed count back.
        change = None
        if not small and tally.before and not before.suppressed and not after.suppressed:
            change = round(100 * (tally.after - tally.before) / tally.before, 0)
        rows.append(Row(key, label, [
            suppress(tally.persons, threshold=t),
            None if small else before,
            None if small else after,
            None if small or before.suppressed else round(tally.before / tally.persons, 2),
            None if small or after.suppressed else round(tally.after / tally.persons, 2),
            change,
        ]))
    columns = [Column("persons", _("Persons")), Column("before", _("Incidents before")),
               Column("after", _("Incidents after")), Column("before_per_person", _("Before, per person"), "number"),
               Column("after_per_person", _("After, per person"), "number"),
               Column("change", _("Change (%)"), "percent")]
    return Table(f"recidivism-{months}", _("Incidents %(n)s months before and after the plan")
                 % {"n": months}, columns, rows, chart_column=4)


def recidivism(*, actor: User, house_id: int, today: dt.date | None = None) -> Recidivism:
    return recidivism_for(house_scope(actor=actor, house_id=house_id), today=today)
