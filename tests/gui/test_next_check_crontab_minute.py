"""Without systemd, the job that checks while Consentinel is closed is the crontab line, which
cron runs at its own minute past every hour (37 here): it checks for the daily noon at 12:37,
its first run after it (core/catch_up.py). The window's "Next automatic check" and each row's
"Next check" say 12:37, not noon, at which cron does not run it, in English and French. The
window reads the line (`crontab -l`, a small script on PATH) in a thread once its first frame
is painted. The local zone is one where it is 11:20 (a fixed offset from UTC): noon and 12:37
are not crossed while the test runs, whenever it runs."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from consentinel.core.accounts import Account
from consentinel.core.catch_up import mark_served, stamp_path
from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult
from consentinel.core.journal import Journal
from consentinel.core.osjobs import systemd
from consentinel.core.osjobs.job import check_command
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings
from consentinel.core.status import Status
from consentinel.core.vault import MemoryKeyring, Vault
from consentinel.gui.app_controller import AppController
from tests.fixtures.fake_crontab import fake_crontab
from tests.gui._app_support import running_app


def _zone_where_it_is(monkeypatch: pytest.MonkeyPatch, hour: int, minute: int) -> datetime:
    """This process's local zone is one where it is hour:minute now (a fixed offset from UTC;
    the caller puts it back). When it is, aware."""
    now = datetime.now(timezone.utc)
    ahead = (hour * 60 + minute - (now.hour * 60 + now.minute)) % (24 * 60)  # minutes ahead
    ahead -= 24 * 60 if ahead > 12 * 60 else 0
    sign = "-" if ahead >= 0 else "+"  # (POSIX TZ counts west of UTC: "-" is ahead of it)
    monkeypatch.setenv("TZ", f"XYZ{sign}{abs(ahead) // 60}:{abs(ahead) % 60:02d}")
    time.tzset()
    local = now.astimezone()
    assert (local.hour, local.minute) == (hour, minute), local
    return local


@pytest.fixture
def twenty_past_eleven(monkeypatch: pytest.MonkeyPatch) -> Iterator[datetime]:
    """This process's local zone is one where it is 11:20 now; put back after. When it is,
    aware."""
    yield _zone_where_it_is(monkeypatch, 11, 20)
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def ten_past_noon(monkeypatch: pytest.MonkeyPatch) -> Iterator[datetime]:
    """As `twenty_past_eleven`, where it is 12:10: noon is past, the line's 12:37 to come."""
    yield _zone_where_it_is(monkeypatch, 12, 10)
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def crontab_at_37(
    tmp_path: Path, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """No systemd here, and a `crontab` program on PATH listing this data folder's hourly line
    as the person added it, cron running it at 37 past every hour (each listing noted in
    "crontab-calls"). Returns the file listed."""
    monkeypatch.setattr(systemd, "SYSTEMD_RUN_DIR", tmp_path / "no-systemd")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    line = systemd.crontab_line("daily", check_command(os.environ))
    listed = tmp_path / "crontab.txt"
    listed.write_text("MAILTO=ada\n37 " + line.split(None, 1)[1] + "\n")
    fake_crontab(tmp_path / "bin", listed, monkeypatch, calls=tmp_path / "crontab-calls")
    yield listed


def _checked_last_night(home: Path, now: datetime, vault: Vault | None = None) -> AppContext:
    """Daily checks, kept while closed; one account, checked at 22:00 yesterday: the app's own
    next check is tonight, and the line's run after noon today comes first (more than half a
    day after the last check: it checks, not skips as "checked lately")."""
    settings = Settings(schedule="daily", run_when_closed=True, check_on_start=False)
    paths = AppPaths.under(home)
    ctx = AppContext.create(paths, vault=vault or Vault(MemoryKeyring()), settings=settings)
    ctx.save_settings()  # (the line's runs, and `crontab -l`'s report, read the saved ones)
    ctx.accounts.add(Account("fay"))
    ctx.journal.close()
    last_night = (now - timedelta(days=1)).replace(hour=22, minute=0)
    journal = Journal.open(paths.journal_path, clock=lambda: last_night)
    run = journal.start_run("schedule")
    journal.record_check(run, AccountResult("fay", Status.OPTED_OUT))
    journal.finish_run(run)
    journal.close()
    ctx.journal = Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir)
    _noon_served_yesterday(paths, now)
    return ctx


def _noon_served_yesterday(paths: AppPaths, now: datetime) -> None:
    """The line's run at 12:37 yesterday served yesterday's noon (core/catch_up.py): unserved,
    its next run (11:37) would check for it."""
    mark_served(stamp_path(paths), (now - timedelta(days=1)).replace(hour=12, minute=37))


def _cells(app: AppController) -> list[str]:
    table = app.window.table
    return [table.item(0, column).text() for column in range(table.columnCount())]


@pytest.mark.parametrize(
    ("language", "label", "cell"),
    [
        ("en", "Next automatic check: in 1 hour", "In 1 hour"),
        ("fr", "Prochaine vérification automatique\u00a0: dans 1 heure", "Dans 1 heure"),
    ],
)
def test_the_window_says_the_crontab_line_s_run_not_the_schedule_s_time(
    qtbot: QtBot,
    consentinel_home: Path,
    crontab_at_37: Path,
    twenty_past_eleven: datetime,
    language: str,
    label: str,
    cell: str,
) -> None:
    ctx = _checked_last_night(consentinel_home, twenty_past_eleven)
    at_37 = twenty_past_eleven.replace(hour=12, minute=37, second=0, microsecond=0)
    with running_app(qtbot, ctx, language=language) as app:
        # Read after the first frame, in a thread: the times follow once it answers.
        qtbot.waitUntil(lambda: app.auto.next_run_at() == at_37)
        assert app.auto.next_checks(["fay"]) == {"fay": at_37}
        qtbot.waitUntil(lambda: app.window.schedule_label.text() == label)
        assert cell in _cells(app), _cells(app)


def test_between_noon_and_the_line_s_run_the_window_says_that_run_not_tomorrow_s(
    qtbot: QtBot, consentinel_home: Path, crontab_at_37: Path, ten_past_noon: datetime
) -> None:
    """At 12:10 noon is past, but the line has not run for it yet: it checks at 12:37 today,
    as `schedule status` says, not tomorrow (nor tonight, the app's own time)."""
    ctx = _checked_last_night(consentinel_home, ten_past_noon)
    at_37 = ten_past_noon.replace(hour=12, minute=37, second=0, microsecond=0)
    with running_app(qtbot, ctx) as app:
        qtbot.waitUntil(lambda: app.auto.next_run_at() == at_37)
        assert app.auto.next_checks(["fay"]) == {"fay": at_37}
        # (26 minutes once 12:11 comes meanwhile.)
        said = ("Next automatic check: in 27 minutes", "Next automatic check: in 26 minutes")
        qtbot.waitUntil(lambda: app.window.schedule_label.text() in said)


def test_after_delete_all_my_data_the_window_says_the_crontab_line_s_run(
    qtbot: QtBot,
    consentinel_home: Path,
    crontab_at_37: Path,
    twenty_past_eleven: datetime,
    real_vault: Vault,
) -> None:
    """Checks kept only while open, and the line still in the crontab (the person was told to
    remove it): the erase finds it still there, so the settings say it checks while closed,
    and the window reads its minute then, not at its next start. An account added again, and
    checked last night by the line (written here), is next checked at 12:37."""
    from PySide6.QtWidgets import QApplication

    from consentinel.gui.confirmation import Confirmation
    from consentinel.gui.other_windows import open_settings
    from consentinel.gui.settings_dialog import SettingsDialog

    # (A real keyring: an in-memory one is the demo's, which never touches the OS jobs.)
    ctx = _checked_last_night(consentinel_home, twenty_past_eleven, real_vault)
    ctx.settings.run_when_closed = False
    ctx.save_settings()
    at_37 = twenty_past_eleven.replace(hour=12, minute=37, second=0, microsecond=0)
    deleted: list[bool] = []
    ticked: list[bool] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, Confirmation)
        box.act_button.click()

    def delete_all() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        try:
            QTimer.singleShot(0, answer)
            deleted.append(dialog.delete_all_data())
            ticked.append(dialog.run_when_closed.isChecked())
        finally:
            dialog.reject()

    with running_app(qtbot, ctx) as app:
        assert app.auto.next_run_at() != at_37  # (the app's own time: nothing while closed)
        QTimer.singleShot(0, delete_all)
        open_settings(app.window)
        assert (deleted, ticked) == ([True], [True])
        assert ctx.settings.run_when_closed
        ctx.accounts.add(Account("fay"))
        last_night = (twenty_past_eleven - timedelta(days=1)).replace(hour=22, minute=0)
        journal = Journal.open(ctx.paths.journal_path, clock=lambda: last_night)
        run = journal.start_run("schedule")
        journal.record_check(run, AccountResult("fay", Status.OPTED_OUT))
        journal.finish_run(run)
        journal.close()
        _noon_served_yesterday(ctx.paths, twenty_past_eleven)
        qtbot.waitUntil(lambda: app.auto.next_run_at() == at_37)
        app.window.refresh()  # (as the account's adding in the window does)
        # Not "(while Consentinel is open)": the line checks while it is closed.
        assert app.window.schedule_label.text() == "Next automatic check: in 1 hour"


def test_after_an_erase_that_fails_partway_the_window_says_the_crontab_line_s_run(
    qtbot: QtBot,
    consentinel_home: Path,
    crontab_at_37: Path,
    twenty_past_eleven: datetime,
    real_vault: Vault,
) -> None:
    """As after a whole erase: the jobs went, and the settings saying the line left checks
    while closed were saved, before a file could not go (the catch-up's mark, a folder here).
    The window reads the line's minute then, not at its next start."""
    from PySide6.QtWidgets import QApplication

    from consentinel.gui.confirmation import Confirmation
    from consentinel.gui.other_windows import open_settings
    from consentinel.gui.settings_dialog import SettingsDialog

    ctx = _checked_last_night(consentinel_home, twenty_past_eleven, real_vault)
    ctx.settings.run_when_closed = False
    ctx.save_settings()
    stamp = stamp_path(ctx.paths)
    stamp.unlink()
    stamp.mkdir()  # (unlink() fails on a folder, even for root)
    at_37 = twenty_past_eleven.replace(hour=12, minute=37, second=0, microsecond=0)
    deleted: list[bool] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, Confirmation)
        box.act_button.click()

    def delete_all() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        try:
            QTimer.singleShot(0, answer)
            deleted.append(dialog.delete_all_data())
        finally:
            dialog.reject()

    with running_app(qtbot, ctx) as app:
        QTimer.singleShot(0, delete_all)
        open_settings(app.window)
        assert deleted == [False]
        assert ctx.settings.run_when_closed
        # The account added again, checked last night; yesterday's noon served by the line.
        ctx.accounts.add(Account("fay"))
        last_night = (twenty_past_eleven - timedelta(days=1)).replace(hour=22, minute=0)
        journal = Journal.open(ctx.paths.journal_path, clock=lambda: last_night)
        run = journal.start_run("schedule")
        journal.record_check(run, AccountResult("fay", Status.OPTED_OUT))
        journal.finish_run(run)
        journal.close()
        stamp.rmdir()
        _noon_served_yesterday(ctx.paths, twenty_past_eleven)
        qtbot.waitUntil(lambda: app.auto.next_run_at() == at_37)


def _a_minute_later(app: AppController) -> None:
    """The window's monotonic clock a minute on (LINE_LOOK_WHEN_BACK_EVERY_S), for the read
    as the window comes back (AutoChecks.read_os_job_when_back)."""
    from consentinel.gui.auto_checks import LINE_LOOK_WHEN_BACK_EVERY_S

    moved = app.auto._monotonic() + LINE_LOOK_WHEN_BACK_EVERY_S
    app.auto._monotonic = lambda: moved


def _added_after_start(
    qtbot: QtBot,
    listed: Path,
    home: Path,
    now: datetime,
    look_again: Callable[[AppController], None],
) -> None:
    """ "Keep checking when closed" ticked, the line not in the crontab yet when the window
    reads it (after its first frame); the person then adds it (`crontab -e`, as the Save told
    them): `look_again` has the window read it again, and it says the line's 12:37."""
    with_line = listed.read_text()
    listed.write_text("MAILTO=ada\n")
    calls = listed.with_name("crontab-calls")
    ctx = _checked_last_night(home, now)
    at_37 = now.replace(hour=12, minute=37, second=0, microsecond=0)
    with running_app(qtbot, ctx) as app:
        qtbot.waitUntil(calls.exists)  # (read, no line found)
        qtbot.waitUntil(lambda: not app.auto._crontab_minute._reading)
        assert app.auto.next_run_at() != at_37
        listed.write_text(with_line)
        reads = len(calls.read_text().splitlines())
        look_again(app)
        qtbot.waitUntil(lambda: app.auto.next_run_at() == at_37)
        assert len(calls.read_text().splitlines()) == reads + 1  # (once, not at every tick)


def test_a_line_added_after_start_is_read_when_the_person_comes_back_to_the_window(
    qtbot: QtBot, consentinel_home: Path, crontab_at_37: Path, twenty_past_eleven: datetime
) -> None:
    _added_after_start(qtbot, crontab_at_37, consentinel_home, twenty_past_eleven, _comes_back)


def test_a_line_added_after_start_is_read_within_a_few_ticks(
    qtbot: QtBot, consentinel_home: Path, crontab_at_37: Path, twenty_past_eleven: datetime
) -> None:
    _added_after_start(
        qtbot, crontab_at_37, consentinel_home, twenty_past_eleven, _ticks_to_a_line_look
    )


def _comes_back(app: AppController) -> None:
    """The window active again (from the terminal, the tray), a minute on: sooner, the line
    read at the first frame is not read again."""
    _a_minute_later(app)
    app.window.came_back.emit()


def _ticks_to_a_line_look(app: AppController) -> None:
    """As many schedule ticks as bring a look at the crontab line."""
    from consentinel.gui.auto_checks import LINE_LOOK_EVERY_TICKS

    for _ in range(LINE_LOOK_EVERY_TICKS):
        app.auto.tick()


def _removed_after_start(
    qtbot: QtBot,
    listed: Path,
    home: Path,
    now: datetime,
    look_again: Callable[[AppController], None],
) -> None:
    """The line there when the window reads it (after its first frame): 12:37 is said. The
    person then removes it (`crontab -e`): `look_again` has the window read it again, and it
    no longer says 12:37, a run cron will never make (it did until a restart)."""
    calls = listed.with_name("crontab-calls")
    ctx = _checked_last_night(home, now)
    at_37 = now.replace(hour=12, minute=37, second=0, microsecond=0)
    with running_app(qtbot, ctx) as app:
        qtbot.waitUntil(lambda: app.auto.next_run_at() == at_37)
        qtbot.waitUntil(
            lambda: app.window.schedule_label.text() == "Next automatic check: in 1 hour"
        )
        qtbot.waitUntil(lambda: not app.auto._crontab_minute._reading)
        listed.write_text("MAILTO=ada\n")
        reads = len(calls.read_text().splitlines())
        look_again(app)
        qtbot.waitUntil(lambda: app.auto.next_run_at() != at_37)
        assert app.auto.next_checks(["fay"]) != {"fay": at_37}
        qtbot.waitUntil(
            lambda: app.window.schedule_label.text() != "Next automatic check: in 1 hour"
        )
        assert len(calls.read_text().splitlines()) == reads + 1  # (once, not at every tick)


def test_a_line_removed_after_start_is_read_when_the_person_comes_back_to_the_window(
    qtbot: QtBot, consentinel_home: Path, crontab_at_37: Path, twenty_past_eleven: datetime
) -> None:
    _removed_after_start(qtbot, crontab_at_37, consentinel_home, twenty_past_eleven, _comes_back)


def test_a_line_removed_after_start_is_read_within_a_few_ticks(
    qtbot: QtBot, consentinel_home: Path, crontab_at_37: Path, twenty_past_eleven: datetime
) -> None:
    _removed_after_start(
        qtbot, crontab_at_37, consentinel_home, twenty_past_eleven, _ticks_to_a_line_look
    )


def test_the_window_coming_back_reads_the_line_at_most_once_a_minute(
    qtbot: QtBot, consentinel_home: Path, crontab_at_37: Path, twenty_past_eleven: datetime
) -> None:
    """Each dialog closed, each alt-tab brings the window back: the line (`crontab -l`, another
    program) is read again then only if its last read is a minute old (it was read every
    time)."""
    calls = crontab_at_37.with_name("crontab-calls")
    ctx = _checked_last_night(consentinel_home, twenty_past_eleven)
    at_37 = twenty_past_eleven.replace(hour=12, minute=37, second=0, microsecond=0)
    with running_app(qtbot, ctx) as app:
        qtbot.waitUntil(lambda: app.auto.next_run_at() == at_37)
        qtbot.waitUntil(lambda: not app.auto._crontab_minute._reading)
        reads = len(calls.read_text().splitlines())
        for _ in range(3):
            app.window.came_back.emit()
            assert not app.auto._crontab_minute._reading  # (no read started)
        _a_minute_later(app)
        app.window.came_back.emit()
        qtbot.waitUntil(lambda: len(calls.read_text().splitlines()) == reads + 1)
        app.window.came_back.emit()  # (just read: not again)
        qtbot.waitUntil(lambda: not app.auto._crontab_minute._reading)
        assert len(calls.read_text().splitlines()) == reads + 1
        assert app.auto.next_run_at() == at_37


def test_a_crontab_that_cannot_be_read_leaves_the_line_s_minute_known(
    qtbot: QtBot, consentinel_home: Path, crontab_at_37: Path, twenty_past_eleven: datetime
) -> None:
    """`crontab -l` failing (its own error, not "no crontab") says nothing of the line: the
    window still says the line's 12:37 (it said the schedule's own time until a read worked)."""
    from consentinel.gui.auto_checks import LINE_LOOK_EVERY_TICKS

    calls = crontab_at_37.with_name("crontab-calls")
    ctx = _checked_last_night(consentinel_home, twenty_past_eleven)
    at_37 = twenty_past_eleven.replace(hour=12, minute=37, second=0, microsecond=0)
    with running_app(qtbot, ctx) as app:
        qtbot.waitUntil(lambda: app.auto.next_run_at() == at_37)
        qtbot.waitUntil(lambda: not app.auto._crontab_minute._reading)
        reads = len(calls.read_text().splitlines())
        crontab_at_37.unlink()  # (the fake program's `cat` fails: exit 1, its own words)
        for _ in range(LINE_LOOK_EVERY_TICKS):
            app.auto.tick()
        qtbot.waitUntil(lambda: len(calls.read_text().splitlines()) == reads + 1)
        qtbot.waitUntil(lambda: not app.auto._crontab_minute._reading)
        assert app.auto.next_run_at() == at_37
        assert app.window.schedule_label.text() == "Next automatic check: in 1 hour"


def test_a_refresh_of_the_window_reads_the_line_s_served_mark_once(
    qtbot: QtBot,
    consentinel_home: Path,
    crontab_at_37: Path,
    twenty_past_eleven: datetime,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The mark the line's runs write (core/catch_up.py) is read once for "Next automatic
    check" and the rows' "Next check" alike, not once for each (and once more within): the
    window refreshes every minute. What it says is as before."""
    from consentinel.core import catch_up

    ctx = _checked_last_night(consentinel_home, twenty_past_eleven)
    at_37 = twenty_past_eleven.replace(hour=12, minute=37, second=0, microsecond=0)
    reads: list[Path] = []
    read_served = catch_up.read_served

    def counted(path: Path) -> datetime | None:
        reads.append(path)
        return read_served(path)

    monkeypatch.setattr(catch_up, "read_served", counted)
    with running_app(qtbot, ctx) as app:
        qtbot.waitUntil(lambda: app.auto.next_run_at() == at_37)
        reads.clear()
        app.window.refresh()
        assert reads == [stamp_path(ctx.paths)]
        assert app.window.schedule_label.text() == "Next automatic check: in 1 hour"
        assert "In 1 hour" in _cells(app), _cells(app)
