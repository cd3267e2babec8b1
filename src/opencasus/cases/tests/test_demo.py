import pytest

from opencasus.cases.demo import OTHER_HOUSE_NAME, load_demo_data, synthetic_bsn
from opencasus.cases.models import Case, CaseHit
from opencasus.cases.workflow import Status
from opencasus.core.identifiers import bsn_is_valid
from opencasus.network.demo import load_network
from opencasus.network.models import House

pytestmark = pytest.mark.django_db


def test_synthetic_bsns_pass_the_eleven_test() -> None:
    import random

    rng = random.Random(1)
    assert all(bsn_is_valid(synthetic_bsn(rng)) for _ in range(200))


def test_demo_intakes_with_hits_in_the_other_house_and_idempotent() -> None:
    house, _logins = load_network()
    load_demo_data(house)
    other = House.objects.get(name=OTHER_HOUSE_NAME)
    cases = Case.objects.filter(house=house)
    assert cases.count() == 12
    assert Case.objects.filter(house=other).count() == 2
    assert set(Case.objects.values_list("status", flat=True)) == {Status.SUBMITTED}
    assert {"person", "system", "area"} <= set(cases.values_list("subject_type", flat=True))
    assert cases.filter(route="aftercare", release_date__isnull=False).exists()
    household = cases.get(subject_type="system", route="veilig_thuis")
    assert household.persons.filter(relation="parent").count() == 2
    assert household.persons.filter(relation="child").count() == 3
    hits = {(h.person.last_name, h.matched_by, h.house.name) for h in CaseHit.objects.filter(case__house=house)}
    assert ("Verhoeven", "bsn", OTHER_HOUSE_NAME) in hits
    assert ("Amrani", "name_dob", OTHER_HOUSE_NAME) in hits
    load_demo_data(house)
    assert Case.objects.count() == 14
