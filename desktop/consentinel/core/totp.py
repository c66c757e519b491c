"""Two-factor codes: reading a TOTP secret the person pastes, and codes that are never reused."""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import parse_qs, quote, urlsplit

from consentinel.core.accounts import handle_key
from consentinel.core.i18n import tr

log = logging.getLogger(__name__)

DEFAULT_DIGITS = 6
DEFAULT_PERIOD = 30
_ALGORITHMS = {"SHA1": hashlib.sha1, "SHA256": hashlib.sha256, "SHA512": hashlib.sha512}
#: X hands out 16- or 32-character secrets; anything shorter is a typo, not a secret.
_MIN_SECRET_CHARS = 16


class InvalidTotpSecret(ValueError):
    """Not a usable TOTP secret; str() explains why and never repeats the secret."""


@dataclass(frozen=True)
class TotpSpec:
    """What is needed to make codes. repr() hides the secret."""

    secret: str
    digits: int = DEFAULT_DIGITS
    period: int = DEFAULT_PERIOD
    algorithm: str = "SHA1"

    def __repr__(self) -> str:
        return (
            f"TotpSpec(secret=***, digits={self.digits}, period={self.period}, "
            f"algorithm={self.algorithm})"
        )

    def code_at_step(self, step: int) -> str:
        return step_code(self.secret, step, self.digits, self.algorithm)

    def code_now(self, now: float | None = None) -> str:
        """The code an authenticator app shows at `now` (the clock's time by default)."""
        return self.code_at_step(int((time.time() if now is None else now) // self.period))

    def stored_form(self) -> str:
        """The plain base32 secret for X's usual codes, else a complete otpauth:// URI."""
        if (self.digits, self.period, self.algorithm) == (DEFAULT_DIGITS, DEFAULT_PERIOD, "SHA1"):
            return self.secret
        return (
            f"otpauth://totp/Consentinel?secret={self.secret}&digits={self.digits}"
            f"&period={self.period}&algorithm={quote(self.algorithm)}"
        )


def step_code(secret: str, step: int, digits: int = DEFAULT_DIGITS, algorithm: str = "SHA1") -> str:
    """The code of time-step `step` (RFC 6238: RFC 4226's code, counting 30-second steps).

    Written here rather than taken from a library: X has handed out 16-character secrets (80
    bits), which recent pyotp versions refuse ("at least 112 bits"), and it is a few lines."""
    import hmac

    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    mac = hmac.new(key, step.to_bytes(8, "big"), _ALGORITHMS[algorithm]).digest()
    offset = mac[-1] & 0x0F
    number = int.from_bytes(mac[offset : offset + 4], "big") & 0x7FFF_FFFF
    return str(number % 10**digits).zfill(digits)


#: Base32's alphabet, the only characters of a secret (spaces, dashes and "=" aside).
_BASE32_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


def _clean_base32(text: str) -> str:
    secret = "".join(text.split()).replace("-", "").upper().rstrip("=")
    not_valid = InvalidTotpSecret(
        tr(
            "This 2FA secret is not valid: it should only have the letters A to Z and the "
            "digits 2 to 7."
        )
    )
    # Wrong characters first: "not-base32-!!" is not a secret too short, it is no secret.
    if any(char not in _BASE32_CHARS for char in secret):
        raise not_valid
    if len(secret) < _MIN_SECRET_CHARS:
        raise InvalidTotpSecret(
            tr(
                "This 2FA secret is too short: X gives 16 or 32 characters, letters A to Z and "
                "digits 2 to 7."
            )
        )
    try:
        base64.b32decode(secret + "=" * (-len(secret) % 8))
    except (binascii.Error, ValueError):
        raise not_valid from None
    return secret


def _refuse_what_is_no_setup_key(raw: str) -> None:
    """The two things people paste that look like a 2FA secret and are not one, said as such
    (the generic sentences sent them looking for letters A to Z in a code)."""
    compact = "".join(raw.split()).replace("-", "")
    if 6 <= len(compact) <= 8 and compact.isdecimal():
        # What the authenticator app shows now: a one-time code, useless a minute later.
        raise InvalidTotpSecret(
            tr(
                "This is a one-time code from your authenticator app, not the 2FA secret: "
                "leave the 2FA secret empty, and Consentinel asks you for the app's code when "
                "X asks for one."
            )
        )
    if raw.lower().startswith("otpauth-migration:"):
        # Google Authenticator's "Transfer accounts" export: a protobuf of many accounts.
        raise InvalidTotpSecret(
            tr(
                "A Google Authenticator export link (otpauth-migration://) cannot be used: "
                "leave the 2FA secret empty, or paste the setup key X showed when two-factor "
                "authentication was turned on."
            )
        )


def totp_spec(text: str) -> TotpSpec:
    """Parse a base32 secret or an otpauth://totp/ URI (raises InvalidTotpSecret)."""
    raw = text.strip()
    if not raw:
        raise InvalidTotpSecret(tr("The 2FA secret is empty."))
    _refuse_what_is_no_setup_key(raw)
    if "://" not in raw:
        return TotpSpec(_clean_base32(raw))
    try:
        parts = urlsplit(raw)
    except ValueError:  # e.g. an unbalanced "[" in the host part
        raise InvalidTotpSecret(tr("This 2FA link (otpauth://) is not valid.")) from None
    if parts.scheme.lower() != "otpauth":
        raise InvalidTotpSecret(
            tr("A 2FA link must start with otpauth://totp/; this one does not.")
        )
    if parts.netloc.lower() != "totp":
        raise InvalidTotpSecret(
            tr("This 2FA link is not for time-based codes (otpauth://totp/), which X uses.")
        )
    query = {k.lower(): v[-1] for k, v in parse_qs(parts.query).items()}
    if not query.get("secret"):
        raise InvalidTotpSecret(tr("This 2FA link has no secret in it."))
    secret = _clean_base32(query["secret"])
    try:
        digits = int(query.get("digits", DEFAULT_DIGITS))
        period = int(query.get("period", DEFAULT_PERIOD))
    except ValueError:
        raise InvalidTotpSecret(
            tr("This 2FA link has a digits or period that is not a number.")
        ) from None
    if digits not in (6, 8):
        raise InvalidTotpSecret(
            tr(
                "This 2FA link asks for {digits}-digit codes; only 6 or 8 are supported.",
                digits=digits,
            )
        )
    if not 10 <= period <= 300:
        raise InvalidTotpSecret(
            tr(
                "This 2FA link has a period of {period} seconds; it should be between 10 and 300.",
                period=period,
            )
        )
    algorithm = query.get("algorithm", "SHA1").upper()
    if algorithm not in _ALGORITHMS:
        raise InvalidTotpSecret(
            tr(
                "This 2FA link uses the {algorithm} algorithm, which is not "
                "supported (SHA1, SHA256 or SHA512).",
                algorithm=algorithm[:12],
            )
        )
    return TotpSpec(secret, digits, period, algorithm)


def makes_codes(secret: str) -> bool:
    """Whether codes can be made from `secret` as the keyring holds it (one changed there by
    hand, in Seahorse say, may be anything)."""
    try:
        totp_spec(secret)
    except InvalidTotpSecret:
        return False
    return True


def parse_totp_secret(text: str) -> str:
    """What to store in the vault: the cleaned base32 secret (or a full URI for unusual codes)."""
    return totp_spec(text).stored_form()


@dataclass
class _Used:
    step: int
    code: str


async def _asyncio_sleep(seconds: float) -> None:
    import asyncio  # only engine runs need it; the app's window opens without it

    await asyncio.sleep(seconds)


class UsedSteps(Protocol):
    """Where the last used time-step of each account outlives the process (accounts.json)."""

    def last_totp_step(self, handle: str) -> int | None: ...

    def remember_totp_step(self, handle: str, step: int) -> None: ...


class TotpGenerator:
    """Gives a fresh code per account, never one already used (X refuses a replayed code).

    It remembers the last time-step used for each handle, in memory and, when given
    `used_steps`, on disk, so that a scheduled run and the app signing in within the same
    30 seconds never send the same code; when the current step was used, it waits for the next
    one. Only step numbers are stored, never a code. The clock and sleeps are injectable.
    """

    def __init__(
        self,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        async_sleep: Callable[[float], Awaitable[None]] | None = None,
        used_steps: UsedSteps | None = None,
    ) -> None:
        self._clock = clock
        self._sleep = sleep
        self._async_sleep = async_sleep or _asyncio_sleep
        self._store = used_steps
        self._used: dict[str, _Used] = {}
        self._lock = threading.Lock()

    def _last_used(self, key: str, spec: TotpSpec, step: int) -> _Used | None:
        used = self._used.get(key)
        # A step remembered more than one ahead of now was taken while the clock ran fast
        # (then set right): waiting for it would hold a sign-in for as long as the clock was
        # off, silently, with X's 2FA screen open. Like a stored one, it says nothing now.
        if used is not None and used.step > step + 1:
            used = None
        if self._store is None:
            return used
        stored = self._store.last_totp_step(key)
        # A stored step far from now (the clock was changed) says nothing about today's codes.
        if stored is None or not step - 1 <= stored <= step + 1:
            return used
        if used is None or stored > used.step:
            return _Used(stored, spec.code_at_step(stored))
        return used

    def wait_needed(self, handle: str, secret: str) -> float:
        """Seconds to wait before a fresh code exists for this account (0: one is ready)."""
        spec = totp_spec(secret)
        with self._lock:
            return self._wait(handle_key(handle), spec)

    def _wait(self, key: str, spec: TotpSpec) -> float:
        now = self._clock()
        step = int(now // spec.period)
        used = self._last_used(key, spec, step)
        if used is None or (step > used.step and spec.code_at_step(step) != used.code):
            return 0.0
        # The step was used (or happens to give the same code): the next step starts at…
        nxt = max(step, used.step) + 1
        while spec.code_at_step(nxt) == used.code:
            nxt += 1
        return max(nxt * spec.period - now, 0.0) + 0.01

    def _take(self, key: str, spec: TotpSpec) -> str | None:
        if self._wait(key, spec) > 0:
            return None
        step = int(self._clock() // spec.period)
        code = spec.code_at_step(step)
        self._used[key] = _Used(step, code)
        if self._store is not None:
            try:
                self._store.remember_totp_step(key, step)
            except OSError as exc:  # the code is still fresh; only another process could reuse it
                log.warning("could not remember the 2FA time-step: %s", exc)
        return code

    def _take_or_wait(self, key: str, spec: TotpSpec) -> tuple[str | None, float]:
        """One try of code() and acode(): a fresh code for the account `key` (handle_key) and
        0, or None and the seconds until the next time-step may give one. Under the lock, so
        that two sign-ins of one account in this process never take the same step."""
        with self._lock:
            code = self._take(key, spec)
            return code, 0.0 if code is not None else self._wait(key, spec)

    def code(self, handle: str, secret: str) -> str:
        """A code not used before for this account; may sleep until the next time-step."""
        spec, key = totp_spec(secret), handle_key(handle)
        while True:
            code, wait = self._take_or_wait(key, spec)
            if code is not None:
                return code
            self._sleep(wait)

    async def acode(self, handle: str, secret: str) -> str:
        """Same as code() without blocking the event loop while it waits."""
        spec, key = totp_spec(secret), handle_key(handle)
        while True:
            code, wait = self._take_or_wait(key, spec)
            if code is not None:
                return code
            await self._async_sleep(wait)

    def forget(self, handle: str) -> None:
        """The step remembered in memory for `handle` no longer counts (its 2FA secret was
        saved again, or put back in use); the one on disk, if any, still does."""
        with self._lock:
            self._used.pop(handle_key(handle), None)
