"""The app's log: a rotating file in the user's log folder, with secrets redacted."""

from __future__ import annotations

import logging
import os
import re
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

from consentinel.core.fileio import make_private_dirs

LOG_NAME = "consentinel.log"

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
    """Redact this exact value from every log line from now on (secrets typed in a dialog)."""
    if len(secret) >= 4:
        with _known_lock:
            _known.add(secret)


def redact(text: str) -> str:
    with _known_lock:
        known = sorted(_known, key=len, reverse=True)
    for secret in known:
        text = text.replace(secret, REDACTED)
    text = _OTPAUTH.sub(REDACTED, text)
    text = _KEYED.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)
    text = _BASE32.sub(REDACTED, text)
    return _LONG_TOKEN.sub(REDACTED, text)


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup_logging(logs_dir: Path) -> Path:
    """Log INFO and above to logs_dir/consentinel.log (owner-only, 3 x 1 MB)."""
    make_private_dirs(logs_dir)
    path = logs_dir / LOG_NAME
    if not path.exists():
        path.touch(mode=0o600)
    if os.name == "posix":
        path.chmod(0o600)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "consentinel", False):
            root.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.consentinel = True  # type: ignore[attr-defined]
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path
