"""What Chromium itself printed, as a sentence can quote it: why it did not start (browser),
why it refused its sandbox (browser_sandbox)."""

from __future__ import annotations

import re

#: A Chromium log line's prefix: "[pid:tid:date/time:LEVEL:file.cc(line)] ".
_LOG_PREFIX = re.compile(r"^\[[^\]]*:(?:ERROR|FATAL):[^\]]*\]\s*")
#: What a browser prints that says nothing about why it stopped (judged on the whole line:
#: "dbus" is in the log prefix of D-Bus's complaints).
_NOISE = ("dbus", "unexpected operator")
#: How Playwright's launch error quotes the browser's standard error.
_QUOTED = "][err] "


def quotes_chromium(output: str) -> bool:
    """Whether Playwright's launch error quotes anything the browser printed."""
    return _QUOTED in output


def chromium_said(output: str) -> list[str]:
    """The lines Chromium printed, without their log prefix, noise left out: in Playwright's
    launch error only those it quotes ("[pid=…][err] …", not its command line), in Chromium's
    own standard error every line."""
    lines = output.splitlines()
    quoted = [line.partition(_QUOTED)[2] for line in lines if _QUOTED in line]
    said: list[str] = []
    for line in quoted or lines:
        if any(noise in line.lower() for noise in _NOISE):
            continue
        text = _LOG_PREFIX.sub("", line.strip())
        if text:
            said.append(text)
    return said
