"""A command stopped by an error no code expected: its traceback in the app's log file (secrets
redacted), one sentence for the person, and for a scheduled check a notification.

It exits EXIT_CRASHED, not Python's 1: 1 is "not all off" for `check`, which the systemd unit
counts as a success (SuccessExitStatus=1), so a check that crashed at every run looked like one
that ran, and nobody was told.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from consentinel.core.i18n import tr

if TYPE_CHECKING:
    from consentinel.core.paths import AppPaths
    from consentinel.core.settings import Settings

#: An error inside Consentinel (sysexits' EX_SOFTWARE): a failure for systemd, launchd and the
#: Task Scheduler alike, and told apart from a usage or set-up error (2) by scripts.
EXIT_CRASHED = 70

log = logging.getLogger("consentinel.crash")


def report_crash(args: argparse.Namespace, error: Exception) -> int:
    """Log `error` with its traceback, say it in one sentence on stderr (never the traceback:
    the log has it), and, for `check --unattended`, notify the person. Returns EXIT_CRASHED."""
    paths = _paths()
    log_path = _log_to_file(paths)
    log.error("%s stopped on an unexpected error", _command(args), exc_info=error)
    what = type(error).__name__  # (its message may hold what was being typed: not said)
    if log_path is not None:
        said = tr(
            "Consentinel stopped on an unexpected error ({error}); what it was doing may not "
            "have finished. The details are in its log: {log}. If it happens again, please "
            "report it with that file.",
            error=what,
            log=log_path,
        )
    else:
        said = tr(
            "Consentinel stopped on an unexpected error ({error}); what it was doing may not "
            "have finished. Its log file could not be written, so the details are above.",
            error=what,
        )
    print(said, file=sys.stderr)
    if getattr(args, "command", None) == "check" and getattr(args, "unattended", False):
        _notify(paths, what, log_path)
    return EXIT_CRASHED


def _command(args: argparse.Namespace) -> str:
    words = ["consentinel", str(getattr(args, "command", "") or "")]
    if getattr(args, "unattended", False):
        words.append("--unattended")
    return " ".join(words)  # (no handle, no argument: what the command was, not what it had)


def _paths() -> AppPaths | None:
    """The app's folders, or None when even they cannot be told (the error may be theirs)."""
    try:
        from consentinel.core.paths import AppPaths

        return AppPaths.from_env()
    except Exception:  # (the crash is what is said: nothing more may stop it being said)
        return None


def _log_to_file(paths: AppPaths | None) -> Path | None:
    """The app's log file, where the window logs too (gui/logging_setup: owner-only, rotated,
    secrets redacted); None when it cannot be written: the log then goes to stderr."""
    from consentinel.gui.logging_setup import setup_logging_or_stderr, use_stderr

    if paths is None:
        use_stderr()
        return None
    log_path, _why = setup_logging_or_stderr(paths.logs_dir)
    return log_path


def _notify(paths: AppPaths | None, what: str, log_path: Path | None) -> None:
    """One notification for a scheduled check that crashed, in the language chosen in the app,
    unless notifications are off there. Nothing journaled: the journal may be what failed."""
    from consentinel.cli.schedule_cmd import post_notice
    from consentinel.core.i18n import set_language
    from consentinel.core.notify import check_failed_notice

    settings = _saved_settings(paths)
    set_language(settings.language)
    post_notice(settings, check_failed_notice(what, log_path))


def _saved_settings(paths: AppPaths | None) -> Settings:
    """The settings as saved, read without setting a damaged file aside (a check that runs
    does that, and says it); the defaults when they cannot be read."""
    from consentinel.core.settings import Settings, settings_in_file

    if paths is None:
        return Settings()
    try:
        return settings_in_file(paths) or Settings()
    except Exception:  # (the crash is what is said: nothing more may stop it being said)
        return Settings()
