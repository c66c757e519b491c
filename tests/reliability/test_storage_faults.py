"""A read-only or full data folder, through the installed command: one clear sentence, exit 2,
no partial file, no secret saved. The folder is a real tmpfs mounted read-only or filled up in a
private mount namespace (tests/fixtures/private_mounts.py), so even root cannot write."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from consentinel.core.french_typography import typeset
from tests.fixtures.keyring_fixtures import SecretServiceEnv, folder_vault
from tests.fixtures.notify_server import FakeNotificationServer
from tests.fixtures.private_mounts import run_on_a_tmpfs
from tests.reliability.cli_support import CLI, cli_env

# Runs inside the namespace: each step is a CLI call, or "remount_ro" / "fill" on the tmpfs, or
# "config_ro" (only the config folder read-only: the journal opens, the accounts file cannot
# be written), or "stale_wal" (the journal's -wal holding a write, its -shm gone: a process
# killed as it wrote, then its -shm removed).
_DRIVER = textwrap.dedent("""
    import json, os, subprocess, sys
    mnt, plan = sys.argv[1], json.loads(sys.argv[2])
    results = []
    for step in plan:
        if step == "remount_ro":
            subprocess.run(["mount", "-o", "remount,ro", mnt], check=True)
        elif step == "config_ro":
            config = os.path.join(mnt, "home", "config")
            subprocess.run(["mount", "--bind", config, config], check=True)
            subprocess.run(["mount", "-o", "remount,bind,ro", config], check=True)
        elif step == "stale_wal":
            journal = os.path.join(mnt, "home", "data", "journal.sqlite3")
            crash = ("import os, sqlite3, sys; db = sqlite3.connect(sys.argv[1]);"
                     " db.execute('PRAGMA wal_autocheckpoint = 0');"
                     " db.executescript('BEGIN; UPDATE chain_head SET count = count + 1;"
                     " UPDATE chain_head SET count = count - 1; COMMIT'); os._exit(0)")
            subprocess.run([sys.executable, "-c", crash, journal], check=True)
            os.unlink(journal + "-shm")
        elif isinstance(step, str) and step.startswith("fill"):  # "fill:K": K kB left free
            filler = os.path.join(mnt, "filler")
            with open(filler, "wb") as f:
                try:
                    while True:
                        f.write(b"\\0" * 65536)
                        f.flush()
                except OSError:
                    pass
            leave = int(step.partition(":")[2] or 0) * 1024
            os.truncate(filler, max(0, os.path.getsize(filler) - leave))
        else:
            env = dict(os.environ, CONSENTINEL_LANG=step.get("lang", "en"))
            done = subprocess.run([step["cli"], *step["args"]], input=step.get("stdin", ""),
                                  capture_output=True, text=True, timeout=120, env=env)
            listing = sorted(
                os.path.relpath(os.path.join(d, n), mnt)
                for d, dirs, files in os.walk(mnt) for n in dirs + files
            )
            results.append({"rc": done.returncode, "out": done.stdout, "err": done.stderr,
                            "files": listing})
    print(json.dumps(results))
""")


def in_tmpfs(
    tmp_path: Path, env: dict[str, str], size: str, plan: list[Any]
) -> list[dict[str, Any]]:
    """The driver's results for `plan`, with the data folder on a tmpfs of `size`."""
    mnt = tmp_path / "mnt"
    child_env = {**env, "CONSENTINEL_HOME": str(mnt / "home")}
    return list(
        run_on_a_tmpfs(mnt, _DRIVER, json.dumps(plan), size=size, env=child_env, timeout=600)
    )


def step(*args: str, stdin: str = "") -> dict[str, Any]:
    return {"cli": CLI, "args": list(args), "stdin": stdin}


def _one_clear_line(result: dict[str, Any], *words: str) -> None:
    assert result["rc"] == 2, result
    assert "Traceback" not in result["err"], result["err"]
    lines = [line for line in result["err"].splitlines() if line.strip()]
    assert len(lines) == 1, result["err"]
    for word in words:
        assert word in lines[0], lines[0]


def test_a_new_data_folder_on_a_read_only_disk(tmp_path: Path, env: dict[str, str]) -> None:
    listed, added = in_tmpfs(
        tmp_path,
        env,
        "1m",
        ["remount_ro", step("account", "list"), step("account", "add", "rofsnew")],
    )
    # Looking needs no folder: it answers as for an empty set-up, and makes none.
    assert (listed["rc"], listed["out"].startswith("No accounts yet.")) == (0, True), listed
    _one_clear_line(added, "read-only")
    assert added["files"] == []


def test_an_existing_data_folder_turned_read_only(tmp_path: Path, env: dict[str, str]) -> None:
    handle = "rofsdora"
    first, failed = in_tmpfs(
        tmp_path,
        env,
        "1m",
        [
            step("account", "add", "setup"),  # a data folder as the app leaves it
            "remount_ro",
            step("account", "add", handle, "--password-stdin", stdin="pw-dora\n"),
        ],
    )
    assert first["rc"] == 0, first
    _one_clear_line(failed, "read-only")
    assert failed["files"] == first["files"]  # nothing written, no temp file left
    assert folder_vault().get_password(handle) is None  # and nothing saved in the keyring either


def test_a_data_folder_on_a_read_only_disk_can_still_be_looked_at(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """A copy of the data folder kept on a read-only medium, or a folder mounted read-only:
    the journal is verified, shown and exported, and the accounts listed, as they are; no file
    is made or changed. A command that writes says in one sentence that it cannot."""
    added, verified, shown, exported, listed, refused = in_tmpfs(
        tmp_path,
        env,
        "1m",
        [
            step("account", "add", "rolook"),  # a journal with an entry, as the app leaves it
            "remount_ro",
            step("log", "--verify"),
            step("log"),
            step("log", "--json"),
            step("account", "list"),
            step("log", "--start-over"),
        ],
    )
    assert added["rc"] == 0, added
    assert verified["rc"] == 0 and verified["out"].startswith("The journal is intact"), verified
    assert "cannot be written: shown as it is" in verified["err"], verified["err"]
    assert shown["rc"] == 0 and "@rolook" in shown["out"] and "account added" in shown["out"]
    assert exported["rc"] == 0 and json.loads(exported["out"])["verified"] is True, exported
    assert listed["rc"] == 0 and listed["out"].startswith("@rolook"), listed
    for looked in (verified, shown, exported, listed):
        assert looked["files"] == added["files"], looked["files"]
        assert "Traceback" not in looked["err"], looked["err"]
    _one_clear_line(refused, "read-only")


def test_a_full_disk(tmp_path: Path, env: dict[str, str]) -> None:
    handle = "fulldisked"
    added, failed = in_tmpfs(
        tmp_path,
        env,
        "512k",
        [
            step("account", "add", "fullerin", "--password-stdin", stdin="pw-1\n"),
            "fill",
            step("account", "add", handle, "--password-stdin", stdin="pw-2\n"),
        ],
    )
    assert added["rc"] == 0, added
    # SQLite's own side files of an opened database (-wal, -shm) are not ours to count.
    left = [f for f in failed["files"] if f != "filler" and not f.endswith(("-wal", "-shm"))]
    assert left == added["files"]
    assert folder_vault().get_password(handle) is None
    _one_clear_line(failed, "the disk is full")
    folder_vault().delete_account("fullerin")


def test_a_full_disk_can_still_be_looked_at(tmp_path: Path, env: dict[str, str]) -> None:
    """Nothing can be written, not even the -shm file SQLite reads a journal with: the accounts
    are listed, the journal shown, verified and exported to another disk all the same (read
    as it is), and nothing is left beside it."""
    exported_to = tmp_path / "journal.json"  # (another disk: outside the tmpfs)
    added, _, listed, shown, exported, verified = in_tmpfs(
        tmp_path,
        env,
        "256k",
        [
            step("account", "add", "fullalice"),
            step("account", "add", "fullbob"),
            "fill",
            step("account", "list"),
            step("log"),
            step("log", "--json", "-o", str(exported_to)),
            step("log", "--verify"),
        ],
    )
    assert added["rc"] == 0, added
    assert listed["rc"] == 0, listed
    assert [line.split()[0] for line in listed["out"].splitlines()] == ["@fullalice", "@fullbob"]
    assert shown["rc"] == 0 and "@fullalice" in shown["out"] and "@fullbob" in shown["out"]
    assert exported["rc"] == 0, exported
    export = json.loads(exported_to.read_text())
    assert export["verified"] is True
    assert [e["handle"] for e in export["entries"]] == ["fullalice", "fullbob"]
    assert verified["rc"] == 0 and verified["out"].startswith("The journal is intact"), verified
    for looked in (listed, shown, exported, verified):
        assert "Traceback" not in looked["err"], looked["err"]
        assert [f for f in looked["files"] if f != "filler"] == added["files"]  # no -shm left


def test_accounts_are_listed_when_the_journal_cannot_be_opened(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """A -wal that holds writes, no -shm, a full disk: the journal cannot be read without
    missing what the -wal holds, so it is not read; the accounts are listed all the same, as
    their own file has them, and the person is told why their last checks may be older."""
    added, english, french, shown = in_tmpfs(
        tmp_path,
        env,
        "256k",
        [
            step("account", "add", "walalice"),
            "stale_wal",
            "fill",
            step("account", "list"),
            {**step("account", "list"), "lang": "fr"},
            step("log"),
        ],
    )
    assert added["rc"] == 0, added
    journal = tmp_path / "mnt" / "home" / "data" / "journal.sqlite3"
    assert english["rc"] == 0, english
    assert english["out"].split() == ["@walalice", "not", "checked", "yet"]
    assert english["err"].splitlines() == [
        f"Could not open the journal {journal}: the disk is full; free some space on it and "
        "try again. The accounts are listed with their last checks as the accounts file "
        "remembers them."
    ]
    assert french["rc"] == 0 and french["out"].startswith("@walalice"), french
    assert french["err"].splitlines() == [
        typeset(
            f"Impossible d'ouvrir le journal {journal} : le disque est plein ; libérez de la "
            "place et réessayez. Les comptes sont listés avec leurs dernières vérifications "
            "telles que le fichier des comptes les a gardées."
        )
    ]
    _one_clear_line(shown, "Could not open the journal", "the disk is full")
    for looked in (english, french, shown):
        assert "home/data/journal.sqlite3-shm" not in looked["files"]  # none left
        assert "home/data/journal.sqlite3-wal" in looked["files"]  # kept, with what it holds


def test_a_check_on_a_full_disk_says_so_in_one_sentence(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """Nothing can be journaled, so nothing is started at X: one sentence, exit 2."""
    added, failed = in_tmpfs(
        tmp_path,
        env,
        "512k",
        [
            step("account", "add", "fullcheck", "--password-stdin", stdin="pw-3\n"),
            "fill:60",  # room to open the journal, none to write a run into it
            step("check", "--json"),
        ],
    )
    assert added["rc"] == 0, added
    _one_clear_line(failed, "The journal could not be written", "the disk is full")
    assert failed["out"] == ""
    folder_vault().delete_account("fullcheck")


def test_accounts_file_that_cannot_be_written_saves_no_secret(
    tmp_path: Path, env: dict[str, str]
) -> None:
    handle = "roconfig"
    first, failed = in_tmpfs(
        tmp_path,
        env,
        "1m",
        [
            step("account", "add", "setup"),  # a data folder as the app leaves it
            "config_ro",
            step("account", "add", handle, "--password-stdin", stdin="pw-config\n"),
        ],
    )
    assert first["rc"] == 0, first
    try:
        _one_clear_line(failed, "accounts.json", "read-only")
        assert failed["files"] == first["files"]
        # The account was not added, so its password must not stay behind in the keyring.
        assert folder_vault().get_password(handle) is None
    finally:
        folder_vault().delete_account(handle)


@pytest.fixture
def notifications(private_secret_service: SecretServiceEnv) -> Iterator[FakeNotificationServer]:
    """The desktop's notification server on the test's own bus, reached by the real
    notify-send (as in tests/e2e/test_scheduled_run.py)."""
    server = FakeNotificationServer(private_secret_service.address)
    yield server
    server.close()


def _bodies(notifications: FakeNotificationServer) -> list[str]:
    return [str(call[4]) for call in notifications.calls]


def test_a_scheduled_check_on_a_read_only_disk_tells_the_person(
    tmp_path: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,
) -> None:
    """Nobody reads a scheduled run's log: every run failed, and nobody knew. Each run that
    meets it now notifies, naming the folder and what to do, in the person's language."""
    env = cli_env(private_secret_service.env, tmp_path / "unused")
    added, english, french = in_tmpfs(
        tmp_path,
        env,
        "1m",
        [
            step("account", "add", "rosched"),  # a data folder as the app leaves it
            "remount_ro",
            step("check", "--unattended", "--json"),
            {**step("check", "--unattended"), "lang": "fr"},
        ],
    )
    assert added["rc"] == 0, added
    data = tmp_path / "mnt" / "home" / "data"
    said = (
        f"Consentinel could not check your X accounts: its folder {data} is on a disk that is "
        "read-only. Make that disk writable again (the system may have made it read-only "
        "after an error: restart, or check the disk); the next scheduled check then runs."
    )
    assert (english["rc"], english["out"]) == (2, ""), english
    assert english["err"].splitlines() == [
        f"Could not open the journal {data / 'journal.sqlite3'}: the disk is read-only.",
        said,
    ]
    assert french["rc"] == 2, french
    in_french = typeset(
        f"Consentinel n'a pas pu vérifier vos comptes X : son dossier {data} est sur un disque "
        "en lecture seule. Rendez ce disque de nouveau modifiable (le système a pu le passer "
        "en lecture seule après une erreur : redémarrez, ou vérifiez le disque) ; la prochaine "
        "vérification planifiée aura alors lieu."
    )
    assert french["err"].splitlines()[-1] == in_french
    # One notification a run: no journal to say it was said, and the person must act.
    assert _bodies(notifications) == [said, in_french]


def test_a_scheduled_check_on_a_full_disk_tells_the_person(
    tmp_path: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,
) -> None:
    """Room to open the journal, none to write a run in it: the check stops before X, and the
    person learns which disk is full, not only "the disk is full" in a log."""
    env = cli_env(private_secret_service.env, tmp_path / "unused")
    added, failed = in_tmpfs(
        tmp_path,
        env,
        "512k",
        [step("account", "add", "fullsched"), "fill:60", step("check", "--unattended")],
    )
    assert added["rc"] == 0, added
    data = tmp_path / "mnt" / "home" / "data"
    said = (
        f"Consentinel could not check your X accounts: the disk of its folder {data} is full. "
        "Free some space on it; the next scheduled check then runs."
    )
    assert failed["rc"] == 2, failed
    assert failed["err"].splitlines() == [
        "The journal could not be written: the disk is full; free some space on it and try again.",
        said,
    ]
    assert _bodies(notifications) == [said]
