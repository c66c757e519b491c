"""Where the saved passwords and 2FA codes may be typed: X (https://x.com), or a simulated X on
this computer; any other address, from the setting or the variable, is a set-up error."""

from __future__ import annotations

from pathlib import Path

import pytest

from consentinel.core.doctor import check_x
from consentinel.core.french_typography import typeset
from consentinel.core.settings import Settings, XOriginError
from consentinel.x.site import XSite, allowed_origin

REFUSED = [
    "http://203.0.113.9",  # another computer, in clear text
    "https://203.0.113.9:8443",
    "https://x.com@evil.example",  # a user name: the host is evil.example
    "https://user:pw@127.0.0.1:8765",
    "http://x.com.evil.example:80",
    "https://evil.example/x.com",
    "http://x.com",  # X without TLS
    "https://twitter.com",
    "https://api.x.com",
    "http://127.0.0.1:8765/path",
    "http://127.0.0.1:8765/?next=x",
    "http://127.0.0.1:8765#x",
    "http://127.0.0.1:0",
    "http://127.0.0.1:65536",
    "http://localhost.evil.example",
    "http://127.0.0.1.evil.example",
    "http://2130706433",  # 127.0.0.1 to a browser, but no name of it to a reader
    "http://[::ffff:203.0.113.9]",
    "http://127.0.0.1\\@evil.example",
    " http://127.0.0.1:8765",
    "ftp://127.0.0.1",
]
ALLOWED = [
    ("https://x.com", "https://x.com"),
    ("https://x.com/", "https://x.com"),
    ("HTTPS://X.COM:443", "https://x.com"),
    ("http://127.0.0.1:8765", "http://127.0.0.1:8765"),
    ("http://127.0.0.1:8765/", "http://127.0.0.1:8765"),
    ("http://127.9.8.7", "http://127.9.8.7"),
    ("http://[::1]:8765", "http://[::1]:8765"),
    ("http://localhost:8765", "http://localhost:8765"),
    ("http://LOCALHOST:80", "http://localhost"),  # as the browser writes its pages' addresses
    ("https://localhost:9443", "https://localhost:9443"),
]


@pytest.mark.parametrize("origin", REFUSED)
def test_an_address_off_this_computer_or_with_more_than_an_origin_is_refused(
    origin: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert allowed_origin(origin) is None
    assert not XSite(origin).takes_secrets
    settings_file = Path("/home/ana/.config/Consentinel/settings.json")
    with pytest.raises(XOriginError) as refused:
        Settings(x_origin=origin).effective_x_origin(settings_file)
    said = str(refused.value)
    assert said.startswith(f"The setting x_origin in {settings_file} names '{origin}', which")
    assert "the saved passwords and 2FA codes would be sent there" in said
    monkeypatch.setenv("CONSENTINEL_X_ORIGIN", origin)
    if origin != origin.strip():
        return  # (the variable is read without its spaces)
    with pytest.raises(XOriginError) as from_variable:
        Settings().effective_x_origin()
    assert "CONSENTINEL_X_ORIGIN" in str(from_variable.value)
    assert origin in str(from_variable.value)


@pytest.mark.parametrize(("origin", "used"), ALLOWED)
def test_x_and_loopback_addresses_are_taken(
    origin: str, used: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert allowed_origin(origin) == used
    assert Settings(x_origin=origin).validate().effective_x_origin() == used
    assert XSite(used).takes_secrets
    monkeypatch.setenv("CONSENTINEL_X_ORIGIN", origin)
    assert Settings().effective_x_origin() == used


def test_the_refusal_in_french_names_the_setting_and_its_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    with pytest.raises(XOriginError) as refused:
        Settings(x_origin="http://203.0.113.9").effective_x_origin(Path("/c/settings.json"))
    assert str(refused.value) == typeset(
        "Le paramètre x_origin de /c/settings.json indique « http://203.0.113.9 », qui n'est ni "
        "X (https://x.com) ni une adresse de cet ordinateur (comme http://127.0.0.1:8765) : les "
        "mots de passe et codes 2FA enregistrés y seraient envoyés. Corrigez-le, ou retirez-le "
        "pour utiliser x.com."
    )
    monkeypatch.setenv("CONSENTINEL_X_ORIGIN", "http://203.0.113.9")
    with pytest.raises(XOriginError) as from_variable:
        Settings().effective_x_origin()
    assert str(from_variable.value).startswith(
        typeset("La variable CONSENTINEL_X_ORIGIN indique « http://203.0.113.9 », qui n'est ni X")
    )


def test_another_x_than_x_is_named_with_what_set_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONSENTINEL_X_ORIGIN", raising=False)
    assert Settings().not_x_words() is None
    assert Settings(x_origin="https://x.com/").not_x_words() is None
    assert Settings(x_origin="http://127.0.0.1:8123/").not_x_words() == (
        "Checking against http://127.0.0.1:8123, not X (the setting x_origin)."
    )
    monkeypatch.setenv("CONSENTINEL_X_ORIGIN", "http://[::1]:8123")
    assert Settings().not_x_words() == (
        "Checking against http://[::1]:8123, not X (the variable CONSENTINEL_X_ORIGIN)."
    )
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert Settings().not_x_words() == typeset(
        "Vérification auprès de http://[::1]:8123 et non de X (la variable CONSENTINEL_X_ORIGIN)."
    )


def test_doctor_says_checks_go_to_a_simulated_x_and_refuses_another_computer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CONSENTINEL_X_ORIGIN", raising=False)
    # (port 9 on loopback: nothing answers there)
    line = check_x(Settings(x_origin="http://127.0.0.1:9"), timeout_s=2)
    assert line.detail.startswith(
        "Checking against http://127.0.0.1:9, not X (the setting x_origin)."
    )
    refused = check_x(
        Settings(x_origin="https://x.com@evil.example"), settings_file=Path("/c/settings.json")
    )
    assert refused.ok is False
    assert refused.detail.startswith(
        "The setting x_origin in /c/settings.json names 'https://x.com@evil.example', which"
    )
