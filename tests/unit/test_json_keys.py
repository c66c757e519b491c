"""core/json_keys: one reading of JSON for the journal's verify and the export's check, which
both hold a key written twice in an object for an edit."""

from __future__ import annotations

import pytest

from consentinel.core.json_keys import KeysTwice, keys_written_twice, loads_noting_twice


def test_an_object_holding_a_key_twice_is_marked_with_its_keys_wherever_it_is() -> None:
    value = loads_noting_twice(
        '{"id": 5, "payload": {"status": "fixed", "boxes": [{"b": 1, "b": 2, "c": 0, "c": 1}],'
        ' "status": "needs_user"}}'
    )
    # Read as json.loads reads it (the last value), and marked.
    assert value == {"id": 5, "payload": {"status": "needs_user", "boxes": [{"b": 2, "c": 1}]}}
    assert type(value) is dict and isinstance(value["payload"], KeysTwice)
    assert keys_written_twice(value) == ("status", "b", "c")
    assert keys_written_twice(value["payload"]["boxes"]) == ("b", "c")


@pytest.mark.parametrize(
    "text", ['{"a": 1, "b": {"a": 1}}', "[1, 2]", '"text"', "null", '{"a": [{"a": 1}]}']
)
def test_the_same_key_in_different_objects_is_not_twice(text: str) -> None:
    value = loads_noting_twice(text)
    assert keys_written_twice(value) == ()
    assert not isinstance(value, KeysTwice)


def test_what_is_not_json_raises_as_json_loads_does() -> None:
    with pytest.raises(ValueError):
        loads_noting_twice('{"a": 1,')
