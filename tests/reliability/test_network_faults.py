"""The network between this computer and X failing, with real Chromium: a captive portal, an
untick's connection cut, a proxy that refuses, a sign-in whose password's answer is cut. Each
is said as X not reached from here (retried soon), never as a page X changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.engine import Engine
from consentinel.core.journal import EntryKind
from consentinel.core.notify import NotificationKind, notifications_for
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings
from consentinel.core.status import RETRY_SOON_REASONS, Box, Reason, Status
from consentinel.core.vault import MemoryKeyring, Vault
from consentinel.simx import SimAccount
from tests.fixtures.refusing_proxy import refusing_proxy

NBSP = "\u00a0"
HEAD = {
    "en": "Could not reach X from this computer: ",
    "fr": f"Impossible de joindre X depuis cet ordinateur{NBSP}: ",
}
#: What follows the cause: what to do (Chromium's code, if any, after it in brackets).
NEXT = {
    "en": " Check this computer's internet connection, VPN or proxy; the next check tries again.",
    "fr": " Vérifiez la connexion internet, le VPN ou le proxy de cet ordinateur"
    f"{NBSP}; la prochaine vérification réessaiera.",
}


def _context(origin: str, home: Path, handle: str) -> AppContext:
    ctx = AppContext.create(
        AppPaths.under(home), vault=Vault(MemoryKeyring()), settings=Settings(x_origin=origin)
    )
    ctx.accounts.add(Account(handle))
    ctx.vault.set_password(handle, f"pw-{handle}")
    return ctx


def _engine(ctx: AppContext, timeout_s: float = 8) -> Engine:
    return Engine(ctx, headless=True, page_timeout_s=timeout_s, signin_step_timeout_s=timeout_s)


@pytest.mark.parametrize(("signed_in", "lang"), [(True, "en"), (False, "fr")])
def test_a_captive_portal_is_x_not_reached_not_a_changed_page(
    simx: Any, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch, signed_in: bool, lang: str
) -> None:
    """A train's Wi-Fi sends every request for X to its own "accept the terms" page, on
    another site: at the Grok page (a saved session) or at the sign-in. That is X not reached
    (retried soon, in the run's words), not X's page changed: no picture of the portal's page
    is kept, nobody is told at once that X's page may have changed, and no password is typed
    into it."""
    sim = simx(SimAccount("pia", "pw-pia"))
    ctx = _context(sim.origin, consentinel_home, "pia")
    if signed_in:
        _engine(ctx).run_check(dry_run=True)  # signs in and saves the session
    attempts = len(sim.signin_attempts("pia"))
    sim.captive_portal()
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    run = _engine(ctx).run_check(unattended=True, trigger="schedule")
    (pia,) = run.accounts
    assert (pia.status, pia.reason) == (Status.ERROR, Reason.NETWORK), pia.message
    portal = sim.portal_origin.removeprefix("http://")
    said = {
        "en": f"the network sent the browser to {portal} instead of X (a Wi-Fi sign-in page?)."
        + NEXT["en"],
        "fr": f"le réseau a envoyé le navigateur vers {portal} au lieu de X (une page de "
        f"connexion Wi-Fi{NBSP}?)." + NEXT["fr"],
    }[lang]
    assert pia.message == HEAD[lang] + said, pia.message
    assert "GET captcha /portal" in sim.world.requests  # the browser did land on the portal
    assert pia.reason in RETRY_SOON_REASONS
    assert pia.evidence is None and not ctx.journal.entries(kinds=[EntryKind.EVIDENCE])
    kinds = {n.kind for n in notifications_for(run)}
    assert NotificationKind.PAGE_CHANGED not in kinds, kinds
    assert len(sim.signin_attempts("pia")) == attempts  # nothing typed into the portal


def test_an_untick_whose_connection_is_cut_is_x_not_reached_at_once(
    simx: Any, consentinel_home: Path
) -> None:
    """Each untick's connection is cut before X gets it. The wait for X's answer ends as
    the browser says the request failed, not after the whole wait, and the check ends as X not
    reached with Chromium's words, not "X took too long"; the boxes, read back after a reload,
    are said on, never off."""
    sim = simx(SimAccount("ugo", "pw-ugo"))
    ctx = _context(sim.origin, consentinel_home, "ugo")
    timeout_s = 15
    _engine(ctx, timeout_s).run_check(dry_run=True)
    sim.change_account("ugo", fault="mutation_reset")
    (ugo,) = _engine(ctx, timeout_s).run_check(unattended=True).accounts
    assert (ugo.status, ugo.reason) == (Status.ERROR, Reason.NETWORK), ugo.message
    cut = "the connection was cut." + NEXT["en"] + " (ERR_CONNECTION_RESET)"
    assert ugo.message == HEAD["en"] + cut, ugo.message
    assert ugo.settings[Box.TRAINING].after is True  # read back on: never said off
    assert sim.boxes("ugo")["training"] is True
    tries = [m["at"] for m in sim.mutations("ugo") if "DataSharing" in m["operation"]]
    assert len(tries) == 2  # tried, read back, tried once more
    # The second try came after a reload and a reading, not after a whole wait for the first.
    assert tries[1] - tries[0] < timeout_s, tries


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (502, "the proxy could not reach X." + NEXT["en"] + " (ERR_TUNNEL_CONNECTION_FAILED)"),
        (
            407,
            "the proxy asks for a password, which Consentinel cannot give: ask whoever runs it "
            "to let this computer reach x.com without one, or use a network without that "
            "proxy." + NEXT["en"] + " (ERR_INVALID_AUTH_CREDENTIALS)",
        ),
    ],
)
def test_a_proxy_that_refuses_is_said_for_what_it_did(
    consentinel_home: Path, monkeypatch: pytest.MonkeyPatch, status: int, words: str
) -> None:
    """The system's proxy (https_proxy) answers X's address with 502 (it could not reach X: it
    was reached) or 407 (it wants a password). Nothing leaves this computer: the proxy lets
    nothing through."""
    with refusing_proxy(status) as proxy:
        for name in ("https_proxy", "http_proxy", "HTTPS_PROXY", "HTTP_PROXY"):
            monkeypatch.setenv(name, proxy.url)
        for name in ("no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY"):
            monkeypatch.delenv(name, raising=False)
        ctx = _context("https://x.com", consentinel_home, "pax")
        (pax,) = _engine(ctx).run_check(unattended=True).accounts
    assert proxy.asked and proxy.asked[0] == "CONNECT x.com:443", proxy.asked
    assert (pax.status, pax.reason) == (Status.ERROR, Reason.NETWORK), pax.message
    assert pax.message == HEAD["en"] + words, pax.message


@pytest.mark.parametrize(
    ("fault", "said"),
    [
        (
            "connection_reset",
            HEAD["en"] + "the connection was cut." + NEXT["en"] + " (ERR_CONNECTION_RESET)",
        ),
        (
            "http_500",
            "X answered with an error: HTTP status 500. The trouble is on X's side; the next "
            "check tries again.",
        ),
    ],
)
def test_a_sign_in_whose_password_answer_fails_says_why(
    simx: Any, consentinel_home: Path, fault: str, said: str
) -> None:
    """The connection drops as the password is sent, or X answers it with a 500: said with
    its cause (which side failed, and how), not a bare "could not be reached"."""
    sim = simx(SimAccount("sol", "pw-sol", signin_faults={"password": fault}))
    ctx = _context(sim.origin, consentinel_home, "sol")
    (sol,) = _engine(ctx).run_check(unattended=True).accounts
    assert (sol.status, sol.reason) == (Status.ERROR, Reason.NETWORK), sol.message
    assert sol.message == said


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_page_whose_script_never_came_is_x_not_reached_not_a_changed_page(
    simx: Any, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """The laptop wakes and the network comes back half-way: X's settings page comes, its
    script's connection is cut, so no box is ever drawn. The reachability probe then finds X
    answering: that was said "X's page changed" (a picture kept, the person alarmed, no check
    soon). It is X not reached, retried soon, with Chromium's words."""
    sim = simx(SimAccount("wes", "pw-wes", fault="script_reset"))
    ctx = _context(sim.origin, consentinel_home, "wes")
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    run = _engine(ctx, timeout_s=4).run_check(unattended=True, trigger="schedule")
    (wes,) = run.accounts
    assert (wes.status, wes.reason) == (Status.ERROR, Reason.NETWORK), wes.message
    said = {
        "en": "X's page came without its script (",
        "fr": "la page de X est arrivée sans son script (",
    }[lang]
    assert wes.message.startswith(HEAD[lang] + said), wes.message
    assert wes.reason in RETRY_SOON_REASONS
    assert wes.evidence is None and not ctx.journal.entries(kinds=[EntryKind.EVIDENCE])
    kinds = {n.kind for n in notifications_for(run)}
    assert NotificationKind.PAGE_CHANGED not in kinds, kinds
    assert sim.boxes("wes")["training"] is True  # nothing was touched
