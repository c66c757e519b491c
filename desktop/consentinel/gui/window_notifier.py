"""Where the app's own checks' notifications go: the tray's balloon, else the desktop's notifier.

With no tray (GNOME's default desktop) or a tray that cannot show messages, the same notifier
as `consentinel check --unattended` (core.notify.OsNotifier) shows them; either way deliver()
journals each, shown or not, so what could not be shown is told later (core/missed_reverts).
Imported when the first notification is sent, never before the window's first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from consentinel.core.notify import Notification, Notifier


class TrayOrDesktop:
    """core.notify's Notifier: the tray when it shows the note, the desktop's own otherwise."""

    def __init__(self, tray: Notifier | None) -> None:
        self._tray = tray
        self._desktop: Notifier | None = None  # made at its first use

    def notify(self, note: Notification) -> bool:
        if self._tray is not None and self._tray.notify(note):
            return True
        if self._desktop is None:
            from consentinel.core.notify import OsNotifier

            self._desktop = OsNotifier()
        return self._desktop.notify(note)
