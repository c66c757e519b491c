"""The doctor reports truthfully on this machine: the real keyring (or its absence), Debian's
Chromium, the real data folder's modes, the real schedule files, and real HTTP servers for X."""

from __future__ import annotations

import argparse
import contextlib
import http.server
import json
import os
import re
import socket
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from consentinel.cli import doctor_cmd
from consentinel.core import doctor
from consentinel.core.doctor import Topic
from consentinel.core.french_typography import typeset
from consentinel.core.osjobs import systemd
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings
from tests.fixtures.fake_browsers import fake_firefox
from tests.fixtures.keyring_fixtures import SecretServiceEnv, stop_keyring_daemon
from tests.fixtures.private_mounts import run_on_a_tmpfs
from tests.fixtures.systemd_state import pretend_systemd_runs

CLI = str(Path(sys.executable).parent / "consentinel")


@pytest.fixture
def no_secret_service(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The state of this machine before any test starts a keyring: no session bus at all."""
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    # No keyringrc of the person running the tests either.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture
def private_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Schedule files (systemd user units) under a folder of this test's own."""
    config = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    pretend_systemd_runs(monkeypatch, tmp_path)
    return config


class _Handler(http.server.BaseHTTPRequestHandler):
    status = 200
    body = b"<!DOCTYPE html><html><body><div id=react-root></div></body></html>"

    def do_GET(self) -> None:
        self.send_response(self.status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, format: str, *args: Any) -> None:  # quiet test output
        pass


@pytest.fixture
def http_site() -> Iterator[Any]:
    """Start a tiny HTTP server answering with a given status and body; yields a factory."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(status: int = 200, body: bytes | None = None) -> str:
        handler = type("H", (_Handler,), {"status": status, "body": body or _Handler.body})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- keyring ------------------------------------------------------------------------------------


def test_without_secret_service_the_keyring_is_not_usable(no_secret_service: None) -> None:
    check = doctor.check_keyring()
    assert check.topic is Topic.KEYRING
    assert check.ok is False
    assert "not usable" in check.detail
    assert "keyring" in check.advice.lower()
    assert "gnome-keyring" in check.advice  # says what to install
    # Once (the no-keyring sentence says the step itself), and only this system's keyrings.
    assert check.advice.count("sudo apt install gnome-keyring") == 1, check.advice
    assert "macOS" not in check.advice and "Windows" not in check.advice


def test_no_keyring_says_what_each_keyring_answered_as_a_technical_detail(
    private_secret_service: SecretServiceEnv,
    no_secret_service: None,  # (after it: no bus for the first look)
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No system keyring has two common causes the sentence cannot tell apart: no desktop
    session (no D-Bus session bus) and none installed (a bus, but no Secret Service on it).
    What the keyrings answered, on the line, tells them apart."""
    check = doctor.check_keyring()
    assert check.detail.startswith("no keyring: not usable. Keyring said: "), check.detail
    assert "DBUS_SESSION_BUS_ADDRESS is unset" in check.detail

    stop_keyring_daemon(private_secret_service)  # (its bus stays, with no keyring on it)
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", private_secret_service.address)
    check = doctor.check_keyring()
    assert check.detail.startswith("no keyring: not usable. Keyring said: "), check.detail
    assert "neither running nor activatable" in check.detail
    assert "DBUS_SESSION_BUS_ADDRESS" not in check.detail


def test_with_secret_service_the_keyring_is_ok(secret_service: dict[str, str]) -> None:
    check = doctor.check_keyring()
    assert check.ok is True, check
    assert "GNOME Keyring / Secret Service" in check.detail


# -- browser ------------------------------------------------------------------------------------


def test_finds_debian_chromium_and_its_version(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("CONSENTINEL_BROWSER", raising=False)
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path / "no-downloads"))
    check = doctor.check_browser()
    assert check.ok is True, check
    assert "/usr/bin/chromium" in check.detail
    assert re.search(r"Chromium \d+\.\d+\.\d+\.\d+", check.detail), check.detail


def test_a_browser_that_does_not_answer_is_flagged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSENTINEL_BROWSER", "/bin/false")
    check = doctor.check_browser()
    assert check.ok is False
    assert "/bin/false" in check.detail
    assert check.advice


@pytest.mark.parametrize(
    ("lang", "detail", "advice"),
    [
        (
            "en",
            "Mozilla Firefox 128.0 ({path}, found via the settings): Firefox cannot be used, "
            "Consentinel needs Chromium, Google Chrome or Microsoft Edge.",
            "Choose Chromium, Google Chrome or Microsoft Edge in the settings, or install one "
            "(Debian: sudo apt install chromium; Ubuntu: sudo snap install chromium).",
        ),
        (
            "fr",
            "Mozilla Firefox 128.0 ({path}, trouvé via les paramètres)\u00a0: Firefox ne peut "
            "pas être utilisé, Consentinel a besoin de Chromium, Google Chrome ou Microsoft "
            "Edge.",
            "Choisissez Chromium, Google Chrome ou Microsoft Edge dans les paramètres, ou "
            "installez-en un (Debian\u00a0: sudo apt install chromium\u00a0; Ubuntu\u00a0: "
            "sudo snap install chromium).",
        ),
    ],
)
def test_firefox_as_the_browser_is_a_line_to_fix_not_a_fine_browser(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lang: str, detail: str, advice: str
) -> None:
    """Saved before the settings asked for its --version: each check waited a minute and sent
    the person to the doctor, which said the browser was fine."""
    monkeypatch.delenv("CONSENTINEL_BROWSER", raising=False)
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    firefox = fake_firefox(tmp_path)
    check = doctor.check_browser(str(firefox))
    assert (check.ok, check.detail, check.advice) == (False, detail.format(path=firefox), advice)
    # Its sandbox is not tried (a minute's wait for a browser that never answers).
    sandbox = doctor.check_sandbox(str(firefox))
    assert (sandbox.ok, sandbox.detail) == (
        None,
        {
            "en": "not tried: the browser is not Chromium, Google Chrome or Microsoft Edge",
            "fr": "pas essayé\u00a0: le navigateur n'est ni Chromium, ni Google Chrome, ni "
            "Microsoft Edge",
        }[lang],
    )


def test_another_program_named_in_the_variable_is_a_line_to_fix(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    monkeypatch.setenv("CONSENTINEL_BROWSER", sys.executable)
    check = doctor.check_browser()
    assert check.ok is False, check
    assert check.detail.startswith("Python 3.") and check.detail.endswith(
        "found via the CONSENTINEL_BROWSER variable): not Chromium, Google Chrome or Microsoft "
        "Edge, the only browsers Consentinel can use."
    ), check.detail
    assert check.advice == (
        "Point the CONSENTINEL_BROWSER variable at Chromium, Google Chrome or Microsoft Edge, "
        "or remove it."
    )


# -- screen -------------------------------------------------------------------------------------


def test_no_screen_is_reported_with_what_it_means(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    check = doctor.check_screen()
    assert (check.topic, check.ok) == (Topic.SCREEN, None)  # not a fault: checks still run
    assert "no DISPLAY or WAYLAND_DISPLAY" in check.detail
    # The command quoted as the doctor's other lines quote theirs, not in Markdown's backticks.
    assert check.advice == (
        'Checks run without a window; the app and the command "consentinel login" need a '
        "desktop session."
    )
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    advice = doctor.check_screen().advice.replace("\u00a0", " ").replace("\u202f", " ")
    assert advice == (
        "Les vérifications se passent de fenêtre ; l'application et la commande « consentinel "
        "login » demandent une session de bureau."
    )


def test_an_x11_or_wayland_screen_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":42")
    assert (doctor.check_screen().ok, doctor.check_screen().detail) == (True, "X11 (:42)")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-1")
    assert doctor.check_screen().detail == "Wayland (wayland-1)"


# -- data folder --------------------------------------------------------------------------------


def test_data_folder_not_created_yet_is_fine(consentinel_home: Path) -> None:
    check = doctor.check_data_folder(AppPaths.from_env())
    assert check.ok is True
    assert "not created yet" in check.detail
    assert not consentinel_home.exists()  # the doctor creates nothing


def test_data_folder_owner_only_is_ok_and_looser_is_flagged(consentinel_home: Path) -> None:
    paths = AppPaths.from_env().ensure()
    check = doctor.check_data_folder(paths)
    assert (check.ok, check.topic) == (True, Topic.DATA_FOLDER)
    assert "700" in check.detail

    paths.config_dir.chmod(0o755)
    check = doctor.check_data_folder(paths)
    assert check.ok is False
    assert str(paths.config_dir) in check.detail and "755" in check.detail
    assert check.advice.startswith("Make them owner-only: chmod 700")


# Runs inside a private mount namespace, on a tmpfs (argv[1]): the data folder as the app
# leaves it, then its disk filled up (argv[2] "full") or made read-only ("read_only"), then the
# doctor's data-folder line, in English and in French.
_DATA_FOLDER_ON_A_TMPFS = textwrap.dedent("""
    import json, os, subprocess, sys
    from pathlib import Path
    from consentinel.core.doctor import check_data_folder
    from consentinel.core.i18n import speaking
    from consentinel.core.paths import AppPaths
    mnt, problem = Path(sys.argv[1]), sys.argv[2]
    os.environ["CONSENTINEL_HOME"] = str(mnt / "home")
    paths = AppPaths.from_env().ensure()
    if problem == "full":
        from tests.fixtures.private_mounts import fill_up
        fill_up(mnt)
    else:
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
    said = {}
    for lang in ("en", "fr"):
        with speaking(lang):
            check = check_data_folder(paths)
        said[lang] = [check.ok, check.detail, check.advice]
    print(json.dumps(said))
""")


def test_a_data_folder_on_a_full_disk_is_something_to_fix(tmp_path: Path) -> None:
    """Nothing can be saved there: no check can run. Not "OK"."""
    said = run_on_a_tmpfs(tmp_path / "mnt", _DATA_FOLDER_ON_A_TMPFS, "full", size="256k")
    home = tmp_path / "mnt" / "home"
    assert said["en"] == [
        False,
        f"The disk of {home} is full: nothing can be saved there, so no check can run.",
        "Free some space on that disk.",
    ]
    assert said["fr"] == [
        False,
        typeset(
            f"Le disque de {home} est plein : rien ne peut y être enregistré, donc aucune "
            "vérification ne peut avoir lieu."
        ),
        "Libérez de la place sur ce disque.",
    ]


def test_a_data_folder_on_a_read_only_disk_says_the_disk_is(tmp_path: Path) -> None:
    """Not "give your user write access": no permission would let anyone write there."""
    said = run_on_a_tmpfs(tmp_path / "mnt", _DATA_FOLDER_ON_A_TMPFS, "read_only", size="256k")
    home = tmp_path / "mnt" / "home"
    assert said["en"] == [
        False,
        f"{home} is on a disk that is read-only.",
        "Make that disk writable again (the system may have made it read-only after an "
        "error: restart, or check the disk).",
    ]
    assert said["fr"] == [
        False,
        typeset(f"{home} est sur un disque en lecture seule."),
        typeset(
            "Rendez ce disque de nouveau modifiable (le système a pu le passer en lecture "
            "seule après une erreur : redémarrez, ou vérifiez le disque)."
        ),
    ]


# -- schedule -----------------------------------------------------------------------------------


def test_schedule_not_installed_is_never_ok(
    private_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No OS job: nothing checks while the app is closed, so not "OK" ("--" with what it
    means); something to fix when the settings ask for checks while it is closed."""
    check = doctor.check_schedule(Settings())  # daily, by the app while it is open
    assert (check.ok, check.topic) == (None, Topic.SCHEDULE)
    assert "not installed" in check.detail
    assert check.advice == (
        "Consentinel checks only while it is open. To check while it is closed too, tick "
        "“Keep checking when Consentinel is closed” in the settings, or run: "
        "consentinel schedule install"
    )
    # Switched off by the person: nothing fails, but nothing checks again either.
    off = doctor.check_schedule(Settings(schedule="off"))
    assert (off.ok, off.topic) == (None, Topic.SCHEDULE)
    assert off.advice.startswith("Automatic checks are off: nothing checks the boxes again")
    assert doctor.all_ok([check, off])  # `doctor` exits 0: nothing is broken

    check = doctor.check_schedule(Settings(run_when_closed=True))
    assert check.ok is False
    assert "consentinel schedule install" in check.advice

    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    check = doctor.check_schedule(Settings())
    assert check.ok is None
    assert check.advice.startswith("Consentinel ne vérifie que lorsqu'il est ouvert.")
    off = doctor.check_schedule(Settings(schedule="off"))
    assert off.advice.startswith("Les vérifications automatiques sont désactivées")


def test_without_systemd_the_schedule_advice_is_cron_not_a_setting_that_would_fail(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """This machine (a container) runs no systemd, as the doctor finds out for itself: ticking
    "Keep checking when Consentinel is closed" could only fail here, so it is not advised."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setattr(systemd, "SYSTEMD_RUN_DIR", tmp_path / "no-systemd")
    check = doctor.check_schedule(Settings())
    assert check.ok is None and "does not run systemd" in check.detail
    assert check.advice == (
        "To check while Consentinel is closed here, have cron run it: "
        "consentinel schedule install prints the line to add."
    )
    assert "Keep checking" not in check.advice


def test_schedule_installed_is_reported(private_config: Path) -> None:
    from consentinel.core import osjobs

    osjobs.install("daily")
    try:
        check = doctor.check_schedule(Settings(run_when_closed=True))
        assert check.ok is not False, check
        assert "installed" in check.detail
    finally:
        osjobs.remove()


def test_a_scheduled_check_that_could_not_read_the_keyring_is_a_schedule_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The job runs where the keyring is locked or out of reach (logged out, another
    session): it checks nothing, while this terminal's keyring is fine. The doctor says so from
    the journal, which it reads without changing a byte of its folder."""
    from consentinel.core.events import AccountResult
    from consentinel.core.journal import Journal
    from consentinel.core.status import Reason, Status

    paths = AppPaths.under(tmp_path / "home")
    paths.journal_path.parent.mkdir(parents=True)
    journal = Journal.open(paths.journal_path)

    def run(trigger: str, reason: Reason | None) -> None:
        run_id = journal.start_run(trigger)
        status = Status.OPTED_OUT if reason is None else Status.ERROR
        said = "Could not check @ana: the keyring (GNOME Keyring) is locked." if reason else ""
        journal.record_check(run_id, AccountResult("ana", status, reason, message=said))
        journal.finish_run(run_id)

    def folder() -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in paths.journal_path.parent.iterdir()}

    run("schedule", Reason.KEYRING_UNAVAILABLE)
    run("manual", None)  # checked by hand since: the job's own problem stands
    for app_open in (True, False):  # the app has the journal open, or nobody has
        if not app_open:
            journal.close()
        before = folder()
        check = doctor.check_schedule(Settings(), paths)
        assert check.ok is False and check.topic is Topic.SCHEDULE
        assert check.advice.startswith("The last scheduled check (")
        assert "could not read the keyring. Could not check @ana: the keyring" in check.advice
        assert check.advice.endswith("stay logged in, with the keyring unlocked at login.")
        assert folder() == before, app_open
    # Automatic checks off, and no job: nothing is scheduled, so nothing to fix there.
    assert "keyring" not in doctor.check_schedule(Settings(schedule="off"), paths).advice
    journal = Journal.open(paths.journal_path)
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    french = doctor.check_schedule(Settings(), paths).advice
    assert french.startswith("La dernière vérification planifiée (") and "@ana" not in french

    run("schedule", None)  # the next scheduled check read it
    monkeypatch.delenv("CONSENTINEL_LANG")
    assert "keyring" not in doctor.check_schedule(Settings(), paths).advice
    assert "keyring" not in doctor.check_schedule(Settings()).advice  # (no data folder named)


_ACTIVE_DRIVER = """
import json
from consentinel.core import doctor, osjobs
from consentinel.core.settings import Settings

osjobs.install("daily")
lines = {}
for name, settings in {
    "daily": Settings(),
    "when_closed": Settings(run_when_closed=True),
    "off": Settings(schedule="off"),
}.items():
    check = doctor.check_schedule(settings)
    lines[name] = [check.ok, check.detail, check.advice]
osjobs.remove()
print(json.dumps(lines))
"""


def test_schedule_that_runs_is_ok_under_a_real_user_manager(tmp_path: Path) -> None:
    """A timer systemd runs is the one "OK" schedule line (whatever the app's own schedule:
    the job checks while the app is closed). systemd's user manager, in a private namespace
    as in test_osjobs_systemd_live."""
    from tests.unit.test_osjobs_systemd_live import run_under_user_manager

    done = run_under_user_manager(tmp_path, _ACTIVE_DRIVER, CONSENTINEL_LANG="en")
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    lines = json.loads(done.stdout.strip().splitlines()[-1])
    for ok, detail, advice in lines.values():
        assert ok is True, lines
        assert detail.startswith("Scheduled check: installed (every day, systemd user timer), next")
        assert advice == ""


# -- X ------------------------------------------------------------------------------------------


def test_x_answering_with_its_web_app_is_ok(http_site: Any) -> None:
    origin = http_site()
    check = doctor.check_x_site(origin)
    assert (check.ok, check.topic) == (True, Topic.X_SITE)
    assert f"{origin}/settings/grok_settings" in check.detail


def test_simulated_x_is_reachable(simx: Any) -> None:
    from consentinel.simx import SimAccount

    sim = simx(SimAccount(handle="alice", password="pw-not-used-here"))
    check = doctor.check_x_site(sim.origin)
    assert check.ok is True, check


@pytest.mark.parametrize(
    ("x_ahead_s", "lang", "words"),
    [
        (-420, "en", "This computer's clock is 7 minutes ahead of X's"),
        (3 * 3600, "fr", "L'horloge de cet ordinateur retarde de 3 heures sur celle de X"),
    ],
)
def test_a_clock_off_x_s_is_said_on_the_x_line(
    simx: Any, monkeypatch: pytest.MonkeyPatch, x_ahead_s: float, lang: str, words: str
) -> None:
    """X's answer says its time (`Date`): a clock minutes or hours off it (a dual-boot clock
    kept in local time) makes 2FA codes X refuses, which the doctor says, with what to do."""
    from consentinel.simx import SimAccount

    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    sim = simx(SimAccount(handle="alice", password="pw-not-used-here"), clock_offset_s=x_ahead_s)
    check = doctor.check_x_site(sim.origin)
    assert check.ok is False, check
    assert typeset(words) in check.detail, check.detail
    assert check.advice == typeset(
        "Set this computer's clock right (automatic date and time)."
        if lang == "en"
        else "Mettez l'horloge de cet ordinateur à l'heure (date et heure automatiques)."
    )


def test_x_unreachable_cannot_be_told_and_does_not_fail(http_site: Any) -> None:
    origin = f"http://127.0.0.1:{_closed_port()}"
    check = doctor.check_x_site(origin, timeout_s=2)
    assert check.ok is None
    assert "cannot be reached" in check.detail
    assert doctor.all_ok([check])


@pytest.mark.parametrize(
    ("status", "body", "words"),
    [(503, None, "HTTP 503"), (200, b"You must log in to this Wi-Fi", "not X's web app")],
)
def test_x_broken_or_intercepted_is_flagged(
    http_site: Any, status: int, body: bytes | None, words: str
) -> None:
    check = doctor.check_x_site(http_site(status, body))
    assert check.ok is False
    assert words in check.detail
    assert check.advice


def test_x_answers_only_with_its_web_app(
    http_site: Any, simx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The question the window and the OS job's tries ask while the network is down
    (`x_answers`): yes from X's web app, no from a captive portal's page, an error, or
    nothing at the address the settings give."""
    from consentinel.core.context import AppContext
    from consentinel.core.memory_keyring import MemoryKeyring
    from consentinel.core.vault import Vault
    from consentinel.simx import SimAccount

    def answers(origin: str) -> bool:
        monkeypatch.delenv("CONSENTINEL_X_ORIGIN", raising=False)
        settings = Settings(x_origin=origin)
        ctx = AppContext.create(
            AppPaths.under(tmp_path / "home"), vault=Vault(MemoryKeyring()), settings=settings
        )
        return doctor.x_answers(ctx, timeout_s=2)

    sim = simx(SimAccount(handle="alice", password="pw-not-used-here"))
    assert answers(sim.origin) is True
    assert answers(http_site(200, b"You must log in to this Wi-Fi")) is False
    assert answers(http_site(503)) is False
    assert answers(f"http://127.0.0.1:{_closed_port()}") is False


# -- the whole report, through the command --------------------------------------------------------


def _run_command(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    doctor_cmd.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["doctor", *argv])
    result: int = args.handler(args)
    return result


def test_command_with_secret_service_has_nothing_to_fix(
    secret_service: dict[str, str],
    http_site: Any,
    private_config: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CONSENTINEL_X_ORIGIN", http_site())
    assert _run_command() == 0
    out = capsys.readouterr().out
    for name in ("Python", "Qt", "Keyring", "Browser", "Data folder", "X"):
        assert re.search(rf"^\[ OK \] {name}\b", out, re.MULTILINE), out
    # No OS job here: not OK, since nothing checks while the app is closed.
    assert re.search(r"^\[ -- \] Schedule\s+Scheduled check: not installed\.$", out, re.MULTILINE)
    assert re.search(r"^\s+→ Consentinel checks only while it is open\.", out, re.MULTILINE)
    # Not "All good." under that advice: the last line counts the lines that give some.
    advised = len(re.findall(r"^\[ -- \].*\n\s+→ ", out, re.MULTILINE))
    assert advised >= 1
    assert "All good." not in out
    assert out.rstrip().endswith(
        "Nothing blocks Consentinel here, but 1 line above has advice."
        if advised == 1
        else f"Nothing blocks Consentinel here, but {advised} lines above have advice."
    )


def _sandbox_off_as_root() -> doctor.Check:
    return doctor.Check(
        "Browser sandbox",
        None,
        "off: Consentinel runs as root",
        "Run Consentinel as your own user.",
        Topic.SANDBOX,
    )


@pytest.mark.parametrize(
    ("lang", "one", "two", "with_x"),
    [
        (
            "en",
            "Nothing blocks Consentinel here, but 1 line above has advice.",
            "Nothing blocks Consentinel here, but 2 lines above have advice.",
            "Nothing to fix on this computer, but X cannot be reached from here. 1 other line "
            "above has advice.",
        ),
        (
            "fr",
            "Rien n'empêche Consentinel de fonctionner ici, mais 1 ligne ci-dessus donne un "
            "conseil.",
            "Rien n'empêche Consentinel de fonctionner ici, mais 2 lignes ci-dessus donnent des "
            "conseils.",
            "Rien à corriger sur cet ordinateur, mais X est injoignable d'ici. 1 autre ligne "
            "ci-dessus donne un conseil.",
        ),
    ],
)
def test_the_closing_sentence_never_says_all_good_under_a_line_s_advice(
    monkeypatch: pytest.MonkeyPatch, lang: str, one: str, two: str, with_x: str
) -> None:
    """Audit 2, item 8: "All good." / « Tout va bien. » a few lines under "Browser sandbox off:
    Consentinel runs as root → Run Consentinel as your own user". The exit status stays 0
    (containers and CI run as root); the last sentence says advice is there."""
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    fine = doctor.Check("Python", True, "3.12")
    schedule = doctor.Check("Schedule", None, "not installed", "Run: schedule install")
    x_out = doctor.Check("X", None, "cannot be reached", "Check the network.", Topic.X_SITE)
    assert doctor_cmd._closing([fine, _sandbox_off_as_root()]) == one
    assert doctor_cmd._closing([fine, _sandbox_off_as_root(), schedule]) == two
    assert doctor_cmd._closing([fine, _sandbox_off_as_root(), x_out]) == with_x
    assert doctor_cmd._closing([fine, doctor.Check("X", None, "", "", Topic.X_SITE)]) == (
        "Nothing to fix on this computer, but X cannot be reached from here."
        if lang == "en"
        else "Rien à corriger sur cet ordinateur, mais X est injoignable d'ici."
    )
    assert doctor_cmd._closing([fine]) == ("All good." if lang == "en" else "Tout va bien.")


def test_x_out_of_reach_is_not_all_good(
    secret_service: dict[str, str],
    private_config: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Nothing to fix on this computer (exit 0), but not "All good." either."""
    monkeypatch.setenv("CONSENTINEL_X_ORIGIN", f"http://127.0.0.1:{_closed_port()}")
    assert _run_command() == 0
    out = capsys.readouterr().out
    assert re.search(r"^\[ -- \] X\b.*cannot be reached", out, re.MULTILINE), out
    assert "All good." not in out and "X cannot be reached from here" in out
    assert "unexpectedly" not in out


def test_an_x_address_variable_that_is_not_an_address_is_to_fix_as_checks_say_it(
    secret_service: dict[str, str],
    private_config: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A mistyped CONSENTINEL_X_ORIGIN is not X out of reach (the network is not to blame):
    the X line says what a check says, naming the variable and its value."""
    monkeypatch.setenv("CONSENTINEL_X_ORIGIN", "notaurl")
    said = (
        "The variable CONSENTINEL_X_ORIGIN must be an address like https://x.com, not "
        "'notaurl': correct it, or unset it to use x.com."
    )
    check = doctor.check_x(Settings())
    assert (check.ok, check.detail, check.topic) == (False, said, Topic.X_SITE)
    assert _run_command() == 1  # (everything else is fine here)
    out = capsys.readouterr().out
    assert re.search(rf"^\[FIX \] X\s+{re.escape(said)}$", out, re.MULTILINE), out
    assert "cannot be reached" not in out and "unexpectedly" not in out


def test_a_data_folder_that_is_a_file_is_its_line_and_the_doctor_still_runs(
    http_site: Any,
    private_config: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """CONSENTINEL_HOME naming a file: diagnosing is the doctor's job, so every line is there
    (JSON too), the data folder's naming the folder; it used to stop at reading the settings
    under it, with "a part of the path is a file" alone."""
    afile = tmp_path / "afile"
    afile.write_text("")
    monkeypatch.setenv("CONSENTINEL_HOME", str(afile))
    monkeypatch.setenv("CONSENTINEL_X_ORIGIN", http_site())
    assert _run_command("--json") == 1
    rows = {row["topic"]: row for row in json.loads(capsys.readouterr().out)}
    assert set(rows) == {topic.value for topic in Topic}
    assert rows["data_folder"] == {
        "topic": "data_folder",
        "name": "Data folder",
        "ok": False,
        "detail": f"Could not create the data folder {afile}: a part of the path is a file, "
        "not a folder.",
        "advice": "Move that file away, or set CONSENTINEL_HOME to a folder.",
    }
    assert not any("unexpectedly" in row["detail"] for row in rows.values())
    assert afile.is_file() and afile.read_text() == ""


def test_command_without_keyring_exits_1_with_advice_in_french(
    no_secret_service: None,
    http_site: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CONSENTINEL_X_ORIGIN", http_site())
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert _run_command("--json") == 1
    rows = json.loads(capsys.readouterr().out)
    by_topic = {row["topic"]: row for row in rows}
    assert set(by_topic) == {topic.value for topic in Topic}
    keyring_row = by_topic["keyring"]
    assert keyring_row["ok"] is False
    assert keyring_row["name"] == "Trousseau"
    assert "inutilisable" in keyring_row["detail"]
    assert by_topic["browser"]["ok"] is True


def test_installed_command_reports_this_machine(
    secret_service: Any, http_site: Any, consentinel_home: Path, tmp_path: Path
) -> None:
    """`consentinel doctor` as a person runs it: first with no Secret Service, then with one."""
    base = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    base.update(
        CONSENTINEL_X_ORIGIN=http_site(),
        CONSENTINEL_LANG="en",
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
    )
    base.pop("PYTHON_KEYRING_BACKEND", None)
    without = subprocess.run([CLI, "doctor"], env=base, capture_output=True, text=True, timeout=120)
    assert without.returncode == 1, without.stdout + without.stderr
    assert re.search(r"^\[FIX \] Keyring\s+no keyring: not usable", without.stdout, re.MULTILINE)

    with_keyring = subprocess.run(
        [CLI, "doctor"],
        env={**base, **secret_service},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert with_keyring.returncode == 0, with_keyring.stdout + with_keyring.stderr
    assert re.search(r"^\[ OK \] Keyring\s+GNOME Keyring", with_keyring.stdout, re.MULTILINE)
    assert re.search(r"^\[ OK \] Browser\s+Chromium \d+", with_keyring.stdout, re.MULTILINE)


def test_why_x_cannot_be_reached_is_said_in_the_person_s_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Python says "[Errno -2] Name or service not known" or "[Errno 111] Connection refused",
    in English whatever the person reads: the doctor says it in their language."""
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    refused = doctor.check_x_site(f"http://127.0.0.1:{_closed_port()}")
    assert "la connexion a été refusée" in refused.detail, refused.detail
    assert "Errno" not in refused.detail
    no_name = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    assert (
        doctor._network_words(no_name)
        == "son nom n'a pas pu être résolu\u00a0: pas de réseau, ou pas de DNS"
    )
    assert doctor._network_words(TimeoutError("timed out")) == "pas de réponse à temps"


def test_the_browser_s_version_leaves_out_its_build_words(tmp_path: Path) -> None:
    """Debian's Chromium says "Chromium 156.0.1.2 built on Debian GNU/Linux 12": English in a
    French diagnostic, and nothing a person needs."""
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\necho 'Chromium 156.0.1.2 built on Debian GNU/Linux 12'\n")
    fake.chmod(0o755)
    assert doctor.browser_version(fake) == "Chromium 156.0.1.2"


def test_a_locked_keyring_is_said_locked_without_advice_to_install_one(
    private_secret_service: SecretServiceEnv,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """The keyring is there and locked (its unlock prompt dismissed): "install GNOME Keyring"
    would send the person the wrong way. A real GNOME Keyring, locked."""
    import contextlib

    import secretstorage

    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-keyring-config"))
    with contextlib.closing(secretstorage.dbus_init()) as conn:
        secretstorage.get_default_collection(conn).lock()
    check = doctor.check_keyring()
    assert not check.ok
    assert "locked" in check.advice and "apt install" not in check.advice
    # Gone altogether, the advice says what to install.
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus")
    gone = doctor.check_keyring()
    assert not gone.ok
    if sys.platform.startswith("linux"):
        assert "apt install gnome-keyring" in gone.advice


def test_a_menu_entry_or_start_at_login_naming_a_program_gone_is_said(
    private_config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Consentinel moved: the desktop hides a menu entry or login item whose TryExec names the
    old program, and says nothing; the doctor says it, and what to do. Real files under
    private XDG folders."""
    from consentinel.core import desktop_entry, osjobs
    from consentinel.core.osjobs.job import JobCommand, gui_command

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    nothing = doctor.check_menu_and_login()
    assert (nothing.ok, nothing.topic) == (None, Topic.MENU_AND_LOGIN)

    here = gui_command()
    osjobs.login_item(command=here).install()
    desktop_entry.install(argv=[here.program])
    fine = doctor.check_menu_and_login()
    assert fine.ok is True and here.program in fine.detail, fine

    gone = "/nowhere/clone/.venv/bin/consentinel-gui"
    desktop_entry.install(argv=[gone])
    menu_gone = doctor.check_menu_and_login()
    assert menu_gone.ok is False, menu_gone
    assert menu_gone.detail == f"Entrée de menu\N{NO-BREAK SPACE}: {gone}, qui n'est plus là."
    assert "enregistrez ses paramètres" in menu_gone.advice
    assert "consentinel desktop-entry install" in menu_gone.advice

    osjobs.login_item(command=JobCommand((gone, "--minimized"), here.env)).install()
    desktop_entry.install(argv=[here.program])
    login_gone = doctor.check_menu_and_login()
    assert login_gone.ok is False and gone in login_gone.detail, login_gone
    assert login_gone.detail.startswith("Démarrage à l'ouverture de session")
    # A line of `consentinel doctor` like the others: it asks for a fix.
    assert not doctor.all_ok([login_gone])


def test_a_keyring_failing_says_what_it_answered_as_a_technical_detail(
    private_secret_service: SecretServiceEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The person's sentence says what failed and what to do; what the keyring itself answered
    (here: an entry of raw bytes, left by secret-tool, that is no text) is on the doctor's line,
    for whoever looks further: a command logs nothing else where the person would see it."""
    import secretstorage

    from consentinel.core.vault import SERVICE, SESSION_KEY_ENTRY

    attributes = {"service": SERVICE, "username": SESSION_KEY_ENTRY}
    with contextlib.closing(secretstorage.dbus_init()) as connection:
        collection = secretstorage.get_default_collection(connection)
        collection.create_item("edited by hand", attributes, b"\xff\xfe", replace=True)
    check = doctor.check_keyring()
    assert check.ok is False
    said = "GNOME Keyring / Secret Service: not usable. Keyring said: "
    assert check.detail.startswith(said), check.detail
    assert "0xff" in check.detail and "0xff" not in check.advice
    assert check.advice.startswith("The keyring (GNOME Keyring / Secret Service) failed while")
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    check = doctor.check_keyring()
    said = "GNOME Keyring / Secret Service\u00a0: inutilisable. Le trousseau a répondu\u00a0: "
    assert check.detail.startswith(said), check.detail
