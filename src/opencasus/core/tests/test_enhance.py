from django.http import QueryDict

from opencasus.core.enhance import row_action


def _data(**values: str) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, value in values.items():
        data[key.replace("__", "-")] = value
    return data


def test_no_row_action_is_a_submit() -> None:
    assert row_action(_data(p__TOTAL_FORMS="2"), "p") is None


def test_add_and_remove_shift_the_rows() -> None:
    added = row_action(_data(p__TOTAL_FORMS="2", **{"p-add": "1"}), "p", max_rows=3)
    assert added is not None
    assert not added.error
    assert added.data["p-TOTAL_FORMS"] == "3"
    data = _data(p__TOTAL_FORMS="3", p__INITIAL_FORMS="0", **{"p-0-name": "a", "p-1-name": "b", "p-2-name": "c",
                                                              "p-remove": "1"})
    removed = row_action(data, "p")
    assert removed is not None
    assert not removed.error
    assert (removed.data["p-TOTAL_FORMS"], removed.data["p-0-name"], removed.data["p-1-name"]) == ("2", "a", "c")
    assert "p-2-name" not in removed.data


def test_forged_row_actions_are_refused_unchanged() -> None:
    for values in ({"p-TOTAL_FORMS": "3", "p-add": "1"}, {"p-TOTAL_FORMS": "x", "p-add": "1"},
                   {"p-TOTAL_FORMS": "2", "p-remove": "2"}, {"p-TOTAL_FORMS": "2", "p-remove": "-1"},
                   {"p-TOTAL_FORMS": "-1", "p-remove": "0"}):
        data = QueryDict(mutable=True)
        data.update(values)
        result = row_action(data, "p", max_rows=3)
        assert result is not None
        assert result.error
        assert result.data == data
