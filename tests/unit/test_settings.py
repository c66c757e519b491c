"""Settings: defaults, validation, settings.json."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import pytest

from consentinel.core.french_typography import typeset
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings, XOriginError, load_settings, save_settings


def test_defaults_when_there_is_no_file(consentinel_home: Path) -> None:
    settings, warning = load_settings(AppPaths.from_env())
    assert warning is None
    assert settings == Settings()
    assert (settings.schedule, settings.concurrency, settings.backoff_hours) == ("daily", 3, 12)
    assert settings.check_on_start and settings.notifications and not settings.show_browser


def test_round_trip_and_private_file(consentinel_home: Path) -> None:
    paths = AppPaths.from_env().ensure()
    wanted = Settings(
        schedule="6h",
        concurrency=10,
        language="fr",
        backoff_hours=168,
        browser_path="/usr/bin/chromium",
        x_origin="http://127.0.0.1:8123",
    )
    save_settings(paths, wanted)
    assert load_settings(paths) == (wanted, None)
    assert stat.S_IMODE(paths.settings_path.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"schedule": "hourly"}, "schedule must be one of"),
        ({"concurrency": 0}, "between 1 and 10"),
        ({"concurrency": 11}, "between 1 and 10"),
        ({"concurrency": True}, "between 1 and 10"),
        ({"backoff_hours": 1000}, "between 1 and 168 hours"),
        ({"language": "de"}, "language must be one of"),
        ({"notifications": "yes"}, "true or false"),
        ({"x_origin": "x.com"}, "must look like https://x.com"),
        ({"browser_path": "  "}, "browser path"),
    ],
)
def test_absurd_values_are_refused_with_a_sentence(
    consentinel_home: Path, changes: dict, words: str
) -> None:
    paths = AppPaths.from_env().ensure()
    with pytest.raises(ValueError, match=words):
        save_settings(paths, Settings(**changes))
    assert not paths.settings_path.exists()
    # The same value found in the file (a hand edit): its default is used, and said, while
    # the file's other values are kept and the file stays where it is.
    others = {"schedule_paused": True, "schedule": "weekly"}
    kept = {k: v for k, v in others.items() if k not in changes}
    paths.settings_path.write_text(json.dumps({"version": 1, **kept, **changes}))
    settings, warning = load_settings(paths)
    assert settings == Settings(**kept)
    assert warning and warning.startswith("The settings file has a value that cannot be used")
    assert re.search(words, warning), warning
    assert paths.settings_path.exists()


def test_newer_and_corrupt_files_are_set_aside(consentinel_home: Path) -> None:
    paths = AppPaths.from_env().ensure()
    paths.settings_path.write_text(json.dumps({"version": 7, "schedule": "weekly"}))
    settings, warning = load_settings(paths)
    assert settings == Settings() and warning and "newer Consentinel" in warning
    assert not paths.settings_path.exists()
    paths.settings_path.write_text("[]")
    _, warning = load_settings(paths)
    assert warning and "could not be read" in warning
    aside = sorted(p.name for p in paths.config_dir.iterdir())
    assert len(aside) == 2 and all(n.startswith("settings.json.") for n in aside)


def test_x_origin_comes_from_setting_then_env_then_x(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONSENTINEL_X_ORIGIN", raising=False)
    assert Settings().effective_x_origin() == "https://x.com"
    monkeypatch.setenv("CONSENTINEL_X_ORIGIN", "http://127.0.0.1:9000/")
    assert Settings().effective_x_origin() == "http://127.0.0.1:9000"
    assert Settings(x_origin="http://[::1]:8123/").effective_x_origin() == "http://[::1]:8123"


@pytest.mark.parametrize("value", ["notaurl", "x.com", "ftp://x.com", "https://"])
def test_an_x_origin_variable_that_is_not_an_address_is_a_set_up_error_naming_it(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    """Said before any page is opened, not met as "cannot navigate" and taken for the network."""
    monkeypatch.setenv("CONSENTINEL_X_ORIGIN", value)
    with pytest.raises(XOriginError) as refused:
        Settings().effective_x_origin()
    assert str(refused.value) == (
        f"The variable CONSENTINEL_X_ORIGIN must be an address like https://x.com, not "
        f"'{value}': correct it, or unset it to use x.com."
    )
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    with pytest.raises(XOriginError) as in_french:
        Settings().effective_x_origin()
    assert str(in_french.value).startswith(
        typeset(f"La variable CONSENTINEL_X_ORIGIN doit être une adresse comme https://x.com, "
                f"pas « {value} » :")
    )  # fmt: skip
    # The setting comes first.
    assert Settings(x_origin="https://x.com").effective_x_origin() == "https://x.com"


def test_unknown_keys_are_ignored(consentinel_home: Path) -> None:
    paths = AppPaths.from_env().ensure()
    paths.settings_path.write_text(json.dumps({"version": 1, "future_thing": 1, "schedule": "off"}))
    assert load_settings(paths) == (Settings(schedule="off"), None)


def test_the_journal_names_changed_settings_as_a_person_knows_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from consentinel.core import i18n
    from consentinel.core.settings import setting_names

    changed = {"schedule": "weekly", "language": "fr", "a_future_setting": 1}
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    i18n.set_language(None)
    assert setting_names(changed) == "a_future_setting, language, how often to check"
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    i18n.set_language(None)
    assert setting_names(changed) == "a_future_setting, langue, fréquence des vérifications"
