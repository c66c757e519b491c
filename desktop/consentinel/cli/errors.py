"""The command line's one error type: a sentence for the user, exit 2, nothing changed."""

from __future__ import annotations


class UsageError(Exception):
    """Bad input or set-up: one clear sentence, exit 2, nothing changed."""
