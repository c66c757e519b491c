"""How the product launches Chromium: each account's context holds its page and nothing else,
and the browser writes nothing outside the app's folders.

Real Chromium, started with the product's switches (launch_args). Chrome loads some of its own
interface as web pages (the address bar's pop-ups, "chrome://omnibox-popup…") into a renderer of
their own for every window, so for every account's browser context; headless, nobody sees them,
and they cost more CPU than the account's X page itself (benchmarks/context_cost.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import http.server
import os
import shutil
import socket
import ssl
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from playwright.async_api import Browser, async_playwright
from playwright.async_api import Error as PlaywrightError

import consentinel
from consentinel.simx import SimAccount
from consentinel.x.browser import RUN_FOLDER_PREFIX, find_browser, launch_args, launch_browser
from tests.fixtures.notify_server import private_session_bus
from tests.fixtures.sandbox_fixtures import chromium

pytestmark = pytest.mark.browser


async def _targets_of_a_new_context() -> list[tuple[str, str]]:
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=chromium(), headless=True, args=launch_args(True)
        )
        try:
            cdp = await browser.new_browser_cdp_session()
            context = await browser.new_context()
            await context.new_page()
            # Chrome makes a window's own pages with the window, before the tab is reported.
            answer = await cdp.send("Target.getTargets", {"filter": [{}]})
            return [(t["type"], t["url"]) for t in answer["targetInfos"]]
        finally:
            await browser.close()


def test_a_context_opens_its_page_and_none_of_chromes_own() -> None:
    targets = asyncio.run(_targets_of_a_new_context())
    assert ("page", "about:blank") in targets, targets
    chromes_own = [url for _, url in targets if url.startswith("chrome://")]
    assert chromes_own == [], f"Chrome's interface pages were loaded: {chromes_own}"


ROOT = Path(__file__).resolve().parents[2]
#: Where the code under test lives, for the probe's process to import the same.
SOURCES = Path(consentinel.__file__).resolve().parents[1]


class _Ok(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<p>ok</p>")

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


@pytest.fixture
def https_page(tmp_path: Path) -> Iterator[str]:
    """An https page on 127.0.0.1 with a certificate of its own: X is https, and Chromium's
    first https page is what makes its certificate store."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    pem = tmp_path / "https-page.pem"
    pem.write_bytes(
        cert.public_bytes(serialization.Encoding.PEM)
        + key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(pem)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Ok)
    server.daemon_threads = True
    server.socket = tls.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def short_temp() -> Iterator[Path]:
    """An empty temp folder of this test's with a short path: Chromium's singleton socket goes
    in the temp folder, and a socket's path must fit in 107 bytes."""
    folder = Path(tempfile.mkdtemp(prefix="ct-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _everything_under(*folders: Path) -> list[str]:
    return sorted(str(p) for folder in folders for p in folder.rglob("*"))


@pytest.mark.parametrize(
    ("window", "runtime_folder"),
    [(False, False), (False, True), (True, True)],
    # A scheduled run has no runtime folder (XDG_RUNTIME_DIR); a desktop session has one.
    ids=["scheduled", "headless", "window"],
)
def test_a_browser_leaves_nothing_outside_the_app_s_folders(
    simx: Any,
    https_page: str,
    tmp_path: Path,
    short_temp: Path,
    window: bool,
    runtime_folder: bool,
) -> None:
    """A browser started by the product's own launch code opens X (simx) and an https page, in
    a process whose home, XDG folders and temp folder are empty folders of this test's: once it
    closed, they are empty again; while it ran, nothing it wrote there was open to the
    computer's other users (Mesa's shader cache is 0644 in a 0700 folder). Every XDG folder
    is set, because some libraries (Mesa) look the home up in the password database when the
    variable is missing, past a HOME set here."""
    sim = simx(SimAccount("nell", "pw-nell"))
    home, runtime, temp = tmp_path / "home", tmp_path / "runtime", short_temp
    for folder in (home, runtime):
        folder.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    # No session bus: D-Bus services the bus would start run with the bus's own environment,
    # not the browser's, and write in its home.
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        TMPDIR=str(temp),
        CONSENTINEL_BROWSER=chromium(),
        PYTHONPATH=os.pathsep.join([str(ROOT), str(SOURCES)]),
    )
    if runtime_folder:
        env["XDG_RUNTIME_DIR"] = str(runtime)
    else:
        env.pop("XDG_RUNTIME_DIR", None)
    command = [sys.executable, "-m", "tests.e2e._browser_probe", sim.origin + "/", https_page]
    if window:
        xvfb_run = shutil.which("xvfb-run")
        assert xvfb_run, "xvfb-run is missing: `sudo apt-get install -y xvfb xauth`"
        command = [xvfb_run, "-a", *command, "--window"]

    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=180)

    assert done.returncode == 0, done.stderr[-3000:]
    # While it ran, nothing of its folder was open to the computer's other users.
    assert "open to others:" not in done.stderr, done.stderr[-3000:]
    left = _everything_under(home, runtime, temp)
    assert left == [], "the browser left files outside the app's folders:\n" + "\n".join(left)


class _Proxy:
    """A proxy on 127.0.0.1 that answers every request itself and keeps each request line."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._server.getsockname()[1])
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        with contextlib.suppress(OSError):  # shut down at the end of the test
            while True:
                conn, _ = self._server.accept()
                with conn:
                    self.requests.append(conn.recv(65536).split(b"\r\n", 1)[0].decode())
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")

    def close(self) -> None:
        # Closing alone would leave the thread in accept() for the rest of the run.
        with contextlib.suppress(OSError):
            self._server.shutdown(socket.SHUT_RDWR)
        self._thread.join(timeout=10)
        self._server.close()
        assert not self._thread.is_alive()


@contextlib.asynccontextmanager
async def _products_browser() -> AsyncIterator[Browser]:
    """A browser found and launched by the product's own code, in this process's environment."""
    choice = find_browser()
    assert choice is not None
    async with async_playwright() as pw:
        browser = await launch_browser(pw, choice, headless=True, language="en")
        try:
            yield browser
        finally:
            await browser.close()


async def _open_through_the_browser(address: str) -> None:
    async with _products_browser() as browser:
        page = await browser.new_page()
        with contextlib.suppress(PlaywrightError):  # without the proxy, no such host
            await page.goto(address, timeout=15_000)


def test_the_browser_still_goes_through_the_person_s_gnome_proxy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What keeps dconf from writing must not hide the person's settings from the browser: on
    GNOME, Chromium reads the proxy from them, and a browser that went straight to X would
    bypass a proxy the person relies on (GSETTINGS_BACKEND=memory did)."""
    gsettings = shutil.which("gsettings")
    assert gsettings, "gsettings is missing: `sudo apt-get install -y libglib2.0-bin dconf-service`"
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("DCONF_PROFILE", raising=False)
    proxy = _Proxy()
    try:
        # The person's settings, saved the way GNOME Settings saves them: dconf's own service
        # (started by the bus, in this HOME) writes ~/.config/dconf/user.
        with private_session_bus() as bus:
            for schema, key, value in (
                ("org.gnome.system.proxy", "mode", "'manual'"),
                ("org.gnome.system.proxy", "ignore-hosts", "@as []"),
                ("org.gnome.system.proxy.http", "host", "'127.0.0.1'"),
                ("org.gnome.system.proxy.http", "port", str(proxy.port)),
            ):
                subprocess.run(
                    [gsettings, "set", schema, key, value],
                    env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": bus},
                    check=True,
                    timeout=30,
                )
        assert (home / ".config" / "dconf" / "user").is_file()
        monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
        monkeypatch.setenv("XDG_CURRENT_DESKTOP", "GNOME")

        asyncio.run(_open_through_the_browser("http://x-through-the-proxy.example/"))
    finally:
        proxy.close()

    assert "GET http://x-through-the-proxy.example/ HTTP/1.1" in proxy.requests, proxy.requests


#: A font family no system has: only the person's own fonts folder holds it.
ONLY_MINE = "Consentinel Only Mine"


def _font_only_the_person_has(folder: Path) -> Path:
    """DejaVu Sans Mono (fonts-dejavu-core) renamed: a monospace font the system lacks."""
    from fontTools.ttLib import TTFont

    source = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
    assert source.is_file(), "missing: `sudo apt-get install -y fonts-dejavu-core`"
    font = TTFont(source)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 6, 16):  # family, full name, PostScript name, family again
            value = ONLY_MINE.replace(" ", "") if record.nameID == 6 else ONLY_MINE
            names.setName(value, record.nameID, record.platformID, record.platEncID, record.langID)
    folder.mkdir(parents=True)
    font.save(folder / "only-mine.ttf")
    return folder / "only-mine.ttf"


async def _widths_of_i_and_w(fonts: list[str]) -> list[tuple[float, float]]:
    """How wide the browser draws ten "i" and ten "W" in each CSS font."""
    async with _products_browser() as browser:
        page = await browser.new_page()
        widths = await page.evaluate(
            """fonts => fonts.map(font => ["iiiiiiiiii", "WWWWWWWWWW"].map(text => {
                const words = document.createElement("span");
                words.style.font = "40px " + font;
                words.textContent = text;
                document.body.appendChild(words);
                return words.getBoundingClientRect().width;
            }))""",
            fonts,
        )
        return [(float(i), float(w)) for i, w in widths]


def test_fonts_the_person_installed_for_themselves_are_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The browser's data folder is its own (where Debian's Chromium makes a certificate store),
    yet the fonts a person installed for themselves (~/.local/share/fonts: a script their
    system lacks) must still be drawn in X's pages and in the screenshots kept as evidence.
    The browser only reads them: the folder holds the same file afterwards."""
    home = tmp_path / "home"
    fonts = home / ".local" / "share" / "fonts"
    font = _font_only_the_person_has(fonts)
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"):
        monkeypatch.delenv(name, raising=False)

    mine, fallback = asyncio.run(_widths_of_i_and_w([f'"{ONLY_MINE}", serif', "serif"]))

    # Monospace: its "i" is as wide as its "W"; in the serif font drawn without it, far narrower.
    assert fallback[0] < fallback[1] / 2, fallback
    assert mine[0] == pytest.approx(mine[1], abs=0.5), f"the person's font was not drawn: {mine}"
    assert [p.name for p in fonts.iterdir()] == [font.name]


class _Probe:
    """A Consentinel process with its browser open (_browser_probe --wait), until closed or
    killed."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.log = log.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.e2e._browser_probe", "--wait"],
            env=env,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
        )
        assert self.proc.stdout is not None
        if self.proc.stdout.readline().strip() != "ready":  # its browser did not open
            self.kill()
            raise AssertionError(log.read_text()[-3000:])

    def close(self) -> int:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        return self.proc.wait(timeout=60)

    def kill(self) -> None:
        self.proc.kill()  # SIGKILL: no clean-up of its own
        self.proc.wait(timeout=60)


@pytest.fixture
def start_probe() -> Iterator[Callable[[dict[str, str], Path], _Probe]]:
    """Starts _Probes; any still running when the test ends is closed."""
    started: list[_Probe] = []

    def start(env: dict[str, str], log: Path) -> _Probe:
        started.append(_Probe(env, log))
        return started[-1]

    yield start
    for probe in started:
        if probe.proc.poll() is None:
            probe.close()
        probe.log.close()


def _run_folders(temp: Path) -> dict[int, Path]:
    """The browser folders in `temp`, by the id of the process named in each."""
    found = {}
    for folder in temp.glob(RUN_FOLDER_PREFIX + "*"):
        pid, _, _ = folder.name.removeprefix(RUN_FOLDER_PREFIX).partition("-")
        found[int(pid)] = folder
    return found


def test_a_killed_consentinel_s_browser_folder_is_removed_at_the_next_start(
    tmp_path: Path, short_temp: Path, start_probe: Callable[[dict[str, str], Path], _Probe]
) -> None:
    """The browser's private folder (crash dumps: a page's memory) goes with the browser; a
    Consentinel killed first leaves it, and the next browser start removes it, never the folder
    of a Consentinel still running (the scheduled check beside the app)."""
    env = {
        **os.environ,
        "TMPDIR": str(short_temp),
        "CONSENTINEL_BROWSER": chromium(),
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(SOURCES)]),
    }
    killed = start_probe(env, tmp_path / "killed.log")
    left = _run_folders(short_temp)[killed.proc.pid]
    killed.kill()
    assert left.is_dir(), "a killed process left no folder: this test would prove nothing"
    assert stat.S_IMODE(left.stat().st_mode) == 0o700 and left.stat().st_uid == os.getuid()

    running = start_probe(env, tmp_path / "running.log")  # the next start

    assert not left.exists(), f"{left} is still there after the next browser start"
    kept = _run_folders(short_temp)[running.proc.pid]
    # A third Consentinel starts a browser while the second still runs: the second's stays.
    third = subprocess.run(
        [sys.executable, "-m", "tests.e2e._browser_probe"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert third.returncode == 0, third.stderr[-3000:]
    assert kept.is_dir(), "the folder of a Consentinel still running was removed"
    assert running.close() == 0
    assert not kept.exists()  # its own process removed it as its browser closed
    assert _run_folders(short_temp) == {}
