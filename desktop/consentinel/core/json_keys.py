"""JSON read with an eye on keys written twice in one object: Python keeps the last value,
SQLite's json_extract and other readers the first, so such an object can be read two ways."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any


class KeysTwice(dict[str, Any]):
    """An object that held a key more than once (the last value kept, as json.loads does);
    `twice`: those keys."""

    twice: tuple[str, ...] = ()


def object_noting_twice(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json.loads' object_pairs_hook: the object as a dict, a KeysTwice when a key is in it
    more than once."""
    found = dict(pairs)
    if len(found) == len(pairs):
        return found
    counts = Counter(key for key, _value in pairs)
    marked = KeysTwice(found)
    marked.twice = tuple(key for key, count in counts.items() if count > 1)
    return marked


def loads_noting_twice(text: str) -> Any:
    """json.loads, each object that holds a key twice read as a KeysTwice. Raises ValueError
    (and RecursionError) as json.loads does."""
    return json.loads(text, object_pairs_hook=object_noting_twice)


def keys_written_twice(value: object) -> tuple[str, ...]:
    """The keys written twice in an object anywhere in `value` (as loads_noting_twice read it),
    in the order met; () when none was."""
    if isinstance(value, KeysTwice):
        return value.twice + tuple(k for v in value.values() for k in keys_written_twice(v))
    if isinstance(value, dict):
        return tuple(k for v in value.values() for k in keys_written_twice(v))
    if isinstance(value, list):
        return tuple(k for v in value for k in keys_written_twice(v))
    return ()
