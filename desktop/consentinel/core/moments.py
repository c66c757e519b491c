"""A moment as a sentence says it to a person: "4 Dec 2026 19:42", « 4 déc. 2026 19:42 ».

In the computer's time zone, with the month in words: a numeric date ("12/04") reads as a
different day from one country to the next. Tables and exports keep ISO 8601.
"""

from __future__ import annotations

from datetime import datetime

from consentinel.core.i18n import tr


def _month(number: int) -> str:
    return (
        tr("Jan"),
        tr("Feb"),
        tr("Mar"),
        tr("Apr"),
        tr("May"),
        tr("Jun"),
        tr("Jul"),
        tr("Aug"),
        tr("Sep"),
        tr("Oct"),
        tr("Nov"),
        tr("Dec"),
    )[number - 1]


def moment_text(when: datetime) -> str:
    local = when.astimezone()
    day = tr("1") if local.day == 1 else str(local.day)  # French writes the first « 1er »
    return tr(
        "{day} {month} {year} {time}",
        day=day,
        month=_month(local.month),
        year=local.year,
        time=f"{local:%H:%M}",
    )
