"""The annual report per priority theme of the strategic agenda: intake, throughput and outcomes of the intakes
the triage table marked as fitting a theme ("past in de strategische agenda"). Every figure is suppressed below
the scope's threshold (`core.aggregates`); a median only over a group that is not small."""

from __future__ import annotations

from collections import Counter, defaultdict

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _

from opencasus.access.reporting import Scope
from opencasus.cases.workflow import Status
from opencasus.core.aggregates import suppress, suppress_complementary
from opencasus.governance.models import PriorityTheme
from opencasus.plans.models import CaseClosure
from opencasus.plans.vocabulary import ClosureOutcome
from opencasus.reporting.figures import Column, Row, Table
from opencasus.reporting.selectors.dashboard import scope_cases
from opencasus.reporting.selectors.period import year_period
from opencasus.reporting.stats import percentile
from opencasus.triage.models import Outcome

SECONDS_PER_DAY = 86_400


def priority_theme_tables(scope: Scope, year: int) -> list[Table]:
    """Two tables: per theme intakes, admissions, closures and the median days from filing to closure; and per
    theme the closures by outcome."""
    period = year_period(year)
    themes = list(PriorityTheme.objects.filter(region__houses__pk__in=scope.sorted_house_ids, year=year)
                  .distinct().order_by("name"))
    last_outcome = (CaseClosure.objects.filter(case=OuterRef("pk"), reopened_at__isnull=True)
                    .order_by("-closed_at", "-id").values("outcome")[:1])
    rows = (scope_cases(scope).filter(filed_at__gte=period.start, filed_at__lt=period.end,
                                      triage_decision__priority_theme__in=themes)
            .annotate(closure_outcome=Subquery(last_outcome))
            .values_list("triage_decision__priority_theme_id", "triage_decision__outcome", "status", "filed_at",
                         "closed_at", "closure_outcome"))
    intakes: Counter[int] = Counter()
    admitted: Counter[int] = Counter()
    durations: dict[int, list[float]] = defaultdict(list)
    outcomes: dict[int, Counter[str]] = defaultdict(Counter)
    for theme_id, outcome, status, filed_at, closed_at, closure_outcome in rows:
        intakes[theme_id] += 1
        if outcome == Outcome.ADMIT:
            admitted[theme_id] += 1
        if status == Status.CLOSED and closed_at is not None:
            durations[theme_id].append((closed_at - filed_at).total_seconds() / SECONDS_PER_DAY)
            outcomes[theme_id][closure_outcome or ClosureOutcome.OTHER] += 1
    threshold = scope.threshold
    throughput = Table("priority-themes", _("Priority themes of the strategic agenda"), [
        Column("intakes", _("Intakes")), Column("admitted", _("Admitted")), Column("closed", _("Closed")),
        Column("median", _("Median filed → closed (days)"), "days")], note=_(
            "Intakes of the year that the triage table marked as fitting a priority theme of the region's "
            "strategic agenda."))
    outcome_table = Table("priority-theme-outcomes", _("Outcomes per priority theme"),
                          [Column("count", _("Closed"))])
    for theme in themes:
        closed = sorted(durations[theme.pk])
        median = None if len(closed) < threshold else round(percentile(closed, 50) or 0, 1)
        throughput.rows.append(Row(str(theme.pk), theme.name, [
            suppress(intakes[theme.pk], threshold=threshold), suppress(admitted[theme.pk], threshold=threshold),
            suppress(len(closed), threshold=threshold), median]))
        shown = suppress_complementary({o.value: outcomes[theme.pk][o.value] for o in ClosureOutcome},
                                       threshold=threshold)
        outcome_table.rows.extend(
            Row(f"{theme.pk}-{o.value}", f"{theme.name}: {o.label}", [shown[o.value]])
            for o in ClosureOutcome if outcomes[theme.pk][o.value])
    return [throughput, outcome_table]
