"""A journal on a full disk, read by a command that only looks (Journal.open_read_only): SQLite
would make its -shm file to read it and cannot, so it is read as it is, and nothing is left
beside it. A real tmpfs, filled up in a private mount namespace
(tests/fixtures/private_mounts.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from tests.fixtures.private_mounts import run_on_a_tmpfs

# Runs inside the namespace: a journal with two entries, then (argv[2]) what was left beside it
# ("none"; "old_sides": the empty -wal and 3-byte -shm a failed open of an older Consentinel
# left; "stale_wal": a -wal that holds a write, its -shm gone, as after a crash and a
# clean-up), then the disk filled to the last byte, then the journal read as it is.
_CHILD = textwrap.dedent("""
    import json, os, subprocess, sys
    from pathlib import Path
    from consentinel.core.journal import Journal, UnreadableJournal
    mnt, left = Path(sys.argv[1]), sys.argv[2]
    path = mnt / "data" / "journal.sqlite3"
    journal = Journal.open(path)
    journal.append_account_added("alice")
    journal.append_account_added("bob")
    journal.close()
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if left == "old_sides":
        wal.write_bytes(b"")
        shm.write_bytes(b"\\0\\0\\0")
    elif left == "stale_wal":  # a process that wrote, then was killed
        crash = ("import os, sqlite3, sys; db = sqlite3.connect(sys.argv[1], isolation_level=None);"
                 " db.execute('PRAGMA wal_autocheckpoint = 0');"
                 " db.executescript('BEGIN; UPDATE chain_head SET count = count + 1;"
                 " UPDATE chain_head SET count = count - 1; COMMIT'); os._exit(0)")
        subprocess.run([sys.executable, "-c", crash, str(path)], check=True)
        shm.unlink()
    from tests.fixtures.private_mounts import fill_up
    fill_up(mnt)
    sides = {p.name: p.stat().st_size for p in (wal, shm) if p.exists()}
    result = {"free": os.statvfs(mnt).f_bavail, "sides_before": sides}
    try:
        looked = Journal.open_read_only(path)
    except UnreadableJournal as error:
        result.update(error=str(error), why=error.why)
    else:
        result["handles"] = [e.handle for e in looked.entries()]
        result["verified"] = looked.verify().ok
        looked.close()
    result["files"] = sorted(p.name for p in path.parent.iterdir())
    result["sides_after"] = {p.name: p.stat().st_size for p in (wal, shm) if p.exists()}
    print(json.dumps(result))
""")


def _on_a_full_disk(tmp_path: Path, left: str) -> dict[str, Any]:
    result = run_on_a_tmpfs(tmp_path / "mnt", _CHILD, left, size="256k")
    assert result["free"] == 0, result  # the disk really is full
    return dict(result)


def test_a_journal_on_a_full_disk_is_read_and_nothing_is_left_beside_it(tmp_path: Path) -> None:
    result = _on_a_full_disk(tmp_path, "none")
    assert result.get("error") is None, result
    assert (result["handles"], result["verified"]) == (["alice", "bob"], True)
    assert result["files"] == ["journal.head", "journal.sqlite3"]  # no -shm, no -wal


def test_side_files_an_earlier_failed_open_left_do_not_stop_the_reading(tmp_path: Path) -> None:
    """An empty -wal holds nothing the file lacks; a -shm shorter than its first region is no
    connection's. Not ours to remove: left as they were."""
    result = _on_a_full_disk(tmp_path, "old_sides")
    assert result["sides_before"] == {"journal.sqlite3-wal": 0, "journal.sqlite3-shm": 3}
    assert result.get("error") is None, result
    assert (result["handles"], result["verified"]) == (["alice", "bob"], True)
    assert list(result["sides_after"]) == list(result["sides_before"])


def test_a_wal_holding_writes_is_not_read_around(tmp_path: Path) -> None:
    """Reading the file without its -wal would miss what the -wal holds (and the chain would
    read as cut short): the journal is said not to open, in a sentence, and the -wal is kept;
    the -shm the failed open made is not left."""
    result = _on_a_full_disk(tmp_path, "stale_wal")
    assert list(result["sides_before"]) == ["journal.sqlite3-wal"], result
    assert result["sides_before"]["journal.sqlite3-wal"] > 0
    assert result.get("why") == "unopened", result
    assert "Could not open the journal" in result["error"]
    assert "the disk is full" in result["error"]
    assert result["sides_after"] == result["sides_before"]
