"""Every reason a check can end with has words wherever a person reads it: the command line's
status lines, the journal window, and, for those that need the person, the window's advice and
the sentence a check leaves (a reason added without them printed its code, or failed)."""

from __future__ import annotations

import pytest

from consentinel.cli.terminal import reason_words
from consentinel.core.check_messages import reason_message
from consentinel.core.status import SIGN_IN_REASONS, Reason
from consentinel.gui import journal_model, row_hints


@pytest.mark.parametrize("reason", list(Reason))
def test_every_reason_has_words_in_the_terminal_and_the_journal_window(reason: Reason) -> None:
    # ("cancelled": its words are its code.)
    assert reason_words(reason) != reason.value or reason is Reason.CANCELLED
    assert reason in journal_model._REASONS


@pytest.mark.parametrize("reason", sorted(SIGN_IN_REASONS))
def test_every_reason_that_needs_the_person_says_what_to_do(reason: Reason) -> None:
    assert reason in row_hints._HINTS
    assert "consentinel " in reason_message(reason, "alice")
