"""The command line as scripts and the scheduler use it: real processes, real Chromium against
the simulated X, a real Secret Service keyring."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyotp
import pytest

from consentinel.core.events import AccountResult
from consentinel.core.french_typography import typeset
from consentinel.core.journal import Journal
from consentinel.core.lock import RunLock
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings, save_settings
from consentinel.core.status import Status
from consentinel.simx import SimAccount
from tests.e2e._cli_support import CLI, run_cli, started, x_with_accounts
from tests.fixtures.check_json import skipped
from tests.fixtures.keyring_fixtures import folder_vault

PASSWORD = "correct horse battery staple 42!"
TOTP_SECRET = pyotp.random_base32()


def test_version_from_the_installed_command() -> None:
    proc = subprocess.run([CLI, "--version"], capture_output=True, text=True, timeout=60)
    import consentinel

    assert proc.returncode == 0
    assert proc.stdout.strip() == f"consentinel {consentinel.__version__}"


@pytest.mark.parametrize(
    ("args", "stdin", "words"),
    [
        (["account", "add", "not a handle!"], "", "handle"),
        (["account", "add", "waytoolonghandle_123"], "", "handle"),
        (["account", "add", "alice", "--password-stdin"], "   \n", "password is empty"),
        (
            ["account", "add", "alice", "--password-stdin", "--totp-stdin"],
            "pw\nnot-base32!!\n",
            "2FA",
        ),
        (
            # The code the authenticator app shows, typed for the secret (as Claire did).
            ["account", "add", "alice", "--password-stdin", "--totp-stdin"],
            "pw\n123 456\n",
            "This is a one-time code from your authenticator app, not the 2FA secret: leave "
            "the 2FA secret empty",
        ),
        (
            ["account", "add", "alice", "--password-stdin", "--totp-stdin"],
            "pw\notpauth-migration://offline?data=CjEKCkhlbGxv\n",
            "A Google Authenticator export link (otpauth-migration://) cannot be used",
        ),
        (
            ["account", "add", "https://x.com/home"],
            "",
            "This is an X page, not an account: paste the account's profile address or its @name.",
        ),
        (["account", "remove", "nobody"], "", "not one of your accounts"),
        (
            ["account", "add", "alice", "--keep", "truc"],
            "",
            "use personalization, memory, or all; '' for training alone (always off).",
        ),
        (["check", "--bogus-option"], "", "Usage error"),
    ],
)
def test_bad_input_gets_one_clear_line_and_changes_nothing(
    cli_env: dict[str, str], consentinel_home: Path, args: list[str], stdin: str, words: str
) -> None:
    proc = run_cli(cli_env, *args, stdin=stdin, check_exit=2)
    assert words.lower() in (proc.stderr + proc.stdout).lower()
    assert "Traceback" not in proc.stderr
    assert not (consentinel_home / "config" / "accounts.json").exists()
    assert "not-base32" not in proc.stderr + proc.stdout


def test_no_keyring_says_so_and_writes_nothing(consentinel_home: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env.update(
        CONSENTINEL_HOME=str(consentinel_home),
        CONSENTINEL_LANG="en",
        DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent/bus",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    proc = run_cli(
        env, "account", "add", "alice", "--password-stdin", stdin=PASSWORD + "\n", check_exit=2
    )
    assert "keyring" in proc.stderr.lower()
    assert not (consentinel_home / "config" / "accounts.json").exists()
    for path in consentinel_home.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes()

    # An account added without a secret can still be removed, when the person says so: any
    # secrets it has in a keyring not reachable from here would stay there.
    run_cli(env, "account", "add", "nokeyring", check_exit=0)
    refused = run_cli(env, "account", "remove", "nokeyring", "--yes", check_exit=2)
    assert "Nothing was removed" in refused.stderr
    # The command to run instead, whole: without a terminal, --yes is still needed.
    again = "consentinel account remove nokeyring --yes --keep-unreachable-secrets"
    assert refused.stderr.rstrip().endswith(again), refused.stderr
    assert "nokeyring" in (consentinel_home / "config" / "accounts.json").read_text()
    removed = run_cli(
        env, "account", "remove", "nokeyring", "--keep-unreachable-secrets", "-y", check_exit=0
    )
    assert "were not deleted" in removed.stdout
    assert "nokeyring" not in (consentinel_home / "config" / "accounts.json").read_text()


@pytest.mark.parametrize(
    "args",
    [["account", "list"], ["log"], ["schedule", "status"], ["check"], ["account", "add", "bob"]],
)
def test_a_data_folder_that_is_a_file_is_named_by_every_command(
    cli_env: dict[str, str], tmp_path: Path, args: list[str]
) -> None:
    """CONSENTINEL_HOME naming a file: the commands that only look said "a part of the path is
    a file, not a folder" and nothing more, where those that write named the folder."""
    afile = tmp_path / "afile"
    afile.write_text("")
    for home in (afile, afile / "under"):
        proc = run_cli(dict(cli_env, CONSENTINEL_HOME=str(home)), *args, check_exit=2)
        said = (
            f"Could not create the data folder {home}: a part of the path is a file, not a folder."
        )
        assert (proc.stderr, proc.stdout) == (said + "\n", "")
    french = run_cli(dict(cli_env, CONSENTINEL_HOME=str(afile), CONSENTINEL_LANG="fr"), *args)
    assert french.stderr == typeset(
        f"Impossible de créer le dossier de données {afile} : une partie du chemin est un "
        "fichier, pas un dossier.\n"
    )
    assert afile.read_text() == ""


def test_the_doctor_diagnoses_a_data_folder_that_is_a_file(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    """Diagnosing is its job: every line, the data folder's naming the folder, --json too."""
    afile = tmp_path / "afile"
    afile.write_text("")
    env = dict(cli_env, CONSENTINEL_HOME=str(afile), CONSENTINEL_X_ORIGIN="http://127.0.0.1:9")
    said = f"Could not create the data folder {afile}: a part of the path is a file, not a folder."
    proc = run_cli(env, "doctor", check_exit=1)
    assert f"Data folder      {said}\n" in proc.stdout, proc.stdout
    assert "Move that file away, or set CONSENTINEL_HOME to a folder." in proc.stdout
    assert "Some lines above need attention." in proc.stdout
    as_json = run_cli(env, "doctor", "--json", check_exit=1)
    rows = {row["topic"]: row for row in json.loads(as_json.stdout)}
    assert {"python", "keyring", "browser", "data_folder", "schedule", "x_site"} <= set(rows)
    assert (rows["data_folder"]["ok"], rows["data_folder"]["detail"]) == (False, said)


def grep_for_secrets(folder: Path, outputs: list[str], secrets: list[str]) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in secrets:
                assert secret.encode() not in data, f"secret found in {path}"
    for text in outputs:
        for secret in secrets:
            assert secret not in text


def test_add_check_fix_verify_and_journal(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path
) -> None:
    sim = simx(
        SimAccount(
            handle="alice",
            password=PASSWORD,
            totp_secret=TOTP_SECRET,
            challenges=["two_factor"],
            memory_shown=True,
            boxes={"training": True, "personalization": True, "memory": False},
        )
    )
    env = dict(cli_env, CONSENTINEL_X_ORIGIN=sim.origin)
    outputs: list[str] = []

    added = run_cli(
        env,
        "account",
        "add",
        "@alice",
        "--password-stdin",
        "--totp-stdin",
        stdin=f"{PASSWORD}\n{TOTP_SECRET}\n",
        check_exit=0,
    )
    outputs += [added.stdout, added.stderr]
    assert "Added @alice" in added.stdout

    listed = run_cli(env, "account", "list", "--json", check_exit=0)
    assert [a["handle"] for a in json.loads(listed.stdout)] == ["alice"]

    first = run_cli(env, "check", "--json", check_exit=0)
    outputs += [first.stdout, first.stderr]
    report = json.loads(first.stdout)
    (acct,) = report["accounts"]
    assert acct["status"] == "fixed", acct
    assert acct["settings"]["training"] == {"before": True, "after": False, "disabled": False}
    assert acct["settings"]["personalization"]["after"] is False
    # `check --json` is read on this computer: the screenshot's full path, there.
    shot = Path(acct["evidence"])
    assert shot.is_absolute() and shot.is_file() and shot.parent.name == "evidence"
    assert sim.boxes("alice") == {"training": False, "personalization": False, "memory": False}
    signins_after_first = len(sim.signin_attempts("alice"))
    assert signins_after_first == 1

    second = run_cli(env, "check", "--json", check_exit=0)
    outputs += [second.stdout, second.stderr]
    assert json.loads(second.stdout)["accounts"][0]["status"] == "opted_out"
    # The human list says it in words, at local time to the minute.
    human = run_cli(env, "account", "list", check_exit=0).stdout
    assert "@alice" in human and "already off (nothing to change)" in human
    assert "Status." not in human and "+00:00" not in human
    assert len(sim.signin_attempts("alice")) == signins_after_first  # the saved session was reused

    verified = run_cli(env, "log", "--verify", check_exit=0)
    assert "intact" in verified.stdout
    exported = run_cli(env, "log", "--json", check_exit=0)
    outputs.append(exported.stdout)
    document = json.loads(exported.stdout)
    assert document["verified"] is True
    entries = document["entries"]
    changes = [e for e in entries if e["kind"] == "change"]
    assert {c["payload"]["box"] for c in changes} == {"training", "personalization"}
    csv_out = run_cli(env, "log", "--csv", "--account", "alice", check_exit=0)
    assert "change" in csv_out.stdout
    outputs.append(csv_out.stdout)
    # An export is shown to others: its entries name the screenshot by file name, in the check
    # as in the evidence entry, never by a path naming the person and their folders.
    check = next(e for e in entries if e["kind"] == "check" and e["payload"]["evidence"])
    assert check["payload"]["evidence"] == shot.name
    for text in (exported.stdout, csv_out.stdout):
        assert str(shot.parent.parent) not in text and str(consentinel_home) not in text

    grep_for_secrets(consentinel_home, outputs, [PASSWORD, TOTP_SECRET])


def test_dry_run_changes_nothing(simx: Any, cli_env: dict[str, str]) -> None:
    sim, env = x_with_accounts(simx, cli_env, SimAccount(handle="bob", password=PASSWORD))
    # --watch with no screen: said once, and the check runs anyway.
    screenless = {k: v for k, v in env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    proc = run_cli(screenless, "check", "--dry-run", "--json", "--watch", check_exit=1)
    assert json.loads(proc.stdout)["accounts"][0]["status"] == "would_fix"
    assert "No screen here: the check runs without a window." in proc.stderr
    assert sim.mutations("bob") == []
    assert sim.boxes("bob")["training"] is True


def test_unattended_two_factor_without_secret_needs_user(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path
) -> None:
    carol = SimAccount(
        handle="carol", password=PASSWORD, totp_secret=TOTP_SECRET, challenges=["two_factor"]
    )
    sim, env = x_with_accounts(simx, cli_env, carol)
    # The app's language setting is French; a scheduled run has no terminal to take it from.
    settings = consentinel_home / "config" / "settings.json"
    saved = json.loads(settings.read_text()) if settings.exists() else {}
    settings.write_text(json.dumps({**saved, "language": "fr"}))
    unattended = {k: v for k, v in env.items() if k != "CONSENTINEL_LANG"}
    # (The second names the account: a scheduled run this soon after a check is skipped.)
    for handles in ([], ["carol"]):
        proc = run_cli(unattended, "check", "--unattended", "--json", *handles, check_exit=1)
        acct = json.loads(proc.stdout)["accounts"][0]
        assert (acct["status"], acct["reason"]) == ("needs_user", "two_factor")
    assert sim.boxes("carol")["training"] is True
    # Said in French; no notifier answers here: what could not be shown is tried again at each
    # run, its failure journaled once (tests/e2e/test_scheduled_run.py has it shown once a
    # notifier answers). And the second run did not sign in again (X would send a new code).
    log = json.loads(run_cli(env, "log", "--json", check_exit=0).stdout)["entries"]
    notes = [e["payload"] for e in log if e["kind"] == "notification"]
    assert [n["message"] for n in notes] == [
        typeset(
            "@carol : X demande un code de double authentification — ouvrez Consentinel pour vous "
            "connecter, ou enregistrez le secret 2FA du compte"
        )
    ]
    assert [n["delivered"] for n in notes] == [False]
    assert len([e for e in log if e["kind"] == "signin"]) == 1


def test_remove_deletes_secrets_and_session(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path
) -> None:
    import keyring
    from keyring.backends.SecretService import Keyring as SecretServiceKeyring

    _, env = x_with_accounts(simx, cli_env, SimAccount(handle="dave", password=PASSWORD))
    backend = SecretServiceKeyring()
    keyring.set_keyring(backend)
    service = AppPaths.under(consentinel_home).keyring_service  # this data folder's own
    assert backend.get_password(service, "dave:password") == PASSWORD
    run_cli(env, "check", check_exit=0)
    sessions = consentinel_home / "data" / "sessions"
    assert any(sessions.iterdir())
    # No terminal to ask on: --yes is needed, and nothing goes without it.
    refused = run_cli(env, "account", "remove", "dave", check_exit=2)
    assert "add --yes" in refused.stderr, refused.stderr
    assert backend.get_password(service, "dave:password") == PASSWORD
    run_cli(env, "account", "remove", "dave", "--yes", check_exit=0)
    assert not any(sessions.iterdir())
    assert backend.get_password(service, "dave:password") is None


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_changed_page_says_where_its_screenshot_is_and_what_to_do(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path, lang: str
) -> None:
    """`check` used to end a changed page with "A screenshot of the page was saved." and
    nothing more: not where, nor what to do meanwhile (which the window says)."""
    sim, env = x_with_accounts(
        simx, cli_env, SimAccount(handle="pat", password=PASSWORD, layout="reordered")
    )
    proc = run_cli(dict(env, CONSENTINEL_LANG=lang), "check")
    assert sim.mutations("pat") == []
    (shot,) = consentinel_home.rglob("*.png")
    line = next(x for x in proc.stdout.splitlines() if x.startswith("@pat"))
    if lang == "en":
        advice = (
            "check them yourself on x.com (Settings and privacy › Privacy and safety › Grok & "
            "Third-party Collaborators)"
        )
        where = f"A screenshot of the page was saved: {shot}"
    else:
        advice = typeset(
            "vérifiez-les vous-même sur x.com (Paramètres et confidentialité › "
            "Confidentialité et sécurité › Grok et collaborateurs tiers)"
        )
        where = typeset(f"Une capture d'écran de la page a été enregistrée : {shot}")
    assert advice in line, line
    assert line.endswith(where), line
    assert line.index(advice) < line.index(where)


def test_messages_in_french(cli_env: dict[str, str]) -> None:
    env = dict(cli_env, CONSENTINEL_LANG="fr")
    proc = run_cli(env, "account", "remove", "nobody", check_exit=2)
    assert "ne fait pas partie de vos comptes" in proc.stderr


def test_an_account_added_again_is_named_as_it_is_listed(cli_env: dict[str, str]) -> None:
    """Handles are case-insensitive: `account add ALICE` finds @alice, and names it so."""
    run_cli(cli_env, "account", "add", "alice", check_exit=0)
    for typed in ("ALICE", "@Alice"):
        again = run_cli(cli_env, "account", "add", typed, check_exit=2)
        assert again.stderr == "@alice is already in your accounts.\n"
    french = run_cli(dict(cli_env, CONSENTINEL_LANG="fr"), "account", "add", "ALICE")
    assert french.stderr == "@alice fait déjà partie de vos comptes.\n"


def test_account_add_reads_a_windows_line_end_and_says_when_no_password_was_saved(
    cli_env: dict[str, str], consentinel_home: Path
) -> None:
    run_cli(
        cli_env, "account", "add", "crlf", "--password-stdin", stdin="pw-crlf\r\n", check_exit=0
    )
    assert folder_vault().get_password("crlf") == "pw-crlf"  # no carriage return kept
    bare = run_cli(cli_env, "account", "add", "nopw", check_exit=0)  # no terminal, no stdin flag
    assert "No password was saved" in bare.stdout
    assert "consentinel account set-password nopw" in bare.stdout
    for handle in ("crlf", "nopw"):
        run_cli(cli_env, "account", "remove", handle, "--yes", check_exit=0)


def test_a_browser_setting_that_cannot_run_is_named_not_silently_skipped(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    env = dict(cli_env, CONSENTINEL_BROWSER=str(tmp_path / "no-such-chrome"))
    shown = run_cli(env, "browser")
    assert "no-such-chrome (named by the CONSENTINEL_BROWSER variable)" in shown.stderr
    assert "BrowserSource" not in shown.stdout + shown.stderr
    assert shown.returncode == 0 and "found via the usual install locations" in shown.stdout
    doctor = run_cli(env, "doctor")
    assert "no-such-chrome" in doctor.stdout and doctor.returncode == 1


def test_log_says_on_stderr_when_what_it_prints_was_tampered_with(
    cli_env: dict[str, str], consentinel_home: Path
) -> None:
    run_cli(cli_env, "account", "add", "tamper", "--password-stdin", stdin="pw\n", check_exit=0)
    clean = run_cli(cli_env, "log", check_exit=0)
    assert "account added" in clean.stdout and clean.stderr == ""  # in words, not codes
    french = run_cli(dict(cli_env, CONSENTINEL_LANG="fr"), "log", check_exit=0)
    assert "compte ajouté" in french.stdout
    _edit_behind_its_back(
        consentinel_home, "UPDATE entries SET handle = 'someone_else' WHERE handle = 'tamper'"
    )
    for fmt in ([], ["--csv"]):
        shown = run_cli(cli_env, "log", *fmt, check_exit=0)
        assert "someone_else" in shown.stdout
        assert "The journal does not verify" in shown.stderr, fmt
    nobody = run_cli(cli_env, "log", "--account", "nobody", check_exit=0)
    assert "no entry for @nobody" in nobody.stdout


def test_a_check_says_when_the_journal_it_adds_to_no_longer_verifies(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path
) -> None:
    sim, env = x_with_accounts(simx, cli_env, SimAccount(handle="vera", password=PASSWORD))
    intact = run_cli(env, "check", "--dry-run", check_exit=1)
    assert "verify" not in intact.stderr, intact.stderr
    _edit_behind_its_back(
        consentinel_home, "UPDATE entries SET handle = 'someone_else' WHERE kind = 'account_added'"
    )
    broken = run_cli(env, "check", "--dry-run", "--json", check_exit=1)
    assert json.loads(broken.stdout)["accounts"][0]["status"] == "would_fix"
    # (After the line every check against a simulated X says first.)
    origin_line, said = broken.stderr.split("\n", 1)
    assert (
        origin_line == f"Checking against {sim.origin}, not X (the variable CONSENTINEL_X_ORIGIN)."
    )
    assert said.startswith("The journal does not verify: "), broken.stderr
    assert "This check's entries were added to it." in broken.stderr
    assert sim.mutations("vera") == []


def _edit_behind_its_back(home: Path, sql: str) -> None:
    """Change the journal as someone with the file could, past the app (its chain no longer
    verifies)."""
    import sqlite3

    db = sqlite3.connect(home / "data" / "journal.sqlite3")
    db.execute(sql)
    db.commit()
    db.close()


def test_a_reader_that_stops_early_is_not_an_error(cli_env: dict[str, str]) -> None:
    run_cli(cli_env, "account", "add", "piped", "--password-stdin", stdin="pw\n", check_exit=0)
    proc = subprocess.Popen(
        [CLI, "log"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # `consentinel log | head -0`: nobody reads what it writes
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 0, err
    assert "Broken pipe" not in err and "Traceback" not in err


def test_a_posts_link_adds_its_account(cli_env: dict[str, str]) -> None:
    """A link copied from one of the account's posts names the account (not a 25-character
    "handle" claire_ong/status/…)."""
    link = "https://x.com/claire_ong/status/1234567?s=46"
    added = run_cli(cli_env, "account", "add", link, "--password-stdin", stdin="pw\n")
    assert added.returncode == 0, added.stderr
    assert "Added @claire_ong." in added.stdout


def test_set_totp_saves_a_2fa_secret_for_an_account_already_added(
    cli_env: dict[str, str],
) -> None:
    run_cli(cli_env, "account", "add", "later2fa", "--password-stdin", stdin="pw\n", check_exit=0)
    bad = run_cli(cli_env, "account", "set-totp", "later2fa", "--totp-stdin", stdin="nope!\n")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert folder_vault().get_totp("later2fa") is None
    no_terminal = run_cli(cli_env, "account", "set-totp", "later2fa", check_exit=2)
    assert "--totp-stdin" in no_terminal.stderr
    secret = pyotp.random_base32()
    spaced = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)).lower()
    from consentinel.core.accounts import AccountStore

    store = AccountStore(AppPaths.from_env())
    store.remember_refused_totp("later2fa", "hmac-sha256:" + "0" * 64)  # X refused its code
    saved = run_cli(cli_env, "account", "set-totp", "later2fa", "--totp-stdin", stdin=spaced + "\n")
    assert saved.returncode == 0 and "2FA secret saved for @later2fa" in saved.stdout
    assert store.state("later2fa").refused_totp is None  # saved again: codes are made again
    assert folder_vault().get_totp("later2fa") == secret
    assert secret not in saved.stdout + saved.stderr
    run_cli(cli_env, "account", "set-totp", "nobody", "--totp-stdin", stdin=secret, check_exit=2)
    # 2FA turned off on X, or the secret not to be kept here: forgotten, the password kept.
    removed = run_cli(cli_env, "account", "set-totp", "later2fa", "--remove", check_exit=0)
    assert "2FA secret removed for @later2fa" in removed.stdout
    assert folder_vault().get_totp("later2fa") is None
    assert folder_vault().get_password("later2fa") == "pw"
    again = run_cli(cli_env, "account", "set-totp", "later2fa", "--remove", check_exit=0)
    assert "nothing to remove" in again.stdout
    log = run_cli(cli_env, "log", "--account", "later2fa", check_exit=0).stdout
    assert log.count("2FA secret removed") == 1 and log.count("new 2FA secret saved") == 1
    both = run_cli(cli_env, "account", "set-totp", "later2fa", "--remove", "--totp-stdin")
    assert both.returncode == 2 and "not allowed with" in both.stderr
    french = run_cli({**cli_env, "CONSENTINEL_LANG": "fr"}, "account", "set-totp", "later2fa",
                     "--remove", check_exit=0)  # fmt: skip
    assert "Aucun secret 2FA n'est enregistré pour @later2fa\u00a0: rien à retirer." in (
        french.stdout
    )
    run_cli(cli_env, "account", "remove", "later2fa", "--yes", check_exit=0)


def test_set_totp_use_again_makes_codes_from_the_refused_saved_secret(
    cli_env: dict[str, str],
) -> None:
    """X's 399 at the code step also answers a sign-in it holds back: the person who knows the
    saved secret right (and may have no copy of it to type) has it used again, journaled."""
    from consentinel.core.accounts import AccountStore
    from consentinel.core.context import AppContext
    from consentinel.core.totp_refusals import remember_refused_totp, totp_secret_to_use

    secret = pyotp.random_base32()
    run_cli(cli_env, "account", "add", "heldback", "--password-stdin", stdin="pw\n",
            check_exit=0)  # fmt: skip
    nothing = run_cli(cli_env, "account", "set-totp", "heldback", "--use-again", check_exit=2)
    assert "No 2FA secret is saved for @heldback" in nothing.stderr
    run_cli(cli_env, "account", "set-totp", "heldback", "--totp-stdin", stdin=secret + "\n",
            check_exit=0)  # fmt: skip
    ctx = AppContext.create(vault=folder_vault())
    remember_refused_totp(ctx, "heldback", secret)  # as a sign-in does at X's "Incorrect"
    assert totp_secret_to_use(ctx, "heldback", secret) is None
    used = run_cli(cli_env, "account", "set-totp", "heldback", "--use-again", check_exit=0)
    assert "Checks make codes from the 2FA secret saved for @heldback again" in used.stdout
    assert secret not in used.stdout + used.stderr
    store = AccountStore(AppPaths.from_env())
    assert store.state("heldback").refused_totp is None
    assert totp_secret_to_use(ctx, "heldback", secret) == secret
    assert folder_vault().get_totp("heldback") == secret  # the same secret, kept
    french = run_cli({**cli_env, "CONSENTINEL_LANG": "fr"}, "account", "set-totp", "heldback",
                     "--use-again", check_exit=0)  # fmt: skip
    assert "produisent déjà les codes" in french.stdout and "rien à changer" in french.stdout
    log = run_cli(cli_env, "log", "--account", "heldback", check_exit=0).stdout
    assert log.count("saved 2FA secret used again") == 1, log
    both = run_cli(cli_env, "account", "set-totp", "heldback", "--use-again", "--remove")
    assert both.returncode == 2 and "not allowed with" in both.stderr


def test_edit_changes_email_phone_and_boxes_and_keeps_the_secrets(
    cli_env: dict[str, str],
) -> None:
    secret = pyotp.random_base32()
    run_cli(
        cli_env,
        "account",
        "add",
        "editme",
        "--password-stdin",
        "--totp-stdin",
        "--email",
        "old@example.com",
        stdin=f"{PASSWORD}\n{secret}\n",
        check_exit=0,
    )

    def listed() -> dict[str, Any]:
        rows = json.loads(run_cli(cli_env, "account", "list", "--json", check_exit=0).stdout)
        return {row["handle"]: row for row in rows}["editme"]

    edited = run_cli(
        cli_env,
        "account",
        "edit",
        "@EditMe",
        "--email",
        "",
        "--phone",
        "+33 6 12 34 56 78",
        "--keep",
        "memory",
        check_exit=0,
    )
    assert "Updated @editme." in edited.stdout
    row = listed()
    assert (row["email"], row["phone"]) == (None, "+33 6 12 34 56 78")
    assert row["keep"] == ["memory", "training"]  # training is always kept off
    assert folder_vault().get_password("editme") == PASSWORD
    assert folder_vault().get_totp("editme") == secret
    assert PASSWORD not in edited.stdout + edited.stderr
    # The journal keeps what changed: the boxes before and after, that the email went and a
    # phone came, never the addresses themselves.
    log = json.loads(run_cli(cli_env, "log", "--json", check_exit=0).stdout)
    (entry,) = [e for e in log["entries"] if e["kind"] == "account_edited"]
    assert entry["handle"] == "editme"
    assert entry["payload"] == {
        "keep": {
            "before": ["training", "personalization", "memory"],
            "after": ["training", "memory"],
        },
        "email": "removed",
        "phone": "added",
    }
    assert "old@example.com" not in json.dumps(log) and "12 34 56" not in json.dumps(log)
    shown = run_cli(cli_env, "log", check_exit=0).stdout
    assert (
        "account edited" in shown
        and "boxes kept off: Training, Memory (before: Training, Personalization, Memory)" in shown
        and "email address removed; phone number added" in shown
    ), shown

    # Only what is given changes; a bad value or no option at all changes nothing.
    run_cli(cli_env, "account", "edit", "editme", "--email", "new@example.com", check_exit=0)
    assert (listed()["email"], listed()["phone"]) == ("new@example.com", "+33 6 12 34 56 78")
    for args in (["--phone", "12"], ["--keep", "everything"], []):
        refused = run_cli(cli_env, "account", "edit", "editme", *args, check_exit=2)
        assert "Traceback" not in refused.stderr and refused.stderr.strip()
    assert listed()["email"] == "new@example.com"
    french = run_cli(
        dict(cli_env, CONSENTINEL_LANG="fr"), "account", "edit", "nobody", "--keep", "all"
    )
    assert french.returncode == 2 and "ne fait pas partie de vos comptes" in french.stderr
    run_cli(cli_env, "account", "remove", "editme", "--yes", check_exit=0)


@contextmanager
def _lock_held(home: Path) -> Iterator[RunLock]:
    """The run lock, held by this test as a check under way holds it (released at the end)."""
    lock = RunLock(AppPaths.under(home).lock_path)
    assert lock.acquire(wait=False)
    try:
        yield lock
    finally:
        lock.release()


WAITS = "Another check is running (pid {pid}): this one waits for it to end (at most 20 minutes).\n"


def test_a_scheduled_run_waits_for_the_check_under_way_then_checks(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path
) -> None:
    """It was skipped at once, and its accounts waited for the job's next time (a week later
    on a weekly schedule) when the app that held the lock was closed after: now it waits for
    the lock, then checks them."""
    sim, env = x_with_accounts(simx, cli_env, SimAccount("erin", PASSWORD))
    with (
        _lock_held(consentinel_home) as lock,
        started(env, "check", "--unattended", "--json") as run,
    ):
        said = run.said("waits for it")
        assert said == WAITS.format(pid=os.getpid())
        assert run.proc.poll() is None and not sim.clients()  # waiting, X untouched
        lock.release()
        done = run.finish()
    assert done.returncode == 0, (done.stdout, done.stderr)
    (erin,) = json.loads(done.stdout)["accounts"]
    assert (erin["handle"], erin["status"]) == ("erin", "fixed")
    assert sim.boxes("erin")["training"] is False
    assert done.stderr.count("waits for it") == 1  # said once, not at every try
    assert "skipped" not in done.stderr and "Traceback" not in done.stderr


def test_a_pause_chosen_while_a_scheduled_run_waits_is_honoured(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path
) -> None:
    """The pause is read after the wait, not only when the run started."""
    sim, env = x_with_accounts(simx, cli_env, SimAccount("erin", PASSWORD))
    with (
        _lock_held(consentinel_home) as lock,
        started(env, "check", "--unattended", "--json") as run,
    ):
        run.said("waits for it")
        # The person pauses automatic checks in the app (its tray) while its check runs.
        save_settings(AppPaths.under(consentinel_home), Settings(schedule_paused=True))
        lock.release()
        done = run.finish()
    assert done.returncode == 0, (done.stdout, done.stderr)
    assert json.loads(done.stdout) == skipped("paused")
    assert "Automatic checks are paused in Consentinel" in done.stderr
    assert not sim.clients() and sim.boxes("erin")["training"] is True


@pytest.mark.parametrize(
    ("stop", "lang", "waits"),
    [
        (signal.SIGTERM, "en", WAITS),
        (
            signal.SIGINT,
            "fr",
            typeset(
                "Une autre vérification est en cours (pid {pid}) : celle-ci attend sa fin "
                "(20 minutes au plus).\n"
            ),
        ),
    ],
)
def test_a_scheduled_run_stopped_while_it_waits_ends_at_once(
    cli_env: dict[str, str], consentinel_home: Path, stop: signal.Signals, lang: str, waits: str
) -> None:
    """A shutdown (SIGTERM) or Ctrl-C ends the wait as it ends a check: at once, said, no
    traceback, the exit status of each: it has ended while the lock is still held."""
    run_cli(cli_env, "account", "add", "erin", "--password-stdin", stdin="pw\n", check_exit=0)
    env = dict(cli_env, CONSENTINEL_LANG=lang)
    with _lock_held(consentinel_home), started(env, "check", "--unattended", "--json") as run:
        assert run.said(str(os.getpid())) == waits.format(pid=os.getpid())
        run.proc.send_signal(stop)
        done = run.finish(timeout=30)
    if stop is signal.SIGTERM:  # ended as killed by it: a clean stop to systemd
        assert done.returncode == -signal.SIGTERM
        assert done.stderr.endswith("Stopped: the system asked Consentinel to end.\n")
    else:
        assert done.returncode == 130
        assert done.stderr.endswith("\nInterrompu.\n"), done.stderr
    assert done.stdout == "" and "Traceback" not in done.stderr
    with Journal.open(AppPaths.under(consentinel_home).journal_path) as journal:
        assert journal.runs() == []  # nothing was begun


def test_a_check_with_no_accounts_says_so_and_a_scheduled_one_has_not_failed(
    cli_env: dict[str, str],
) -> None:
    """Before the first account is added, the scheduled job's runs are not failures (the job
    failed at every run), and --json prints JSON: the run's keys with no account, and why."""
    nothing = skipped("no_accounts")
    typed = "No accounts yet. Add one with: consentinel account add HANDLE\n"
    scheduled = (
        "No accounts yet, so this scheduled check has nothing to check. Add one with: "
        "consentinel account add HANDLE\n"
    )
    # Typed: nothing was checked, a set-up error (2), not "all off".
    proc = run_cli(cli_env, "check", check_exit=2)
    assert (proc.stdout, proc.stderr) == ("", typed)
    proc = run_cli(cli_env, "check", "--json", check_exit=2)
    assert (json.loads(proc.stdout), proc.stderr) == (nothing, typed)
    # Scheduled: done, and its log (stderr) says why nothing was checked.
    proc = run_cli(cli_env, "check", "--unattended", check_exit=0)
    assert (proc.stdout, proc.stderr) == ("", scheduled)
    proc = run_cli(cli_env, "check", "--unattended", "--json", check_exit=0)
    assert (json.loads(proc.stdout), proc.stderr) == (nothing, scheduled)
    french = run_cli(dict(cli_env, CONSENTINEL_LANG="fr"), "check", "--unattended", check_exit=0)
    assert french.stderr.startswith(typeset("Aucun compte pour l'instant : cette vérification"))
    # Naming an account is not what the schedule does: that one is not known.
    run_cli(cli_env, "check", "--unattended", "nobody", check_exit=2)


def test_an_x_address_variable_that_is_not_an_address_is_a_set_up_error(
    cli_env: dict[str, str],
) -> None:
    """Not a network problem met at the first page (Playwright's "Cannot navigate to invalid
    URL", in French output too): said before anything is opened, naming the variable. A
    command that never goes to X still works (the uninstaller's `schedule remove` among them)."""
    run_cli(cli_env, "account", "add", "gina", check_exit=0)
    env = dict(cli_env, CONSENTINEL_X_ORIGIN="notaurl")
    assert "@gina" in run_cli(env, "account", "list", check_exit=0).stdout
    for args in (["check"], ["check", "--json"], ["check", "--unattended"], ["login", "gina"]):
        proc = run_cli(env, *args, check_exit=2)
        assert proc.stderr == (
            "The variable CONSENTINEL_X_ORIGIN must be an address like https://x.com, not "
            "'notaurl': correct it, or unset it to use x.com.\n"
        )
        assert proc.stdout == ""
    french = run_cli(dict(env, CONSENTINEL_LANG="fr"), "check", check_exit=2)
    assert french.stderr == typeset(
        "La variable CONSENTINEL_X_ORIGIN doit être une adresse comme https://x.com, pas "
        "« notaurl » : corrigez-la, ou supprimez-la pour utiliser x.com.\n"
    )
    run_cli(cli_env, "account", "remove", "gina", "--yes", check_exit=0)


def test_a_scheduled_run_right_after_a_check_is_skipped(
    cli_env: dict[str, str], consentinel_home: Path
) -> None:
    """The open app checked a moment ago: the OS job that fires now does not check again."""
    from consentinel.core.context import AppContext

    run_cli(cli_env, "account", "add", "fay", "--password-stdin", stdin="pw\n", check_exit=0)
    ctx = AppContext.create(AppPaths.under(consentinel_home))
    ctx.settings.schedule = "daily"
    ctx.save_settings()
    run = ctx.journal.start_run("gui")
    ctx.journal.record_check(run, AccountResult("fay", Status.OPTED_OUT))
    ctx.journal.finish_run(run)
    ctx.journal.close()
    proc = run_cli(cli_env, "check", "--unattended", "--json", check_exit=0)
    assert json.loads(proc.stdout) == skipped("checked_lately")
    assert "less than 12 hours ago; this scheduled check is skipped" in proc.stderr  # daily
    ctx = AppContext.create(AppPaths.under(consentinel_home))
    ctx.settings.schedule = "weekly"
    ctx.save_settings()
    ctx.journal.close()
    proc = run_cli(dict(cli_env, CONSENTINEL_LANG="fr"), "check", "--unattended", check_exit=0)
    assert "il y a moins de 3,5 jours" in proc.stderr, proc.stderr  # not "84 heures"


def test_a_last_check_dated_a_year_ahead_does_not_skip_the_scheduled_runs(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path
) -> None:
    """The last check ran while the computer's clock was a year ahead, and the clock was put
    right since: the journal says it ended a year from now. The OS job's run checks (X switched
    a box back on meanwhile) instead of skipping as "checked lately" until that date; the run
    right after it skips, counting from that real check."""
    from datetime import datetime, timedelta, timezone

    from consentinel.core.context import AppContext
    from consentinel.core.journal import Journal

    sim, env = x_with_accounts(simx, cli_env, SimAccount("alice", "pw-a"))
    ctx = AppContext.create(AppPaths.under(consentinel_home))
    ctx.settings.schedule = "daily"
    ctx.save_settings()
    ctx.journal.close()
    ahead = datetime.now(timezone.utc) + timedelta(days=365)
    journal = Journal.open(ctx.paths.journal_path, clock=lambda: ahead)
    run = journal.start_run("schedule")
    journal.record_check(run, AccountResult("alice", Status.OPTED_OUT))
    journal.finish_run(run)
    journal.close()
    sim.set_box("alice", "training", True)
    proc = run_cli(env, "check", "--unattended", "--json", check_exit=0)
    assert "skipped" not in json.loads(proc.stdout), proc.stderr
    assert sim.boxes("alice")["training"] is False
    again = run_cli(env, "check", "--unattended", "--json", check_exit=0)
    assert json.loads(again.stdout) == skipped("checked_lately")


def test_a_check_of_one_account_does_not_put_off_the_others_scheduled_check(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path
) -> None:
    """`check alice` a moment ago, `check --dry-run` too: the OS job that fires now still checks,
    since flipper was never checked and its boxes are on."""
    from consentinel.core.context import AppContext

    sim, env = x_with_accounts(
        simx, cli_env, SimAccount("alice", "pw-a"), SimAccount("flipper", "pw-f")
    )
    ctx = AppContext.create(AppPaths.under(consentinel_home))
    ctx.settings.schedule = "daily"
    ctx.save_settings()
    ctx.journal.close()
    run_cli(env, "check", "alice", check_exit=0)
    run_cli(env, "check", "--dry-run", check_exit=1)  # flipper's boxes would be unticked
    proc = run_cli(env, "check", "--unattended", "--json", check_exit=0)
    assert "skipped" not in json.loads(proc.stdout), proc.stderr
    assert sim.boxes("flipper")["training"] is False


def test_verify_says_when_the_journal_started_over(
    cli_env: dict[str, str], consentinel_home: Path
) -> None:
    """An unreadable journal: verify says so and leaves it (looking changes nothing); once the
    app or a check has set it aside and started a new one, verify says the new one is intact
    and that another came before it, not just "intact"."""
    journal = consentinel_home / "data" / "journal.sqlite3"
    journal.parent.mkdir(parents=True, exist_ok=True)
    journal.write_bytes(b"not a database at all" * 50)
    looked = run_cli(cli_env, "log", "--verify", check_exit=1)
    assert "The journal does not verify: its file is damaged." in looked.stdout
    assert journal.read_bytes() == b"not a database at all" * 50
    Journal.open(journal).close()  # as the app or `check` opens it: set aside, a new one
    proc = run_cli(cli_env, "log", "--verify", check_exit=0)
    assert "The journal is intact: 1 entry, chain verified." in proc.stdout
    assert "It started over on " in proc.stdout and "journal.sqlite3.corrupt-" in proc.stdout
    again = run_cli(cli_env, "log", "--verify", check_exit=0)
    assert "It started over on " in again.stdout  # and at every verify after
