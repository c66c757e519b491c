"""Showing a notification with the platform's own notifier: notify-send or gdbus on Linux,
osascript on macOS, nothing on Windows (no extra dependency). A notifier never fails the run
that already happened: what cannot be shown is answered False, and the journal keeps it
(core/notify_delivery.py)."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from consentinel import APP_ID, APP_NAME

if TYPE_CHECKING:
    from consentinel.core.notify import Notification

log = logging.getLogger(__name__)

#: How long a notifier command may take before it is abandoned (a hung D-Bus must not hang a run).
NOTIFIER_TIMEOUT_S = 10.0


class Notifier(Protocol):
    def notify(self, note: Notification) -> bool:
        """Show it; True when the platform accepted it. Never raises."""
        ...


CommandRunner = Callable[[Sequence[str]], int]


def _run_quietly(argv: Sequence[str]) -> int:
    done = subprocess.run(
        list(argv),
        capture_output=True,
        timeout=NOTIFIER_TIMEOUT_S,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    return done.returncode


def gvariant_string(text: str) -> str:
    """A GVariant text-format string literal (what `gdbus call` parses each argument as)."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


class OsNotifier:
    """notify-send or gdbus on Linux, osascript on macOS, nothing on Windows (no extra deps)."""

    def __init__(
        self,
        platform: str | None = None,
        runner: CommandRunner = _run_quietly,
        which: Callable[[str], str | None] = shutil.which,
    ) -> None:
        self._platform = platform or sys.platform
        self._run = runner
        self._which = which

    def command_for(self, note: Notification) -> list[str] | None:
        """The command that shows `note` here, or None when this platform has no notifier."""
        if self._platform == "darwin":
            osascript = self._which("osascript")
            if not osascript:
                return None
            # Title and body go in as arguments, not spliced into the script: no quoting to break.
            return [
                osascript,
                "-e",
                "on run argv",
                "-e",
                "display notification (item 2 of argv) with title (item 1 of argv)",
                "-e",
                "end run",
                note.title,
                note.body,
            ]
        if self._platform.startswith("linux") or "bsd" in self._platform:
            notify_send = self._which("notify-send")
            if notify_send:
                # notify-send reads C escapes in the body (g_strcompress): double backslashes.
                body = note.body.replace("\\", "\\\\")
                # desktop-entry: the desktop knows the notification is the app's, and a click
                # on it opens the app (GNOME does).
                return [notify_send, f"--app-name={APP_NAME}", f"--icon={APP_ID}",
                        f"--hint=string:desktop-entry:{APP_ID}", "--",
                        note.title, body]  # fmt: skip
            gdbus = self._which("gdbus")
            if gdbus:
                return [
                    gdbus,
                    "call",
                    "--session",
                    "--dest=org.freedesktop.Notifications",
                    "--object-path=/org/freedesktop/Notifications",
                    "--method=org.freedesktop.Notifications.Notify",
                    gvariant_string(APP_NAME),
                    "uint32 0",
                    gvariant_string(APP_ID),
                    gvariant_string(note.title),
                    gvariant_string(note.body),
                    "@as []",
                    f"@a{{sv}} {{'desktop-entry': <{gvariant_string(APP_ID)}>}}",
                    "int32 -1",
                ]
        return None

    def notify(self, note: Notification) -> bool:
        argv = self.command_for(note)
        if argv is None:
            log.info("no desktop notifier on this system; notification only journaled")
            return False
        try:
            code = self._run(argv)
        except (OSError, subprocess.SubprocessError) as error:
            log.warning("desktop notification failed: %s", type(error).__name__)
            return False
        if code != 0:
            log.info("desktop notifier exited with %s", code)
        return code == 0
