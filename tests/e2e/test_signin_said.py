"""What a check says of its sign-in, against simx in real Chromium: codes X refused at its
email/SMS step (as at its 2FA step), and checks that try no sign-in for a reason remembered
from an earlier one (X was not asked again: said so, and since when)."""

from __future__ import annotations

import json
import os
import pty
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from consentinel.cli.log_words import entry_line
from consentinel.cli.terminal import TerminalPrompter
from consentinel.core.check_messages import CODE_REFUSED, CODES_REFUSED, reason_message
from consentinel.core.context import AppContext
from consentinel.core.export_check import check_export, read_export
from consentinel.core.i18n import speaking
from consentinel.core.journal import EntryKind
from consentinel.core.journal_entries import Entry
from consentinel.core.moments import moment_text
from consentinel.core.notify import Notification
from consentinel.core.notify_delivery import deliver
from consentinel.core.status import Reason, Status
from consentinel.core.steps import PromptKind
from tests.e2e._engine_support import SimHarness, add_account, engine, make_context

pytestmark = pytest.mark.browser

NBSP = "\u00a0"


def _plain(text: str) -> str:
    """French typography's no-break spaces read as spaces, for the comparisons below."""
    return text.replace(NBSP, " ").replace("\u202f", " ")


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """A real pseudo-terminal as standard input (a person's terminal): its writing end."""
    master, slave = pty.openpty()
    stdin = os.fdopen(slave, "r", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    try:
        yield master
    finally:
        os.close(master)
        stdin.close()


_REFUSED_AGAIN = {
    "en": "@emil: X refused the code typed from its email or SMS; another wrong code may get X "
    "to lock the account.",
    "fr": "@emil : X a refusé le code saisi de son e-mail ou SMS ; un code faux de plus "
    "pourrait amener X à verrouiller le compte.",
}
_REFUSED_AT_END = {
    ("en", CODES_REFUSED): ("X refused both codes typed at this sign-in from the email or SMS"),
    ("en", CODE_REFUSED): ("X refused the code typed at this sign-in from the email or SMS"),
    ("fr", CODES_REFUSED): "X a refusé les deux codes saisis à cette connexion depuis l'e-mail",
    ("fr", CODE_REFUSED): "X a refusé le code saisi à cette connexion depuis l'e-mail",
}
_LOCK_RISK = {
    "en": "another wrong code may get X to lock the account",
    "fr": "un code faux de plus pourrait amener X à verrouiller le compte",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(
    ("typed", "detail"),
    [(b"000000\n000000\n", CODES_REFUSED), (b"000000\n\n", CODE_REFUSED)],
    ids=["both-refused", "one-refused-then-none"],
)
def test_a_code_x_sent_by_email_that_it_refuses_is_said_refused_with_the_lock_risk(
    sim: SimHarness,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    terminal: int,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    typed: bytes,
    detail: str,
) -> None:
    """X refuses the code the person types from its email (LoginAcid): asked again at the
    terminal, they are told it was refused and that another wrong one may get the account
    locked; the check's end (its sentence, its journal entry) says how many were refused and
    the same risk, as the 2FA step says of its codes. A code never typed again by itself."""
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    master = terminal
    sim.add("emil", "pw", scenario="email_code")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "emil", "pw")
    os.write(master, typed)  # the person's two answers at the terminal
    (emil,) = engine(ctx).run_check(ask=TerminalPrompter(unattended=False)).accounts

    assert (emil.status, emil.reason) == (Status.NEEDS_USER, Reason.EMAIL_CODE), emil.message
    assert sim.signin_outcomes("emil") == ["email_code_failed"] * (
        2 if detail == CODES_REFUSED else 1
    )
    # Asked again at the terminal: refused, and the risk.
    said = _plain(capsys.readouterr().err)
    assert said.count(_REFUSED_AGAIN[lang]) == 1, said
    # The check's end, and its journal entry.
    message = _plain(emil.message)
    assert message.startswith(_REFUSED_AT_END[lang, detail]), message
    assert _LOCK_RISK[lang] in message
    with speaking(lang):
        assert emil.message == reason_message(Reason.EMAIL_CODE, "emil", detail)
    (entry,) = ctx.journal.entries(handle="emil", kinds=[EntryKind.CHECK])
    assert entry.payload["message"] == emil.message and entry.payload["reason"] == "email_code"


def test_after_a_code_x_took_at_2fa_an_emailed_code_is_still_asked_twice(
    sim: SimHarness, tmp_path: Path
) -> None:
    """X asks for a 2FA code, takes it, then for a code it sends by email: that step gets the
    person's two tries as the 2FA step does (a code X took is no refused one), and its end says
    both were refused."""
    import pyotp

    secret = pyotp.random_base32()
    sim.add("emma", "pw", totp_secret=secret)
    sim.server.change_account("emma", challenges=["two_factor", "email_code"])
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "emma", "pw", totp_secret=secret)
    prompts: list[PromptKind] = []

    def ask(request: object) -> str:
        prompts.append(request.kind)  # type: ignore[attr-defined]
        return "000000"

    (emma,) = engine(ctx).run_check(ask=ask).accounts
    assert (emma.status, emma.reason) == (Status.NEEDS_USER, Reason.EMAIL_CODE), emma.message
    assert prompts == [PromptKind.EMAIL_CODE] * 2
    assert sim.signin_outcomes("emma") == ["email_code_failed"] * 2
    assert emma.message.startswith("X refused both codes typed at this sign-in"), emma.message


# -- checks that try no sign-in for a remembered reason ----------------------------------------


class _Notifier:
    def __init__(self) -> None:
        self.shown: list[Notification] = []

    def notify(self, note: Notification) -> bool:
        self.shown.append(note)
        return True


def _checks(ctx: AppContext, handle: str) -> list[Entry]:
    return ctx.journal.entries(handle=handle, kinds=[EntryKind.CHECK])


def _journal_still_checks_out(ctx: AppContext, tmp_path: Path) -> None:
    assert ctx.journal.verify().ok
    exported = tmp_path / "export.json"
    ctx.journal.export_json(exported)
    report = check_export(read_export(exported), journal=ctx.journal)
    assert report.ok, report
    assert any("not_retried" in e["payload"] for e in json.loads(exported.read_text())["entries"])


def test_a_password_x_rejected_is_said_not_tried_again_since_then_and_notified_once(
    sim: SimHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """X rejected the saved password at a check the person watched (no notification then).
    The scheduled checks after it send no password (x-reference §4): each says that it was not
    tried again and since when (the sign-in X rejected), in its entry, its sentence, the log and
    the journal window, and in French; the first of them notifies the person so, the next ones
    do not say it again as if new."""
    from consentinel.gui.journal_model import check_words

    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    sim.add("zoe", "right")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "zoe", "wrong")
    eng = engine(ctx)
    (first,) = eng.run_check().accounts
    assert first.reason is Reason.WRONG_PASSWORD and first.not_retried is None
    (rejected,) = ctx.journal.entries(handle="zoe", kinds=[EntryKind.SIGNIN])
    notifier = _Notifier()
    for _ in range(2):
        run = eng.run_check(unattended=True, trigger="schedule")
        deliver(run, notifier, ctx.journal)
    assert sim.password_attempts("zoe") == 1  # X was not asked again
    first_entry, *held = _checks(ctx, "zoe")
    assert "not_retried" not in first_entry.payload
    assert [e.payload["not_retried"] for e in held] == [{"since": rejected.ts}] * 2
    assert all(e.payload["reason"] == "wrong_password" for e in held)  # (what is asked of you)
    when = moment_text(rejected.at)
    sentence = held[0].payload["message"]
    assert sentence.startswith(f"Not signed in: X rejected the saved password on {when}, and "
                               "it is not tried again until you change it with `consentinel "
                               "account set-password zoe`."), sentence  # fmt: skip
    # The log and the journal window: not "wrong password" as if X said it again.
    local = rejected.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    tail = f"(no sign-in tried: not tried again after wrong password at {local})"
    assert entry_line(held[0]).endswith(tail), entry_line(held[0])
    assert entry_line(first_entry).endswith("password refused"), entry_line(first_entry)
    # The window writes it as its Date column does (the log keeps the ISO form).
    from consentinel.gui.time_words import local_text_to_the_second

    shown = local_text_to_the_second(rejected.at.replace(microsecond=0))
    assert check_words(held[0].payload).endswith(
        f"(no sign-in tried: not tried again after wrong password at {shown})"
    )
    # Notified once, saying so; not again at the next scheduled check.
    assert [n.body for n in notifier.shown] == [
        f"@zoe: X rejected the password on {when}, and it is not tried again — save the right "
        "one in Consentinel"
    ]
    # In French, the same (the log's words, and the sentence made again from the entry).
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    from consentinel.core.check_sentences import check_sentence

    quand = moment_text(rejected.at)
    again = _plain(check_sentence(held[0].payload, "zoe", ()))
    assert again.startswith(f"Pas de connexion : X a rejeté le mot de passe enregistré le {quand}")
    assert again.endswith("tant que vous ne l'avez pas changé avec `consentinel account "
                          "set-password zoe`."), again  # fmt: skip
    assert _plain(entry_line(held[0])).endswith(
        "(aucune connexion tentée : pas de nouvel essai après « mot de passe incorrect » le "
        f"{local})"
    )
    _journal_still_checks_out(ctx, tmp_path)


def test_a_lock_x_showed_is_said_not_tried_again_since_then(
    sim: SimHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """X locked the account: its session lands on X's lock (that check says X locked it). The
    next check tries no sign-in on a locked account: it says so, and since the check that met
    the lock, not "X locked the account" as if X had just said it."""
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    sim.add("lou", "pw")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "lou", "pw")
    eng = engine(ctx)
    (fine,) = eng.run_check().accounts
    assert fine.status is Status.FIXED, fine.message
    sim.lock_account("lou")
    notifier = _Notifier()
    (met,) = (run := eng.run_check(unattended=True)).accounts
    deliver(run, notifier, ctx.journal)
    assert met.reason is Reason.LOCKED and met.not_retried is None, met.message
    sim.expire_sessions()  # the next check needs a sign-in: none is tried
    (held,) = (run := eng.run_check(unattended=True)).accounts
    deliver(run, notifier, ctx.journal)
    assert sim.signin_outcomes("lou") == ["success"]
    *_, met_entry, held_entry = _checks(ctx, "lou")
    assert held_entry.payload["not_retried"] == {"since": met_entry.ts}
    when = moment_text(met_entry.at)
    assert held.message.startswith(
        f"Not signed in: X locked the account on {when}, and no sign-in is tried until you "
        "verify it: sign in on x.com, then run `consentinel login lou`."
    ), held.message
    # The check that met the lock notified it; this one says nothing new.
    assert [n.body for n in notifier.shown] == [
        "@lou: X has locked the account — unlock it on X, then open Consentinel"
    ]
    _journal_still_checks_out(ctx, tmp_path)


def test_a_step_only_the_person_can_take_is_said_not_tried_again_since_then(
    sim: SimHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scheduled check stopped at X's emailed code; the next scheduled ones do not sign in
    (X would send a code each time): each says so, and since that sign-in."""
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    sim.add("walt", "pw", scenario="email_code")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "walt", "pw")
    eng = engine(ctx)
    eng.run_check(unattended=True)
    (stopped,) = ctx.journal.entries(handle="walt", kinds=[EntryKind.SIGNIN])
    attempts = sim.signin_attempts("walt")
    (held,) = eng.run_check(unattended=True).accounts
    assert sim.signin_attempts("walt") == attempts
    assert held.reason is Reason.EMAIL_CODE and held.not_retried is not None
    assert held.not_retried.since == stopped.at
    when = moment_text(stopped.at)
    assert held.message == (
        f"Not signed in: a sign-in stopped on {when} at a step only you can take, and "
        "scheduled checks do not sign in again until you take it. "
        + reason_message(Reason.EMAIL_CODE, "walt")
    )
    _journal_still_checks_out(ctx, tmp_path)


_SAVED_CODE_REFUSED = {
    "en": "@wren: X refused the code made from the saved 2FA secret; another wrong code may get "
    "X to lock the account.",
    "fr": "@wren : X a refusé le code produit par le secret 2FA enregistré ; un code faux de plus "
    "pourrait amener X à verrouiller le compte.",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_code_asked_after_x_refused_the_saved_secret_s_is_asked_with_the_lock_risk(
    sim: SimHarness,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    terminal: int,
    capsys: pytest.CaptureFixture[str],
    lang: str,
) -> None:
    """X calls the code made from the saved 2FA secret incorrect: the person asked at the
    terminal for a code is first told so, and that another wrong code may get X to lock the
    account (the first question of the check, not only a second one)."""
    import pyotp

    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    right = pyotp.random_base32()
    sim.add("wren", "pw", totp_secret=right)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "wren", "pw", totp_secret=pyotp.random_base32())  # not this account's
    os.write(terminal, f"{pyotp.TOTP(right).now()}\n".encode())
    (wren,) = engine(ctx).run_check(ask=TerminalPrompter(unattended=False)).accounts
    assert wren.status is Status.FIXED, wren.message
    said = _plain(capsys.readouterr().err)
    assert said.count(_plain(_SAVED_CODE_REFUSED[lang])) == 1, said
    assert sim.signin_outcomes("wren") == ["two_factor_failed", "success"]


_NOT_SENT = {
    "en": "@tom: the code is 6 to 8 digits (spaces and hyphens aside); nothing was sent to X. "
    "Type it again.",
    "fr": "@tom : le code compte 6 à 8 chiffres (espaces et tirets mis à part) ; rien n'a été "
    "envoyé à X. Saisissez-le à nouveau.",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_2fa_code_a_digit_short_is_asked_again_unsent_and_one_typed_as_apps_show_it_signs_in(
    sim: SimHarness,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    terminal: int,
    capsys: pytest.CaptureFixture[str],
    lang: str,
) -> None:
    """At the terminal, a 2FA code of 5 digits went to X, which refused it and counted it
    toward locking the account; the right code typed as authenticator apps show it
    ("281 961") went too, space and all, and was refused the same. Now the first is asked
    again with why, X never seeing it, and the second is sent as X takes it."""
    import pyotp

    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    secret = pyotp.random_base32()
    sim.add("tom", "pw", totp_secret=secret)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "tom", "pw")  # no 2FA secret saved: the person types the code
    code = pyotp.TOTP(secret).now()
    os.write(terminal, f"12345\n{code[:3]} {code[3:]}\n".encode())  # the person's two answers
    (tom,) = engine(ctx).run_check(ask=TerminalPrompter(unattended=False)).accounts
    assert tom.status is Status.FIXED, tom.message
    assert sim.signin_outcomes("tom") == ["success"]  # no code X refused: none counts
    said = _plain(capsys.readouterr().err)
    assert said.count(_plain(_NOT_SENT[lang])) == 1, said
    assert "12345" not in said and code not in said  # neither code shown, spaced or not
    assert f"{code[:3]} {code[3:]}" not in said


def test_a_code_of_the_wrong_form_from_any_asker_is_never_sent_to_x(
    sim: SimHarness, tmp_path: Path
) -> None:
    """The sign-in itself holds the same rule as the window and the terminal: what cannot be
    a 2FA code is not typed on X's page (X would count it toward a lock)."""
    import pyotp

    sim.add("tim", "pw", totp_secret=pyotp.random_base32())
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "tim", "pw")
    (tim,) = engine(ctx).run_check(ask=lambda request: "12345").accounts
    assert (tim.status, tim.reason) == (Status.NEEDS_USER, Reason.TWO_FACTOR), tim.message
    assert sim.signin_outcomes("tim") == []
