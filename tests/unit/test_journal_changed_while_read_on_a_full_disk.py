"""A journal read as it is on a full disk (SQLite told the file cannot change, as it has no room
for its -shm file) that does change while a command reads it: space is freed and a check writes.
What was read is then of no moment of the journal; the command says so and concludes nothing (no
"does not verify" for an untouched journal). And the side files another process makes meanwhile
are its own: the failed open leaves them be. A real tmpfs, filled up in a private mount namespace
(tests/fixtures/private_mounts.py); the other process is a real one."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from tests.fixtures.private_mounts import run_on_a_tmpfs

# Runs inside the namespace: a journal of two entries on a disk then filled to the last byte;
# `write()` frees the space and has another process append an entry (and end: the journal
# checkpointed, its -wal gone), as a scheduled check does.
_SETUP = """
import json, os, subprocess, sys
from pathlib import Path
from consentinel.core.journal import Journal, UnreadableJournal
mnt, what = Path(sys.argv[1]), sys.argv[2]
home = mnt / "home"
path = home / "data" / "journal.sqlite3"
journal = Journal.open(path)
journal.append_account_added("alice")
journal.append_account_added("bob")
journal.close()
from tests.fixtures.private_mounts import fill_up
fill_up(mnt)
full = os.statvfs(mnt).f_bavail == 0
APPEND = ("import sys; from pathlib import Path; from consentinel.core.journal import Journal;"
          " j = Journal.open(Path(sys.argv[1])); j.append_account_added('carol'); j.close()")

def write():
    os.truncate(mnt / "filler", 0)
    subprocess.run([sys.executable, "-c", APPEND, str(path)], check=True)
"""

_CORE = _SETUP + textwrap.dedent("""
    looked = Journal.open_read_only(path)
    write()
    result = {"full": full}
    for name, read in (("verify", lambda: looked.verify().problems),
                       ("entries", lambda: [e.handle for e in looked.entries()])):
        try:
            result[name] = read()
        except UnreadableJournal as error:
            result[name] = {"why": error.why, "error": str(error)}
    looked.close()
    result["after"] = Journal.open_read_only(path).verify().ok
    print(json.dumps(result))
""")


def test_a_journal_that_changes_as_it_is_read_gives_no_verdict(tmp_path: Path) -> None:
    result: dict[str, Any] = run_on_a_tmpfs(tmp_path / "mnt", _CORE, "", size="256k")
    assert result["full"], result  # (the disk really was full: the file read as it is)
    for name in ("verify", "entries"):
        assert isinstance(result[name], dict), result  # no verdict, no entries
        assert result[name]["why"] == "changed", result
        assert "changed while it was being read" in result[name]["error"]
        assert "run the command again" in result[name]["error"]
    assert result["after"] is True  # untouched all along: read again, it verifies


# `log --verify` and `log --json -o FILE`, the journal written to just after the command opened
# it (its context): the standard output and error, the exit code, the export's file if any.
_CLI = _SETUP + textwrap.dedent("""
    import contextlib, io
    from consentinel.cli import log_cmd
    from consentinel.cli.main import main
    os.environ["CONSENTINEL_HOME"] = str(home)
    os.environ["CONSENTINEL_LANG"] = os.environ.get("LANGUAGE_WANTED", "en")
    opened = log_cmd.open_context

    def open_then_written(*args, **kwargs):
        ctx = opened(*args, **kwargs)
        write()
        return ctx

    log_cmd.open_context = open_then_written
    export = mnt / "export.json"
    argv = ["log", "--verify"] if what == "verify" else ["log", "--json", "-o", str(export)]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    print(json.dumps({"full": full, "code": code, "out": out.getvalue(), "err": err.getvalue(),
                      "exported": export.exists()}))
""")


def _cli(tmp_path: Path, what: str, language: str = "en") -> dict[str, Any]:
    import os
    import sys

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "LANGUAGE_WANTED": language}
    result: dict[str, Any] = run_on_a_tmpfs(tmp_path / "mnt", _CLI, what, size="512k", env=env)
    assert result["full"], result
    return result


def test_log_verify_says_the_journal_changed_and_asks_to_run_it_again(tmp_path: Path) -> None:
    result = _cli(tmp_path, "verify")
    assert result["code"] == 2, result  # as for a journal that could not be read
    assert "does not verify" not in result["out"] + result["err"], result
    assert "changed while it was being read" in result["err"], result
    assert "run the command again" in result["err"]


def test_log_json_output_writes_no_export_of_a_journal_that_changed(tmp_path: Path) -> None:
    result = _cli(tmp_path, "json", "fr")
    assert result["code"] == 2, result
    assert result["exported"] is False, result
    assert "a changé pendant sa lecture" in result["err"], result
    assert "relancez la commande" in result["err"]


# The failed open of the -shm file; then, before it removes what it made, space is freed, a check
# writes and ends (its -wal and -shm removed with it) and another process opens the journal and
# holds it open (a -wal and a -shm of its own, the -wal still empty).
_SIDES = _SETUP + textwrap.dedent("""
    from consentinel.core import journal_schema
    HOLD = ("import sqlite3, sys; db = sqlite3.connect(sys.argv[1]);"
            " db.execute('SELECT count(*) FROM entries').fetchone(); print('open', flush=True);"
            " sys.stdin.read()")
    holder = None
    no_room = journal_schema._no_room

    def then_another_process_opens(*args):
        global holder
        said = no_room(*args)
        write()
        holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert holder.stdout.readline() == "open\\n"
        return said

    journal_schema._no_room = then_another_process_opens
    Journal.open_read_only(path).close()
    # The files the other process has open, by name and number; and what the names lead to now.
    fds = Path(f"/proc/{holder.pid}/fd")
    its_own = {os.path.basename(os.readlink(fd)): fd.stat().st_ino for fd in fds.iterdir()
               if os.readlink(fd).startswith(f"{path}-")}
    there = {name: (path.parent / name).stat().st_ino
             for name in its_own if (path.parent / name).exists()}
    holder.stdin.close()
    holder.wait()
    print(json.dumps({"full": full, "its_own": sorted(its_own), "there": there == its_own}))
""")


def test_side_files_another_process_made_meanwhile_are_left(tmp_path: Path) -> None:
    result: dict[str, Any] = run_on_a_tmpfs(tmp_path / "mnt", _SIDES, "", size="256k")
    assert result["full"], result
    # What the other process has open is still there under its names: another one that opens
    # the journal now shares its -wal and its -shm (its locks, its write-ahead log's index).
    assert result["its_own"] == ["journal.sqlite3-shm", "journal.sqlite3-wal"], result
    assert result["there"] is True, result
