"""A 2FA code X refused for this computer's clock, in the journal: the sign-in entry keeps its
detail_code as the check's does, the chain and its exports still check out, and entries() picks
those checks out (the journal window's "Clock to set right") or leaves them out ("2FA code
needed"). A real SQLite journal."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from consentinel.core.events import AccountResult, NotRetried
from consentinel.core.export_check import check_export, read_export
from consentinel.core.journal import EntryKind, Journal
from consentinel.core.status import Reason, Status

#: As the sign-in ends: this computer's clock 7 minutes behind X's.
DETAIL = "clock_off:-420"


def _journaled(journal: Journal) -> None:
    """cleo: the clock's refusal (sign-in, then check), then a scheduled check that waits
    after it; dan: a 2FA code asked for; eve: locked by X."""
    run = journal.start_run("schedule")
    journal.record_signin(run, "cleo", Status.NEEDS_USER, Reason.TWO_FACTOR, detail=DETAIL)
    refused = AccountResult("cleo", Status.NEEDS_USER, Reason.TWO_FACTOR, detail_code=DETAIL)
    journal.record_check(run, refused)
    journal.record_signin(run, "dan", Status.NEEDS_USER, Reason.TWO_FACTOR)
    journal.record_check(run, AccountResult("dan", Status.NEEDS_USER, Reason.TWO_FACTOR))
    journal.record_check(run, AccountResult("eve", Status.NEEDS_USER, Reason.LOCKED))
    journal.finish_run(run)
    run = journal.start_run("schedule")
    journal.record_check(run, dataclasses.replace(refused, not_retried=NotRetried(None)))
    journal.finish_run(run)


def test_the_sign_in_entry_keeps_the_clock_and_the_chain_still_checks_out(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "journal.sqlite3")
    _journaled(journal)
    cleo, dan = journal.entries(kinds=[EntryKind.SIGNIN])
    assert cleo.payload == {"outcome": "needs_user", "reason": "two_factor", "detail_code": DETAIL}
    assert "detail_code" not in dan.payload
    assert journal.verify().ok
    # An export of them re-hashes and re-chains as the journal does, whole or filtered.
    for name, filters in (("all.json", {}), ("cleo.json", {"handle": "cleo"})):
        journal.export_json(tmp_path / name, **filters)
        checked = check_export(read_export(tmp_path / name), journal=journal)
        assert checked.ok, checked.problems
    journal.close()
    # Read again from the file: the same.
    journal = Journal.open(tmp_path / "journal.sqlite3")
    assert journal.verify().ok
    journal.close()


def test_entries_pick_out_the_checks_of_the_clock_or_leave_them_out(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "journal.sqlite3")
    _journaled(journal)
    asked = {"status": Status.NEEDS_USER, "reason": Reason.TWO_FACTOR}

    def handles(**filters: object) -> list[str | None]:
        return [e.handle for e in journal.entries(**filters)]  # type: ignore[arg-type]

    assert handles(**asked, clock_off=True) == ["cleo", "cleo"]  # the refusal, and the wait
    assert handles(**asked, clock_off=False) == ["dan"]
    assert handles(**asked) == ["cleo", "dan", "cleo"]  # (unchanged without it)
    assert handles(status=Status.NEEDS_USER) == ["cleo", "dan", "eve", "cleo"]
    # A filtered export says what chose its entries, and still checks out.
    journal.export_json(tmp_path / "clock.json", **asked, clock_off=True)
    document = json.loads((tmp_path / "clock.json").read_text("utf-8"))
    assert document["filters"] == {
        "status": "needs_user",
        "reason": "two_factor",
        "clock_off": True,
    }
    assert [e["handle"] for e in document["entries"]] == ["cleo", "cleo"]
    checked = check_export(read_export(tmp_path / "clock.json"), journal=journal)
    assert checked.ok, checked.problems
    journal.close()
