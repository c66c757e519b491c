"""X answers the handle with its code 399 and words other than "could not find your account"
(twscrape #222, twikit #276: "Incorrect. Please try again." when it blocks an automated
sign-in): a refusal, backed off from, not an account X does not know (real Chromium against
simx, real accounts file and journal)."""

from __future__ import annotations

from pathlib import Path

import pytest

from consentinel.core.journal import EntryKind
from consentinel.core.status import Box, Reason, Status
from tests.e2e._engine_support import Recorder, SimHarness, add_account, engine, make_context

pytestmark = pytest.mark.browser

#: By the app's language (X's sign-in pages follow it): X's words, the check's sentence around
#: them (its no-break spaces as plain ones), and the next check's words while it backs off.
_SAID = {
    "en": (
        "Incorrect. Please try again.",
        "X refused the sign-in for now (it said: “Incorrect. Please try again.”); Consentinel "
        "waits before trying again. You can sign in yourself in a browser window: "
        "`consentinel login hal`.",
        "no automatic sign-in before",
    ),
    "fr": (
        "Incorrect. Veuillez réessayer.",
        "X a refusé la connexion pour l'instant (il a répondu : « Incorrect. Veuillez "
        "réessayer. ») ; Consentinel attend avant de réessayer. Vous pouvez vous connecter "
        "vous-même dans une fenêtre de navigateur : `consentinel login hal`.",
        "pas de connexion automatique avant",
    ),
}


@pytest.mark.parametrize("app_language", ["en", "fr"])
def test_x_s_incorrect_at_the_handle_backs_off_and_is_not_an_unknown_account(
    sim: SimHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app_language: str
) -> None:
    """A check someone started: X answers the handle with 399 "Incorrect. Please try again.".
    The check says X refused the sign-in, in X's words and the person's language, not that X
    does not know the account (which tells them to add it again, and lets their next check
    sign in again at once). The account is backed off from: the next check someone starts
    sends X nothing, and says until when."""
    monkeypatch.setenv("CONSENTINEL_LANG", app_language)
    x_words, sentence, held_words = _SAID[app_language]
    sim.add("hal", "pw", scenario="refused_at_handle")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "hal", "pw")
    eng = engine(ctx)

    (hal,) = eng.run_check(ask=Recorder.new().ask).accounts

    assert (hal.status, hal.reason) == (Status.SIGNIN_FAILED, Reason.REFUSED), hal.message
    assert hal.message.replace("\u00a0", " ") == sentence  # (French: no-break spaces)
    assert x_words in hal.message
    assert sim.signin_outcomes("hal") == ["handle_refused"]
    assert sim.mutations("hal") == 0 and sim.box("hal", Box.TRAINING)
    state = ctx.accounts.state("hal")
    assert state.block_reason is Reason.REFUSED and state.blocked_until is not None
    (signin,) = ctx.journal.entries(handle="hal", kinds=[EntryKind.SIGNIN])
    assert signin.payload.get("reason") == Reason.REFUSED.value

    (again,) = eng.run_check(ask=Recorder.new().ask).accounts

    assert again.reason is Reason.REFUSED, again.message
    assert held_words in again.message, again.message
    assert sim.signin_outcomes("hal") == ["handle_refused"]  # nothing sent to X
