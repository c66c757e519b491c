"""The main window opens as wide as its table's columns need, within the screen: in French the
words are longer, and at the width that suits English the last column was cut and the table
scrolled sideways. A fresh process on a 1600-pixel offscreen screen (the tests' own is 800)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from consentinel.core.accounts import Account, AccountStore
from consentinel.core.events import AccountResult, BoxChange
from consentinel.core.journal import Journal
from consentinel.core.paths import AppPaths
from consentinel.core.status import Box, Status

ROOT = Path(__file__).resolve().parents[2]
ENGLISH_WIDTH = 980  # the window's width before it looks at its table
ENGLISH_HEIGHT = 560  # and its height before it looks at its rows
SCREEN_HEIGHT = 900  # the offscreen screen's (_shown_on_a_wide_screen)


def _home_with_hidden_boxes(home: Path) -> None:
    """Accounts whose memory box X holds on but does not show ("non affichée, cochée chez X",
    the widest words a box cell says), checked just now."""
    paths = AppPaths(home).ensure()
    store = AccountStore(paths)
    journal = Journal.open(paths.journal_path)
    try:
        run = journal.start_run("gui")
        for handle in ("camille_fr", "tom2fa", "mail_mia"):
            store.add(Account(handle))
            off = BoxChange(True, False)
            changes = {Box.TRAINING: off, Box.PERSONALIZATION: off}
            journal.record_check(
                run,
                AccountResult(handle, Status.FIXED, settings=changes, hidden_on=(Box.MEMORY,)),
            )
            store.record_check(handle, Status.FIXED, at=datetime.now(timezone.utc))
        journal.finish_run(run)
    finally:
        journal.close()


def _shown_on_a_wide_screen(
    tmp_path: Path, home: Path, lang: str, **extra_env: str
) -> dict[str, object]:
    """The probe's report, in a fresh process on a 1600-pixel offscreen screen."""
    screens = tmp_path / "screens.json"
    screens.write_text(json.dumps({"screens": [
        {"name": "wide", "x": 0, "y": 0, "width": 1600, "height": SCREEN_HEIGHT,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    ]}))  # fmt: skip
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screens}",
        "CONSENTINEL_HOME": str(home),
        "CONSENTINEL_LANG": lang,
        "PYTHONPATH": os.pathsep.join((str(ROOT / "desktop"), str(ROOT))),
        **extra_env,
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui._table_fit_probe"],
        env=env, capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, done.stderr[-2000:]
    shown: dict[str, object] = {}
    for line in lines:
        shown.update(json.loads(line))
    return shown


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_window_opens_as_wide_as_its_columns_need(lang: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    _home_with_hidden_boxes(home)
    shown = _shown_on_a_wide_screen(tmp_path, home, lang)
    assert not shown["scrolls_sideways"], shown
    assert shown["table"] >= shown["columns"], shown
    if lang == "en":  # English fits the first width: the window does not grow for nothing
        assert shown["window"] == ENGLISH_WIDTH, shown
    else:
        assert shown["window"] > ENGLISH_WIDTH, shown


def test_the_window_widens_when_a_check_brings_longer_words(tmp_path: Path) -> None:
    """In French, accounts never checked fit the first width; a check whose results are the
    widest words ("non affichée, cochée chez X") must not leave the last column cut."""
    home = tmp_path / "home"
    paths = AppPaths(home).ensure()
    store = AccountStore(paths)
    for handle in ("camille_fr", "tom2fa", "mail_mia"):
        store.add(Account(handle))
    shown = _shown_on_a_wide_screen(tmp_path, home, "fr", PROBE_A_CHECK="1")
    assert not shown["scrolls_sideways"], shown
    assert shown["table"] >= shown["columns"], shown
    assert shown["window"] > ENGLISH_WIDTH, shown


def test_the_window_widens_as_a_check_brings_longer_words_not_at_its_end(tmp_path: Path) -> None:
    """During a check, « En attente de connexion… » and « Cochée chez X, non affichée » came
    while the window kept its width: the table scrolled sideways and its last column read
    « Dans 24 l… » until the check ended. It widens as they come; narrowed by the person
    meanwhile, it is not widened again for words it already showed."""
    home = tmp_path / "home"
    paths = AppPaths(home).ensure()
    store = AccountStore(paths)
    for handle in ("camille_fr", "tom2fa", "mail_mia"):
        store.add(Account(handle))
    shown = _shown_on_a_wide_screen(tmp_path, home, "fr", PROBE_DURING_A_CHECK="1")
    widened = shown["widened"]
    assert isinstance(widened, int) and widened > ENGLISH_WIDTH, shown
    columns, table = shown["columns_when_widened"], shown["table_when_widened"]
    assert isinstance(columns, int) and isinstance(table, int) and table >= columns, shown
    assert shown["after_narrowing"] == widened - 60, shown


def _home_with_accounts(home: Path, count: int) -> None:
    store = AccountStore(AppPaths(home).ensure())
    for n in range(count):
        store.add(Account(f"agency_{n:02}"))


@pytest.mark.parametrize("count", [30, 16, 3])
def test_the_window_opens_as_tall_as_its_rows_need_within_most_of_the_screen(
    count: int, tmp_path: Path
) -> None:
    """Thirty accounts opened in a 980×560 window that showed twelve. At its first start (no
    size kept), it grows to show them all, up to three quarters of the screen's height (900
    here); a few keep the usual height."""
    home = tmp_path / "home"
    _home_with_accounts(home, count)
    shown = _shown_on_a_wide_screen(tmp_path, home, "en", PROBE_ROWS="1")
    assert shown["rows"] == count, shown
    height, cap = shown["frame_height"], 0.75 * SCREEN_HEIGHT
    assert height <= cap, shown
    if count == 3:
        assert shown["height"] == ENGLISH_HEIGHT and not shown["scrolls_down"], shown
    elif count == 16:
        assert shown["height"] > ENGLISH_HEIGHT and not shown["scrolls_down"], shown
    else:  # as tall as it may be, the rest scrolled to
        assert height >= cap - 1 and shown["scrolls_down"], shown
