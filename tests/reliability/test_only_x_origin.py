"""The app talks to the X origin and nothing else: not from the browser, not from Python.

A real check (sign-in with password and TOTP, read, untick, read back) against the simulated X,
watched three ways, each a hook added by this test only:
- every request of every browser context the engine opens (Playwright's "request" event);
- Chromium's own network log (--log-net-log), which also sees the browser's background traffic
  that belongs to no page;
- every socket the Python process connects.
The Grok page links to help.x.com; that link must never be followed.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pyotp
import pytest
from playwright.async_api import Browser, BrowserContext

from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.engine import Engine
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings
from consentinel.core.status import Status
from consentinel.core.vault import MemoryKeyring, Vault
from consentinel.simx import SimAccount
from consentinel.x import browser as browser_module
from consentinel.x.browser import NOWHERE


def _netlog_destinations(path: Path) -> set[str]:
    """Every origin Chromium's network stack started a request to, and every host it tried to
    resolve, read from its NetLog (https://www.chromium.org/developers/design-documents/network-stack/netlog/)."""
    log = json.loads(path.read_bytes())
    names = {number: name for name, number in log["constants"]["logEventTypes"].items()}
    found = set()
    for event in log["events"]:
        kind = names.get(event["type"])
        params = event.get("params") or {}
        if kind == "URL_REQUEST_START_JOB" and isinstance(params.get("url"), str):
            parts = urlsplit(params["url"])
            if parts.scheme in ("http", "https", "ws", "wss"):
                found.add(f"{parts.scheme}://{parts.netloc}")
        elif kind == "HOST_RESOLVER_MANAGER_JOB" and isinstance(params.get("host"), str):
            found.add(f"dns {urlsplit(params['host']).hostname or params['host']}")
    return found


def test_a_full_check_talks_to_the_x_origin_only(
    simx: Any, consentinel_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = pyotp.random_base32()
    sim = simx(
        SimAccount(
            "alice", "pw-alice", totp_secret=secret, challenges=["two_factor"], memory_shown=True
        ),
        SimAccount("bob", "pw-bob"),
        render_delay_ms=50,
    )
    host, port = "127.0.0.1", sim.port

    requests: list[str] = []
    original_new_context = Browser.new_context

    async def recording_new_context(self: Browser, **kwargs: Any) -> BrowserContext:
        context = await original_new_context(self, **kwargs)
        context.on("request", lambda request: requests.append(request.url))
        return context

    monkeypatch.setattr(Browser, "new_context", recording_new_context)

    netlog = tmp_path / "netlog.json"
    original_args = browser_module.launch_args
    monkeypatch.setattr(
        browser_module,
        "launch_args",
        lambda headless, language="en": [
            *original_args(headless, language),
            f"--log-net-log={netlog}",
        ],
    )

    connected: list[Any] = []
    original_connect = socket.socket.connect
    original_connect_ex = socket.socket.connect_ex

    def connect(self: socket.socket, address: Any) -> None:
        connected.append((self.family, address))
        original_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        connected.append((self.family, address))
        return original_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)

    ctx = AppContext.create(
        AppPaths.under(consentinel_home),
        vault=Vault(MemoryKeyring()),
        settings=Settings(x_origin=sim.origin),
    )
    for handle, password in (("alice", "pw-alice"), ("bob", "pw-bob")):
        ctx.accounts.add(Account(handle))
        ctx.vault.set_password(handle, password)
    ctx.vault.set_totp("alice", secret)

    result = Engine(ctx, headless=True).run_check()

    assert {a.handle: a.status for a in result.accounts} == {
        "alice": Status.FIXED,
        "bob": Status.FIXED,
    }, [a.message for a in result.accounts]
    # Browser contexts: every request went to the X origin (the sign-in flow, the Grok page,
    # its GraphQL calls); none to help.x.com or anywhere else.
    assert requests, "the recorder saw no request at all"
    assert {f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in requests} == {sim.origin}
    assert any("/settings/grok_settings" in u for u in requests)
    # The Python process: local sockets (D-Bus) only, and TCP to the X origin if at all.
    network = [
        address for family, address in connected if family in (socket.AF_INET, socket.AF_INET6)
    ]
    assert all(tuple(a[:2]) == (host, port) for a in network), network
    # The whole browser, background services included.
    assert netlog.exists(), "Chromium wrote no network log"
    destinations = _netlog_destinations(netlog)
    assert sim.origin in destinations  # the log is read right: X's own requests are in it
    # 127.0.0.1:9 is the dead end Consentinel points Chromium's Google services at
    # (x/browser.py NOWHERE): an attempt there never leaves this computer.
    assert destinations - {sim.origin, f"dns {host}", NOWHERE} == set()
