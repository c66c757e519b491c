"""The command line at a person's terminal: a real pseudo-terminal as the process's own, a real
Secret Service keyring, real Chromium against the simulated X. What is typed is never shown,
questions never mix into standard output, and Ctrl-D, Ctrl-C or a reader that goes away end
with a sentence, not a traceback."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import signal
import subprocess
import sys
import termios
import time
from pathlib import Path
from typing import Any

import pyotp
import pytest

from consentinel.core.journal import Journal
from consentinel.core.paths import AppPaths
from consentinel.simx import SimAccount
from tests.e2e._cli_support import CLI, add_account, run_cli, x_with_accounts
from tests.fixtures.keyring_fixtures import folder_vault

SECRET = "pw-never-shown-7f3a"


#: A shell as far as the terminal goes: it owns the terminal (Linux resets a terminal's
#: settings when its owner ends, which would hide a terminal left without echo), runs the
#: command in the foreground, survives its Ctrl-C, and says whether the echo is on after it.
SHELL = """
import signal, subprocess, sys, termios
signal.signal(signal.SIGINT, lambda *_: None)
child = subprocess.Popen(sys.argv[1:])
print(f"pid={child.pid}.", file=sys.stderr, flush=True)
code = child.wait()
echo = "on" if termios.tcgetattr(0)[3] & termios.ECHO else "off"
print(f"echo={echo}.", file=sys.stderr, flush=True)
sys.exit(128 - code if code < 0 else code)
"""


class Terminal:
    """`consentinel ARGS` with a pseudo-terminal as its controlling terminal, standard input
    and standard error; standard output is a pipe (a file, `> out.json`)."""

    def __init__(self, env: dict[str, str], *args: str, in_a_shell: bool = False) -> None:
        self.master, slave = pty.openpty()

        def own_terminal() -> None:
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.proc = subprocess.Popen(
            [sys.executable, "-c", SHELL, CLI, *args] if in_a_shell else [CLI, *args],
            stdin=slave,
            stdout=subprocess.PIPE,
            stderr=slave,
            env=env,
            preexec_fn=own_terminal,
        )
        os.close(slave)
        self.shown = ""
        self._answered = 0

    def wait_for(self, words: str, timeout: float = 120, *, after: int = 0) -> None:
        """Read what the terminal shows until `words` appear (past the first `after` characters)."""
        deadline = time.monotonic() + timeout
        while words not in self.shown[after:]:
            left = deadline - time.monotonic()
            assert left > 0, f"{words!r} never shown; the terminal shows: {self.shown!r}"
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    self.shown += os.read(self.master, 4096).decode(errors="replace")
                except OSError:  # the process ended: nothing more will be shown
                    assert words in self.shown[after:], self.shown
                    return

    def answer(self, question: str, keys: str) -> None:
        """Wait for `question` shown after the last one answered, then type `keys` (typed
        before the question, a hidden entry would lose them: getpass flushes what came first)."""
        self.wait_for(question, after=self._answered)
        self._answered = self.shown.index(question, self._answered) + len(question)
        self.type(keys)

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def finish(self, timeout: float = 120) -> tuple[int, str]:
        """The exit code and standard output; what the terminal showed stays in `shown`."""
        stdout, _ = self.proc.communicate(timeout=timeout)
        while True:
            ready, _, _ = select.select([self.master], [], [], 0.5)
            if not ready:
                break
            try:
                chunk = os.read(self.master, 4096)
            except OSError:
                break
            if not chunk:
                break
            self.shown += chunk.decode(errors="replace")
        os.close(self.master)
        return self.proc.returncode, stdout.decode()


PASSWORD_QUESTION = "X password (leave empty to skip): "
TOTP_QUESTION = "2FA (TOTP) secret (leave empty to skip): "


def _listed(env: dict[str, str]) -> list[str]:
    done = subprocess.run(
        [CLI, "account", "list", "--json"], env=env, capture_output=True, text=True, check=True
    )
    return [account["handle"] for account in json.loads(done.stdout)]


def test_account_add_at_a_terminal_asks_the_password_and_the_2fa_secret(
    cli_env: dict[str, str],
) -> None:
    """As the window's dialog does: the password, typed twice, then the 2FA secret, both
    unseen. The secret is read as set-totp reads one (spaces, small letters), and kept."""
    totp = pyotp.random_base32()
    pasted = " ".join(totp[i : i + 4] for i in range(0, len(totp), 4)).lower()
    term = Terminal(cli_env, "account", "add", "amy")
    term.answer(PASSWORD_QUESTION, SECRET + "\n")
    term.answer("Type it again: ", SECRET + "\n")
    term.answer(TOTP_QUESTION, pasted + "\n")
    code, out = term.finish()
    assert code == 0, term.shown
    assert "Added @amy." in out and "No password was saved" not in out, out
    assert folder_vault().get_password("amy") == SECRET
    assert folder_vault().get_totp("amy") == totp
    for secret in (SECRET, totp, pasted, totp.lower()):
        assert secret not in term.shown + out


def test_a_2fa_secret_not_valid_at_a_terminal_is_asked_again_and_the_password_kept(
    cli_env: dict[str, str],
) -> None:
    """A typo in the secret does not cost the password typed before it (twice)."""
    totp = pyotp.random_base32()
    term = Terminal(cli_env, "account", "add", "cleo")
    term.answer(PASSWORD_QUESTION, SECRET + "\n")
    term.answer("Type it again: ", SECRET + "\n")
    term.answer(TOTP_QUESTION, "not a secret!\n")
    term.answer(TOTP_QUESTION, totp + "\n")
    code, out = term.finish()
    assert code == 0, term.shown
    assert "2FA secret is not valid" in term.shown
    assert folder_vault().get_password("cleo") == SECRET
    assert folder_vault().get_totp("cleo") == totp
    assert SECRET not in term.shown + out and totp not in term.shown + out


def test_a_2fa_secret_not_given_at_a_terminal_saves_nothing(cli_env: dict[str, str]) -> None:
    """Ctrl-D at the 2FA secret's question: nothing at all is saved."""
    term = Terminal(cli_env, "account", "add", "bea")
    term.answer(PASSWORD_QUESTION, SECRET + "\n")
    term.answer("Type it again: ", SECRET + "\n")
    term.answer(TOTP_QUESTION, "\x04")
    code, _out = term.finish()
    assert code == 2, term.shown
    assert "No answer: nothing was saved." in term.shown and "Traceback" not in term.shown
    assert SECRET not in term.shown
    assert _listed(cli_env) == []
    assert folder_vault().get_password("bea") is None


@pytest.mark.parametrize(
    ("lang", "error", "added", "said"),
    [
        (
            "en",
            "This 2FA secret is not valid: it should only have the letters A to Z and the "
            "digits 2 to 7.",
            "Added @bea.\n",
            "No 2FA secret was saved, as none of the three typed was a valid one: save it with "
            "`consentinel account set-totp bea`.\n",
        ),
        (
            "fr",
            "Ce secret 2FA n'est pas valide\u00a0: il ne doit contenir que les lettres A à Z et "
            "les chiffres 2 à 7.",
            "@bea ajouté.\n",
            "Aucun secret 2FA n'a été enregistré, car aucun des trois tapés n'était "
            "valide\u00a0: enregistrez-le avec `consentinel account set-totp bea`.\n",
        ),
    ],
)
def test_three_2fa_secrets_not_valid_at_a_terminal_add_the_account_with_its_password(
    cli_env: dict[str, str], lang: str, error: str, added: str, said: str
) -> None:
    """Three secrets that are not one: the password typed twice is kept, the account added
    without a secret, and the person told so and how to save one later. Each error is said
    once (the last one was said twice, and then everything was thrown away, unsaid)."""
    env = dict(cli_env, CONSENTINEL_LANG=lang)
    term = Terminal(env, "account", "add", "bea")
    term.answer(PASSWORD_QUESTION if lang == "en" else "Mot de passe X", SECRET + "\n")
    term.answer("Type it again: " if lang == "en" else "Tapez-le", SECRET + "\n")
    for _attempt in range(3):
        term.answer("TOTP", "not a secret!\n")
    code, out = term.finish()
    assert code == 0, term.shown
    assert term.shown.count(error) == 3, term.shown
    assert out.startswith(added) and out.endswith(said), out
    assert "not a secret!" not in term.shown + out and SECRET not in term.shown + out
    assert _listed(cli_env) == ["bea"]
    assert folder_vault().get_password("bea") == SECRET
    assert folder_vault().get_totp("bea") is None


@pytest.mark.parametrize(
    "flags",
    [["--password-stdin"], ["--totp-stdin"], ["--password-stdin", "--totp-stdin"]],
    ids=["password-stdin", "totp-stdin", "both"],
)
def test_at_a_terminal_both_secrets_are_asked_whatever_the_stdin_flags(
    cli_env: dict[str, str], flags: list[str]
) -> None:
    """The flags are for pipes. The app itself suggests `account add HANDLE --password-stdin`,
    and someone with 2FA may add --totp-stdin alone: at a terminal both are asked, unseen."""
    totp = pyotp.random_base32()
    term = Terminal(cli_env, "account", "add", "dave", *flags)
    term.answer(PASSWORD_QUESTION, SECRET + "\n")
    term.answer("Type it again: ", SECRET + "\n")
    term.answer(TOTP_QUESTION, totp + "\n")
    code, out = term.finish()
    assert code == 0, term.shown
    assert folder_vault().get_password("dave") == SECRET
    assert folder_vault().get_totp("dave") == totp
    assert SECRET not in term.shown + out and totp not in term.shown + out


@pytest.mark.parametrize(
    "flags", [[], ["--password-stdin", "--totp-stdin"]], ids=["plain", "flags"]
)
def test_both_secrets_left_empty_at_a_terminal_add_the_account_without_them(
    cli_env: dict[str, str], flags: list[str]
) -> None:
    term = Terminal(cli_env, "account", "add", "nat", *flags)
    term.answer(PASSWORD_QUESTION, "\n")
    term.answer(TOTP_QUESTION, "\n")
    code, out = term.finish()
    assert code == 0, term.shown
    assert "Type it again" not in term.shown  # no password: nothing to type twice
    assert "Added @nat." in out and "No password was saved" in out, out
    assert "Secrets stored" not in out
    assert _listed(cli_env) == ["nat"]
    assert folder_vault().get_password("nat") is None
    assert folder_vault().get_totp("nat") is None


def test_a_password_of_spaces_only_at_a_terminal_is_refused_and_nothing_saved(
    cli_env: dict[str, str],
) -> None:
    """A stray space typed unseen is no password: saved, it would be read as none, and every
    check would say "no session or password saved". Refused, as set-password and
    --password-stdin refuse it, and the account is not added."""
    term = Terminal(cli_env, "account", "add", "kim")
    term.answer(PASSWORD_QUESTION, "   \n")
    code, _out = term.finish()
    assert code == 2, term.shown
    assert "The password is only spaces: nothing was saved." in term.shown
    assert _listed(cli_env) == []

    term = Terminal(dict(cli_env, CONSENTINEL_LANG="fr"), "account", "add", "kim")
    term.answer("Mot de passe X (vide pour ignorer)\u00a0: ", " \n")
    code, _out = term.finish()
    assert code == 2, term.shown
    assert "Le mot de passe n'est fait que d'espaces\u00a0: rien n'a été enregistré." in term.shown
    assert _listed(cli_env) == []


def test_a_password_typed_at_a_terminal_is_asked_twice_and_a_mismatch_is_not_saved(
    cli_env: dict[str, str],
) -> None:
    """A typo in a password costs a refusal by X, and a wrong password is never tried again:
    at a terminal it is typed twice, and only the same password twice is kept."""
    typo = SECRET + "x"
    term = Terminal(cli_env, "account", "add", "gus")
    term.answer("X password (leave empty to skip): ", SECRET + "\n")
    term.answer("Type it again: ", typo + "\n")
    term.answer("The two entries differ.", "")
    term.answer("X password (leave empty to skip): ", SECRET + "\n")
    term.answer("Type it again: ", SECRET + "\n")
    term.answer(TOTP_QUESTION, "\n")
    code, _out = term.finish()
    assert code == 0, term.shown
    assert SECRET not in term.shown and typo not in term.shown
    assert folder_vault().get_password("gus") == SECRET

    term = Terminal(cli_env, "account", "set-password", "gus")
    for _ in range(3):
        term.answer("X password: ", "new-" + SECRET + "\n")
        term.answer("Type it again: ", "other-" + SECRET + "\n")
        term.answer("The two entries differ.", "")
    code, _out = term.finish()
    assert code == 2, term.shown
    assert "not typed the same way twice: nothing was saved." in term.shown
    assert folder_vault().get_password("gus") == SECRET  # the old one, untouched


def test_without_a_keyring_no_secret_is_asked_at_a_terminal(
    cli_env: dict[str, str], consentinel_home: Path
) -> None:
    """A password typed twice, only to hear that no keyring can keep it: the keyring is asked
    first. At a terminal with no secret given, the account is added without one (as in the
    window); a secret asked for (--password-stdin, set-password) is refused before the question."""
    env = dict(
        cli_env,
        DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent/bus",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    accounts = consentinel_home / "config" / "accounts.json"
    term = Terminal(env, "account", "add", "zed")
    code, out = term.finish()
    assert code == 0, term.shown
    assert "X password" not in term.shown and "2FA (TOTP)" not in term.shown
    assert "keyring" in term.shown.lower() and "added without a password" in term.shown
    assert "Added @zed." in out and "zed" in accounts.read_text()

    for args in (("account", "add", "ann", "--password-stdin"), ("account", "set-password", "zed")):
        term = Terminal(env, *args)
        code, _out = term.finish()
        assert code == 2, term.shown
        assert "X password" not in term.shown and "keyring" in term.shown.lower(), term.shown
    assert "ann" not in accounts.read_text()


def test_removing_an_account_at_a_terminal_asks_first(cli_env: dict[str, str]) -> None:
    add_account(cli_env, "fay", SECRET)

    def listed() -> list[str]:
        done = subprocess.run(
            [CLI, "account", "list", "--json"], env=cli_env, capture_output=True, text=True
        )
        return [a["handle"] for a in json.loads(done.stdout)]

    term = Terminal(cli_env, "account", "remove", "fay")
    term.wait_for("Remove it? [y/N] ")
    assert "deletes its password, its 2FA secret and its session" in term.shown
    term.type("\n")  # Enter alone: no
    code, _out = term.finish()
    assert code == 1 and "Nothing was removed." in term.shown, term.shown  # a no, not an error
    assert listed() == ["fay"]

    term = Terminal(cli_env, "account", "remove", "fay")
    term.wait_for("Remove it? [y/N] ")
    term.type("y\n")
    code, out = term.finish()
    assert code == 0 and "Removed @fay" in out, (term.shown, out)
    assert listed() == []


def test_ctrl_d_and_ctrl_c_at_a_question_end_with_a_sentence(cli_env: dict[str, str]) -> None:
    term = Terminal(cli_env, "account", "add", "erin")
    term.wait_for("X password (leave empty to skip): ")
    term.type("\x04")  # Ctrl-D: no answer
    code, _out = term.finish()
    assert code == 2 and "No answer: nothing was saved." in term.shown, term.shown
    assert "Traceback" not in term.shown

    term = Terminal(cli_env, "account", "add", "erin")
    term.wait_for("X password (leave empty to skip): ")
    term.type("\x03")  # Ctrl-C
    code, _out = term.finish()
    assert code == 130, term.shown  # as shells report a program Ctrl-C stopped
    assert "\nInterrupted." in term.shown and "Traceback" not in term.shown
    listed = subprocess.run(
        [CLI, "account", "list", "--json"], env=cli_env, capture_output=True, text=True
    )
    assert json.loads(listed.stdout) == []  # nothing was saved either time


def test_a_question_during_check_json_never_mixes_into_the_json(
    simx: Any, cli_env: dict[str, str]
) -> None:
    """`check --json > out.json` at a terminal: X asks for a code; the question is on the
    terminal, and standard output holds the JSON alone."""
    mailer = SimAccount("mailer", SECRET, challenges=["email_code"])
    sim, env = x_with_accounts(simx, cli_env, mailer)
    term = Terminal(env, "check", "--json")
    term.wait_for("enter the code X sent you")
    code_from_x = sim.email_code("mailer")
    assert code_from_x
    term.type(code_from_x + "\n")
    code, out = term.finish(timeout=180)
    result = json.loads(out)  # the JSON alone: no question in front of it
    assert [a["status"] for a in result["accounts"]] == ["fixed"], (result, term.shown)
    assert code == 0
    assert SECRET not in term.shown + out
    assert code_from_x not in term.shown  # typed, not shown, as a password is not


def test_a_2fa_code_of_the_wrong_form_is_asked_again_and_a_spaced_one_signs_in(
    simx: Any, cli_env: dict[str, str]
) -> None:
    """`consentinel check` at a terminal, no 2FA secret saved: `12345` (a digit short) is
    asked again with why, X never receiving it (its refusals count toward a lock); the code
    typed as authenticator apps show it ("281 961") signs in. Neither is shown."""
    totp = pyotp.random_base32()
    tom = SimAccount("tom", SECRET, totp_secret=totp, challenges=["two_factor"])
    sim, env = x_with_accounts(simx, cli_env, tom)
    term = Terminal(env, "check")
    question = "@tom: enter the code from your authenticator app: "
    term.answer(question, "12345\n")
    term.wait_for("nothing was sent to X. Type it again.", after=len(question))
    code_now = pyotp.TOTP(totp).now()
    spaced = f"{code_now[:3]} {code_now[3:]}"
    term.answer(question, spaced + "\n")
    code, out = term.finish(timeout=180)
    assert code == 0, term.shown + out
    assert "@tom: fixed" in out, term.shown + out
    assert [a["outcome"] for a in sim.signin_attempts("tom")] == ["success"]
    said = term.shown + out
    assert "12345" not in said and code_now not in said and spaced not in said, said


@pytest.mark.parametrize("stop", ["ctrl-c", "sigterm"])
def test_a_code_question_stopped_gives_the_terminal_its_echo_back(
    simx: Any, cli_env: dict[str, str], stop: str
) -> None:
    """The code is typed unseen; the question is read in a thread nothing waits for, so a
    Ctrl-C or a SIGTERM there must still give the terminal back as it was, or the person's
    shell would show nothing they type next. (Playwright's driver, a Node process, also puts
    back at its exit the terminal it found at its start, before the question: the echo's
    return is asserted, and the app does it itself, but that part alone passes without it.)"""
    mailer = SimAccount("mailer", SECRET, challenges=["email_code"])
    _, env = x_with_accounts(simx, cli_env, mailer)
    term = Terminal(env, "check", in_a_shell=True)
    term.wait_for("enter the code X sent you")
    pid = int(term.shown.split("pid=", 1)[1].split(".", 1)[0])
    assert not termios.tcgetattr(term.master)[3] & termios.ECHO  # hidden while asked
    if stop == "ctrl-c":
        term.type("\x03")
    else:
        os.kill(pid, signal.SIGTERM)
    term.wait_for("echo=")
    code, _out = term.finish()
    assert "echo=on." in term.shown, term.shown
    # How far the check had gone, then the last word: on lines of their own, not after the
    # question, with no empty line between them.
    said = (
        "sent you by email or SMS: \r\nAccounts checked: 0 of 1.\r\n"
        "Not checked, left for the next check: @mailer.\r\n"
    )
    assert said in term.shown, term.shown
    if stop == "ctrl-c":
        assert said + "Interrupted.\r\n" in term.shown, term.shown
    assert code == (130 if stop == "ctrl-c" else 128 + signal.SIGTERM), term.shown
    assert "Traceback" not in term.shown


def test_a_reader_that_stops_reading_does_not_stop_the_check(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path
) -> None:
    """`consentinel check | head -1`: the first line is read, the pipe closes; the other
    accounts are still checked, nothing is blamed on the browser, and the exit code is the
    check's."""
    handles = ("ann", "ben", "cyd")
    # One account at a time: the pipe closes after the first, with the others still to check.
    (consentinel_home / "config").mkdir(parents=True, exist_ok=True)
    (consentinel_home / "config" / "settings.json").write_text('{"concurrency": 1}')
    sim, env = x_with_accounts(simx, cli_env, *(SimAccount(h, f"pw-{h}") for h in handles))
    piped = subprocess.run(
        ["bash", "-c", f'"{CLI}" check | head -1; echo "exit=${{PIPESTATUS[0]}}" >&2'],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert piped.stdout.count("\n") == 1, piped.stdout
    assert "exit=0" in piped.stderr, piped.stderr
    assert all(sim.boxes(h)["training"] is False for h in handles)
    log = subprocess.run(
        [CLI, "log", "--json"], env=env, capture_output=True, text=True, check=True
    )
    checks = [e for e in json.loads(log.stdout)["entries"] if e["kind"] == "check"]
    assert [c["payload"]["status"] for c in checks] == ["fixed"] * 3, checks


@pytest.mark.parametrize("args", [["log", "--account", ""], ["log", "--account", "  "]])
def test_an_empty_account_filter_is_a_mistake_not_every_account(
    cli_env: dict[str, str], args: list[str]
) -> None:
    done = subprocess.run([CLI, *args], env=cli_env, capture_output=True, text=True)
    assert done.returncode == 2 and done.stdout == "", (done.stdout, done.stderr)
    assert "handle" in done.stderr


def test_output_the_terminal_cannot_encode_is_replaced_not_a_traceback(
    cli_env: dict[str, str],
) -> None:
    """A Windows console's code page, or a file it redirects to, cannot hold every character of
    the French messages: they are replaced."""
    env = dict(cli_env, CONSENTINEL_LANG="fr", PYTHONIOENCODING="ascii")
    env["XDG_CONFIG_HOME"] = env["CONSENTINEL_HOME"]  # no job installed: "non installée"
    done = subprocess.run([CLI, "schedule", "status"], env=env, capture_output=True)
    assert b"Traceback" not in done.stderr, done.stderr
    assert done.stdout.startswith(b"V?rification planifi?e"), done.stdout


def test_ctrl_c_during_check_json_prints_what_was_done_and_no_noise(
    simx: Any, cli_env: dict[str, str]
) -> None:
    """Ctrl-C while X waits for a code: one account is done, the other is stopped. The JSON
    says so (`interrupted`, the stopped one cancelled), the terminal shows one sentence, and
    asyncio's leftovers stay unseen."""
    quick = SimAccount("quick", "pw-quick")
    mailer = SimAccount("mailer", SECRET, challenges=["email_code"])
    _, env = x_with_accounts(simx, cli_env, quick, mailer)
    # Signed in beforehand: sign-ins go one at a time, and mailer's waits for its code.
    first = subprocess.run([CLI, "check", "quick"], env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    term = Terminal(env, "check", "--json")
    term.wait_for("enter the code X sent you")
    deadline = time.monotonic() + 120
    while _checks(env, "quick") < 2:
        assert time.monotonic() < deadline, term.shown
        time.sleep(0.2)  # polled: the other account's check ends on its own
    term.type("\x03")  # Ctrl-C
    code, out = term.finish(timeout=120)
    assert code == 130, term.shown
    assert "\nInterrupted." in term.shown, term.shown
    for noise in ("Traceback", "Future exception", "Task was destroyed", "Exception ignored"):
        assert noise not in term.shown, term.shown
    result = json.loads(out)
    assert result["interrupted"] is True and result["cancelled"] is True, result
    # The one stopped while X waited is there too, as cancelled (and so in the journal).
    assert [(a["handle"], a["status"], a["reason"]) for a in result["accounts"]] == [
        ("quick", "opted_out", None),
        ("mailer", "error", "cancelled"),
    ]
    assert SECRET not in term.shown + out


def _checks(env: dict[str, str], handle: str) -> int:
    log = subprocess.run(
        [CLI, "log", "--json", "--account", handle], env=env, capture_output=True, text=True
    )
    return sum(e["kind"] == "check" for e in json.loads(log.stdout)["entries"])


@pytest.mark.parametrize(
    ("challenge", "lang", "said"),
    [
        (
            "captcha",
            "en",
            "@cap: captcha to solve — X shows a captcha: run `consentinel login "
            "cap` from a desktop session and solve it in its window (none was found here: no "
            "DISPLAY or WAYLAND_DISPLAY).\n",
        ),
        (
            "captcha",
            "fr",
            "@cap\u00a0: captcha à résoudre — X affiche un captcha\u00a0: "
            "lancez `consentinel login cap` depuis une session de bureau et résolvez-le dans "
            "sa fenêtre (aucune n'a été trouvée ici\u00a0: ni DISPLAY ni WAYLAND_DISPLAY).\n",
        ),
        (
            "lock",
            "en",
            "@cap: locked by X — X locked the account until you verify "
            "it: sign in on x.com, then run `consentinel login cap` from a desktop session "
            "(none was found here: no DISPLAY or WAYLAND_DISPLAY).\n",
        ),
    ],
)
def test_with_no_desktop_a_check_offers_no_window_and_says_why(
    simx: Any, cli_env: dict[str, str], challenge: str, lang: str, said: str
) -> None:
    """X shows a puzzle or its lock at the sign-in of a check run at a terminal with no
    graphical desktop (an SSH session): no window is offered (it could not open, after the
    person said yes to it), and the result says why and what to do, once (it said to run
    `consentinel login` twice in one message)."""
    env = {k: v for k, v in cli_env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["CONSENTINEL_LANG"] = lang
    sim, env = x_with_accounts(simx, env, SimAccount("cap", SECRET, challenges=[challenge]))
    term = Terminal(env, "check")
    code, out = term.finish(timeout=180)
    shown = term.shown + out
    assert "[y/N]" not in shown and "[o/N]" not in shown, shown
    assert "waiting for you to sign in" not in shown, shown
    assert said in out, out
    assert out.count("consentinel login cap") == 1, out
    outcome = {"captcha": "captcha", "lock": "locked"}[challenge]
    assert [a["outcome"] for a in sim.signin_attempts("cap")] == [outcome]
    assert code == 1


@pytest.mark.parametrize(
    ("lang", "question"),
    [
        (
            "en",
            "@cap: X needs you (X showed a captcha). Open a browser window to finish signing "
            "in? [y/N] ",
        ),
        (
            "fr",
            "@cap\u00a0: X a besoin de vous (X a affiché un captcha). Ouvrir une fenêtre de "
            "navigateur pour terminer la connexion\u00a0? [o/N] ",
        ),
    ],
)
def test_the_question_to_finish_in_a_window_says_why_in_words_not_a_code(
    simx: Any, cli_env: dict[str, str], lang: str, question: str
) -> None:
    """Before offering the window the terminal said X's reason code on a line of its own
    ("captcha", in English in French too): the question says why in the person's words."""
    env = dict(cli_env, DISPLAY=":99", CONSENTINEL_LANG=lang)  # a desktop as far as asking goes
    _, env = x_with_accounts(simx, env, SimAccount("cap", SECRET, challenges=["captcha"]))
    term = Terminal(env, "check")
    term.answer(question, "n\n")
    code, _out = term.finish(timeout=180)
    assert "captcha\r\n" not in term.shown.replace("un captcha", ""), term.shown
    assert code == 1, term.shown


def test_an_unattended_check_a_person_starts_is_not_journaled_as_the_schedule(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path
) -> None:
    """`check --unattended` is the OS job's command line; the journal says "by the schedule"
    only of the run the job makes (no account named; `--from-schedule`, or, from a job an
    earlier version installed, no terminal). The same options typed by a person, at a terminal
    or naming an account, are a check from the command line."""
    _, env = x_with_accounts(simx, cli_env, SimAccount("una", SECRET))
    # (dry runs: none of them puts off the next one's accounts, all stay due)
    run_cli(env, "check", "--unattended", "--dry-run")  # as the job runs it: no terminal
    run_cli(env, "check", "--unattended", "--dry-run", "una")
    term = Terminal(env, "check", "--unattended", "--dry-run")
    term.finish()
    # The OS job's own command line marks the run as the schedule's: the Task Scheduler gives
    # the check a console (a terminal) all the same (it cannot run here: a terminal stands in).
    job = Terminal(env, "check", "--unattended", "--from-schedule", "--dry-run")
    job.finish()
    journal = Journal.open(AppPaths.under(consentinel_home).journal_path)
    try:
        triggers = [run.trigger for run in reversed(journal.runs())]
    finally:
        journal.close()
    assert triggers == ["schedule", "manual", "manual", "schedule"], term.shown + job.shown
    log = subprocess.run([CLI, "log"], env=env, capture_output=True, text=True, check=True)
    started = [line for line in log.stdout.splitlines() if "check started" in line]
    by_schedule = [True, False, False, True]
    assert ["by the schedule" in line for line in started] == by_schedule, started
    by_hand = [not by for by in by_schedule]
    assert ["from the command line" in line for line in started] == by_hand, started


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "Saved for this account: mailer@example.org and +33 6 12 34 56 78.\r\n"
            "@mailer: enter the code X sent you by email or SMS: ",
        ),
        (
            "fr",
            "Enregistrés pour ce compte\u00a0: mailer@example.org et +33 6 12 34 56 78.\r\n"
            "@mailer\u00a0: saisissez le code que X vous a envoyé par e-mail ou SMS\u00a0: ",
        ),
    ],
)
def test_the_email_code_question_names_the_saved_email_and_phone(
    simx: Any, cli_env: dict[str, str], lang: str, said: str
) -> None:
    """As the window's dialog does: someone who reads many mailboxes (an agency) is told which
    one to look in, before the question."""
    sim = simx(SimAccount("mailer", SECRET, challenges=["email_code"]))
    env = dict(cli_env, CONSENTINEL_X_ORIGIN=sim.origin, CONSENTINEL_LANG=lang)
    run_cli(
        env,
        *("account", "add", "mailer", "--password-stdin"),
        *("--email", "mailer@example.org", "--phone", "+33 6 12 34 56 78"),
        stdin=SECRET + "\n",
        check_exit=0,
    )
    term = Terminal(env, "check")
    term.wait_for(said)
    code_from_x = sim.email_code("mailer")
    assert code_from_x
    term.type(code_from_x + "\n")
    code, _out = term.finish(timeout=180)
    assert code == 0, term.shown


@pytest.mark.parametrize(
    ("lang", "question"),
    [
        (
            "en",
            "@lou: X locked the account until you verify it. Unlock it first: sign in on x.com "
            "and do what X asks. Then, open a browser window to finish signing in? [y/N] ",
        ),
        (
            "fr",
            "@lou\u00a0: X a verrouillé le compte jusqu'à ce que vous le vérifiiez. "
            "Déverrouillez-le d'abord\u00a0: connectez-vous sur x.com et faites ce que X "
            "demande. Ensuite, ouvrir une fenêtre de navigateur pour terminer la "
            "connexion\u00a0? [o/N] ",
        ),
    ],
)
def test_a_locked_account_is_unlocked_on_x_com_before_the_window_is_offered(
    simx: Any, cli_env: dict[str, str], lang: str, question: str
) -> None:
    """The question said to unlock the account on x.com only after it was answered: a window
    opened on a yes could not get past X's lock. Said first now, as the window's dialog does."""
    env = dict(cli_env, DISPLAY=":99", CONSENTINEL_LANG=lang)  # a desktop as far as asking goes
    _, env = x_with_accounts(simx, env, SimAccount("lou", SECRET, challenges=["lock"]))
    term = Terminal(env, "check")
    term.answer(question, "n\n")
    code, _out = term.finish(timeout=180)
    assert code == 1, term.shown


def test_without_a_terminal_no_wait_for_a_code_is_said_nor_a_sign_in_after_it_ended(
    simx: Any, cli_env: dict[str, str]
) -> None:
    """A check on a pipe, X asking for a 2FA code: nobody can be asked, so no "waiting for your
    code…" (read as the program waiting for the person), and no "signing in…" after the
    sign-in has ended."""
    tim = SimAccount("tim", SECRET, totp_secret=pyotp.random_base32(), challenges=["two_factor"])
    _, env = x_with_accounts(simx, cli_env, tim)
    done = run_cli(env, "check")
    assert "@tim: 2FA code needed" in done.stdout, done.stdout
    said = done.stderr.splitlines()
    assert not [line for line in said if "waiting for your" in line], done.stderr
    assert [line for line in said if line.startswith("@tim:")] == [
        "@tim: waiting…",
        "@tim: opening the session…",
        "@tim: signing in…",
    ], done.stderr


def test_no_sign_in_is_said_after_the_window_is_declined(
    simx: Any, cli_env: dict[str, str]
) -> None:
    """At a terminal, "n" to the window for a locked account ends the sign-in: its result comes
    next, not "signing in…" again."""
    env = dict(cli_env, DISPLAY=":99")  # a desktop as far as asking goes
    _, env = x_with_accounts(simx, env, SimAccount("lou", SECRET, challenges=["lock"]))
    term = Terminal(env, "check")
    term.answer("[y/N] ", "n\n")
    code, out = term.finish(timeout=180)
    assert code == 1, term.shown
    after = term.shown.split("[y/N] ", 1)[1]
    assert "signing in" not in after, term.shown
    assert "@lou: locked by X" in out, out
