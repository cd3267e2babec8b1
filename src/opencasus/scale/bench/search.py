"""Case search at national scale: the search selector (with its processing-log records) as core staff and as a
partner professional, by name, by BSN and by reference, and the search page through the test client."""

from __future__ import annotations

from typing import Any

from opencasus.scale.bench.harness import Operation


def _one(sql: str, params: list[Any]) -> Any:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def search_operations(a: Any, director_client: Any) -> list[Operation | str]:
    from opencasus.cases.search import SearchCriteria, case_search
    from opencasus.core.identifiers import decrypt_identifier

    person = _one(
        "SELECT p.first_name, p.last_name, p.bsn_encrypted, c.reference FROM cases_person p "
        "JOIN cases_case c ON c.id = p.case_id WHERE c.house_id = %s AND p.bsn_encrypted <> '' "
        "ORDER BY c.last_activity_at DESC LIMIT 1", [a.house_id])
    if person is None:
        return ["case search: the generated house has no person with a BSN"]
    first, last, encrypted, reference = person
    bsn = decrypt_identifier(encrypted)
    partner_name = _one("SELECT p.last_name FROM cases_person p WHERE p.case_id = %s ORDER BY p.id LIMIT 1",
                        [a.detail_case_id])[0]
    by_name = SearchCriteria(name=f"{first} {last}")
    return [
        Operation("case search by name, director (selector)",
                  lambda: case_search(actor=a.director, criteria=by_name), writes=True),
        Operation("case search by surname, director (selector)",
                  lambda: case_search(actor=a.director, criteria=SearchCriteria(name=last)), writes=True),
        Operation("case search by BSN, director (selector)",
                  lambda: case_search(actor=a.director, criteria=SearchCriteria(bsn=bsn)), writes=True),
        Operation("case search by reference, director (selector)",
                  lambda: case_search(actor=a.director, criteria=SearchCriteria(reference=reference)), writes=True),
        Operation("case search by surname, partner (selector)",
                  lambda: case_search(actor=a.partner, criteria=SearchCriteria(name=partner_name)), writes=True),
        Operation("case search by name, director (page)", _post(director_client, {"q": f"{first} {last}"}),
                  writes=True),
    ]


def _post(client: Any, data: dict[str, str]) -> Any:
    def post() -> Any:
        response = client.post("/zoeken", data)
        if response.status_code != 200:
            raise RuntimeError(f"POST /zoeken answered {response.status_code}")
        return response

    return post
