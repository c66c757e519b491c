"""Small value classes written out, for the records the window's first frame needs.

A dataclass is built by generating and compiling its methods' source when its module is
imported: about half a millisecond each, and the `dataclasses` module itself, before the first
frame. These give the same equality, hash and repr from a class's `__slots__`, and `replace()`
does what `dataclasses.replace()` does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    # (typing_extensions: Self is Python 3.11's, and the app runs on 3.10 too.)
    # dataclass_transform is for the type checker only: it then reads a subclass's annotated
    # fields as a dataclass's, so that it refuses an assignment to a FrozenRecord's field as it
    # would a frozen dataclass's. (At run time the decorator would only set a marker attribute.)
    # The type checker knows dataclasses.replace(): it refuses a field the record does not
    # have, or a value of the wrong type, where a method taking **changes would let it pass.
    from dataclasses import replace as replace

    from typing_extensions import Self, dataclass_transform
else:
    _C = TypeVar("_C")
    _R = TypeVar("_R", bound="_Fields")

    def dataclass_transform(**_: object) -> Callable[[_C], _C]:
        return lambda cls: cls

    def replace(record: _R, /, **changes: Any) -> _R:
        """A copy of `record` with `changes`, through `__init__` (which checks or normalises
        them, and refuses a field it does not have with TypeError)."""
        return type(record)(**{**record.as_dict(), **changes})


class _Fields:
    """Fields are the subclass's `__slots__`, in order; its `__init__` sets every one."""

    __slots__ = ()

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(cls.__slots__)

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.field_names()}

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.field_names())

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    # (No __hash__ here: a class that defines __eq__ alone is unhashable, as a mutable record
    # should be; FrozenRecord has one.)

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.field_names())
        return f"{type(self).__name__}({fields})"


@dataclass_transform(eq_default=True)
class Record(_Fields):
    """A record whose fields can be set."""

    __slots__ = ()


@dataclass_transform(eq_default=True, frozen_default=True)
class FrozenRecord(_Fields):
    """A record whose fields cannot be set after `__init__` (which uses `_set`); hashable."""

    __slots__ = ()

    def _set(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r} of {type(self).__name__}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r} of {type(self).__name__}")

    def __hash__(self) -> int:
        return hash(self._values())

    # Its fields cannot change: a copy is itself; unpickling sets them as `__init__` did.
    def __copy__(self) -> Self:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> Self:
        return self

    def __setstate__(self, state: tuple[object, dict[str, object] | None]) -> None:
        for name, value in (state[1] or {}).items():
            object.__setattr__(self, name, value)
