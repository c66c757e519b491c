"""The doctor: what this machine gives Consentinel, each line OK or what to do about it.

Shared by `consentinel doctor` and the app's About/Help page. Every probe is read-only (nothing
is created or changed; the browser's sandbox is tried in a temporary folder, removed after) and
quick: subprocesses and network calls have short timeouts (a browser's start, the longest, 20 s).
"""

from __future__ import annotations

import errno
import os
import platform
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from consentinel.core.clock_offset import clock_is_off, clock_words, offset_from_date
from consentinel.core.fileio import FolderProblem, folder_problem
from consentinel.core.i18n import current_language, tr
from consentinel.core.paths import HOME_ENV, AppPaths
from consentinel.core.settings import Settings, load_settings

if TYPE_CHECKING:
    from consentinel.core.context import AppContext
    from consentinel.x.browser import BrowserSource
    from consentinel.x.browser_program import ProgramKind

#: How long the doctor waits for `chromium --version` and for X to answer.
BROWSER_VERSION_TIMEOUT_S = 20.0
X_TIMEOUT_S = 5.0
_PRIVATE_DIR = 0o700


class Topic(str, Enum):
    """What one line of the doctor is about (stable ids for the GUI and for tests)."""

    PYTHON = "python"
    QT = "qt"
    KEYRING = "keyring"
    BROWSER = "browser"
    SANDBOX = "sandbox"
    SCREEN = "screen"
    DATA_FOLDER = "data_folder"
    JOURNAL = "journal"
    SCHEDULE = "schedule"
    MENU_AND_LOGIN = "menu_and_login"
    X_SITE = "x_site"


@dataclass(frozen=True)
class Check:
    """One line of the report.

    `name` is a translated title (or a proper noun such as "Python"); `ok` is True (fine), False
    (something to fix: `advice` says what) or None (could not tell, nothing applies here, or
    nothing to fix but not fine either, such as a schedule that does not run while the app is
    closed: `advice` says what it means then).
    """

    name: str
    ok: bool | None
    detail: str
    advice: str = ""
    topic: Topic | None = None


def run_checks(
    paths: AppPaths | None = None,
    settings: Settings | None = None,
    *,
    x_timeout_s: float = X_TIMEOUT_S,
) -> list[Check]:
    """Every check, in the order a person reads them."""
    paths = paths or AppPaths.from_env()
    if settings is None:
        try:
            settings, _warning = load_settings(paths)
        except OSError:  # a data folder that is a file: its line says so, the others still run
            settings = Settings()
    probes: list[Callable[[], Check]] = [
        check_python,
        check_qt,
        check_keyring,
        lambda: check_browser(settings.browser_path),
        lambda: check_sandbox(settings.browser_path),
        check_screen,
        lambda: check_data_folder(paths),
        lambda: check_journal(paths),
        lambda: check_schedule(settings, paths),
        check_menu_and_login,
        lambda: check_x(settings, timeout_s=x_timeout_s, settings_file=paths.settings_path),
    ]
    return [_safely(probe) for probe in probes]


def all_ok(checks: list[Check]) -> bool:
    """True when no line asks for something to be fixed (lines that could not tell are fine)."""
    return all(check.ok is not False for check in checks)


def _safely(probe: Callable[[], Check]) -> Check:
    # One broken probe must not hide the others: it becomes a line of its own.
    try:
        return probe()
    except Exception as error:
        return Check(
            tr("Doctor"),
            False,
            tr("A check failed unexpectedly: {error}", error=f"{type(error).__name__}: {error}"),
            tr("Please report this problem."),
        )


# -- Python and Qt ---------------------------------------------------------------------------


def check_python() -> Check:
    version = platform.python_version()
    frozen = getattr(sys, "frozen", False)
    where = tr("bundled application") if frozen else sys.executable
    ok = sys.version_info >= (3, 10)
    return Check(
        "Python",
        ok,
        f"{version} ({where})",
        "" if ok else tr("Consentinel needs Python 3.10 or newer."),
        Topic.PYTHON,
    )


def check_qt() -> Check:
    try:
        # Imported here: the doctor must work (and say what is missing) without Qt.
        import PySide6
        from PySide6 import QtCore
    except ImportError as error:
        return Check(
            "Qt",
            False,
            tr("PySide6 cannot be imported: {error}", error=error),
            tr(
                "The window needs PySide6 and Qt's system libraries "
                "(Debian/Ubuntu: sudo apt install libxcb-cursor0 libegl1 libgl1)."
            ),
            Topic.QT,
        )
    versions = f"Qt {QtCore.qVersion()}, PySide6 {getattr(PySide6, '__version__', '?')}"
    missing = _xcb_libraries_missing(
        [
            Path(QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.PluginsPath)),
            Path(PySide6.__file__).parent / "Qt" / "plugins",
        ]
    )
    if missing:
        from consentinel.core.xcb_libraries import packages_for

        packages, unknown = packages_for(missing)
        advice = [
            tr(
                "Install what it needs (Debian/Ubuntu: sudo apt install {packages}), then start "
                "Consentinel again.",
                packages=" ".join(packages),
            )
            if packages
            else "",
            tr(
                "Also needed, from your distribution's packages: {libraries}.",
                libraries=", ".join(unknown),
            )
            if unknown
            else "",
        ]
        return Check(
            "Qt",
            False,
            tr(
                "{versions}; the window cannot open on this X11 screen, these system "
                "libraries are missing: {libraries}.",
                versions=versions,
                libraries=", ".join(missing),
            ),
            " ".join(part for part in advice if part),
            Topic.QT,
        )
    return Check("Qt", True, versions, "", Topic.QT)


def _xcb_libraries_missing(plugin_dirs: list[Path]) -> list[str]:
    """On Linux where the window would open through X11, the system libraries Qt's X11 plugin
    lacks here (PySide6 imports without them, and then the window aborts); else none."""
    from consentinel.core import xcb_libraries

    if not sys.platform.startswith("linux") or not xcb_libraries.window_uses_xcb(os.environ):
        return []
    plugin = xcb_libraries.find_xcb_plugin(plugin_dirs)
    return xcb_libraries.missing_libraries(plugin) if plugin is not None else []


# -- Keyring ---------------------------------------------------------------------------------


def check_keyring() -> Check:
    from consentinel.core.vault import Vault, VaultError, VaultLocked, keyring_setup_step

    vault = Vault()
    label = vault.backend_label()
    try:
        vault.check()
    except VaultError as error:
        # A locked keyring is there: installing one is no advice for it. (No keyring at all:
        # the error says the step already.)
        step = keyring_setup_step()
        hint = "" if isinstance(error, VaultLocked) or step in str(error) else step
        detail = tr("{label}: not usable.", label=label)
        if error.cause:  # (technical, but what tells "none installed" from "not answering")
            detail = f"{detail} {tr('Keyring said: {cause}', cause=error.cause)}"
        return Check(
            tr("Keyring"),
            False,
            detail,
            f"{error} {hint}".strip(),
            Topic.KEYRING,
        )
    return Check(
        tr("Keyring"),
        True,
        tr("{label}: usable, secrets are encrypted by the system.", label=label),
        "",
        Topic.KEYRING,
    )


# -- Browser ---------------------------------------------------------------------------------


def skipped_browser_warning(preference: str | None = None) -> str | None:
    """A sentence when the browser the person named cannot be run (another one is used)."""
    from consentinel.x.browser import skipped_browser_setting

    skipped = skipped_browser_setting(preference)
    if skipped is None:
        return None
    path, source = skipped
    return tr(
        "{path} (named by {source}) is not a program this computer can run, so it is not used.",
        path=path,
        source=source_words(source),
    )


def check_browser(preference: str | None = None) -> Check:
    from consentinel.x.browser import BrowserSource, find_browser
    from consentinel.x.browser_program import ProgramKind

    choice = find_browser(preference)
    skipped = skipped_browser_warning(preference)
    if skipped is not None:
        found = tr("Found instead: {path}.", path=choice.path) if choice else ""
        return Check(
            tr("Browser"),
            False,
            f"{skipped} {found}".strip(),
            tr("Correct or remove that setting, or choose another browser in the settings."),
            Topic.BROWSER,
        )
    if choice is None:
        return Check(
            tr("Browser"),
            False,
            tr("No Chrome, Edge or Chromium found."),
            tr(
                "Install Google Chrome, Microsoft Edge or Chromium (Debian: sudo apt install "
                "chromium; Ubuntu: sudo snap install chromium), choose one in the settings, or "
                "run: consentinel browser install"
            ),
            Topic.BROWSER,
        )
    version = browser_version(choice.path)
    if version is None:
        return Check(
            tr("Browser"),
            False,
            tr("{name} at {path} did not say its version.", name=choice.name, path=choice.path),
            tr("Check that this browser starts, or choose another one in the settings."),
            Topic.BROWSER,
        )
    found = tr(
        "{version} ({path}, found via {source})",
        version=version,
        path=choice.path,
        source=source_words(choice.source),
    )
    kind = _browser_kind(choice.path, version)
    if kind is ProgramKind.USABLE:
        return Check(tr("Browser"), True, found, "", Topic.BROWSER)
    # Firefox (Ubuntu's default) or another program: every check would wait a minute for it.
    if kind is ProgramKind.FIREFOX:
        detail = tr(
            "{browser}: Firefox cannot be used, Consentinel needs Chromium, Google Chrome or "
            "Microsoft Edge.",
            browser=found,
        )
    else:
        detail = tr(
            "{browser}: not Chromium, Google Chrome or Microsoft Edge, the only browsers "
            "Consentinel can use.",
            browser=found,
        )
    if choice.source is BrowserSource.ENVIRONMENT:
        advice = tr(
            "Point the CONSENTINEL_BROWSER variable at Chromium, Google Chrome or Microsoft "
            "Edge, or remove it."
        )
    else:
        advice = tr(
            "Choose Chromium, Google Chrome or Microsoft Edge in the settings, or install one "
            "(Debian: sudo apt install chromium; Ubuntu: sudo snap install chromium)."
        )
    return Check(tr("Browser"), False, detail, advice, Topic.BROWSER)


def _browser_kind(executable: Path, version: str) -> ProgramKind:
    """What the browser is, from the version line the doctor read (x/browser_program's
    verdict: one place tells Chromium, Chrome and Edge from Firefox and the rest)."""
    from consentinel.x.browser_program import remembered_program_check

    return remembered_program_check(executable, said=version).kind


def check_sandbox(preference: str | None = None) -> Check:
    """Whether the browser's sandbox can run here: what this process's checks met, else a
    sandboxed start, headless, on an empty page (where root runs Consentinel, Chromium refuses
    it: not tried)."""
    from consentinel.x.browser import find_browser
    from consentinel.x.browser_program import ProgramKind, known_program_check
    from consentinel.x.browser_sandbox import (
        SandboxProbe,
        probe_sandbox,
        runs_as_root,
        why_unsandboxed,
    )

    name = tr("Browser sandbox")
    choice = find_browser(preference)
    if choice is None:
        return Check(name, None, tr("no browser to try it with"), "", Topic.SANDBOX)
    known = known_program_check(choice.path)  # what the browser's line found (not asked again)
    if known is not None and known.kind in (ProgramKind.FIREFOX, ProgramKind.OTHER):
        return Check(
            name,
            None,
            tr("not tried: the browser is not Chromium, Google Chrome or Microsoft Edge"),
            "",
            Topic.SANDBOX,
        )
    if runs_as_root():
        # (Not a fault to fix for the exit status: root is how containers and CI run it.)
        return Check(
            name,
            None,
            tr(
                "off: Consentinel runs as root, and Chromium cannot sandbox a browser started "
                "by root"
            ),
            tr(
                "Run Consentinel as your own user: then X's pages are drawn in processes that "
                "cannot reach your files."
            ),
            Topic.SANDBOX,
        )
    refused = why_unsandboxed(choice.path)
    probe = SandboxProbe(False, refused) if refused else probe_sandbox(choice.path)
    if probe.works:
        return Check(
            name, True, tr("on: X's pages cannot reach your files or programs"), "", Topic.SANDBOX
        )
    if probe.works is None:
        return Check(
            name,
            None,
            tr(
                "could not tell: the browser did not start for the test ({said})", said=probe.detail
            ),
            "",
            Topic.SANDBOX,
        )
    return Check(
        name,
        False,
        tr("off: it could not start here ({said}); checks run without it", said=probe.detail),
        tr(
            "A browser your system allows to sandbox itself fixes this: Google Chrome, or your "
            "distribution's Chromium (Debian: sudo apt install chromium; Ubuntu: sudo snap "
            "install chromium), chosen in the settings. Playwright's download is not one of "
            "them on Ubuntu 24.04 and later."
        ),
        Topic.SANDBOX,
    )


def source_words(source: BrowserSource) -> str:
    """Where a browser was found, in words."""
    from consentinel.x.browser import BrowserSource

    return {
        BrowserSource.ENVIRONMENT: tr("the CONSENTINEL_BROWSER variable"),
        BrowserSource.PREFERENCE: tr("the settings"),
        BrowserSource.PLAYWRIGHT: tr("Playwright's download folder"),
        BrowserSource.SYSTEM: tr("the usual install locations"),
    }.get(source, str(source.value))


def browser_version(executable: Path) -> str | None:
    """The browser's name and version ("Chromium 131.0.6778.85"), or None: what `<browser>
    --version` prints, without the English words some builds add ("built on Debian…")."""
    if sys.platform.startswith("win"):
        # chrome.exe --version opens a window on Windows; its folder is named for the version.
        try:
            names = [p.name for p in executable.parent.iterdir() if _is_version(p.name)]
        except OSError:
            return None
        newest = max(names, key=lambda n: tuple(int(part) for part in n.split(".")), default=None)
        return f"{executable.stem} {newest}" if newest else None
    try:
        proc = subprocess.run(
            [str(executable), "--version"],
            capture_output=True,
            text=True,
            timeout=BROWSER_VERSION_TIMEOUT_S,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = [line.strip() for line in proc.stdout.splitlines() if line.strip()]
    if proc.returncode != 0 or not lines:
        return None
    return lines[-1].split(" built on ")[0]


def _is_version(name: str) -> bool:
    parts = name.split(".")
    return len(parts) >= 2 and all(part.isdigit() for part in parts)


# -- Data folder -----------------------------------------------------------------------------


def check_data_folder(paths: AppPaths) -> Check:
    folders = list(dict.fromkeys((paths.root, paths.config_dir, paths.data_dir)))
    existing = [f for f in folders if f.exists()]
    shown = ", ".join(str(f) for f in folders)
    unusable = paths.unusable()
    if unusable is not None:
        if unusable.errno != errno.ENOTDIR:
            advice = tr("Give your user write access to it.")
        elif os.environ.get(HOME_ENV, "").strip():
            advice = tr("Move that file away, or set CONSENTINEL_HOME to a folder.")
        else:
            advice = tr("Move that file away, then start Consentinel again.")
        return Check(tr("Data folder"), False, str(unusable), advice, Topic.DATA_FOLDER)
    if not existing:
        return Check(
            tr("Data folder"),
            True,
            tr("{folder}: not created yet; it is created owner-only on first use.", folder=shown),
            "",
            Topic.DATA_FOLDER,
        )
    if os.name != "posix":
        # Windows keeps the user profile private through ACLs, not mode bits.
        return Check(tr("Data folder"), True, shown, "", Topic.DATA_FOLDER)
    loose = [f for f in existing if stat.S_IMODE(f.stat().st_mode) != _PRIVATE_DIR]
    if loose:
        modes = ", ".join(f"{f} ({stat.S_IMODE(f.stat().st_mode):o})" for f in loose)
        return Check(
            tr("Data folder"),
            False,
            tr("Other users may read these folders: {modes}.", modes=modes),
            tr(
                "Make them owner-only: chmod 700 {paths} (Consentinel also does this when it "
                "starts).",
                paths=" ".join(_shell_quote(str(f)) for f in loose),
            ),
            Topic.DATA_FOLDER,
        )
    problem = next(((f, p) for f in existing if (p := folder_problem(f)) is not None), None)
    if problem is not None:
        return Check(tr("Data folder"), False, *_problem_words(*problem), Topic.DATA_FOLDER)
    return Check(
        tr("Data folder"),
        True,
        tr("{folder} (owner-only, 700)", folder=shown),
        "",
        Topic.DATA_FOLDER,
    )


def check_journal(paths: AppPaths) -> Check:
    """Whether the journal verifies (its chain walked, its screenshots looked for, none read),
    read as it is; and, when it started over, where the journal before it is kept: a journal
    set aside by a scheduled check is said nowhere else the person looks."""
    from consentinel.core.fileio import StorageError
    from consentinel.core.journal import Journal, UnreadableJournal
    from consentinel.core.journal_entries import EntryKind
    from consentinel.core.journal_verify import problems_in_short
    from consentinel.core.moments import moment_text

    name, path = tr("Journal file"), paths.journal_path
    if not path.exists():
        return Check(name, True, tr("{path}: none yet.", path=path), "", Topic.JOURNAL)
    try:
        journal = Journal.open_read_only(path, evidence_dir=paths.evidence_dir)
    except UnreadableJournal as error:
        if error.why not in ("damaged", "newer"):  # (an older one, a disk that says no…)
            return Check(name, None, str(error), "", Topic.JOURNAL)
        advice = tr(
            "Open Consentinel or run a check: the journal is then kept aside and a new one begins."
        )
        return Check(name, False, str(error), advice, Topic.JOURNAL)
    try:
        verdict = journal.verify(read_shots_of=())
        restarts = [
            e
            for e in journal.entries(kinds=[EntryKind.JOURNAL_RESTARTED])
            if e.payload.get("set_aside") or e.payload.get("why") in ("folder", "deleted")
        ]
    except StorageError as error:  # (written to while read: the next doctor reads it)
        return Check(name, None, str(error), "", Topic.JOURNAL)
    finally:
        journal.close()
    if verdict.ok:
        ok: bool | None = True
        # French counts zero in the singular, English in the plural.
        one = verdict.entry_count == 1 or (verdict.entry_count == 0 and current_language() == "fr")
        detail = (
            tr("{path}: intact, {count} entry.", path=path, count=verdict.entry_count)
            if one
            else tr("{path}: intact, {count} entries.", path=path, count=verdict.entry_count)
        )
        advice = ""
    else:
        ok = False
        detail = tr(
            "{path}: does not verify: {problem}", path=path, problem=problems_in_short(verdict)
        )
        advice = tr(
            "Keep a copy of the data folder; `consentinel log --verify` says what is wrong, and "
            "`consentinel log --start-over` keeps it aside and begins a new one."
        )
    if restarts:
        last = restarts[-1]
        kept = last.payload.get("set_aside")
        if kept:
            detail += " " + _restart_words(last.payload.get("why")).format(
                when=moment_text(last.at), path=path.with_name(str(kept))
            )
        else:  # (the folder or the file went during a check: nothing of it was kept)
            detail += " " + tr(
                "It started over on {when}: the data folder or the journal file was deleted "
                "during a check, and the record of the checks before went with it.",
                when=moment_text(last.at),
            )
        if ok and datetime.now(timezone.utc) - last.at < RESTART_NOTICED:
            ok = None  # intact, but a start-over of late is worth a look: "--", not "OK"
            if kept:
                advice = tr(
                    "Keep that file: the record of the checks before the start-over is there."
                )
    return Check(name, ok, detail, advice, Topic.JOURNAL)


#: How long after a journal started over the doctor's Journal line is "--" rather than "OK".
RESTART_NOTICED = timedelta(days=30)


def _restart_words(why: object) -> str:
    """The journal's start-over and why, with {when} and {path} (the journal kept) to fill."""
    if why == "newer":
        return tr(
            "It started over on {when}: the journal before it was written by a newer "
            "Consentinel and is kept as {path}, with the record of the checks before."
        )
    if why == "damaged":
        return tr(
            "It started over on {when}, as you chose: the journal before it no longer "
            "verified and is kept as {path}, with the record of the checks before."
        )
    if why == "deleted":
        return tr(
            "It started over on {when}: the journal before it was deleted while Consentinel "
            "was open, and the record of its last entry is kept as {path}."
        )
    return tr(
        "It started over on {when}: the journal before it could not be read and is kept as "
        "{path}, with the record of the checks before."
    )


def _problem_words(folder: Path, problem: FolderProblem) -> tuple[str, str]:
    """What keeps Consentinel from saving in `folder`, and what to do."""
    if problem is FolderProblem.FULL:
        return (
            tr(
                "The disk of {path} is full: nothing can be saved there, so no check can run.",
                path=folder,
            ),
            tr("Free some space on that disk."),
        )
    if problem is FolderProblem.READ_ONLY:
        return (
            tr("{path} is on a disk that is read-only.", path=folder),
            tr(
                "Make that disk writable again (the system may have made it read-only after "
                "an error: restart, or check the disk)."
            ),
        )
    return tr("{path} is not writable.", path=folder), tr("Give your user write access to it.")


def _shell_quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


# -- Schedule --------------------------------------------------------------------------------


def check_schedule(settings: Settings, paths: AppPaths | None = None) -> Check:
    """The OS job, and whether the last scheduled check could read the keyring: a job that
    runs where the keyring is locked or out of reach (logged out, another session) checks
    nothing, and this terminal's keyring being fine says nothing of it."""
    from consentinel.core.osjobs import JobState, status
    from consentinel.core.schedule import ScheduleChoice, parse_schedule

    report = status()
    scheduled = report.installed or parse_schedule(settings.schedule) is not ScheduleChoice.OFF
    unread = _keyring_unread_when_scheduled(paths) if paths and scheduled else None
    if unread is not None:
        return Check(tr("Schedule"), False, report.message, unread, Topic.SCHEDULE)
    if report.state is JobState.FAILED:
        return Check(tr("Schedule"), False, report.message, "", Topic.SCHEDULE)
    if settings.run_when_closed and not report.installed:
        return Check(
            tr("Schedule"),
            False,
            report.message,
            tr(
                "The settings ask for checks while Consentinel is closed, but no job is "
                "installed. Run: consentinel schedule install"
            ),
            Topic.SCHEDULE,
        )
    if report.state is JobState.INSTALLED or report.to_remove:
        # Installed but not loaded by the OS scheduler yet, or with an old crontab line left
        # beside it, which checks a second time: the message says what to run, or remove.
        return Check(tr("Schedule"), None, report.message, "", Topic.SCHEDULE)
    if report.state is JobState.ACTIVE:
        return Check(tr("Schedule"), True, report.message, "", Topic.SCHEDULE)
    # No job, and none asked for: nothing to fix, but not fine either, since nothing checks
    # while the app is closed (or ever, with automatic checks off).
    if report.unavailable:
        # No systemd: ticking "Keep checking when Consentinel is closed" would only fail.
        advice = tr(
            "To check while Consentinel is closed here, have cron run it: "
            "consentinel schedule install prints the line to add."
        )
    elif parse_schedule(settings.schedule) is ScheduleChoice.OFF:
        advice = tr(
            "Automatic checks are off: nothing checks the boxes again unless you do. To check "
            "on a schedule, choose how often in the settings, or run: "
            "consentinel schedule install --every daily"
        )
    else:
        advice = tr(
            "Consentinel checks only while it is open. To check while it is closed too, tick "
            "“Keep checking when Consentinel is closed” in the settings, or run: "
            "consentinel schedule install"
        )
    return Check(tr("Schedule"), None, report.message, advice, Topic.SCHEDULE)


def _keyring_unread_when_scheduled(paths: AppPaths) -> str | None:
    """What to do when the newest scheduled check found the keyring unusable, else None."""
    from consentinel.core.fileio import StorageError
    from consentinel.core.journal import EntryKind, Journal
    from consentinel.core.moments import moment_text
    from consentinel.core.status import Reason

    try:  # (read as it is: the doctor makes, migrates and marks nothing)
        journal = Journal.open_read_only(paths.journal_path)
    except StorageError:  # none yet, or one only the app can open (damaged, older)
        return None
    try:
        run = next((r for r in journal.runs() if r.trigger == "schedule"), None)
        if run is None:
            return None
        started = datetime.fromisoformat(run.started_at)
        checks = journal.entries(kinds=[EntryKind.CHECK], since=started)
    except StorageError:  # (on a full disk, written to while read: the next doctor reads it)
        return None
    finally:
        journal.close()
    unread = [
        e
        for e in checks
        if e.run_id == run.id and e.payload.get("reason") == Reason.KEYRING_UNAVAILABLE.value
    ]
    if not unread:
        return None
    first = unread[0].payload
    # X's words as that run wrote them, when they are in the reader's language.
    same_language = first.get("message_lang", current_language()) == current_language()
    parts = [
        tr(
            "The last scheduled check ({when}) could not read the keyring.",
            when=moment_text(started),
        ),
        str(first.get("message") or "").strip() if same_language else "",
        tr(
            "A scheduled check reads the keyring of the session it runs in, so that keyring "
            "must be running and unlocked then: stay logged in, with the keyring unlocked at "
            "login."
        ),
    ]
    return " ".join(part for part in parts if part)


# -- Menu entry and start at login -----------------------------------------------------------


def check_menu_and_login() -> Check:
    """Whether the menu entry (`consentinel desktop-entry install`) and the start at login, where
    there are any, start a program that is there: once Consentinel has moved, their TryExec=
    hides them, and neither the menu nor the login says anything."""
    from consentinel.core import desktop_entry, osjobs

    name = tr("Menu and login")
    named: list[tuple[str, str | None]] = [
        (tr("Start at login"), osjobs.login_item().installed_program())
    ]
    if sys.platform.startswith("linux"):
        named.insert(0, (tr("Menu entry"), desktop_entry.installed_program()))
    there = [(what, program) for what, program in named if program]
    if not there:
        return Check(
            name,
            None,
            tr("No menu entry of its own, and no start at login."),
            "",
            Topic.MENU_AND_LOGIN,
        )
    gone = [(what, program) for what, program in there if not _runs(program)]
    if gone:
        detail = " ".join(
            tr("{what}: {program}, which is not there any more.", what=w, program=p)
            for w, p in gone
        )
        return Check(
            name,
            False,
            detail,
            tr(
                "Consentinel was moved or removed, and the desktop hides what starts it from "
                "the old place. Open Consentinel and save its settings: that points them at it "
                "(the menu entry also with: consentinel desktop-entry install)."
            ),
            Topic.MENU_AND_LOGIN,
        )
    detail = " ".join(tr("{what}: {program}.", what=w, program=p) for w, p in there)
    return Check(name, True, detail, "", Topic.MENU_AND_LOGIN)


def _runs(program: str) -> bool:
    path = Path(program)
    return path.is_file() and os.access(path, os.X_OK)


# -- Screen ----------------------------------------------------------------------------------


def check_screen() -> Check:
    """Whether windows can be shown: checks run without one, the app and `login` need one."""
    from consentinel.core.display import has_display

    name = tr("Screen")
    if not sys.platform.startswith("linux"):
        return Check(name, True, tr("this computer's desktop"), "", Topic.SCREEN)
    if has_display():
        wayland = os.environ.get("WAYLAND_DISPLAY")
        detail = f"Wayland ({wayland})" if wayland else f"X11 ({os.environ.get('DISPLAY')})"
        return Check(name, True, detail, "", Topic.SCREEN)
    return Check(
        name,
        None,
        tr("none here (no DISPLAY or WAYLAND_DISPLAY)"),
        # The command quoted as the doctor's other lines quote theirs (not in `backticks`).
        tr(
            'Checks run without a window; the app and the command "consentinel login" need a '
            "desktop session."
        ),
        Topic.SCREEN,
    )


# -- X ---------------------------------------------------------------------------------------


def _network_words(reason: object) -> str:
    """Why a request got no answer, in the person's words where Python's are English."""
    import socket

    if isinstance(reason, socket.gaierror):
        return tr("its name could not be looked up: no network, or no DNS")
    if isinstance(reason, ConnectionRefusedError):
        return tr("the connection was refused")
    if isinstance(reason, TimeoutError):  # (socket.timeout is TimeoutError)
        return tr("no answer in time")
    return str(reason)


def check_x(
    settings: Settings, *, timeout_s: float = X_TIMEOUT_S, settings_file: Path | None = None
) -> Check:
    """`check_x_site` at the address the settings give; one that is not an address
    (CONSENTINEL_X_ORIGIN mistyped), or not one passwords may go to, is said as checks say it,
    not as X out of reach. A simulated X is named first: checks do not go to X."""
    import dataclasses

    from consentinel.core.settings import XOriginError

    try:
        origin = settings.effective_x_origin(settings_file)
        not_x = settings.not_x_words(settings_file)
    except XOriginError as error:
        return Check("X", False, str(error), "", Topic.X_SITE)
    check = check_x_site(origin, timeout_s=timeout_s)
    if not_x is None:
        return check
    return dataclasses.replace(check, detail=f"{not_x} {check.detail}")


def x_answers(ctx: AppContext, *, timeout_s: float | None = None) -> bool:
    """Whether X answers with its web app (not a captive portal's page, not an error), asked
    as the doctor asks it (`check_x`): its Grok settings page at the address the settings give,
    through the proxy the environment names, as the browser goes. The question the window
    (gui/x_watch.py) and the OS job's tries (cli/scheduled_retry.py) ask between checks,
    waiting for the network to come back. `timeout_s`: X_TIMEOUT_S as it is when asked."""
    if timeout_s is None:
        timeout_s = X_TIMEOUT_S
    check = check_x(ctx.settings, timeout_s=timeout_s, settings_file=ctx.paths.settings_path)
    return check.ok is True


def check_x_site(origin: str, *, timeout_s: float = X_TIMEOUT_S) -> Check:
    """Whether X answers at its Grok settings address (a quick HTTP request, no browser).

    Whether the page's boxes still look as expected needs a signed-in browser: every check does
    that, and stops with "X's page changed" rather than guess.
    """
    from consentinel.x.site import XSite

    url = XSite(origin).grok_settings_url
    try:  # (a mistyped address is "cannot be reached", not an unexpected failure)
        request = urllib.request.Request(url, method="GET", headers={"User-Agent": "Consentinel"})
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            offset = offset_from_date(response.headers.get("Date"), time.time())
            code = int(response.status)
            body = response.read(200_000)
    except urllib.error.HTTPError as error:
        code, body, offset = error.code, b"", None
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = _network_words(getattr(error, "reason", error))
        return Check(
            "X",
            None,
            tr("{origin} cannot be reached from here ({reason}).", origin=origin, reason=reason),
            tr("Checks need X: check the internet connection, proxy or firewall."),
            Topic.X_SITE,
        )
    if code >= 500:
        return Check(
            "X",
            False,
            tr("{url} answered HTTP {code}.", url=url, code=code),
            tr("X is having trouble; checks will retry later."),
            Topic.X_SITE,
        )
    if code >= 400 or not body.lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return Check(
            "X",
            False,
            tr("{url} answered HTTP {code}, not X's web app.", url=url, code=code),
            tr(
                "Something between you and X (a proxy, a captive portal) changes its pages, "
                "or the X address in the settings is wrong."
            ),
            Topic.X_SITE,
        )
    answers = tr(
        "{url} answers. The boxes themselves are read and verified at each check, which "
        "stops rather than guess if X's page changed.",
        url=url,
    )
    if clock_is_off(offset):  # (X's own page, so its own time: a code made here is refused)
        assert offset is not None
        said = f"{answers} {_clock_off_words(offset)}"
        advice = tr("Set this computer's clock right (automatic date and time).")
        return Check("X", False, said, advice, Topic.X_SITE)
    return Check("X", True, answers, "", Topic.X_SITE)


def _clock_off_words(offset_s: float) -> str:
    """The X line's words for a clock off X's: by how much, and what it does to 2FA codes."""
    return tr(
        "{clock}: the 2FA codes Consentinel makes from saved secrets are refused by X.",
        clock=clock_words(offset_s),
    )
