"""TOTP: reading pasted secrets and never handing out the same code twice."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
from pathlib import Path

import pyotp
import pytest

from consentinel.core.accounts import handle_key
from consentinel.core.totp import (
    InvalidTotpSecret,
    TotpGenerator,
    parse_totp_secret,
    step_code,
    totp_spec,
)

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def test_base32_is_cleaned() -> None:
    assert parse_totp_secret("jbsw y3dp ehpk 3pxp") == "JBSWY3DPEHPK3PXP"
    assert parse_totp_secret(" JBSWY3DP-EHPK3PXP== \n") == "JBSWY3DPEHPK3PXP"


def test_otpauth_uri_is_accepted() -> None:
    uri = f"otpauth://totp/X:alice?secret={SECRET.lower()}&issuer=X&digits=6&period=30"
    assert parse_totp_secret(uri) == SECRET
    unusual = parse_totp_secret(f"otpauth://totp/X:alice?secret={SECRET}&digits=8&period=60")
    spec = totp_spec(unusual)
    assert (spec.secret, spec.digits, spec.period) == (SECRET, 8, 60)
    assert SECRET not in repr(spec)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("JBSWY3DP", "too short"),
        ("JBSWY3DPEHPK3PX1", "letters A to Z"),
        ("not-base32-!!", "letters A to Z"),  # short too, but no secret at all: said so
        (f"https://example.com/?secret={SECRET}", "must start with otpauth://totp/"),
        (f"otpauth://hotp/X:a?secret={SECRET}&counter=1", "not for time-based codes"),
        ("otpauth://totp/X:a?issuer=X", "no secret"),
        (f"otpauth://totp/X:a?secret={SECRET}&digits=7", "only 6 or 8"),
        (f"otpauth://totp/X:a?secret={SECRET}&period=5", "between 10 and 300"),
        (f"otpauth://totp/X:a?secret={SECRET}&period=abc", "not a number"),
        (f"otpauth://totp/X:a?secret={SECRET}&algorithm=MD5", "not supported"),
    ],
)
def test_bad_secrets_are_explained_without_echoing_them(text: str, words: str) -> None:
    with pytest.raises(InvalidTotpSecret, match=words) as caught:
        parse_totp_secret(text)
    assert isinstance(caught.value, ValueError)
    for part in ("JBSWY3DP", "EHPK3PX", "jbswy3dp"):
        assert part not in str(caught.value)


@pytest.mark.parametrize("code", ["123456", "123 456", "12345678", " 2345 6789 ", "234567"])
def test_a_one_time_code_typed_as_the_secret_is_said_to_be_one(code: str) -> None:
    """What an authenticator app shows (6 to 8 digits) is not the secret, and its letters A to
    Z are no help to someone who typed it: leave the secret empty ("234567" is base32 too)."""
    with pytest.raises(InvalidTotpSecret, match="one-time code") as caught:
        parse_totp_secret(code)
    assert "leave the 2FA secret empty" in str(caught.value)
    assert "letters A to Z" not in str(caught.value)


def test_a_google_authenticator_export_link_is_said_to_be_unusable() -> None:
    link = "otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SBFRlc3QaBFRlc3QgASgBMAIQARgBIAA%3D"
    with pytest.raises(InvalidTotpSecret, match="Google Authenticator export") as caught:
        parse_totp_secret(link)
    assert "paste the setup key" in str(caught.value)
    assert "data=" not in str(caught.value)  # (it holds every account's secret)


def test_a_secret_of_digits_long_enough_is_still_a_secret() -> None:
    assert parse_totp_secret("2345 6723 4567 2345") == "2345672345672345"  # 16 base32 digits


def test_the_code_and_export_messages_in_french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    with pytest.raises(InvalidTotpSecret, match="code à usage unique") as code:
        parse_totp_secret("123456")
    assert "pas le secret 2FA\u00a0: laissez le secret 2FA vide" in str(code.value)
    with pytest.raises(InvalidTotpSecret, match="exportation de Google Authenticator"):
        parse_totp_secret("otpauth-migration://offline?data=abc")


def test_codes_are_rfc_6238s() -> None:
    # RFC 6238, appendix B: the SHA-1 key "12345678901234567890", 8 digits, 30-second steps.
    key = base64.b32encode(b"12345678901234567890").decode()
    times = (59, 1111111109, 1111111111, 1234567890, 2000000000, 20000000000)
    assert [step_code(key, t // 30, 8) for t in times] == [
        "94287082",
        "07081804",
        "14050471",
        "89005924",
        "69279037",
        "65353130",
    ]
    # …and another implementation's, whatever the length, digits and algorithm.
    assert step_code(SECRET, 1_700_000) == pyotp.TOTP(SECRET).generate_otp(1_700_000)
    uri = f"otpauth://totp/X:a?secret={SECRET}&digits=8&period=60&algorithm=SHA512"
    spec = totp_spec(uri)
    assert spec.code_now(1_700_000_000.0) == pyotp.TOTP(
        SECRET, digits=8, interval=60, digest=hashlib.sha512
    ).at(1_700_000_000)


def test_a_16_character_secret_makes_codes() -> None:
    """X has handed out 16-character secrets (80 bits): they are saved, so they must make
    codes (recent pyotp versions refuse them)."""
    secret = parse_totp_secret("jbsw y3dp ehpk 3pxp")
    assert len(secret) == 16
    # The same code as the full-length secret's computation, made by hand from RFC 4226.
    key = base64.b32decode(secret)
    mac = hmac.new(key, (1234).to_bytes(8, "big"), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    expected = (int.from_bytes(mac[offset : offset + 4], "big") & 0x7FFFFFFF) % 1_000_000
    assert totp_spec(secret).code_at_step(1234) == f"{expected:06d}"
    assert TotpGenerator(clock=lambda: 1234 * 30.0).code("alice", secret) == f"{expected:06d}"


class FakeClock:
    """Time that only moves when the generator sleeps."""

    def __init__(self, now: float) -> None:
        self.now = now
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


def test_codes_match_the_standard_and_are_never_reused() -> None:
    clock = FakeClock(1_700_000_005.0)  # 25 s into a 30-s step
    gen = TotpGenerator(clock=clock, sleep=clock.sleep)
    first = gen.code("Alice", SECRET)
    assert len(first) == 6
    assert first == pyotp.TOTP(SECRET).at(1_700_000_005)
    assert clock.slept == []
    second = gen.code("alice", SECRET)  # same account, other casing: must wait for next step
    assert second != first
    assert clock.slept == [pytest.approx(5.01)]  # to the start of the next step, no longer
    assert second == pyotp.TOTP(SECRET).at(int(clock.now))
    # Another account is independent: no wait.
    waited = len(clock.slept)
    gen.code("bob", SECRET)
    assert len(clock.slept) == waited


def test_one_try_takes_a_fresh_code_or_says_how_long_to_wait() -> None:
    """The step code() and acode() repeat (TotpGenerator._take_or_wait): it never sleeps."""
    clock = FakeClock(1_700_000_005.0)  # 25 s into a 30-s step
    gen = TotpGenerator(clock=clock, sleep=clock.sleep)
    spec, key = totp_spec(SECRET), handle_key("Alice")
    assert gen._take_or_wait(key, spec) == (pyotp.TOTP(SECRET).at(1_700_000_005), 0.0)
    code, wait = gen._take_or_wait(key, spec)  # the step is used: the next one, in 5 s
    assert code is None and wait == pytest.approx(5.01)
    assert clock.slept == []
    clock.now += wait
    assert gen._take_or_wait(key, spec) == (pyotp.TOTP(SECRET).at(int(clock.now)), 0.0)


def test_wait_needed_and_async_code() -> None:
    clock = FakeClock(1_700_000_020.0)
    gen = TotpGenerator(clock=clock, sleep=clock.sleep, async_sleep=clock.async_sleep)
    assert gen.wait_needed("alice", SECRET) == 0.0
    first = asyncio.run(gen.acode("alice", SECRET))
    assert gen.wait_needed("alice", SECRET) == pytest.approx(20.01)  # 10 s into its step
    second = asyncio.run(gen.acode("alice", SECRET))
    assert second != first and clock.slept
    gen.forget("alice")
    assert gen.wait_needed("alice", SECRET) == 0.0


def test_eight_digit_codes() -> None:
    clock = FakeClock(1_700_000_000.0)
    gen = TotpGenerator(clock=clock, sleep=clock.sleep)
    stored = parse_totp_secret(f"otpauth://totp/X:a?secret={SECRET}&digits=8&period=60")
    code = gen.code("a", stored)
    assert len(code) == 8 and code == pyotp.TOTP(SECRET, digits=8, interval=60).at(clock.now)


def test_a_used_code_is_never_reused_by_another_process(consentinel_home: Path) -> None:
    """Two AccountStores on one data folder stand for the GUI and a scheduled run."""
    from consentinel.core.accounts import Account, AccountStore
    from consentinel.core.paths import AppPaths

    paths = AppPaths.under(consentinel_home).ensure()
    AccountStore(paths).add(Account("alice"))
    clock = FakeClock(1_700_000_005.0)  # 25 s into a 30-s step
    first_process = TotpGenerator(clock=clock, sleep=clock.sleep, used_steps=AccountStore(paths))
    other_process = TotpGenerator(clock=clock, sleep=clock.sleep, used_steps=AccountStore(paths))
    first = first_process.code("alice", SECRET)
    second = other_process.code("Alice", SECRET)
    assert second != first
    assert clock.slept == [pytest.approx(5.01)]  # waited for the next step, no longer
    # Only the step number is on disk, never a code or the secret.
    text = paths.accounts_path.read_text(encoding="utf-8")
    assert first not in text and second not in text and SECRET not in text
    assert AccountStore(paths).last_totp_step("alice") == int(clock.now // 30)


def test_a_stored_step_far_from_now_is_ignored(consentinel_home: Path) -> None:
    """After the clock was changed, yesterday's step must not make a sign-in wait for a day."""
    from consentinel.core.accounts import Account, AccountStore
    from consentinel.core.paths import AppPaths

    paths = AppPaths.under(consentinel_home).ensure()
    store = AccountStore(paths)
    store.add(Account("alice"))
    clock = FakeClock(1_700_000_005.0)
    store.remember_totp_step("alice", int(clock.now // 30) + 2880)  # a day ahead
    gen = TotpGenerator(clock=clock, sleep=clock.sleep, used_steps=store)
    assert gen.wait_needed("alice", SECRET) == 0.0
    gen.code("alice", SECRET)
    assert clock.slept == []


def test_a_step_remembered_while_the_clock_was_fast_is_ignored_once_set_right() -> None:
    """A code taken with the clock 10 minutes fast must not make the next one wait 10 minutes
    (silently, X's 2FA screen open) once the clock is set right."""
    clock = FakeClock(1_700_000_005.0 + 600)  # 10 minutes fast
    gen = TotpGenerator(clock=clock, sleep=clock.sleep, async_sleep=clock.async_sleep)
    asyncio.run(gen.acode("alice", SECRET))
    clock.now -= 600  # the clock set right
    assert gen.wait_needed("alice", SECRET) == 0.0
    asyncio.run(gen.acode("alice", SECRET))
    assert clock.slept == []
    # A step one ahead is still a code just used (a clock off by a few seconds): it waits.
    clock.now -= 30
    assert gen.wait_needed("alice", SECRET) > 0


def test_a_step_remembered_fast_is_ignored_with_a_store_too(consentinel_home: Path) -> None:
    from consentinel.core.accounts import Account, AccountStore
    from consentinel.core.paths import AppPaths

    paths = AppPaths.under(consentinel_home).ensure()
    store = AccountStore(paths)
    store.add(Account("alice"))
    clock = FakeClock(1_700_000_005.0 + 600)
    gen = TotpGenerator(clock=clock, sleep=clock.sleep, used_steps=store)
    gen.code("alice", SECRET)
    clock.now -= 600
    assert gen.wait_needed("alice", SECRET) == 0.0
