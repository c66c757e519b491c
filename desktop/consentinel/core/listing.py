"""A list in words, as every message that names accounts or boxes says it."""

from __future__ import annotations

from collections.abc import Sequence

from consentinel.core.i18n import tr

#: Past this many, a list names the first few and counts the others: a check of 25 accounts
#: named each one, and the window's summary pushed half the table out of a 980×560 window.
FEW = 3


def in_words(items: Sequence[str], between: str = ", ", few: int = FEW) -> str:
    """ "@a", "@a and @b", "@a, @b and @c"; past `few`, "@a, @b and 3 others" (as many items
    said as `few`). `between` parts items that hold commas themselves ("; ")."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) <= few:
        return tr("{list} and {last}", list=between.join(items[:-1]), last=items[-1])
    shown = few - 1
    return tr(
        "{list} and {count} others", list=between.join(items[:shown]), count=len(items) - shown
    )
