"""French punctuation spacing: a non-breaking space before « : ; ! ? » and after «.

French sets a space before those marks, and a line must never break there: a wrapped sentence
would leave ":" or "»" alone at the start of a line. Catalogues are written with plain spaces
for legibility; `typeset` turns each such space into a non-breaking one (U+00A0) when the
catalogue is read. Qt's catalogues (resources/translations/*.ts) hold the non-breaking spaces
themselves, since Qt compiles them; a unit test keeps both right.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
_BEFORE_MARK = re.compile(r" (?=[:;!?»])")
_AFTER_GUILLEMET = re.compile(r"« ")


def typeset(text: str) -> str:
    """`text` with the space before : ; ! ? » and after « made non-breaking."""
    return _AFTER_GUILLEMET.sub("«" + NBSP, _BEFORE_MARK.sub(NBSP, text))
