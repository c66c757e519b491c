"""The check's strip and the tray's tooltip, in English and French: how many accounts are
done, what is under way when several are checked at once, what waits for the person, and how
the last check ended."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from consentinel.core.events import AccountResult, RunResult
from consentinel.core.status import Box, Reason, Status
from consentinel.core.steps import Step
from consentinel.gui.check_panel import CheckPanel
from consentinel.gui.translations import Translators
from consentinel.gui.tray import Tray


@pytest.fixture(params=["en", "fr"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    translators = Translators()
    translators.switch(str(request.param))
    try:
        yield str(request.param)
    finally:
        translators.switch("en")


def test_the_bar_counts_accounts(qtbot: QtBot, language: str) -> None:
    panel = CheckPanel()
    qtbot.addWidget(panel)
    panel.begin(23)
    words = {
        "en": ["0 of 23 accounts", "1 of 23 accounts", "2 of 23 accounts", "4 of 23 accounts"],
        "fr": ["0 compte sur 23", "1 compte sur 23", "2 comptes sur 23", "4 comptes sur 23"],
    }[language]
    seen = [panel.count.text()]
    for done in range(1, 5):
        panel.account_done()
        if done != 3:
            seen.append(panel.count.text())
    assert seen == words
    panel.begin(1)
    assert panel.count.text() == {"en": "0 of 1 account", "fr": "0 compte sur 1"}[language]


def test_the_count_is_beside_the_bar_not_under_its_filled_part(qtbot: QtBot, language: str) -> None:
    """Centred in a bar at most 220 px wide, "1 of 6 accounts" had its first digit under the
    filled part. The count is a line of its own beside the bar, whole, as wide as its longest
    words (the Cancel button does not move as it grows)."""
    panel = CheckPanel()
    qtbot.addWidget(panel)
    panel.resize(760, panel.sizeHint().height())
    panel.begin(23)
    qtbot.waitExposed(panel)
    panel.account_done()
    assert not panel.progress.isTextVisible()
    bar, count = panel.progress.geometry(), panel.count.geometry()
    assert panel.count.isVisible() and not bar.intersects(count)
    assert bar.right() < count.left() < panel.cancel_button.geometry().left()
    metrics = panel.count.fontMetrics()
    assert count.width() >= metrics.horizontalAdvance(panel.count.text())
    longest = {"en": "23 of 23 accounts", "fr": "23 comptes sur 23"}[language]
    assert panel.count.minimumWidth() >= metrics.horizontalAdvance(longest)


def test_several_at_once_are_named_and_their_steps_do_not_flicker(
    qtbot: QtBot, language: str
) -> None:
    panel = CheckPanel()
    qtbot.addWidget(panel)
    panel.begin(5)
    for handle in ("ann", "bob", "cat", "dan", "eve"):
        panel.show_step(handle, Step.QUEUED)
    panel.show_step("ann", Step.OPENING_SESSION)
    want = {
        "en": "@ann: Opening the session…",
        "fr": "@ann\u00a0: Ouverture de la session…",
    }[language]
    assert panel.label.text() == want
    panel.show_step("bob", Step.OPENING_SESSION)
    panel.show_step("cat", Step.OPENING_SESSION)
    three = {
        "en": "3 accounts under way: @ann, @bob, @cat",
        "fr": "3 comptes en cours\u00a0: @ann, @bob, @cat",
    }[language]
    assert panel.label.text() == three
    texts: list[str] = []
    for step in (Step.READING_PAGE, Step.UNTICKING, Step.VERIFYING):  # each one's steps
        for handle in ("ann", "bob", "cat"):
            panel.show_step(handle, step)
            texts.append(panel.label.text())
    assert set(texts) == {three}
    panel.show_step("ann", Step.DONE)
    assert panel.label.text().startswith({"en": "2 accounts", "fr": "2 comptes"}[language])


def test_an_account_waiting_for_the_person_comes_first(qtbot: QtBot, language: str) -> None:
    panel = CheckPanel()
    qtbot.addWidget(panel)
    panel.begin(4)
    for handle in ("cafe_lumiere", "ann", "bob"):
        panel.show_step(handle, Step.SIGNING_IN)
    panel.show_step("cafe_lumiere", Step.WAITING_FOR_CODE)
    panel.show_step("ann", Step.READING_PAGE)
    panel.show_step("dan", Step.WAITING_TO_SIGN_IN)  # (waits: not under way)
    want = {
        "en": "Waiting for your code for @cafe_lumiere. Meanwhile, 2 other accounts are being "
        "checked.",
        "fr": "En attente de votre code pour @cafe_lumiere. Pendant ce temps, 2 autres comptes "
        "sont vérifiés.",
    }[language]
    assert panel.label.text() == want
    panel.show_step("ann", Step.DONE)
    panel.show_step("bob", Step.DONE)
    want = {
        "en": "Waiting for your code for @cafe_lumiere…",
        "fr": "En attente de votre code pour @cafe_lumiere…",
    }[language]
    assert panel.label.text() == want
    panel.show_step("cafe_lumiere", Step.SIGNING_IN)  # answered
    want = {
        "en": "@cafe_lumiere: Signing in…",
        "fr": "@cafe_lumiere\u00a0: Connexion…",
    }[language]
    assert panel.label.text() == want


def _result(handle: str, status: Status, reason: Reason | None = None) -> AccountResult:
    return AccountResult(handle, status, reason)


def test_the_tray_keeps_how_the_last_check_ended(qtbot: QtBot, language: str) -> None:
    tray = Tray(lambda: False, lambda: False)
    tray.show_progress(1, 24)
    tray.show_progress(2, 24, "Waiting for your code for @cafe_lumiere")
    want = {
        "en": "Consentinel — checking: 2 of 24 accounts done\n"
        "Waiting for your code for @cafe_lumiere",
        "fr": "Consentinel — en cours\u00a0: 2 comptes vérifiés sur 24\n"
        "Waiting for your code for @cafe_lumiere",
    }[language]
    assert tray.icon.toolTip() == want
    tray.show_progress(1, 24)
    want = {
        "en": "Consentinel — checking: 1 of 24 accounts done",
        "fr": "Consentinel — en cours\u00a0: 1 compte vérifié sur 24",
    }[language]
    assert tray.icon.toolTip() == want
    results = (
        _result("ann", Status.FIXED),
        _result("maison_dupont", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD),
        _result("velo_paris", Status.NEEDS_USER, Reason.EMAIL_CODE),
        _result("atelier_rive", Status.ERROR, Reason.PAGE_CHANGED),
    )
    tray.show_idle(RunResult(1, results))
    want = {
        "en": "Consentinel — last check: 2 accounts need you, 1 account could not be checked",
        "fr": "Consentinel — dernière vérification\u00a0: 2 comptes ont besoin de vous, 1 compte "
        "n'a pas pu être vérifié",
    }[language]
    assert tray.icon.toolTip() == want
    tray.show_idle(RunResult(2, (_result("ann", Status.OPTED_OUT),)))
    want = {
        "en": "Consentinel — last check: all accounts fine",
        "fr": "Consentinel — dernière vérification\u00a0: tous les comptes vont bien",
    }[language]
    assert tray.icon.toolTip() == want
    # Not "all accounts fine" where X keeps a box on without showing it (the table's status).
    hidden = AccountResult("bea", Status.FIXED, hidden_on=(Box.MEMORY,))
    tray.show_idle(RunResult(2, (_result("ann", Status.OPTED_OUT), hidden)))
    want = {
        "en": "Consentinel — last check: 1 account with a box still on at X",
        "fr": "Consentinel — dernière vérification\u00a0: 1 compte avec une case encore cochée "
        "chez X",
    }[language]
    assert tray.icon.toolTip() == want
    tray.show_idle(RunResult(3, (_result("ann", Status.ERROR, Reason.CANCELLED),), True))
    want = {
        "en": "Consentinel — last check cancelled",
        "fr": "Consentinel — dernière vérification annulée",
    }[language]
    assert tray.icon.toolTip() == want
    tray.show_idle()  # (the check did not run)
    assert tray.icon.toolTip() == "Consentinel"
