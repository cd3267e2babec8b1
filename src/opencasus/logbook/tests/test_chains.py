import threading
import types

import pytest
from django.db import connection, transaction
from pytest_django import Settings

from opencasus.logbook.chains import (
    STRIPE_BASE,
    candidate_chains,
    chain_of,
    house_chains,
    house_of_chain,
    lock_head_for_append,
)
from opencasus.logbook.models import ActivityCode, ChainHead, ProcessingRecord
from opencasus.logbook.services import Who, record_processing
from opencasus.logbook.verification import verify_all
from opencasus.network.tests.factories import HouseFactory


def _log(house_id: int, subject: str = "p") -> None:
    record_processing(action="view", activity_code=ActivityCode.INTAKE, purpose="test", house_id=house_id,
                      who=Who(user_id=1, username="u", organisation_id=2, role="secretary"), data_subjects=[subject])


def test_chain_numbers_map_back_to_their_house() -> None:
    assert chain_of(7, 0) == 7
    assert chain_of(7, 3) == 3 * STRIPE_BASE + 7
    assert house_of_chain(chain_of(7, 3)) == 7
    assert house_of_chain(0) is None
    assert house_of_chain(chain_of(0, 2)) is None
    assert candidate_chains(7)[0] == 7
    assert len(set(candidate_chains(7))) == len(candidate_chains(7))


@pytest.mark.django_db
def test_a_quiet_house_has_one_chain_numbered_as_the_house() -> None:
    house = HouseFactory.create()
    for n in range(3):
        _log(house.pk, f"s{n}")
    assert house_chains(house.pk) == [house.pk]
    assert set(ProcessingRecord.objects.filter(house_id=house.pk).values_list("chain", flat=True)) == {house.pk}


@pytest.mark.django_db(transaction=True)
def test_append_needs_a_transaction() -> None:
    with pytest.raises(AssertionError):
        lock_head_for_append(1)


@pytest.mark.django_db(transaction=True)
def test_concurrent_appends_of_one_house_take_other_chains_and_all_verify(settings: Settings) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    settings.OPENCASUS_LOG_CHAINS_PER_HOUSE = 3
    house = types.SimpleNamespace(pk=987654)  # the log needs only a house number
    _log(house.pk)  # stripe 0 exists
    holding, release = threading.Event(), threading.Event()
    chains: list[int] = []

    def hold() -> None:  # a slow request holding stripe 0
        try:
            with transaction.atomic():
                chains.append(lock_head_for_append(house.pk).chain)
                holding.set()
                release.wait(10)
        finally:
            connection.close()

    def log_while_held(n: int) -> None:
        try:
            _log(house.pk, f"x{n}")
        finally:
            connection.close()

    holder = threading.Thread(target=hold)
    holder.start()
    assert holding.wait(10)
    writer = threading.Thread(target=log_while_held, args=(1,))
    writer.start()
    writer.join(10)
    assert not writer.is_alive(), "an append waited for a chain another transaction holds"
    release.set()
    holder.join(10)
    assert chains == [house.pk]
    assert set(ProcessingRecord.objects.filter(house_id=house.pk).values_list("chain", flat=True)) == {
        house.pk, chain_of(house.pk, 1)}

    threads = [threading.Thread(target=log_while_held, args=(n,)) for n in range(2, 14)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert ProcessingRecord.objects.filter(house_id=house.pk).count() == 14
    assert len(house_chains(house.pk)) <= 3  # never more chains than the setting allows
    assert ChainHead.objects.filter(chain__in=candidate_chains(house.pk)).count() == len(house_chains(house.pk))
    reports = verify_all()
    assert reports, [r.problems for r in reports]
    assert all(r.ok for r in reports), [r.problems for r in reports]
