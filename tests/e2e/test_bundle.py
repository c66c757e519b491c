"""The PyInstaller one-folder app, built from packaging/pyinstaller/consentinel.spec: it starts,
prints its version, carries its data but no browser, and runs a real check against the simulated
X with the system Chromium and a real Secret Service keyring."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import consentinel
from consentinel import APP_ID

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "packaging" / "pyinstaller" / "consentinel.spec"
PASSWORD = "bundle check pass phrase 7!"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """dist/consentinel/, built into a temporary folder (installing PyInstaller if missing)."""
    if importlib.util.find_spec("PyInstaller") is None:
        # PyInstaller is in the dev extras; a venv made before it was added still works.
        pip = subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "pyinstaller"],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert pip.returncode == 0, pip.stdout + pip.stderr
    base = tmp_path_factory.mktemp("bundle")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            "--distpath",
            str(base / "dist"),
            "--workpath",
            str(base / "work"),
            str(SPEC),
        ],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-5000:]
    folder = base / "dist" / "consentinel"
    assert (folder / "consentinel").is_file()
    yield folder


def _clean_env(**extra: str) -> dict[str, str]:
    """The environment of a person who runs the bundle: nothing of this virtualenv."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "CONSENTINEL_BROWSER")
    }
    env.update(extra)
    return env


def _run(bundle: Path, env: dict[str, str], *args: str, stdin: str = "") -> Any:
    return subprocess.run(
        [str(bundle / "consentinel"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_bundle_prints_its_version(bundle: Path) -> None:
    proc = _run(bundle, _clean_env(), "--version")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"consentinel {consentinel.__version__}"


def test_bundle_carries_its_data_and_no_browser(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert (internal / "consentinel/x/data/x-labels.tsv").is_file()
    assert (internal / f"consentinel/resources/linux/{APP_ID}.desktop").is_file()
    assert (internal / f"consentinel/resources/icons/{APP_ID}.svg").is_file()
    for ts in (REPO / "resources" / "translations").glob("*.ts"):
        assert (internal / f"consentinel/resources/translations/{ts.stem}.qm").is_file()
    # Playwright's driver is there; no downloaded browser is (the bundle uses the system's).
    assert (internal / "playwright/driver/node").is_file()
    browsers = [
        p for p in bundle.rglob("*") if p.name in ("chrome", "chrome-linux", "headless_shell")
    ]
    assert browsers == []
    assert (bundle / "consentinel-gui").is_file()


def test_bundle_doctor_finds_the_system_browser_and_keyring(
    bundle: Path, secret_service: Any, tmp_path: Path
) -> None:
    env = _clean_env(
        **secret_service,
        CONSENTINEL_LANG="en",
        CONSENTINEL_X_ORIGIN="http://127.0.0.1:9",  # nothing listens: X "cannot be reached"
        PLAYWRIGHT_BROWSERS_PATH=str(tmp_path / "no-downloads"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
    )
    proc = _run(bundle, env, "doctor", "--json")
    rows = {row["topic"]: row for row in json.loads(proc.stdout)}
    assert rows["python"]["ok"] is True and "bundled application" in rows["python"]["detail"]
    assert rows["qt"]["ok"] is True, rows["qt"]
    assert rows["keyring"]["ok"] is True, rows["keyring"]
    assert rows["browser"]["ok"] is True and "/usr/bin/chromium" in rows["browser"]["detail"]
    assert rows["x_site"]["ok"] is None
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_bundle_checks_an_account_on_simulated_x(
    bundle: Path, simx: Any, secret_service: Any, consentinel_home: Path, tmp_path: Path
) -> None:
    from consentinel.simx import SimAccount

    sim = simx(SimAccount(handle="erin", password=PASSWORD))
    env = _clean_env(
        **secret_service,
        CONSENTINEL_HOME=str(consentinel_home),
        CONSENTINEL_LANG="en",
        CONSENTINEL_X_ORIGIN=sim.origin,
        # No Playwright download to fall back on: the bundle must find /usr/bin/chromium itself.
        PLAYWRIGHT_BROWSERS_PATH=str(tmp_path / "no-downloads"),
    )
    added = _run(bundle, env, "account", "add", "erin", "--password-stdin", stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stdout + added.stderr
    assert "Added @erin" in added.stdout

    checked = _run(bundle, env, "check", "--json")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    (account,) = json.loads(checked.stdout)["accounts"]
    assert account["status"] == "fixed", account
    assert sim.boxes("erin")["training"] is False
    assert sim.boxes("erin")["personalization"] is False
    for text in (added.stdout, added.stderr, checked.stdout, checked.stderr):
        assert PASSWORD not in text


def test_bundle_opens_its_window_and_quits_on_sigterm(
    bundle: Path, consentinel_home: Path, tmp_path: Path
) -> None:
    """What the menu entry, the Start menu and the macOS .app start: the window, not a command.
    (Its modules are in PyInstaller's archive, not in folders: a start that listed them crashed.)"""
    env = _clean_env(
        CONSENTINEL_HOME=str(consentinel_home),
        CONSENTINEL_LANG="en",
        QT_QPA_PLATFORM="offscreen",
        PLAYWRIGHT_BROWSERS_PATH=str(tmp_path / "no-downloads"),
    )
    log = consentinel_home / "logs" / "consentinel.log"
    proc = subprocess.Popen(
        [str(bundle / "consentinel-gui")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        # Written once the window's first frame is shown (the handlers come after it).
        while "quit the app from now on" not in (log.read_text() if log.exists() else ""):
            assert proc.poll() is None, proc.communicate()[1][-3000:]
            assert time.monotonic() < deadline, "the bundle's window never showed"
            time.sleep(0.1)
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err[-3000:]
    assert "Traceback" not in err and "Traceback" not in log.read_text()


def test_bundle_menu_entry_points_at_the_bundle(bundle: Path, tmp_path: Path) -> None:
    data_home = tmp_path / "xdg-data"
    proc = _run(bundle, _clean_env(XDG_DATA_HOME=str(data_home)), "desktop-entry", "install")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    entry = (data_home / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"Exec={bundle / 'consentinel-gui'}\n" in entry
    assert (data_home / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()


def test_bundle_downloads_chromium_into_the_data_folder(
    bundle: Path, consentinel_home: Path, tmp_path: Path
) -> None:
    """`browser install` from the bundle runs Playwright's bundled driver, not `python -m`."""
    from tests.fixtures.fake_cdn import fake_cdn

    with fake_cdn() as cdn:
        env = _clean_env(
            CONSENTINEL_HOME=str(consentinel_home),
            CONSENTINEL_LANG="en",
            PLAYWRIGHT_DOWNLOAD_HOST=cdn.origin,  # the local stand-in for Playwright's CDN
        )
        proc = _run(bundle, env, "browser", "install")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Chromium is installed." in proc.stdout
    # Its progress names what it downloads as the app does, not as Playwright does.
    assert re.search(r"^Chromium 1[\d.]+: 100% of ", proc.stderr, re.MULTILINE), proc.stderr
    assert "Chrome for Testing" not in proc.stderr
    browsers = consentinel_home / "data" / "browsers"
    installed = list(browsers.glob("chromium-*/chrome-linux64/chrome"))
    assert len(installed) == 1
    shown = _run(bundle, env, "browser")
    assert shown.returncode == 0 and str(installed[0]) in shown.stdout, shown.stdout
