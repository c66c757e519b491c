"""A changed page's notification says what to do until Consentinel knows X's new page, as the
window's row does (gui/row_hints): it only said the page "may have changed", with no full stop,
and the person's boxes may be on meanwhile. So past a few accounts, and beside the notifications
merged for many accounts (core/notify_many)."""

from __future__ import annotations

import pytest

from consentinel.core.events import AccountResult, RunResult
from consentinel.core.french_typography import typeset
from consentinel.core.notify import NotificationKind, notifications_for
from consentinel.core.status import Reason, Status

ADVICE = "Until Consentinel is updated, check their Grok settings yourself on x.com."
ADVICE_FR = (
    "Tant que Consentinel n'est pas mis à jour, vérifiez vous-même les réglages Grok sur x.com."
)


def _changed(*handles: str) -> tuple[AccountResult, ...]:
    return tuple(AccountResult(h, Status.ERROR, Reason.PAGE_CHANGED) for h in handles)


def _page_note(*accounts: AccountResult) -> str:
    notes = notifications_for(RunResult(run_id=3, accounts=accounts))
    (body,) = [n.body for n in notes if n.kind is NotificationKind.PAGE_CHANGED]
    return body


def test_it_says_what_to_do_until_consentinel_is_updated() -> None:
    assert _page_note(*_changed("frank")) == (
        "Consentinel could not read X's settings page for @frank — it may have changed. " + ADVICE
    )


def test_past_a_few_accounts_too() -> None:
    body = _page_note(*_changed("a1", "a2", "a3", "a4", "a5"))
    assert body == (
        "Consentinel could not read X's settings page for @a1, @a2 and 3 others — it may have "
        "changed. " + ADVICE
    )


def test_beside_the_notifications_said_of_many_accounts_at_once() -> None:
    needs = tuple(AccountResult(f"need{i}", Status.NEEDS_USER, Reason.TWO_FACTOR) for i in range(5))
    notes = notifications_for(RunResult(run_id=3, accounts=needs + _changed("frank", "grace")))
    assert [n.kind for n in notes] == [NotificationKind.NEEDS_USER, NotificationKind.PAGE_CHANGED]
    assert notes[1].body.endswith("@frank, @grace — it may have changed. " + ADVICE)


def test_in_french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert _page_note(*_changed("frank", "grace")) == typeset(
        "Consentinel n'a pas pu lire la page des paramètres de X pour @frank, @grace — elle a "
        "peut-être changé. " + ADVICE_FR
    )
    assert _page_note(*_changed("a1", "a2", "a3", "a4")).endswith(
        "@a1, @a2 et 2 autres — elle a peut-être changé. " + ADVICE_FR
    )
