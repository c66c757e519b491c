"""What a Playwright error's text holds of what was typed, and that text without it.

Playwright's errors end with a "Call log:" of the call's steps, and the one of a fill names
the text typed, as typed (`- fill("the password")`, its quotes not escaped): kept anywhere
(the journal, --json, the log), it would keep a password or a code. Imports nothing heavy:
the log's redaction (core/log_redaction) uses it from the app's start."""

from __future__ import annotations

import re
from functools import cache

#: What a typing call's text begins with: a line holding none of these is left as it is, with
#: no pattern compiled (the log's redaction runs on every line from the app's start).
_TYPING_WORDS = ("fill(", "type(", "press(", "pressSequentially(", "press_sequentially(",
                 "insertText(", "insert_text(")  # fmt: skip
CUT = "…"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """ "Call log:" and its steps, each on an indented line, up to the first line that is not;
    older Playwrights' steps between "=== logs ===" and a line of "="; a typing call with its
    text, to the end of its line (the text is not escaped: a quote in it does not end it)."""
    return (
        re.compile(r"[ \t]*Call log:[ \t]*(?:\n[ \t]+[^\n]*)*\n?"),
        re.compile(r"=+ logs =+\n.*?(?:\n=+(?=\n|$)|$)", re.DOTALL),
        re.compile(
            r"\b(fill|type|press|pressSequentially|press_sequentially|insertText|insert_text)"
            r"\([^\n]*"
        ),
    )


def without_typed_text(text: str) -> str:
    """`text` with no typing call's argument (the log keeps the rest of a call log: a browser
    that did not start is told by it)."""
    if not any(word in text for word in _TYPING_WORDS):
        return text
    return _patterns()[2].sub(lambda match: f"{match.group(1)}({CUT})", text)


def without_call_log(text: str) -> str:
    """`text` without Playwright's call log, and with no typing call's argument: as a browser
    error may be kept in the journal and said to the person."""
    call_log, logs_block, _typing = _patterns()
    return without_typed_text(logs_block.sub("", call_log.sub("", text)))
