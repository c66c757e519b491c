"""Secrets taken out of every log line: values registered before they are typed, what looks
like one, and what a browser error keeps of the text typed (x/typed_text)."""

from __future__ import annotations

import re
import threading

from consentinel.x.typed_text import without_typed_text

# Values that look like secrets, whatever logged them: key=value pairs naming one, otpauth
# links, base32 runs as long as a TOTP secret, and long token-like strings.
_KEYED = re.compile(
    r"(?i)\b(password|passwd|secret|totp|token|auth_token|ct0|cookie|code|key)\b(\s*[=:]\s*)"
    r"(\"[^\"]*\"|'[^']*'|\S+)"
)
_OTPAUTH = re.compile(r"otpauth://\S+", re.IGNORECASE)
_BASE32 = re.compile(r"\b[A-Z2-7]{16,}\b")
_LONG_TOKEN = re.compile(r"\b[A-Za-z0-9_\-]{40,}\b")
REDACTED = "[redacted]"

_known: set[str] = set()
_known_lock = threading.Lock()


def forget_later(secret: str) -> None:
    """Redact this exact value from every log line from now on: a secret typed in a dialog, a
    password or a code before the browser types it."""
    if len(secret) >= 4:
        with _known_lock:
            _known.add(secret)


def redact(text: str) -> str:
    text = without_typed_text(text)
    with _known_lock:
        known = sorted(_known, key=len, reverse=True)
    for secret in known:
        text = text.replace(secret, REDACTED)
    text = _OTPAUTH.sub(REDACTED, text)
    text = _KEYED.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)
    text = _BASE32.sub(REDACTED, text)
    return _LONG_TOKEN.sub(REDACTED, text)
