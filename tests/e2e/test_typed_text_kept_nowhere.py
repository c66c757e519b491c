"""What the browser typed (a password, a code) is kept nowhere when typing fails: Playwright's
error names it in its call log (`- fill("…")`), and neither the journal, the check's message
nor the log may keep it — whichever way the error is met (as a browser error, or quoted by an
error of ours that reaches the check's catch-all)."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyotp
import pytest
from playwright.async_api import Error as PlaywrightError

from consentinel.core import check_signin
from consentinel.core.log_redaction import REDACTED, redact
from consentinel.core.status import Status
from consentinel.gui.logging_setup import setup_logging
from tests.e2e._engine_support import SimHarness, add_account, engine, make_context

pytestmark = pytest.mark.browser

#: With a quote and a bracket in it: Playwright writes the text as typed, quotes unescaped.
PASSWORD = 'Typed-nowhere")7f3a'


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """The app's log, as the window and the command line write it (secrets redacted)."""
    path = setup_logging(tmp_path / "logs")
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "consentinel", False):
            root.removeHandler(handler)
            handler.close()


def _files_holding(folder: Path, text: str) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and text.encode() in p.read_bytes()]


@pytest.mark.parametrize("quoted_by_ours", [True, False], ids=["catch-all", "browser-error"])
def test_a_fill_that_times_out_leaves_what_it_typed_in_no_journal_and_no_log(
    sim: SimHarness,
    tmp_path: Path,
    log_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    quoted_by_ours: bool,
) -> None:
    sim.add("ivy", PASSWORD)
    home = tmp_path / "home"
    ctx = make_context(sim.origin, home)
    add_account(ctx, "ivy", PASSWORD)

    async def sign_in_whose_field_never_takes_it(
        page: Any, site: Any, secrets: Any, *_: Any
    ) -> Any:
        # X's sign-in page, served here, whose password field stays disabled: a real fill of
        # the saved password by real Chromium, which times out.
        await page.goto(site.login_url)
        await page.set_content('<input name="password" type="password" disabled>')
        try:
            await page.locator("input").fill(secrets.password, timeout=1500)
        except PlaywrightError as exc:
            assert PASSWORD in str(exc)  # (what Playwright says: the text typed, as typed)
            if quoted_by_ours:  # a bug of ours quoting it: the check's catch-all meets it
                raise RuntimeError(f"the sign-in broke: {exc}") from exc
            raise
        raise AssertionError("the disabled field took the text")

    monkeypatch.setattr(check_signin, "sign_in", sign_in_whose_field_never_takes_it)
    result = engine(ctx).run_check()

    (ivy,) = result.accounts
    assert ivy.status is Status.ERROR
    if quoted_by_ours:
        assert ivy.message == (
            "Unexpected error: RuntimeError: the sign-in broke: Locator.fill: Timeout 1500ms "
            "exceeded."
        )
    assert PASSWORD not in ivy.message
    assert "Call log" not in ivy.message
    for entry in ctx.journal.entries():
        assert PASSWORD not in repr(entry.payload), entry
    ctx.journal.close()
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_file.read_text()
    if quoted_by_ours:  # the traceback is there, what was typed is not
        assert "check of @ivy failed unexpectedly" in logged and "RuntimeError" in logged
        assert "fill(…)" in logged
    else:
        assert "check of @ivy: Locator.fill: Timeout 1500ms exceeded." in logged
    assert PASSWORD not in logged and "Typed-nowhere" not in logged
    # Nor in any file the check wrote: the journal (its WAL too), the evidence, the log.
    assert _files_holding(home, "Typed-nowhere") == []
    assert _files_holding(log_file.parent, "Typed-nowhere") == []


def test_the_password_and_code_typed_by_a_sign_in_are_redacted_from_the_log(
    sim: SimHarness, tmp_path: Path
) -> None:
    """Registered with the log's redaction before the browser types them: a line that would
    quote one, whatever its form, shows [redacted]."""
    secret = pyotp.random_base32()
    sim.add("jon", "Jon-password-5521", totp_secret=secret)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "jon", "Jon-password-5521", totp_secret=secret)
    assert redact("typed Jon-password-5521") == "typed Jon-password-5521"  # (not yet typed)
    (jon,) = engine(ctx).run_check().accounts
    assert jon.status is Status.FIXED, jon.message
    assert redact("typed Jon-password-5521") == f"typed {REDACTED}"
    # The code typed: one of the last windows' (a check may wait for a fresh one).
    now = time.time()
    codes = {pyotp.TOTP(secret).at(now - 30 * back) for back in range(4)}
    assert any(redact(f"the code {code} was sent") == f"the code {REDACTED} was sent"
               for code in codes)  # fmt: skip
