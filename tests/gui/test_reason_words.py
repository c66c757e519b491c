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


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_password_not_tried_again_is_said_in_one_sentence(qapp: object, language: str) -> None:
    """ "…until you change it: change it with “Edit account…”." said it twice: one sentence, in
    the window ("with “Edit account…”") and on the command line ("with `consentinel …`"). A
    sentence of the version before is not cut inside its words ("change it: run “Edit…")."""
    from datetime import datetime, timezone

    from consentinel.core.check_messages import held_message
    from consentinel.core.moments import moment_text
    from consentinel.gui.translations import Translators

    since = datetime(2026, 12, 6, 9, 53, tzinfo=timezone.utc)
    translators = Translators()
    translators.switch(language)
    try:
        said = held_message(Reason.WRONG_PASSWORD, "wanda", since)
        window = row_hints.window_advice(Reason.WRONG_PASSWORD, said, "wanda")
        when = moment_text(since)
        old = said.replace(" with `", ": run `").replace(" avec `", "\u00a0: lancez `")
        from_old = row_hints.window_advice(Reason.WRONG_PASSWORD, old, "wanda")
    finally:
        translators.switch("en")
    command = "`consentinel account set-password wanda`."
    if language == "en":
        head = f"Not signed in: X rejected the saved password on {when}, and it is not tried "
        assert said == f"{head}again until you change it with {command}"
        assert window == f"{head}again until you change it with “Edit account…”."
        assert from_old == (
            "X said the saved password is wrong. It will not be tried again until you change "
            "it with “Edit account…”."
        )
    else:
        head = (
            f"Pas de connexion\u00a0: X a rejeté le mot de passe enregistré le {when}, et il "
            "n'est pas réessayé tant que vous ne l'avez pas changé avec "
        )
        assert said == head + command
        assert window == head + "«\u00a0Modifier le compte…\u00a0»."
        assert "changé\u00a0: lancez" in old and "Modifier le compte" in from_old
        assert "lancez «" not in from_old and "changé\u00a0:" not in from_old
