"""Times as a person reads them: "in 3 hours", "2 minutes ago", or a local date."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

from consentinel.core.wrong_clock import written_ahead
from consentinel.gui.dialog_words import capitalised


def local_text(when: datetime) -> str:
    """The local date with its month in words, and the time as the language writes it:
    "2 Dec 2026 1:58 PM", « 2 déc. 2026 13:58 ». (A short date, "12/2/26", reads as
    February in most of the English-speaking world.)"""
    from PySide6.QtCore import QDateTime, QTimeZone  # (not needed to show the window)

    moment = QDateTime.fromSecsSinceEpoch(int(when.timestamp()), QTimeZone.systemTimeZone())
    locale = QLocale()
    day = locale.toString(moment.date(), "d MMM yyyy")
    return f"{day} {locale.toString(moment.time(), QLocale.FormatType.ShortFormat)}"


def local_text_to_the_second(when: datetime) -> str:
    """local_text with the seconds (a journal's entries): « 5 déc. 2026 23:42:34 »,
    "5 Dec 2026 11:42:34 PM"; the language's own short time with its seconds added."""
    from PySide6.QtCore import QDateTime, QTimeZone

    moment = QDateTime.fromSecsSinceEpoch(int(when.timestamp()), QTimeZone.systemTimeZone())
    locale = QLocale()
    day = locale.toString(moment.date(), "d MMM yyyy")
    time_format = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if ":ss" not in time_format:
        time_format = time_format.replace("mm", "mm:ss", 1)
    return f"{day} {locale.toString(moment.time(), time_format)}"


def when_cell(when: datetime, now: datetime) -> str:
    """when_text as a table's cell says it (a sentence uses when_text)."""
    return capitalised(when_text(when, now))


def past_when_cell(when: datetime, now: datetime) -> str:
    """past_when_text as a table's cell says it (a check's end: "Last check")."""
    return capitalised(past_when_text(when, now))


def past_when_text(when: datetime, now: datetime) -> str:
    """when_text for something that happened, never said as to come: a time ahead of now was
    written while the clock was ahead (a dual-boot computer's clock kept in local time, then
    set right), and "in 2 hours" would say a check ran in the future. A few minutes ahead
    (time synchronisation stepping the clock back) is "just now"; further, its date and time
    as written, which are the only thing known of it."""
    if when < now:
        return when_text(when, now)
    if written_ahead(when, now):
        return local_text(when)
    return QCoreApplication.translate("TimeWords", "just now")


def when_text(when: datetime, now: datetime) -> str:
    seconds = (when - now).total_seconds()
    future = seconds >= 0
    span = abs(seconds)
    if span < 60:
        if future:
            return QCoreApplication.translate("TimeWords", "now")
        return QCoreApplication.translate("TimeWords", "just now")
    if span < 3600:
        n = round(span / 60)
        if future:
            text = (
                QCoreApplication.translate("TimeWords", "in 1 minute")
                if n == 1
                else QCoreApplication.translate("TimeWords", "in {n} minutes")
            )
        else:
            text = (
                QCoreApplication.translate("TimeWords", "1 minute ago")
                if n == 1
                else QCoreApplication.translate("TimeWords", "{n} minutes ago")
            )
    elif span < 36 * 3600:
        n = round(span / 3600)
        if future:
            text = (
                QCoreApplication.translate("TimeWords", "in 1 hour")
                if n == 1
                else QCoreApplication.translate("TimeWords", "in {n} hours")
            )
        else:
            text = (
                QCoreApplication.translate("TimeWords", "1 hour ago")
                if n == 1
                else QCoreApplication.translate("TimeWords", "{n} hours ago")
            )
    else:
        return local_text(when)
    return text.replace("{n}", str(n))
