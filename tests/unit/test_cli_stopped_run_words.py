"""The words a stopped check ends with (cli/stopped_run.py) for short lists, a box read back off
before the stop, and nothing checked, in English and French; the end-to-end test
(tests/e2e/test_cli_stopped_run.py) has a long list and a box X may have switched off."""

from __future__ import annotations

from consentinel.cli.stopped_run import stopped_run_words
from consentinel.core.events import AccountResult, BoxChange
from consentinel.core.french_typography import typeset
from consentinel.core.i18n import speaking
from consentinel.core.status import Box, Reason, Status


def _cancelled(handle: str, **settings: BoxChange) -> AccountResult:
    boxes = {Box(name): change for name, change in settings.items()}
    return AccountResult(handle, Status.ERROR, Reason.CANCELLED, settings=boxes)


def test_two_left_are_named_and_a_box_unticked_before_the_stop_is_said() -> None:
    finished = [
        AccountResult("ana", Status.FIXED),
        # Training unticked and read back off, Personalization not reached yet.
        _cancelled("bea", training=BoxChange(True, False), personalization=BoxChange(True, True)),
        _cancelled("cyd"),
    ]
    assert stopped_run_words(["ana", "bea", "cyd"], finished) == [
        "Accounts checked: 1 of 3.",
        "Not checked, left for the next check: @bea and @cyd.",
        "Stopped while unticking boxes on @bea: the next check reads them again.",
    ]


def test_nothing_checked_names_every_account_and_no_box() -> None:
    # @eve's boxes were read (one already off, one on and left so): nothing was unticked.
    eve = _cancelled("eve", training=BoxChange(False, False), memory=BoxChange(True, True))
    with speaking("fr"):
        said = stopped_run_words(["dan", "eve", "fay"], [eve])  # (the others never began)
    assert said == [
        typeset("Comptes vérifiés : 0 sur 3."),
        typeset("Non vérifiés, laissés à la prochaine vérification : @dan, @eve et @fay."),
    ]


def test_one_left_is_named_alone() -> None:
    finished = [AccountResult("gus", Status.OPTED_OUT), _cancelled("hal")]
    with speaking("fr"):
        said = stopped_run_words(["gus", "hal"], finished)
    assert said == [
        typeset("Comptes vérifiés : 1 sur 2."),
        typeset("Non vérifié, laissé à la prochaine vérification : @hal."),
    ]
    assert stopped_run_words(["gus"], finished[:1]) == ["Accounts checked: 1 of 1."]
