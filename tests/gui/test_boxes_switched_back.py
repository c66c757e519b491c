"""A box X switched back on, and the check unticked again: the selected row says so under the
table, as a row that needs a look does, and the check's summary agrees with how many boxes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from consentinel.core.check_messages import success_message
from consentinel.core.events import AccountResult, BoxChange, RunResult
from consentinel.core.status import Box, Status
from tests.gui._app_support import add_account, make_context, running_app

SUMMARY = {
    ("en", 1): "X had switched a box back on: @flipper (Training). It is off again.",
    ("en", 2): "X had switched boxes back on: @flipper (Training, Memory). They are off again.",
    ("fr", 1): "Case recochée par X, de nouveau décochée\u00a0: @flipper (Entraînement).",
    ("fr", 2): "Cases recochées par X, de nouveau décochées\u00a0: @flipper (Entraînement, "
    "Mémoire).",
}
#: The check's sentence, as the row's tooltip and now the words under the table say it.
SENTENCE = {
    "en": "X had switched Training back on. Unticked and read back off: Training.",
    "fr": "X avait réactivé\u00a0: Entraînement.",
}


def _flipped(boxes: tuple[Box, ...]) -> AccountResult:
    return AccountResult(
        "flipper",
        Status.FIXED,
        settings={box: BoxChange(True, False) for box in boxes},
        message=success_message(Status.FIXED, list(boxes), [], boxes),
        reverted_by_x=boxes,
    )


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_box_switched_back_on_is_said_under_the_table_and_counted_in_the_summary(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    ctx = make_context(consentinel_home)
    add_account(ctx, "calm")
    add_account(ctx, "flipper")
    run = ctx.journal.start_run("gui")
    calm = AccountResult("calm", Status.OPTED_OUT, message="Every box you chose is off.")
    flipper = _flipped((Box.TRAINING,))
    for result in (calm, flipper):
        ctx.journal.record_check(run, result)
    ctx.journal.finish_run(run)
    with running_app(qtbot, ctx, language=language) as app:
        window = app.window
        table = window.table
        # From the journal (the app started after the check).
        table.selectRow(table.row_of("flipper") or 0)
        advice = window.row_advice
        assert advice.isVisible()
        assert advice.text().startswith(SENTENCE[language]), advice.text()
        assert advice.text() == table.current_status_hint()  # what its tooltip says
        table.selectRow(table.row_of("calm") or 0)
        assert not advice.isVisible()  # every box was off: nothing to say
        # The summary: one box in the singular, two in the plural.
        window.show_summary(RunResult(run, (calm, flipper)))
        assert SUMMARY[(language, 1)] in window.result_label.text(), window.result_label.text()
        window.show_summary(RunResult(run, (calm, _flipped((Box.TRAINING, Box.MEMORY)))))
        assert SUMMARY[(language, 2)] in window.result_label.text(), window.result_label.text()
