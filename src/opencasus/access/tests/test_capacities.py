"""Role questions have one home: `opencasus.access`. Outside it only the audit identity (`roles.who`,
`roles.primary_grant`) may be read from the role grants; every other role question goes through
`access.capacities` or the resource's access module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import opencasus
from opencasus.access import capacities
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member, municipality

SRC = Path(opencasus.__file__).resolve().parent
ATTRIBUTION = frozenset({"who", "primary_grant"})


def role_queries(path: Path) -> list[str]:
    """Calls `roles.<name>(...)` other than the audit identity, and imports of the grant model's helpers."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "roles"
                and node.func.attr not in ATTRIBUTION):
            found.append(f"roles.{node.func.attr}:{node.lineno}")
        if isinstance(node, ast.ImportFrom) and node.module == "opencasus.access.roles":
            found.extend(f"import {a.name}:{node.lineno}" for a in node.names if a.name not in ATTRIBUTION)
    return found


def test_no_role_question_outside_the_access_package() -> None:
    offenders = {}
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC).as_posix()
        if relative.startswith("access/") or "/tests/" in f"/{relative}" or "/migrations/" in relative:
            continue
        if found := role_queries(path):
            offenders[relative] = found
    assert offenders == {}


def test_the_scan_finds_a_role_question(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from opencasus.access import roles\n\nroles.has_role(u, None, 'x')\nroles.who(u)\n")
    assert role_queries(module) == ["roles.has_role:3"]


@pytest.mark.django_db
def test_capacities_answer_from_the_active_memberships() -> None:
    house, other = HouseFactory.create(), HouseFactory.create()
    director = member(house, Role.PROCESS_DIRECTOR)
    partner = member(other, Role.PARTNER_PROFESSIONAL)
    manager = member(house, Role.HOUSE_MANAGER)
    gm = municipality()
    officer = member(house, Role.MUNICIPALITY_OFFICER, municipality=gm)

    assert capacities.is_core_staff(director, house.pk)
    assert not capacities.is_core_staff(director, other.pk)
    assert capacities.is_process_director(director, house.pk)
    assert capacities.director_house_ids(director) == {house.pk}
    assert capacities.core_staff_house_ids(director) == {house.pk}
    assert list(capacities.core_staff_houses(director)) == [house]
    assert capacities.works_on_cases(director)
    assert capacities.works_on_cases(partner)
    assert not capacities.works_on_cases(manager)
    assert capacities.is_partner_professional(partner)
    assert not capacities.is_partner_professional(partner, house.pk)
    assert capacities.managed_house_ids(manager) == {house.pk}
    assert capacities.officer_municipality_ids(officer) == {gm.pk}
    assert capacities.member_house_ids(partner) == {other.pk}
    assert capacities.has_any_role(manager)
    org_id = director.memberships.get().organisation_id
    assert capacities.core_staff_organisation_ids(director, house.pk) == {org_id}
    assert capacities.core_staff_organisation_ids(director, other.pk) == set()
    assert capacities.acting_organisation_ids(director) == {org_id}
