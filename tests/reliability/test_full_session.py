"""A whole session through the installed command, then a search for every secret it handled.

Three accounts on the simulated X and the real Secret Service: two are added (one with a TOTP
secret), checked (password and TOTP sign-ins), the journal is exported, then a check of the third
account is SIGKILLed while X keeps its page hanging. Afterwards: no password, TOTP secret or X
session token anywhere (files, exports, outputs, command lines, environments); the killed run is
interrupted, the chain intact, the lock free; every folder and file owner-only.
"""

from __future__ import annotations

import json
import secrets
import signal
import stat
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyotp
import pytest

from consentinel.core.lock import RunLock
from consentinel.simx import Scenario, SimAccount, SimX
from tests.fixtures.keyring_fixtures import SecretServiceEnv
from tests.reliability.cli_support import CLI, ProcessSamples, cli_env, run_cli, sampling

GROK_PAGE = "GET /settings/grok_settings"
KILL_DEADLINE_S = 120.0


@dataclass
class Session:
    """What the session left behind, for the tests below to search."""

    home: Path
    exports: Path
    secrets: dict[str, str]
    outputs: list[str] = field(default_factory=list)
    samples: ProcessSamples = field(default_factory=ProcessSamples)
    killed_pid: int = 0
    killed_run_id: int = 0
    journal_looked_at: dict = field(default_factory=dict)  # type: ignore[type-arg]
    journal_after_kill: dict = field(default_factory=dict)  # type: ignore[type-arg]
    verify_after_kill: str = ""
    lock_holder_after_kill: object = None
    lock_free_after_kill: bool = False
    check_after_kill: dict = field(default_factory=dict)  # type: ignore[type-arg]


def _tokens(sim: SimX) -> dict[str, str]:
    """The session cookies X handed out so far (auth_token and ct0 of every session)."""
    with sim.world.lock:
        found = {}
        for n, (token, session) in enumerate(sim.world.sessions.items()):
            found[f"auth_token #{n} of @{session.handle}"] = token
            found[f"ct0 #{n} of @{session.handle}"] = session.ct0
        return found


def _wait_for(condition: object, what: str, deadline_s: float = KILL_DEADLINE_S) -> None:
    import threading

    done = threading.Event()
    end = time.monotonic() + deadline_s
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < end, f"timed out waiting for {what}"
        done.wait(0.05)  # polling simx's request log: it has no callback to offer


@pytest.fixture(scope="module")
def session(
    secret_service: SecretServiceEnv, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Session]:
    base = tmp_path_factory.mktemp("full-session")
    home, exports = base / "consentinel-home", base / "exports"
    exports.mkdir()
    alice_pw = f"alice-{secrets.token_urlsafe(12)}"
    bob_pw = f"bob {secrets.token_urlsafe(12)} !"
    carol_pw = f"carol-{secrets.token_urlsafe(12)}"
    alice_totp = pyotp.random_base32()
    sim = SimX(
        Scenario(
            accounts=[
                SimAccount(
                    "alice",
                    alice_pw,
                    totp_secret=alice_totp,
                    challenges=["two_factor"],
                    memory_shown=True,
                ),
                SimAccount("bob", bob_pw),
                SimAccount("carol", carol_pw, fault="hang"),
            ],
            render_delay_ms=50,
        )
    ).start()
    found = Session(
        home=home,
        exports=exports,
        secrets={
            "alice's password": alice_pw,
            "bob's password": bob_pw,
            "carol's password": carol_pw,
            "alice's TOTP secret": alice_totp,
        },
    )
    env = cli_env(secret_service.env, home, CONSENTINEL_X_ORIGIN=sim.origin)
    killed: subprocess.Popen[str] | None = None
    try:

        def cli(*args: str, stdin: str = "", expect: int | None = 0) -> str:
            done = run_cli(env, *args, stdin=stdin, expect=expect)
            found.outputs += [done.stdout, done.stderr]
            return done.stdout

        cli(
            "account",
            "add",
            "@alice",
            "--password-stdin",
            "--totp-stdin",
            stdin=f"{alice_pw}\n{alice_totp}\n",
        )
        cli("account", "add", "bob", "--password-stdin", stdin=f"{bob_pw}\n")
        cli("account", "add", "carol", "--password-stdin", stdin=f"{carol_pw}\n")

        # The check, with its processes watched from the outside while they run.
        check = subprocess.Popen(
            [CLI, "check", "alice", "bob", "--json"],
            env=env,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        with sampling(check.pid, found.samples):
            out, err = check.communicate(timeout=240)
        found.outputs += [out, err]
        assert check.returncode == 0, (out, err)
        statuses = {a["handle"]: a["status"] for a in json.loads(out)["accounts"]}
        assert statuses == {"alice": "fixed", "bob": "fixed"}, err
        (alice_signin,) = sim.signin_attempts("alice")
        assert alice_signin["outcome"] == "success"
        assert "LoginTwoFactorAuthChallenge" in alice_signin["steps"]  # the TOTP was typed
        found.secrets.update(_tokens(sim))

        # Exports, where a person would save them.
        (exports / "journal.json").write_text(cli("log", "--json"))
        (exports / "journal.csv").write_text(cli("log", "--csv"))

        # The crash: carol's Grok page never finishes loading; kill the run while it waits.
        visits_before = sim.world.requests.count(GROK_PAGE)
        killed = subprocess.Popen(
            [CLI, "check", "carol"],
            env=env,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        with sampling(killed.pid, found.samples):
            _wait_for(
                lambda: sim.world.requests.count(GROK_PAGE) > visits_before,
                "carol's Grok page to be requested",
            )
            found.secrets.update(_tokens(sim))  # carol's session is new
            killed.send_signal(signal.SIGKILL)
            out, err = killed.communicate(timeout=60)
        found.outputs += [out, err]
        assert killed.returncode == -signal.SIGKILL
        found.killed_pid = killed.pid

        # What the commands that only look show then (they mark nothing), and the next check,
        # which finds the killed run and marks it interrupted.
        lock = RunLock(home / "data" / "run.lock")
        found.lock_holder_after_kill = lock.holder()
        cli("account", "list")
        found.journal_looked_at = json.loads(cli("log", "--json"))
        found.verify_after_kill = cli("log", "--verify")
        found.lock_free_after_kill = lock.acquire(wait=False)
        lock.release()
        found.check_after_kill = json.loads(cli("check", "alice", "--json"))
        found.journal_after_kill = json.loads(cli("log", "--json"))
        found.secrets.update(_tokens(sim))
        yield found
    finally:
        if killed is not None and killed.poll() is None:
            killed.kill()
            killed.communicate()
        sim.stop()


def _secret_hits(data: bytes, secrets_: dict[str, str]) -> list[str]:
    return [name for name, value in secrets_.items() if value.encode() in data]


def test_the_session_handled_every_kind_of_secret(session: Session) -> None:
    """The sweep below is only worth something if the session really used each secret."""
    names = set(session.secrets)
    assert {
        "alice's password",
        "bob's password",
        "carol's password",
        "alice's TOTP secret",
    } <= names
    assert any(n.startswith("auth_token") and "@carol" in n for n in names)
    assert any(n.startswith("ct0") for n in names)
    # The watcher saw the CLI, Playwright's driver and Chromium with its helpers.
    programs = " ".join(session.samples.programs())
    assert "consentinel" in programs and "chromium" in programs and "node" in programs


def test_no_secret_in_any_file_of_the_data_folder_or_the_exports(session: Session) -> None:
    files = [p for root in (session.home, session.exports) for p in root.rglob("*") if p.is_file()]
    kinds = {p.suffix for p in files}
    # Config, journal, sessions, screenshots and exports were all there to be searched.
    assert {".json", ".sqlite3", ".png", ".csv"} <= kinds, kinds
    leaks = {str(p): hits for p in files if (hits := _secret_hits(p.read_bytes(), session.secrets))}
    assert leaks == {}


def test_no_secret_in_any_output(session: Session) -> None:
    leaks = [
        (n, hits)
        for n, text in enumerate(session.outputs)
        if (hits := _secret_hits(text.encode(), session.secrets))
    ]
    assert leaks == []


def test_no_secret_in_any_command_line_or_environment(session: Session) -> None:
    leaks = {
        where: hits
        for where, data in session.samples.blobs()
        if (hits := _secret_hits(data, session.secrets))
    }
    assert leaks == {}


def test_killed_run_is_interrupted_the_chain_intact_and_the_lock_free(session: Session) -> None:
    assert session.lock_holder_after_kill is None  # the kernel dropped the dead run's lock
    assert session.lock_free_after_kill
    assert "intact" in session.verify_after_kill
    document = session.journal_after_kill
    assert document["verified"] is True
    entries = document["entries"]
    # Before the next check, looking (`account list`, `log`) left the killed run as it found
    # it; that check marked it interrupted.
    looked_at = session.journal_looked_at["entries"]
    started = [e for e in looked_at if e["kind"] == "run_started"]
    killed_run = started[-1]["run_id"]  # the run of `check carol`
    kinds = [e["kind"] for e in entries if e["run_id"] == killed_run]
    assert kinds[0] == "run_started" and kinds[-1] == "run_interrupted", kinds
    assert "run_finished" not in kinds
    # `log --json` named it so, beside its entries; once marked, it is no longer named.
    assert session.journal_looked_at["runs_interrupted_not_journaled"] == [killed_run]
    assert document["runs_interrupted_not_journaled"] == []
    assert [e for e in looked_at if e["run_id"] == killed_run] == [
        e for e in entries if e["run_id"] == killed_run and e["kind"] != "run_interrupted"
    ]
    # Nothing was recorded as done for carol in the killed run.
    assert not [e for e in entries if e["run_id"] == killed_run and e["kind"] == "change"]
    # And the next check runs normally.
    (alice,) = session.check_after_kill["accounts"]
    assert alice["status"] == "opted_out"


def test_data_folder_and_files_are_owner_only(session: Session) -> None:
    loose = {}
    for path in [session.home, *session.home.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        wanted = 0o700 if path.is_dir() else 0o600
        if mode != wanted:
            loose[str(path.relative_to(session.home))] = oct(mode)
    assert loose == {}
    assert any(p.suffix == ".png" for p in session.home.rglob("*"))  # evidence was checked too


def test_security_md_says_where_each_file_of_the_session_lives(session: Session) -> None:
    """SECURITY.md's "what is stored where" must name every kind of file the app wrote."""
    text = (Path(__file__).resolve().parents[2] / "SECURITY.md").read_text(encoding="utf-8")
    unnamed = set()
    for path in session.home.rglob("*"):
        if not path.is_file():
            continue
        if path.parent.name in ("sessions", "evidence"):
            named = f"{path.parent.name}/"  # one file per account or per screenshot
        else:
            named = path.name.removesuffix("-wal").removesuffix("-shm")  # SQLite's side files
        if named not in text:
            unnamed.add(named)
    assert unnamed == set()
