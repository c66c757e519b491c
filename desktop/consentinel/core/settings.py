"""Settings: what the person chose (schedule, browser, language…), kept in settings.json."""

from __future__ import annotations

import json
import os
from enum import Enum
from pathlib import Path
from typing import Any, NamedTuple

from consentinel.core.fileio import atomic_write_text, make_private_dirs, set_aside
from consentinel.core.i18n import quoted, tr
from consentinel.core.paths import AppPaths
from consentinel.core.records import Record, replace
from consentinel.x.site import DEFAULT_ORIGIN, ORIGIN_ENV, allowed_origin

SCHEMA_VERSION = 1
# Where X is lives with the rest of what is known of X (x/site.py).
X_ORIGIN_ENV = ORIGIN_ENV
DEFAULT_X_ORIGIN = DEFAULT_ORIGIN


class XOriginError(ValueError):
    """X's address (CONSENTINEL_X_ORIGIN, or the setting x_origin) is not one passwords may go
    to: not an address like https://x.com, or an address neither X's nor on this computer (a
    set-up error: said before any page is opened, not taken for a network problem). str() names
    the variable or the setting and its file, and the value."""


class ScheduleChoice(str, Enum):
    """How often checks run by themselves: the values Settings.schedule may hold (one
    class, also named by core/schedule.py, so that `is` holds between them)."""

    OFF = "off"
    EVERY_6H = "6h"
    EVERY_12H = "12h"
    DAILY = "daily"
    WEEKLY = "weekly"


class Language(str, Enum):
    SYSTEM = "system"
    ENGLISH = "en"
    FRENCH = "fr"


def setting_names(keys: Any) -> str:
    """The settings a journal entry says were changed, by the names a person knows them by,
    in the reader's language (a name this version does not know is shown as stored)."""
    names = {
        "schedule": tr("how often to check"),
        "check_on_start": tr("check at start-up when one is due"),
        "run_when_closed": tr("checks while Consentinel is closed"),
        "start_at_login": tr("start at login"),
        "browser_path": tr("browser"),
        "show_browser": tr("browser shown during checks"),
        "concurrency": tr("accounts checked at once"),
        "language": tr("language"),
        "notifications": tr("desktop notifications"),
        "screenshot_every_check": tr("a screenshot of every check"),
        "backoff_hours": tr("wait after X refuses a sign-in"),
        "x_origin": tr("X's address"),
        "schedule_paused": tr("automatic checks paused"),
    }
    return ", ".join(names.get(str(key), str(key)) for key in sorted(keys))


SCHEDULES = tuple(choice.value for choice in ScheduleChoice)
LANGUAGES = tuple(lang.value for lang in Language)


class Settings(Record):
    """Every user setting with its default. validate() raises ValueError with a sentence."""

    __slots__ = (  # noqa: RUF023 (the fields' order: settings.json's, the repr's)
        "schedule",
        "check_on_start",
        "run_when_closed",
        "start_at_login",
        "browser_path",
        "show_browser",
        "concurrency",
        "language",
        "notifications",
        "screenshot_every_check",
        "backoff_hours",
        "x_origin",
        "schedule_paused",
    )
    schedule: str
    check_on_start: bool
    run_when_closed: bool
    start_at_login: bool
    browser_path: str | None  # None: find Chromium/Chrome/Edge automatically
    show_browser: bool
    concurrency: int
    language: str
    notifications: bool
    #: Keep a screenshot of the settings page at every check, not only when a box was changed:
    #: evidence of "still off on this date", at about 100 kB per account and check.
    screenshot_every_check: bool
    backoff_hours: int
    x_origin: str | None  # None: CONSENTINEL_X_ORIGIN, else https://x.com
    #: "Pause automatic checks" (the tray, the Checks menu): no automatic check runs, in the
    #: app or by the OS's job while it is closed, until the person resumes it; checks they
    #: start still run.
    schedule_paused: bool

    def __init__(
        self,
        schedule: str = "daily",
        check_on_start: bool = True,
        run_when_closed: bool = False,
        start_at_login: bool = False,
        browser_path: str | None = None,
        show_browser: bool = False,
        concurrency: int = 3,
        language: str = "system",
        notifications: bool = True,
        screenshot_every_check: bool = False,
        backoff_hours: int = 12,
        x_origin: str | None = None,
        schedule_paused: bool = False,
    ) -> None:
        self.schedule = schedule
        self.check_on_start = check_on_start
        self.run_when_closed = run_when_closed
        self.start_at_login = start_at_login
        self.browser_path = browser_path
        self.show_browser = show_browser
        self.concurrency = concurrency
        self.language = language
        self.notifications = notifications
        self.screenshot_every_check = screenshot_every_check
        self.backoff_hours = backoff_hours
        self.x_origin = x_origin
        self.schedule_paused = schedule_paused

    def validate(self) -> Settings:
        if self.schedule not in SCHEDULES:
            raise ValueError(
                tr(
                    "The schedule must be one of {choices}, not {value}.",
                    choices=", ".join(SCHEDULES),
                    value=_said(self.schedule),
                )
            )
        if self.language not in LANGUAGES:
            raise ValueError(
                tr(
                    "The language must be one of {choices}, not {value}.",
                    choices=", ".join(LANGUAGES),
                    value=_said(self.language),
                )
            )
        for name in (
            "check_on_start",
            "run_when_closed",
            "start_at_login",
            "show_browser",
            "notifications",
            "screenshot_every_check",
            "schedule_paused",
        ):
            if not isinstance(getattr(self, name), bool):
                raise ValueError(tr("The setting {name} must be true or false.", name=name))
        if not _int_between(self.concurrency, 1, 10):
            raise ValueError(
                tr(
                    "Accounts checked at once must be between 1 and 10, not {value}.",
                    value=_said(self.concurrency),
                )
            )
        if not _int_between(self.backoff_hours, 1, 168):
            raise ValueError(
                tr(
                    "The back-off must be between 1 and 168 hours, not {value}.",
                    value=_said(self.backoff_hours),
                )
            )
        if self.browser_path is not None and (
            not isinstance(self.browser_path, str) or not self.browser_path.strip()
        ):
            raise ValueError(tr("The browser path must be a file path, or empty for automatic."))
        if self.x_origin is not None and not _is_origin(self.x_origin):
            raise ValueError(
                tr(
                    "The X address must look like https://x.com, not {value}.",
                    value=_said(self.x_origin),
                )
            )
        return self

    @property
    def schedule_choice(self) -> ScheduleChoice:
        return ScheduleChoice(self.schedule)

    def effective_x_origin(self, settings_file: Path | None = None) -> str:
        """Where X is: this setting, else CONSENTINEL_X_ORIGIN, else https://x.com. XOriginError
        when the one used is not X's address nor one on this computer (a simulated X): the
        saved passwords and 2FA codes are typed into its pages. `settings_file` is named then."""
        if self.x_origin:
            allowed = allowed_origin(self.x_origin)
            if allowed is None:
                raise XOriginError(
                    tr(
                        "The setting x_origin in {file} names {value}, which is neither X "
                        "(https://x.com) nor an address on this computer (such as "
                        "http://127.0.0.1:8765): the saved passwords and 2FA codes would be "
                        "sent there. Correct it, or remove it to use x.com.",
                        file=settings_file or tr("the settings file"),
                        value=tr("'{text}'", text=self.x_origin),
                    )
                )
            return allowed
        from_env = os.environ.get(X_ORIGIN_ENV, "").strip()
        if not from_env:
            return DEFAULT_X_ORIGIN
        if not _is_origin(from_env):
            raise XOriginError(
                tr(
                    "The variable {name} must be an address like https://x.com, not {value}: "
                    "correct it, or unset it to use x.com.",
                    name=X_ORIGIN_ENV,
                    value=tr("'{text}'", text=from_env),
                )
            )
        allowed = allowed_origin(from_env)
        if allowed is None:
            raise XOriginError(
                tr(
                    "The variable {name} names {value}, which is neither X (https://x.com) nor "
                    "an address on this computer (such as http://127.0.0.1:8765): the saved "
                    "passwords and 2FA codes would be sent there. Correct it, or unset it to "
                    "use x.com.",
                    name=X_ORIGIN_ENV,
                    value=tr("'{text}'", text=from_env),
                )
            )
        return allowed

    def not_x_words(self, settings_file: Path | None = None) -> str | None:
        """The line every check and `doctor` say when X's address is not X's (a simulated X),
        naming what set it; None for X. XOriginError as effective_x_origin."""
        origin = self.effective_x_origin(settings_file)
        if origin == DEFAULT_X_ORIGIN:
            return None
        if self.x_origin:
            source = tr("the setting x_origin")
        else:
            source = tr("the variable {name}", name=X_ORIGIN_ENV)
        return tr("Checking against {origin}, not X ({source}).", origin=origin, source=source)

    def to_json(self) -> dict[str, Any]:
        return {"version": SCHEMA_VERSION, **self.as_dict()}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Settings:
        """Known keys only (unknown ones are ignored), then validated."""
        names = set(cls.field_names())
        return cls(**{k: v for k, v in raw.items() if k in names}).validate()

    @classmethod
    def keeping_what_is_valid(cls, raw: dict[str, Any]) -> tuple[Settings, list[str]]:
        """The settings with each value that is not valid (a hand edit out of range) replaced
        by its default, and, for each, the sentence saying why: one wrong value does not
        reset the others (a pause, the schedule)."""
        settings, problems = cls(), []
        for name in cls.field_names():
            if name not in raw:
                continue
            try:
                settings = replace(settings, **{name: raw[name]}).validate()
            except (ValueError, TypeError) as error:
                problems.append(str(error))
        return settings, problems


def _said(value: object) -> str:
    """A value the settings file holds, in a sentence: text quoted as the reader's language
    quotes it ('daily', « daily »), anything else as written."""
    return quoted(value) if isinstance(value, str) else repr(value)


def _int_between(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _is_origin(value: object) -> bool:
    return (
        isinstance(value, str)
        and value.lower().startswith(("http://", "https://"))
        and len(value.split("://", 1)[1].strip("/")) > 0
    )


class SettingsLoad(NamedTuple):
    """What reading settings.json gave: the settings, the sentence saying what went wrong (None
    when nothing did), and where the file was set aside when it could not be used (None when
    it was not: the person's choices in it, a pause among them, are then still there)."""

    settings: Settings
    warning: str | None
    set_aside_to: Path | None


def load_settings(paths: AppPaths) -> tuple[Settings, str | None]:
    """The saved settings (defaults if none) and a warning if the file had to be set aside."""
    settings, warning, _moved = read_settings(paths)
    return settings, warning


def _parsed(text: str) -> tuple[Settings, list[str]] | None:
    """The settings a file's text holds and its values that could not be used; None when a
    newer Consentinel wrote it. ValueError or TypeError when it is no settings file."""
    raw = json.loads(text)
    if not isinstance(raw, dict):
        raise ValueError("not an object")
    version = raw.get("version", 1)
    if not isinstance(version, int):
        raise ValueError("version")
    if version > SCHEMA_VERSION:
        return None
    return Settings.keeping_what_is_valid(raw)


def read_settings(paths: AppPaths) -> SettingsLoad:
    """`load_settings`, also saying where a file that could not be used went: the first read
    moves it, so whoever reads first must say so (a later read finds no file, and defaults)."""
    path = paths.settings_path
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return SettingsLoad(Settings(), None, None)
    try:
        parsed = _parsed(text)
        if parsed is None:
            moved = set_aside(path, "newer")
            return SettingsLoad(
                Settings(),
                tr(
                    "The settings file was written by a newer Consentinel; it was moved to "
                    "{moved} and the defaults are used.",
                    moved=moved,
                ),
                moved,
            )
        settings, problems = parsed
    except (ValueError, TypeError):
        moved = set_aside(path, "corrupt")
        return SettingsLoad(
            Settings(),
            tr(
                "The settings file could not be read; it was moved to {moved} and the defaults "
                "are used.",
                moved=moved,
            ),
            moved,
        )
    # Readable, with a value that is not valid: the others are kept, the file is left as it is
    # (the next save writes what is used), and the person learns which.
    return SettingsLoad(settings, _values_not_used(problems), None)


def _values_not_used(problems: list[str]) -> str | None:
    """What is said of values of a readable file that could not be used (None: there is none)."""
    if not problems:
        return None
    return tr(
        "The settings file has a value that cannot be used, so its default is used instead. "
        "{problems}",
        problems=" ".join(problems),
    )


def settings_as_they_are(paths: AppPaths) -> tuple[Settings, str | None]:
    """The saved settings for a command that only looks, and what is wrong with them (None:
    nothing): `read_settings`'s, except that a file that cannot be used (damaged, a newer
    Consentinel's) is left where it is, the defaults used and that said. The app, or a command
    that changes something, sets it aside when it next reads it."""
    path = paths.settings_path
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), None
    try:
        parsed = _parsed(text)
    except (ValueError, TypeError):
        return Settings(), tr(
            "The settings file {path} could not be read, so the defaults are used; it was left "
            "as it is (the app, or a command that changes something, sets it aside when it "
            "next opens it).",
            path=path,
        )
    if parsed is None:
        return Settings(), tr(
            "The settings file {path} was written by a newer Consentinel, so the defaults are "
            "used; it was left as it is (the app, or a command that changes something, sets it "
            "aside when it next opens it).",
            path=path,
        )
    settings, problems = parsed
    return settings, _values_not_used(problems)


def peek_settings(paths: AppPaths) -> Settings:
    """The saved settings as they are, never moving a file: for a run that cannot use its
    folders (a read-only or full disk), which still needs the language and whether to notify.
    The defaults when the file cannot be read or used."""
    try:
        raw = json.loads(paths.settings_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    return Settings.keeping_what_is_valid(raw)[0]


def settings_in_file(paths: AppPaths) -> Settings | None:
    """The settings the file holds now, never moving it: the defaults when there is none;
    None when it cannot be read or used (not JSON, from a newer Consentinel)."""
    try:
        parsed = _parsed(paths.settings_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError, TypeError):
        return None
    return parsed[0] if parsed is not None else None


def save_settings(paths: AppPaths, settings: Settings) -> None:
    """Validate, then write settings.json atomically (0600)."""
    settings.validate()
    make_private_dirs(paths.config_dir)
    atomic_write_text(paths.settings_path, json.dumps(settings.to_json(), indent=2) + "\n")
