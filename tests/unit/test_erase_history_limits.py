"""What erasing an account's history cannot hide, and where it refuses: every verdict (verify,
the JSON export, check-export, a bundle's README) lists the erasures it accepted, so an entry
blanked "as an erasure does" is never passed off as plainly intact; an erasure of a kind no
account has fails; an account the list lost, or a check running, is refused; the write-ahead
log read by another process is emptied later; the log files and pending marks forget it."""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from consentinel.core import journal_erasure
from consentinel.core.accounts import Account, AccountStore
from consentinel.core.history_eraser import remove_log_lines
from consentinel.core.journal import Journal
from consentinel.core.journal_entries import EntryKind
from consentinel.core.lock import RunLock
from consentinel.core.paths import AppPaths
from consentinel.core.pending_unticks import FOLDER_NAME as PENDING_FOLDER
from consentinel.core.status import ALL_BOXES
from tests.unit.test_erase_history import GONE, STAYS, _files_naming, _journal
from tests.unit.test_erase_history import _consentinel as _in_english

CHECK_RUNNING = "A check is running: wait for it to end (or cancel it), then try again."


def _consentinel(home: Path, *args: str, env_lang: str = "en") -> subprocess.CompletedProcess[str]:
    if env_lang == "en":
        return _in_english(home, *args)
    env = dict(os.environ, CONSENTINEL_HOME=str(home), CONSENTINEL_LANG=env_lang)
    return subprocess.run(
        [sys.executable, "-m", "consentinel", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def _blank_one_change(paths: AppPaths) -> int:
    """What someone with the file does: @bob's `change` entry emptied and one erasure entry
    appended, as Consentinel's erasure writes them (bob still listed). The erasure's id."""
    with Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir) as journal:
        victim = next(
            e for e in journal.entries() if e.kind is EntryKind.CHANGE and e.handle == STAYS
        )
        with journal._lock, journal._write():
            return journal_erasure._erase_rows(journal, [(victim.id, "change", "{}")], 0)


def test_every_verdict_lists_the_erasures_it_accepted(
    consentinel_home: Path, tmp_path: Path
) -> None:
    paths, _kept = _journal(consentinel_home)
    by = _blank_one_change(paths)
    said = f"1 entry was emptied by an erasure of an account's history (entry {by}, "

    verified = _consentinel(consentinel_home, "log", "--verify")
    assert verified.returncode == 0, verified
    assert "The journal is intact" in verified.stdout
    assert said in verified.stdout, verified.stdout
    assert "no longer for what it held" in verified.stdout

    exported = tmp_path / "export.json"
    assert _consentinel(consentinel_home, "log", "--json", "-o", str(exported)).returncode == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["verified"] is True
    assert [(e["entry"], e["entries"]) for e in document["erasures"]] == [(by, 1)]
    checked = _consentinel(consentinel_home, "log", "--check-export", str(exported))
    assert checked.returncode == 0, checked
    assert said in checked.stdout, checked.stdout

    bundle = tmp_path / "bundle.zip"
    assert _consentinel(consentinel_home, "log", "--bundle", str(bundle)).returncode == 0
    with zipfile.ZipFile(bundle) as opened:
        readme = next(opened.read(n) for n in opened.namelist() if n.endswith("README.txt"))
    assert said.encode() in readme

    french = _consentinel(consentinel_home, "log", "--verify", env_lang="fr")
    assert "1 entrée a été vidée par un effacement" in french.stdout, french.stdout


@pytest.mark.parametrize("kind", ["settings_changed", "history_erased", "journal_restarted"])
def test_an_erasure_of_a_kind_no_account_has_fails(consentinel_home: Path, kind: str) -> None:
    paths, _kept = _journal(consentinel_home)
    with Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir) as journal:
        journal.record_settings_changed({"schedule": "off"})
        target = journal.entries()[-1]
        with journal._lock, journal._write():
            journal_erasure._erase_rows(journal, [(target.id, kind, "{}")], 0)
        verdict = journal.verify()
    assert not verdict.ok
    assert f"entry {target.id} was edited." in verdict.problems


def test_an_entry_listed_by_two_erasures_fails(consentinel_home: Path) -> None:
    paths, _kept = _journal(consentinel_home)
    with Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir) as journal:
        change = next(e for e in journal.entries() if e.kind is EntryKind.CHANGE)
        with journal._lock, journal._write():
            journal_erasure._erase_rows(journal, [(change.id, "change", "{}")], 0)
        with journal._lock, journal._write():  # listed again, its hash as stored
            journal_erasure._erase_rows(journal, [(change.id, "change", "{}")], 0)
        verdict = journal.verify()
    assert not verdict.ok
    assert any("says it erased an account's history" in p for p in verdict.problems), verdict


def test_an_account_the_list_lost_is_not_erased(consentinel_home: Path) -> None:
    paths, _kept = _journal(consentinel_home)
    with Journal.open(paths.journal_path) as journal:
        journal.append_account_added("carol", keep=[])
    before = _files_naming(consentinel_home, "carol")
    refused = _consentinel(consentinel_home, "account", "erase-history", "carol", "--yes")
    assert refused.returncode != 0
    assert "consentinel account restore" in refused.stderr, refused
    assert "consentinel account remove carol --erase-history" in refused.stderr
    assert _files_naming(consentinel_home, "carol") == before
    french = _consentinel(
        consentinel_home, "account", "erase-history", "carol", "--yes", env_lang="fr"
    )
    assert "un compte que la liste a perdu" in french.stderr, french


def test_no_erasure_while_a_check_runs(consentinel_home: Path) -> None:
    paths, _kept = _journal(consentinel_home)
    lock = RunLock(paths.lock_path)
    assert lock.acquire(wait=False)
    try:
        refused = _consentinel(consentinel_home, "account", "erase-history", GONE, "--yes")
        assert refused.returncode != 0 and CHECK_RUNNING in refused.stderr, refused
        assert _files_naming(consentinel_home, GONE)
        removing = _consentinel(
            consentinel_home, "account", "remove", STAYS, "--erase-history", "--yes"
        )
        assert removing.returncode != 0 and CHECK_RUNNING in removing.stderr, removing
        assert AccountStore(paths).get(STAYS) is not None  # nothing removed
        french = _consentinel(
            consentinel_home, "account", "erase-history", GONE, "--yes", env_lang="fr"
        )
        assert "Une vérification est en cours" in french.stderr, french
    finally:
        lock.release()
    done = _consentinel(consentinel_home, "account", "erase-history", GONE, "--yes")
    assert done.returncode == 0, done


def _bytes_naming(paths: AppPaths, word: str) -> dict[str, int]:
    found = {}
    for file in paths.journal_path.parent.glob(paths.journal_path.name + "*"):
        data = file.read_bytes().lower()
        found[file.name] = data.count(word.lower().encode())
    return found


def _long_history(paths: AppPaths) -> None:
    paths.ensure()
    with Journal.open(paths.journal_path) as journal:
        journal.append_account_added(GONE, keep=[])
        journal.append_account_added(STAYS, keep=[])
        for _ in range(50):
            run = journal.start_run("manual")
            for handle in (GONE, STAYS):
                journal.record_change(run, handle, ALL_BOXES[0], True, False, True)
            journal.finish_run(run)
        journal.append_account_removed(GONE)
    AccountStore(paths).add(Account(STAYS))


def test_the_write_ahead_log_read_meanwhile_is_emptied_later(consentinel_home: Path) -> None:
    paths = AppPaths.under(consentinel_home)
    _long_history(paths)
    # The window (another process) reads the journal while the command erases.
    window = sqlite3.connect(paths.journal_path, isolation_level=None)
    window.execute("BEGIN")
    window.execute("SELECT count(*) FROM entries").fetchone()
    done = _consentinel(consentinel_home, "account", "erase-history", GONE, "--yes")
    assert done.returncode == 0, done
    assert "write-ahead file until that read ends; Consentinel empties it then" in done.stderr
    window.execute("COMMIT")
    # The window's read ended, the window still open: the next write anywhere empties it.
    with Journal.open(paths.journal_path) as journal:
        journal.append_account_added("carol", keep=[])
        assert sum(_bytes_naming(paths, GONE).values()) == 0, _bytes_naming(paths, GONE)
        assert not journal.erased_bytes_pending
    window.close()
    assert sum(_bytes_naming(paths, GONE).values()) == 0


def test_the_log_files_and_pending_marks_forget_it(consentinel_home: Path) -> None:
    paths, _kept = _journal(consentinel_home)
    paths.logs_dir.mkdir(parents=True, exist_ok=True)
    current, older = paths.logs_dir / "consentinel.log", paths.logs_dir / "consentinel.log.1"
    current.write_text(
        f"12:00 INFO checking @{GONE}\n12:01 INFO checking @{STAYS}\n"
        f"12:02 INFO kept run3-{GONE.lower()}-training.png\n",
        encoding="utf-8",
    )
    older.write_text(f"11:00 INFO @{GONE.upper()} signed in\n11:01 INFO done\n", encoding="utf-8")
    for log_file in (current, older):  # (as the app makes them: core/logging's own handler)
        log_file.chmod(0o600)
    pending = paths.data_dir / PENDING_FOLDER
    pending.mkdir(parents=True, exist_ok=True)
    (pending / f"run3-{GONE.lower()}-training.json").write_text("{}", encoding="utf-8")
    (pending / f"run3-{STAYS}-training.json").write_text("{}", encoding="utf-8")

    done = _consentinel(consentinel_home, "account", "erase-history", GONE, "--yes")
    assert done.returncode == 0, done
    assert "log files were removed too" in done.stdout
    assert current.read_text(encoding="utf-8") == f"12:01 INFO checking @{STAYS}\n"
    assert older.read_text(encoding="utf-8") == "11:01 INFO done\n"
    if os.name == "posix":
        assert stat.S_IMODE(current.stat().st_mode) == 0o600
    assert sorted(p.name for p in pending.iterdir()) == [f"run3-{STAYS}-training.json"]
    assert _files_naming(consentinel_home, GONE) == []
    assert re.search(STAYS, current.read_text(encoding="utf-8"))


def test_a_handle_that_is_a_word_of_every_line_takes_only_its_own_lines(tmp_path: Path) -> None:
    """The log names an account `@handle` (and its files run<N>-handle-…): a handle that is
    also a word of the log's lines ("check", "INFO", "consentinel", a logger's name) takes out
    its own lines, never the others'."""
    lines = [
        "2026-12-06 12:00:00 INFO consentinel.core.account_check: check of @alice: fixed\n",
        "2026-12-06 12:00:01 INFO consentinel.core.account_check: check of @check: fixed\n",
        "2026-12-06 12:00:02 WARNING consentinel.x.signin: @bob: X asked for a code\n",
        "2026-12-06 12:00:03 INFO consentinel.core.evidence: kept run4-info-training.png\n",
    ]
    log_file = tmp_path / "consentinel.log"
    log_file.write_text("".join(lines), encoding="utf-8")
    assert remove_log_lines(tmp_path, "check") == ()
    assert remove_log_lines(tmp_path, "consentinel") == ()
    assert log_file.read_text(encoding="utf-8") == "".join(lines[i] for i in (0, 2, 3))
    assert remove_log_lines(tmp_path, "INFO") == ()
    assert log_file.read_text(encoding="utf-8") == "".join(lines[i] for i in (0, 2))


def test_a_handler_open_on_the_log_goes_on_writing_to_it(tmp_path: Path) -> None:
    """Another process's (or this one's) handler appends to the file it opened: the file is
    rewritten in place, so what it writes after the erasure is in the log, not in a file
    that is no longer there."""
    log_file = tmp_path / "consentinel.log"
    window = logging.FileHandler(log_file, mode="a", encoding="utf-8")  # the window's, open
    window.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("test_erase_history_limits.window")
    logger.propagate = False
    logger.addHandler(window)
    logger.setLevel(logging.INFO)
    try:
        logger.info("check of @gone: fixed")
        logger.info("check of @stays: fixed")
        assert remove_log_lines(tmp_path, "gone") == ()
        logger.info("check of @stays: fixed again")
    finally:
        logger.removeHandler(window)
        window.close()
    assert log_file.read_text(encoding="utf-8") == (
        "check of @stays: fixed\ncheck of @stays: fixed again\n"
    )
