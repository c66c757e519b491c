"""Playwright's failures, said to the person in words (Chromium's code kept for support).

Offline, DNS and certificate failures cannot happen for real on this machine's loopback
network: these use Playwright's messages as it writes them. Refused, cut and timed-out
connections are met for real in tests/e2e/test_engine_run.py."""

from __future__ import annotations

import pytest
from playwright.async_api import Error as PlaywrightError

from consentinel.x.errors import browser_error_words


@pytest.mark.parametrize(
    ("playwright_says", "en", "fr"),
    [
        (
            "Page.goto: net::ERR_INTERNET_DISCONNECTED at https://x.com/settings/grok_settings\n"
            "Call log:\n  - navigating to ...",
            "this computer seems to be offline, ERR_INTERNET_DISCONNECTED",
            "cet ordinateur semble hors ligne, ERR_INTERNET_DISCONNECTED",
        ),
        (
            "Page.goto: net::ERR_NAME_NOT_RESOLVED at https://x.com/i/flow/login",
            "X's address could not be found (no internet, or a DNS problem), ERR_NAME_NOT_RESOLVED",
            "l'adresse de X est introuvable (pas d'internet, ou un problème de DNS), "
            "ERR_NAME_NOT_RESOLVED",
        ),
        (
            "Page.reload: net::ERR_CERT_AUTHORITY_INVALID at https://x.com/settings/grok_settings",
            "X's certificate was not accepted (a proxy or an antivirus may be intercepting the "
            "connection), ERR_CERT_AUTHORITY_INVALID",
            "le certificat de X n'a pas été accepté (un proxy ou un antivirus intercepte "
            "peut-être la connexion), ERR_CERT_AUTHORITY_INVALID",
        ),
        (
            # The proxy answered (a 502 to CONNECT): it is X it could not reach.
            "Page.goto: net::ERR_TUNNEL_CONNECTION_FAILED at https://x.com/i/flow/login",
            "the proxy could not reach X, ERR_TUNNEL_CONNECTION_FAILED",
            "le proxy n'a pas pu joindre X, ERR_TUNNEL_CONNECTION_FAILED",
        ),
        (
            "Page.goto: net::ERR_PROXY_CONNECTION_FAILED at https://x.com/i/flow/login",
            "the proxy could not be reached, ERR_PROXY_CONNECTION_FAILED",
            "le proxy est injoignable, ERR_PROXY_CONNECTION_FAILED",
        ),
        (
            "Page.goto: net::ERR_PROXY_AUTH_UNSUPPORTED at https://x.com/i/flow/login",
            "the proxy asks for a password, which Consentinel cannot give: ask whoever runs it "
            "to let this computer reach x.com without one, or use a network without that proxy, "
            "ERR_PROXY_AUTH_UNSUPPORTED",
            "le proxy demande un mot de passe, que Consentinel ne peut pas donner\u00a0: "
            "demandez à qui le gère de laisser cet ordinateur joindre x.com sans mot de passe, "
            "ou utilisez un réseau sans ce proxy, ERR_PROXY_AUTH_UNSUPPORTED",
        ),
        (
            "Page.wait_for_function: Timeout 30000ms exceeded.",
            "no answer within 30 s",
            "pas de réponse en 30 s",
        ),
        (
            "Page.wait_for_function: Timeout 29999.6ms exceeded.",  # not whole: said all the same
            "no answer within 30 s",
            "pas de réponse en 30 s",
        ),
        (
            # A slice of a longer wait (a sign-in's step): not Playwright's line, and no time
            # ("within 0.3 s" of a 30-second wait is untrue); the reason says X took too long.
            "Page.wait_for_function: Timeout 289.3246640014695ms exceeded.",
            "",
            "",
        ),
        (
            "Page.goto: net::ERR_BLOCKED_BY_CLIENT at https://x.com/",
            "ERR_BLOCKED_BY_CLIENT",  # no words for it: the code alone, not Playwright's text
            "ERR_BLOCKED_BY_CLIENT",
        ),
        (
            "Locator.click: Element is not attached to the DOM",
            "Locator.click: Element is not attached to the DOM",  # nothing better to say
            "Locator.click: Element is not attached to the DOM",
        ),
    ],
)
def test_a_failure_in_words(
    monkeypatch: pytest.MonkeyPatch, playwright_says: str, en: str, fr: str
) -> None:
    error = PlaywrightError(playwright_says)
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    assert browser_error_words(error) == en
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert browser_error_words(error) == fr
