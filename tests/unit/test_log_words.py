"""`consentinel log` in words: each kind of entry, read back from a real journal."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from consentinel.cli.log_words import details, entry_line
from consentinel.core.events import AccountResult, BoxChange
from consentinel.core.journal import EntryKind, Journal
from consentinel.core.status import Box, Reason, Status


@pytest.fixture
def lines(tmp_path: Path) -> dict[EntryKind, str]:
    journal = Journal.open(tmp_path / "journal.sqlite3")
    run = journal.start_run("schedule")
    journal.record_evidence(run, "alice", "run1-alice-training-x.png", "training", sha256="ab")
    journal.record_check(
        run, AccountResult("alice", Status.FIXED, settings={Box.TRAINING: BoxChange(True, False)})
    )
    journal.record_check(run, AccountResult("bob", Status.NEEDS_USER, Reason.TWO_FACTOR))
    journal.record_notification(run, "bob", "needs_user", "@bob needs you", delivered=False)
    journal.finish_run(run)
    return {e.kind: entry_line(e) for e in journal.entries()}


def test_each_line_says_its_offset_from_utc(lines: dict[EntryKind, str]) -> None:
    for line in lines.values():
        assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4} ", line), line


def test_what_a_check_found_is_said_in_words(lines: dict[EntryKind, str]) -> None:
    finished = lines[EntryKind.RUN_FINISHED]
    # Counted by kind, as the window's summary, the tray and the journal window count.
    assert finished.endswith("all boxes off: 1, need you: 1"), finished
    assert "check finished" in finished and "finished —" not in finished  # said once
    # Named as the window's row and `check` name it (core/status_words.py).
    assert lines[EntryKind.CHECK].endswith("2FA code needed")
    assert "[two_factor]" not in "".join(lines.values())
    assert lines[EntryKind.EVIDENCE].endswith(
        "after unticking: Training — run1-alice-training-x.png"
    )
    assert lines[EntryKind.NOTIFICATION].endswith(
        "@bob needs you (not shown: no notifier answered)"
    )


def test_a_box_left_as_it_was_is_said_by_its_state(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "journal.sqlite3")
    run = journal.start_run("manual")
    kept = {Box.TRAINING: BoxChange(False, False)}
    journal.record_check(run, AccountResult("cleo", Status.OPTED_OUT, settings=kept))
    line = entry_line(journal.entries(kinds=[EntryKind.CHECK])[0])
    assert line.endswith("already off (nothing to change) — Training: off"), line


def test_a_box_on_at_x_but_not_shown_is_said_in_the_readers_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check's sentence ("Memory is on in X's data, but…") is left out for a reader in
    another language: the box is still said, in theirs."""
    journal = Journal.open(tmp_path / "journal.sqlite3")
    run = journal.start_run("manual")
    kept = {Box.TRAINING: BoxChange(False, False)}
    result = AccountResult("cleo", Status.OPTED_OUT, settings=kept, hidden_on=(Box.MEMORY,))
    journal.record_check(run, result)
    (check,) = journal.entries(kinds=[EntryKind.CHECK])
    assert entry_line(check).endswith("Training: off — Memory: not shown, on at X")
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert entry_line(check).endswith(
        "case Entraînement\u00a0: décochée — case Mémoire\u00a0: non affichée, cochée chez X"
    )


def test_a_notification_sent_in_another_language_is_said_in_the_readers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = Journal.open(tmp_path / "journal.sqlite3")
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    journal.record_notification(1, "bob", "needs_user", "@bob a besoin de vous", delivered=True)
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    line = entry_line(journal.entries(kinds=[EntryKind.NOTIFICATION])[0])
    assert line.endswith("the account needs you") and "besoin" not in line
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    journal.record_notification(2, "bob", "still_on", "@bob : X n'a pas…", delivered=True)
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    line = entry_line(journal.entries(kinds=[EntryKind.NOTIFICATION])[1])
    assert line.endswith("a box that should be off stays on"), line


def test_and_in_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    journal = Journal.open(tmp_path / "journal.sqlite3")
    run = journal.start_run("schedule")
    journal.record_check(run, AccountResult("bob", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD))
    check = journal.entries(kinds=[EntryKind.CHECK])[0]
    assert entry_line(check).endswith(" mot de passe refusé")  # as the window says it


def test_a_run_against_a_simulated_x_says_so_in_french_as_french_says_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "et non de X", not "pas de X" (which reads as "no X")."""
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    journal = Journal.open(tmp_path / "journal.sqlite3")
    journal.start_run("manual", x_origin="http://127.0.0.1:8123")
    (started,) = journal.entries(kinds=[EntryKind.RUN_STARTED])
    assert entry_line(started).endswith("(auprès de http://127.0.0.1:8123 et non de X)")


def test_accounts_a_cancel_kept_from_being_checked_are_not_errors(tmp_path: Path) -> None:
    """Cancelled before it reached them: "cancelled", as the window says, not "error"."""
    journal = Journal.open(tmp_path / "journal.sqlite3")
    run = journal.start_run("gui")
    journal.record_check(run, AccountResult("alice", Status.OPTED_OUT))
    for handle in ("bob", "carol"):
        journal.record_check(run, AccountResult(handle, Status.ERROR, Reason.CANCELLED))
    journal.finish_run(run, cancelled=True)
    said = [entry_line(e) for e in journal.entries()]
    bob = next(line for line in said if "@bob" in line)
    assert bob.endswith("@bob              cancelled"), bob
    assert said[-1].endswith("cancelled — all boxes off: 1, checks cancelled: 2"), said[-1]
    assert not [line for line in said if "error" in line], said


def test_x_asking_to_slow_down_is_not_called_an_error(tmp_path: Path) -> None:
    """A 429 from X: "X asked to slow down", as the window names it, not "error"."""
    journal = Journal.open(tmp_path / "journal.sqlite3")
    run = journal.start_run("schedule")
    journal.record_check(run, AccountResult("rita", Status.ERROR, Reason.RATE_LIMITED))
    journal.record_check(run, AccountResult("erin", Status.ERROR, Reason.NETWORK))
    journal.finish_run(run)
    said = [entry_line(e) for e in journal.entries()]
    rita = next(line for line in said if "@rita" in line)
    assert rita.endswith("@rita             X asked to slow down"), rita
    # Neither needs the person: both could not be checked, tried again at the next check.
    assert said[-1].endswith(" could not be checked: 2"), said[-1]


def test_an_interrupted_run_says_it_once(tmp_path: Path) -> None:
    """Its kind says "check interrupted": the details do not say "interrupted" again."""
    journal = Journal.open(tmp_path / "journal.sqlite3")
    journal.start_run("manual")
    later = Journal.open(tmp_path / "journal.sqlite3")  # another process, after a crash
    try:
        assert later.interrupt_stale_runs()
        (entry,) = later.entries(kinds=[EntryKind.RUN_INTERRUPTED])
        line = entry_line(entry)
        assert "check interrupted" in line and line.count("interrupted") == 1, line
    finally:
        later.close()
        journal.close()


def test_an_entry_edited_outside_the_app_reads_as_unknown_not_none(tmp_path: Path) -> None:
    """A sign-in whose payload lost its outcome (the journal then says it was edited)."""
    import sqlite3

    from consentinel.gui.journal_model import details

    journal = Journal.open(tmp_path / "journal.sqlite3")
    journal.record_signin(None, "alice", "ok")
    journal.close()
    with sqlite3.connect(tmp_path / "journal.sqlite3") as db:
        db.execute("UPDATE entries SET payload = '{\"tampered\": true}' WHERE kind = 'signin'")
    db.close()
    journal = Journal.open(tmp_path / "journal.sqlite3")
    try:
        (entry,) = journal.entries(kinds=[EntryKind.SIGNIN])
        assert "None" not in entry_line(entry) and "?" in entry_line(entry)
        assert details(entry) == "?"
    finally:
        journal.close()


def _untick_entries(tmp_path: Path) -> list[str]:
    """An untick X saved, one it did not (read back on), one not read back, their pictures,
    and a picture an older version named by its box alone after an untick X did not save."""
    journal = Journal.open(tmp_path / "journal.sqlite3")
    run = journal.start_run("manual")
    journal.record_change(run, "ann", Box.TRAINING, before=True, after=False, confirmed=True)
    journal.record_evidence(run, "ann", "run1-ann-training-x.png", "training")
    journal.record_change(run, "bea", Box.TRAINING, before=True, after=True, confirmed=False)
    journal.record_evidence(run, "bea", "run1-bea-training-not-saved-x.png", "training-not-saved")
    journal.record_change(
        run, "cat", Box.MEMORY, before=True, after=None, confirmed=False, reverted_by_x=True
    )
    journal.record_evidence(
        run, "cat", "run1-cat-memory-not-read-back-x.png", "memory-not-read-back"
    )
    journal.record_evidence(run, "dan", "run1-dan-memory-x.png", "memory")
    return [entry_line(e) for e in journal.entries()[1:]]


def test_an_untick_x_did_not_save_is_not_said_as_a_change(tmp_path: Path) -> None:
    """Not "box changed  Training: on → on", and its picture not "after unticking": the
    journal's words say what happened; the stored payload is every change's."""
    saved, saved_shot, kept_on, kept_on_shot, unread, unread_shot, old_shot = _untick_entries(
        tmp_path
    )
    assert "box changed" in saved and saved.endswith(
        "@ann              Training: on → off (confirmed)"
    )
    assert saved_shot.endswith("after unticking: Training — run1-ann-training-x.png")
    assert "untick not saved" in kept_on and kept_on.endswith(
        "@bea              Training: still on"
    )
    assert "→" not in kept_on and "box changed" not in kept_on
    assert kept_on_shot.endswith(
        "after an untick X did not save: Training — run1-bea-training-not-saved-x.png"
    )
    assert "untick not saved" in unread
    assert unread.endswith("Memory: not read back (reverted by X)"), unread
    # Not "X did not save": its box was not on the page reloaded to read it back.
    assert unread_shot.endswith(
        "after an untick that could not be read back: Memory — run1-cat-memory-not-read-back-x.png"
    ), unread_shot
    assert old_shot.endswith("after unticking: Memory — run1-dan-memory-x.png")  # as it was


def test_an_untick_x_did_not_save_in_french(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    _saved, _shot, kept_on, kept_on_shot, unread, unread_shot, _old = _untick_entries(tmp_path)
    assert "décochage non enregistré" in kept_on and "case modifiée" not in kept_on
    assert kept_on.endswith("case Entraînement\u00a0: toujours cochée"), kept_on
    assert "après un décochage que X n'a pas enregistré\u00a0: Entraînement — " in kept_on_shot
    assert unread.endswith("case Mémoire\u00a0: non relue (réactivée par X)"), unread
    assert "après un décochage qui n'a pas pu être relu\u00a0: Mémoire — " in unread_shot


def test_the_csv_summary_of_an_untick_x_did_not_save(tmp_path: Path) -> None:
    """The CSV's English column: not "training: on → on" either."""
    journal = Journal.open(tmp_path / "journal.sqlite3")
    journal.record_change(None, "bea", Box.TRAINING, before=True, after=True, confirmed=False)
    journal.record_change(None, "cat", Box.MEMORY, before=True, after=None, confirmed=False)
    journal.record_change(None, "ann", Box.TRAINING, before=True, after=False, confirmed=True)
    summaries = [e.summary() for e in journal.entries()]
    assert summaries == [
        "training: still on (untick not saved)",
        "memory: not read back (untick not saved)",
        "training: on → off (confirmed)",
    ]


def test_a_changed_page_is_named_alike_by_check_account_list_and_log(tmp_path: Path) -> None:
    """Named after its reason (OWN_NAME_REASONS) in the check's line as in the journal's and
    a run's counts, not "error (X's page has changed)" in one and "X's page has changed" in
    the other; any other error keeps "error" and why."""
    from consentinel.cli.terminal import describe_result, outcome_words

    journal = Journal.open(tmp_path / "journal.sqlite3")
    run = journal.start_run("manual")
    changed = AccountResult("pat", Status.ERROR, Reason.PAGE_CHANGED, message="Nothing clicked.")
    failed = AccountResult("sam", Status.ERROR, Reason.SAVE_FAILED)
    for result in (changed, failed):
        journal.record_check(run, result)
    journal.finish_run(run)
    said = [entry_line(e) for e in journal.entries()]
    assert describe_result(changed).startswith("@pat: X's page has changed — Nothing clicked. ")
    assert next(line for line in said if "@pat" in line).endswith("X's page has changed")
    assert said[-1].endswith("could not be checked: 2"), said[-1]
    assert describe_result(failed) == "@sam: error (X did not save the change)"
    assert outcome_words(Status.ERROR, Reason.CANCELLED) == "cancelled"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "needs you (X refused the code from the saved 2FA secret)"),
        ("fr", "vous attend (X a refusé le code fait avec le secret 2FA enregistré)"),
    ],
)
def test_a_sign_in_at_which_x_refused_the_saved_secret_s_code_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    """Not only "X asked for a two-factor code": why the next checks make no code from it."""
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    journal = Journal.open(tmp_path / "journal.sqlite3")
    journal.record_signin(None, "tess", "needs_user", Reason.TWO_FACTOR, totp_refused=True)
    journal.record_signin(None, "tess", "needs_user", Reason.TWO_FACTOR)
    refused, asked = journal.entries()
    assert details(refused) == said
    assert "(X refused" not in details(asked) and "(X a refusé" not in details(asked)
    journal.close()


def test_x_answering_with_an_error_is_not_said_as_a_network_problem(tmp_path: Path) -> None:
    """NETWORK is also X answering 500: the journal does not blame the person's network, and
    says which it was, as the window does."""
    journal = Journal.open(tmp_path / "journal.sqlite3")
    journal.record_check(None, AccountResult("ann", Status.ERROR, Reason.NETWORK, x_answered=True))
    journal.record_check(None, AccountResult("bea", Status.ERROR, Reason.NETWORK))
    failing, unreachable = journal.entries()
    assert details(failing) == "X failing"
    assert details(unreachable) == "X unreachable"
    journal.close()


@pytest.mark.parametrize(
    ("lang", "said", "held"),
    [
        (
            "en",
            "needs you (this computer's clock is 7 minutes behind X's)",
            "needs you (no sign-in tried: not tried again after X refused the 2FA code made by "
            "this computer's clock)",
        ),
        (
            "fr",
            "vous attend (l'horloge de cet ordinateur retarde de 7 minutes sur celle de X)",
            "vous attend (aucune connexion tentée\u00a0: pas de nouvel essai après «\u00a0X a "
            "refusé le code 2FA fait par l'horloge de cet ordinateur\u00a0»)",
        ),
    ],
)
def test_a_2fa_code_refused_for_the_clock_says_the_clock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str, held: str
) -> None:
    """X refused the saved secret's code made by a clock 7 minutes behind X's: the check's
    line says the clock, and so do the scheduled checks that wait after it; not "X asked for a
    two-factor code", which asks the person for one."""
    from consentinel.core.events import NotRetried

    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    journal = Journal.open(tmp_path / "journal.sqlite3")
    off = AccountResult("cleo", Status.NEEDS_USER, Reason.TWO_FACTOR, detail_code="clock_off:-420")
    journal.record_check(None, off)
    journal.record_check(None, replace(off, not_retried=NotRetried(None)))
    journal.record_check(None, AccountResult("dan", Status.NEEDS_USER, Reason.TWO_FACTOR))
    refused, waiting, asked = journal.entries()
    assert details(refused) == said
    assert details(waiting) == held
    assert "clock" not in details(asked) and "horloge" not in details(asked)
    journal.close()


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "needs you (this computer's clock is 7 minutes behind X's)"),
        ("fr", "vous attend (l'horloge de cet ordinateur retarde de 7 minutes sur celle de X)"),
    ],
)
def test_the_sign_in_x_refused_the_clock_s_code_at_says_the_clock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    """The sign-in entry of that refusal says the clock as its check's line does, not "X asked
    for a two-factor code"; X's own words at a step are not kept in the entry; a plain 2FA
    step stays as it was."""
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    journal = Journal.open(tmp_path / "journal.sqlite3")
    journal.record_signin(
        None, "cleo", Status.NEEDS_USER, Reason.TWO_FACTOR, detail="clock_off:-420"
    )
    journal.record_signin(None, "dan", Status.NEEDS_USER, Reason.TWO_FACTOR, detail="Try again")
    refused, asked = journal.entries()
    assert refused.payload["detail_code"] == "clock_off:-420"
    assert details(refused) == said
    assert "detail_code" not in asked.payload
    assert "clock" not in details(asked) and "horloge" not in details(asked)
    journal.close()


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "all boxes off: 2, need you: 2, could not be checked: 3"),
        (
            "fr",
            "tout décoché\u00a0: 2, vous attendent\u00a0: 2, n'ont pas pu être vérifiés\u00a0: 3",
        ),
    ],
)
def test_a_finished_check_is_counted_by_the_kinds_the_window_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    """Counted as the window's summary, the tray and the journal window count: not "already
    off, fixed, needs you, sign-in failed, error, X's page has changed, X asked to slow down",
    names the accounts table never says, and X's doings among "error"s."""
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    journal = Journal.open(tmp_path / "journal.sqlite3")
    run = journal.start_run("schedule")
    ends = [
        (Status.OPTED_OUT, None),
        (Status.FIXED, None),
        (Status.NEEDS_USER, Reason.TWO_FACTOR),
        (Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD),
        (Status.ERROR, Reason.NETWORK),
        (Status.ERROR, Reason.RATE_LIMITED),
        (Status.ERROR, Reason.PAGE_CHANGED),
    ]
    for i, (status, reason) in enumerate(ends):
        journal.record_check(run, AccountResult(f"a{i}", status, reason))
    journal.finish_run(run)
    finished = journal.entries(kinds=[EntryKind.RUN_FINISHED])[0]
    assert entry_line(finished).endswith(said), entry_line(finished)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "all boxes off: 1, need you: 1, still on at X: 1"),
        ("fr", "tout décoché\u00a0: 1, vous attendent\u00a0: 1, encore cochés chez X\u00a0: 1"),
    ],
)
def test_a_box_x_keeps_on_unseen_is_not_counted_among_all_boxes_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    """Every box X's page shows off, but Memory on in X's data: the window's summary does not
    count it with those whose boxes are all off, and neither does the run's entry."""
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    journal = Journal.open(tmp_path / "journal.sqlite3")
    run = journal.start_run("schedule")
    kept = {Box.TRAINING: BoxChange(False, False)}
    journal.record_check(run, AccountResult("alice", Status.FIXED, settings=kept))
    hidden = AccountResult("cleo", Status.OPTED_OUT, settings=kept, hidden_on=(Box.MEMORY,))
    journal.record_check(run, hidden)
    journal.record_check(run, AccountResult("bob", Status.NEEDS_USER, Reason.TWO_FACTOR))
    journal.finish_run(run)
    finished = journal.entries(kinds=[EntryKind.RUN_FINISHED])[0]
    assert entry_line(finished).endswith(said), entry_line(finished)
    assert finished.payload["outcomes"] == {"fixed": 1, "hidden_on": 1, "needs_user": 1}
