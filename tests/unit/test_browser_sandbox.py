"""When the browser's sandbox is asked for, and how a failed start is read (the starts
themselves: tests/e2e/test_browser_sandbox.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from consentinel.x import browser_sandbox
from consentinel.x.browser_sandbox import runs_as_root


def test_only_root_on_linux_is_refused_the_sandbox_before_trying() -> None:
    assert runs_as_root("linux", euid=0)
    assert not runs_as_root("linux", euid=1000)
    # Chromium sandboxes an administrator's browser on macOS and Windows.
    assert not runs_as_root("darwin", euid=0)
    assert not runs_as_root("win32", euid=0)


def test_only_chromium_s_refusal_of_its_sandbox_counts_as_one() -> None:
    """Its own lines, or Playwright's launch error quoting them; a start that was only too
    slow, or a missing library, is not a refused sandbox (it would switch the sandbox off for
    the whole process)."""
    stderr = (
        "/usr/bin/chromium: 9: [: 25276071936: unexpected operator\n"
        "[8004:8004:1205/003604.566025:ERROR:content/browser/zygote_host/"
        "zygote_host_impl_linux.cc:103] Running as root without --no-sandbox is not "
        "supported. See https://crbug.com/638180.\n"
    )
    root = "Running as root without --no-sandbox is not supported. See https://crbug.com/638180"
    assert browser_sandbox.refusal_in(stderr) == root
    playwright = (
        "BrowserType.launch: Target page, context or browser has been closed\n"
        "Browser logs:\n\n<launching> /usr/bin/chromium --disable-field-trial-config "
        "--headless --user-data-dir=/tmp/x --remote-debugging-pipe about:blank\n"
        "--disable-setuid-sandbox (a switch is not a refusal)\n<launched> pid=43\n"
        "[pid=43][err] [43:43:0101/000000.000:FATAL:zygote_host_impl_linux.cc(128)] No usable "
        "sandbox! If you are running on Ubuntu 23.10+ or another Linux distro that has "
        "disabled unprivileged user namespaces with AppArmor, see https://chromium.googlesource"
        ".com/chromium/src/+/main/docs/security/apparmor-userns-restrictions.md\n"
    )
    assert (browser_sandbox.refusal_in(playwright) or "").startswith("No usable sandbox! If you")
    container = "[pid=7][err] [7:7:0101/0:FATAL:zygote_host_impl_linux.cc(201)] Check failed: . : Failed to move to new namespace: PID namespaces supported, Network namespace supported, but failed: errno = Operation not permitted (1)"  # noqa: E501
    assert "Failed to move to new namespace" in (browser_sandbox.refusal_in(container) or "")
    for other in (
        "BrowserType.launch: Timeout 30000ms exceeded.\nCall log:\n  - <launching> "
        "/usr/bin/chromium --headless about:blank",
        "[pid=9][err] /usr/lib/chromium/chromium: error while loading shared libraries: "
        "libnss3.so: cannot open shared object file: No such file or directory",
        "[1:1:0101/000000.0:ERROR:dbus/bus.cc:405] Failed to connect to the bus",
    ):
        assert browser_sandbox.refusal_in(other) is None, other


def test_a_failed_sandbox_is_remembered_per_browser_until_forgotten(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(browser_sandbox, "runs_as_root", lambda: False)
    chrome, chromium = Path("/opt/google/chrome/chrome"), Path("/usr/bin/chromium")
    try:
        browser_sandbox.sandbox_failed(chromium, "No usable sandbox!")
        assert not browser_sandbox.sandbox_wanted(chromium)
        assert browser_sandbox.sandbox_wanted(chrome)
        assert browser_sandbox.why_unsandboxed(chromium) == "No usable sandbox!"
        assert browser_sandbox.why_unsandboxed(chrome) is None
        # A check says it once a process, whichever start met it first.
        assert browser_sandbox.news_of_refusal(chromium) == "No usable sandbox!"
        assert browser_sandbox.news_of_refusal(chromium) is None
        assert browser_sandbox.news_of_refusal(chrome) is None
    finally:
        browser_sandbox.forget_failures()
    assert browser_sandbox.sandbox_wanted(chromium)
