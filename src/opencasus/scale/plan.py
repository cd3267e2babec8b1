"""The national data set: sizes at a scale factor and the distributions the generator draws from.

All figures are for scale 1.0 (ten years of national history); `Sizes.at(scale)` scales the
volumes and keeps the network large enough to stay realistic at small scales.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from opencasus.cases.vocabulary import Relation, Route, SubjectType, Urgency
from opencasus.cases.workflow import Status

T = TypeVar("T")

YEARS = 10


@dataclass(frozen=True)
class Sizes:
    scale: float
    organisations_per_house: int
    professionals: int
    cases: int
    persons: int
    agreements: int
    log_records: int

    @classmethod
    def at(cls, scale: float) -> Sizes:
        if scale <= 0:
            raise ValueError("scale must be positive")
        return cls(
            scale=scale,
            organisations_per_house=16,  # 25 houses x 16 = 400 organisations at every scale
            professionals=max(25 * 24, round(10_000 * scale)),
            cases=max(100, round(1_000_000 * scale)),
            persons=max(200, round(2_000_000 * scale)),
            agreements=max(500, round(5_000_000 * scale)),
            log_records=max(2_000, round(20_000_000 * scale)),
        )


class Weighted(Generic[T]):
    """Draw from a fixed discrete distribution: `Weighted({value: weight}).draw(rng)`."""

    def __init__(self, weights: dict[T, float] | Sequence[tuple[T, float]]) -> None:
        pairs = list(weights.items()) if isinstance(weights, dict) else list(weights)
        self.values = [v for v, _ in pairs]
        self.cumulative = list(itertools.accumulate(w for _, w in pairs))

    def draw(self, rng: random.Random) -> T:
        return self.values[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]

    def mean(self) -> float:
        total, previous = 0.0, 0.0
        for value, cumulative in zip(self.values, self.cumulative, strict=True):
            total += float(value) * (cumulative - previous)  # type: ignore[arg-type]
            previous = cumulative
        return total / self.cumulative[-1]


ROUTES = Weighted({
    Route.ZSM: 20, Route.CRIMINAL_TRACK: 15, Route.CARE_TRACK: 14, Route.NEIGHBOURHOOD_TEAM: 20,
    Route.VEILIG_THUIS: 10, Route.AFTERCARE: 9, Route.TOP_X: 3, Route.PREVENTION: 5, Route.OTHER: 4,
})
SUBJECT_TYPES = Weighted({SubjectType.PERSON: 75, SubjectType.SYSTEM: 20, SubjectType.AREA: 5})
URGENCIES = Weighted({Urgency.NORMAL: 80, Urgency.HIGH: 17, Urgency.CRISIS: 3})
# Triage outcome of a case that has been through the weegoverleg.
OUTCOMES = Weighted({Status.ADMITTED: 45, Status.ADVICE_GIVEN: 22, Status.ROUTED: 18, Status.DECLINED: 15})
# People recorded per case, by subject type (the household for a system case, group members for an area).
PERSONS_PER_CASE = {
    SubjectType.PERSON: Weighted({1: 62, 2: 18, 3: 10, 4: 6, 5: 4}),
    SubjectType.SYSTEM: Weighted({2: 25, 3: 32, 4: 23, 5: 12, 6: 6, 7: 2}),
    SubjectType.AREA: Weighted({0: 40, 1: 20, 2: 20, 3: 10, 4: 10}),
}
HOUSEHOLD_RELATIONS = Weighted({Relation.PARTNER: 25, Relation.CHILD: 45, Relation.PARENT: 15,
                                Relation.SIBLING: 10, Relation.HOUSEHOLD_MEMBER: 5})
# Organisations taking part in an admitted case.
PARTICIPANTS_PER_CASE = Weighted({2: 10, 3: 25, 4: 30, 5: 20, 6: 10, 7: 5})
# Agreements per action plan (once plans exist).
AGREEMENTS_PER_PLAN = Weighted({3: 10, 5: 20, 7: 20, 9: 15, 11: 15, 14: 10, 18: 6, 25: 4})
# A subject who was in an earlier case of the same house (repeat offenders, returning families).
REPEAT_SUBJECT_SHARE = 0.22
BSN_KNOWN_SHARE = 0.88
# Months an admitted case stays open (gamma shape/scale: mean 10 months, long tail).
OPEN_MONTHS = (2.0, 5.0)

ROLE_COUNTS_PER_HOUSE = {  # everyone else in a house is a partner professional
    "process_director": 3, "secretary": 3, "house_manager": 1, "municipality_officer": 3,
    "steering_group_member": 3, "privacy_officer": 1, "functional_administrator": 1,
}

REASONS = (
    "Escalerend huiselijk geweld; meerdere meldingen bij Veilig Thuis en de politie in het afgelopen half jaar.",
    "Veelpleger met verslaving en schulden, dreigt na detentie dakloos te worden.",
    "Ernstige overlast in de wijk door een gezin met multiproblematiek; hulpverlening loopt vast.",
    "Jongere in beeld bij politie en leerplicht, signalen van ronselen voor drugshandel.",
    "Verward gedrag met dreiging richting buren; zorgmijdend, strafrechtelijk traject loopt.",
    "Ex-gedetineerde keert terug naar de gemeente; nazorg voor huisvesting, inkomen en zorg nodig.",
)
PURPOSES = (
    "Een gezamenlijk plan van aanpak voor zorg en straf, zodat recidive en escalatie worden voorkomen.",
    "Afstemmen van de lopende trajecten en één regisseur aanwijzen.",
    "Veiligheid van de kinderen borgen en het geweld stoppen.",
    "Een sluitende aanpak na detentie: wonen, inkomen, zorg en toezicht.",
)
NEIGHBOURHOODS = ("Centrum", "Noord", "Oost", "Zuid", "West", "Stadspolder", "Crabbehof", "Wielwijk",
                  "Sterrenburg", "Krispijn", "Oud-Krispijn", "Reeland")


def _zipf_weights(n: int, exponent: float = 0.8) -> list[float]:
    return [1.0 / (rank ** exponent) for rank in range(1, n + 1)]


class NamePool:
    """Dutch first and last names with a Zipf-like frequency, so common names collide as in reality."""

    def __init__(self) -> None:
        from faker.providers.person.nl_NL import Provider

        firsts = list(dict.fromkeys(Provider.first_names_male + Provider.first_names_female))
        lasts = list(dict.fromkeys(Provider.last_names))
        rng = random.Random(7)  # noqa: S311 - synthetic data
        rng.shuffle(firsts)
        rng.shuffle(lasts)
        self.first = Weighted(list(zip(firsts, _zipf_weights(len(firsts)), strict=True)))
        self.last = Weighted(list(zip(lasts, _zipf_weights(len(lasts)), strict=True)))

    def draw(self, rng: random.Random) -> tuple[str, str]:
        return self.first.draw(rng), self.last.draw(rng)


def valid_bsn(rng: random.Random) -> str:
    """A random number passing the eleven-test (never a real person's: drawn at random)."""
    while True:
        digits = [rng.randrange(10) for _ in range(8)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        last = total % 11
        if last < 10 and any(digits):
            return "".join(map(str, digits)) + str(last)


def filed_moment(rng: random.Random, start: dt.datetime, end: dt.datetime) -> dt.datetime:
    """Intakes grow over the years: 60% evenly spread, 40% with a density rising linearly."""
    u = rng.random()
    x = u if rng.random() < 0.6 else u ** 0.5
    moment = start + (end - start) * x
    # Office hours, weekdays mostly.
    moment = moment.replace(hour=rng.choice((8, 9, 10, 11, 13, 14, 15, 16)), minute=rng.randrange(60),
                            second=rng.randrange(60), microsecond=rng.randrange(1_000_000))
    if moment.weekday() >= 5 and rng.random() < 0.85:
        moment -= dt.timedelta(days=moment.weekday() - 4)
    return max(start, min(moment, end))
