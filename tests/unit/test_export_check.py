"""`consentinel log --check-export FILE`: a JSON export written by the product, checked again
from its entries alone (what the file says of itself is not believed), then edited the ways a
file can be, each said in words; its screenshots and this computer's journal, when asked."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from consentinel.cli.main import main
from consentinel.core.events import AccountResult, BoxChange
from consentinel.core.evidence import sha256_hex
from consentinel.core.export_check import check_export, read_export
from consentinel.core.french_typography import typeset
from consentinel.core.journal import Journal
from consentinel.core.journal_entries import entry_hash
from consentinel.core.paths import AppPaths
from consentinel.core.status import Box, Reason, Status

SHOT = "run1-elise-training.png"


@pytest.fixture
def paths(consentinel_home: Path) -> AppPaths:
    """A journal of six entries as a check writes them: 1 run_started, 2 change (elise),
    3 evidence (elise, its screenshot hashed), 4 check (elise), 5 check (bob), 6 run_finished."""
    paths = AppPaths.under(consentinel_home)
    paths.evidence_dir.mkdir(parents=True)
    journal = Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir)
    run = journal.start_run("manual")
    journal.record_change(run, "elise", Box.TRAINING, True, False, confirmed=True)
    shot = paths.evidence_dir / SHOT
    shot.write_bytes(b"\x89PNG the page, the box off")
    journal.record_evidence(run, "elise", shot.name, "training", sha256_hex(shot.read_bytes()))
    journal.record_check(
        run, AccountResult("elise", Status.FIXED, settings={Box.TRAINING: BoxChange(True, False)})
    )
    journal.record_check(run, AccountResult("bob", Status.NEEDS_USER, Reason.TWO_FACTOR))
    journal.finish_run(run)
    journal.close()
    return paths


def _export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], *options: str, name: str = "export.json"
) -> Path:
    """An export as `consentinel log --json --output` writes it."""
    target = tmp_path / name
    assert main(["log", "--json", "--output", str(target), *options]) == 0
    capsys.readouterr()
    return target


def _edit(path: Path, change: Any) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")


def _check(path: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str]:
    code = main(["log", "--check-export", str(path), *options])
    said = capsys.readouterr()
    return code, said.out + said.err


def _entry(document: dict[str, Any], id_: int) -> dict[str, Any]:
    found: dict[str, Any] = next(e for e in document["entries"] if e["id"] == id_)
    return found


@pytest.mark.usefixtures("paths")
def test_an_intact_complete_export_checks_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = _export(tmp_path, capsys)
    code, said = _check(export, capsys)
    assert (code, said) == (
        0,
        "The export checks out: its 6 entries re-hash by the recipe and are chained from the "
        "journal's first entry to the head it states.\n",
    )
    # With its screenshot and this computer's journal: both said to match.
    code, said = _check(export, capsys, "--evidence", "--against-journal")
    assert code == 0, said
    evidence = AppPaths.from_env().evidence_dir
    assert f"The screenshot it names is in {evidence}, as it was taken: " in said
    assert "Each of its entries is the same in this computer's journal.\n" in said


@pytest.mark.usefixtures("paths")
def test_an_edited_entry_is_named_and_the_file_s_verified_claim_not_believed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    export = _export(tmp_path, capsys)

    def untick_never_confirmed(document: dict[str, Any]) -> None:
        assert document["verified"] is True
        _entry(document, 2)["payload"]["confirmed"] = False

    _edit(export, untick_never_confirmed)
    code, said = _check(export, capsys)
    assert code == 1
    assert said.splitlines() == [
        "The export does not check out: 2 problems.",
        "  - the file says the journal verified when it was exported, but its entries do not "
        "check out: the file was edited after it was written.",
        "  - entry 2 was edited: it no longer matches its hash.",
    ]
    # The same, in French.
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    code, said = _check(export, capsys)
    assert code == 1
    assert said.splitlines() == [
        typeset("L'export ne se vérifie pas : 2 problèmes."),
        typeset(
            "  - le fichier dit que le journal se vérifiait à l'export, mais ses entrées ne se "
            "vérifient pas : le fichier a été modifié après avoir été écrit."
        ),
        typeset("  - l'entrée 2 a été modifiée : elle ne correspond plus à son hachage."),
    ]


@pytest.mark.usefixtures("paths")
def test_a_removed_entry_breaks_the_chain_and_the_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = _export(tmp_path, capsys)
    _edit(export, lambda d: d["entries"].pop(2))  # entry 3, the screenshot's
    code, said = _check(export, capsys)
    assert code == 1
    assert (
        "  - entry 4 does not follow the one before it in the file (an entry was removed, "
        "moved or edited).\n"
    ) in said
    assert "  - the file holds 5 entries but the journal's head it states says 6: " in said


@pytest.mark.usefixtures("paths")
def test_the_first_or_last_entries_removed_are_seen_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = _export(tmp_path, capsys)
    _edit(export, lambda d: d["entries"].pop(0))
    code, said = _check(export, capsys)
    assert code == 1
    assert (
        "the file's first entry (2) does not start the journal's chain: it was edited, or "
        "entries before it were removed."
    ) in said
    export = _export(tmp_path, capsys)

    def cut_off_the_end_and_its_head(document: dict[str, Any]) -> None:
        document["entries"].pop()
        document["journal"]["entries"] -= 1  # the count made to agree: the hash does not

    _edit(export, cut_off_the_end_and_its_head)
    code, said = _check(export, capsys)
    assert code == 1
    assert "the file's last entry is not the one the journal's head it states names" in said


@pytest.mark.usefixtures("paths")
def test_a_reordered_entry_is_said_moved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = _export(tmp_path, capsys)

    def swap(document: dict[str, Any]) -> None:
        entries = document["entries"]
        entries[3], entries[4] = entries[4], entries[3]  # bob's check before elise's

    _edit(export, swap)
    code, said = _check(export, capsys)
    assert code == 1
    assert "  - entry 4 comes after entry 5 in the file: entries were moved.\n" in said
    assert "  - entry 5 does not follow the one before it in the file" in said


@pytest.mark.usefixtures("paths")
def test_an_edited_head_is_seen(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = _export(tmp_path, capsys)
    _edit(export, lambda d: d["journal"].update(last_hash="f" * 64))
    code, said = _check(export, capsys)
    assert code == 1
    assert (
        "  - the file's last entry is not the one the journal's head it states names: its end "
        "was changed, or its head was edited.\n"
    ) in said
    export = _export(tmp_path, capsys)
    _edit(export, lambda d: d["journal"].update(entries=9))
    code, said = _check(export, capsys)
    assert code == 1
    assert "the file holds 6 entries but the journal's head it states says 9: " in said


def test_a_flipped_verified_claim_is_not_believed(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An export of a journal edited behind Consentinel's back says verified false; made to say
    true, its entries still do not check out. An intact export made to say false says so."""
    intact = _export(tmp_path, capsys, name="intact.json")
    _edit(intact, lambda d: d.update(verified=False))
    code, said = _check(intact, capsys)
    assert (code, said) == (
        1,
        "The export does not check out: the file says the journal did not verify when it was "
        "exported: no reason given.\n",
    )
    with sqlite3.connect(paths.journal_path) as db:
        db.execute("UPDATE entries SET payload = replace(payload, 'fixed', 'ok') WHERE id = 4")
    db.close()
    damaged = _export(tmp_path, capsys, name="damaged.json")
    assert json.loads(damaged.read_text(encoding="utf-8"))["verified"] is False
    code, said = _check(damaged, capsys)
    assert code == 1
    assert "the file says the journal did not verify when it was exported: entry 4" in said

    def claim_it_verified(document: dict[str, Any]) -> None:
        document.update(verified=True, problem=None, problems=[])

    _edit(damaged, claim_it_verified)
    code, said = _check(damaged, capsys)
    assert code == 1
    assert said.splitlines() == [
        "The export does not check out: 2 problems.",
        "  - the file says the journal verified when it was exported, but its entries do not "
        "check out: the file was edited after it was written.",
        "  - entry 4 was edited: it no longer matches its hash.",
    ]


@pytest.mark.usefixtures("paths")
def test_a_filtered_export_is_checked_as_far_as_it_can_be_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = _export(tmp_path, capsys, "--account", "elise")
    code, said = _check(export, capsys)
    assert (code, said) == (
        0,
        "The export checks out as far as a filtered export can show: each of its entries (3) "
        "re-hashes by the recipe, and follows the one before it where their ids follow each "
        "other.\n"
        'It is a filtered export ({"handle":"elise"}: 3 of the 6 entries its head says the '
        "journal held), so it cannot show that no entry was removed, added or moved between "
        "them, nor that they end at the journal's head.\n",
    )
    # Entries 2, 3 and 4 follow each other: the link between them is checked.
    _edit(export, lambda d: _entry(d, 3).update(prev_hash=_entry(d, 3)["hash"]))
    code, said = _check(export, capsys)
    assert code == 1
    assert (
        "entry 3 does not follow entry 2, the one before it in the journal (one of them was "
        "edited)." in said
    )
    assert "It is a filtered export (" in said  # still said after a verdict that it fails


@pytest.mark.usefixtures("paths")
def test_a_complete_export_made_to_look_filtered_is_still_checked_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`complete` false would spare the last entries from the head: a file that names no
    filter is checked as complete, and said edited."""
    export = _export(tmp_path, capsys)

    def cut_and_call_it_filtered(document: dict[str, Any]) -> None:
        document["entries"].pop()
        document["complete"] = False

    _edit(export, cut_and_call_it_filtered)
    code, said = _check(export, capsys)
    assert code == 1
    assert "the file says its entries were chosen by filters, yet names none: it was edited" in said
    assert "the file holds 5 entries but the journal's head it states says 6" in said


def test_a_changed_or_missing_screenshot_is_named(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = _export(tmp_path, capsys)
    held = tmp_path / "evidence-sent-with-it"
    shutil.copytree(paths.evidence_dir, held)
    code, said = _check(export, capsys, "--evidence", str(held))
    assert code == 0, said
    (held / SHOT).write_bytes(b"\x89PNG another page, the box on")
    code, said = _check(export, capsys, "--evidence", str(held))
    assert (code, said) == (
        1,
        f"The export does not check out: the screenshot of entry 3 ({SHOT}) was changed after "
        "it was taken.\n",
    )
    # Without --evidence the screenshots are not looked at: the entries alone check out.
    assert _check(export, capsys)[0] == 0
    (paths.evidence_dir / SHOT).unlink()
    code, said = _check(export, capsys, "--evidence")
    assert code == 1
    assert f"the screenshot of entry 3 ({SHOT}) is missing." in said


def test_a_forged_chain_checks_out_alone_but_not_against_the_journal(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Whoever recomputes every hash after an edit makes a file that checks out on its own (it
    is not a signature); this computer's journal still tells it apart."""
    export = _export(tmp_path, capsys)

    def forge(document: dict[str, Any]) -> None:
        _entry(document, 5)["payload"]["status"] = "fixed"
        prev = _entry(document, 4)["hash"]
        for entry in document["entries"][4:]:
            fields = (entry[k] for k in ("id", "ts", "run_id", "kind", "handle", "payload"))
            entry["prev_hash"], entry["hash"] = prev, entry_hash(prev, *fields)
            prev = entry["hash"]
        document["journal"]["last_hash"] = prev

    _edit(export, forge)
    assert _check(export, capsys)[0] == 0
    code, said = _check(export, capsys, "--against-journal")
    assert code == 1
    assert said.splitlines() == [
        "The export does not check out: 2 problems.",
        "  - this computer's journal holds another entry 5 than the file's.",
        "  - this computer's journal holds another entry 6 than the file's.",
    ]
    # Entries the journal no longer has (another journal in its place) are named too.
    paths.journal_path.unlink()
    paths.journal_path.with_name("journal.head").unlink()
    Journal.open(paths.journal_path).close()
    code, said = _check(_export(tmp_path, capsys, name="new.json"), capsys)
    assert code == 0, said
    code, said = _check(export, capsys, "--against-journal")
    assert code == 1
    assert "  - this computer's journal has no entry 1.\n" in said


@pytest.mark.usefixtures("paths")
def test_a_file_that_is_not_an_export_exits_2_with_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_export = tmp_path / "journal.csv"
    assert main(["log", "--csv", "--output", str(csv_export)]) == 0
    capsys.readouterr()
    assert _check(csv_export, capsys) == (
        2,
        f"{csv_export} is not a journal export: it is not JSON text.\n",
    )
    other = tmp_path / "other.json"
    other.write_text('{"entries": []}', encoding="utf-8")
    assert _check(other, capsys) == (
        2,
        f'{other} is not a journal export: Consentinel\'s JSON exports say "format": '
        '"consentinel-journal" (the CSV export cannot be checked this way).\n',
    )
    newer = _export(tmp_path, capsys)
    _edit(newer, lambda d: d.update(version=3))
    assert _check(newer, capsys) == (
        2,
        f"{newer} is a journal export of version 3, which this Consentinel cannot read: it "
        "reads versions 1, 2.\n",
    )
    missing = tmp_path / "missing.json"
    assert _check(missing, capsys) == (2, f"{missing} does not exist.\n")


@pytest.mark.usefixtures("paths")
def test_what_an_export_never_holds_is_an_edit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A key the hash does not cover, or one written twice (readers disagree on which value
    counts): the entries re-hash, yet the file was edited."""
    export = _export(tmp_path, capsys)
    _edit(export, lambda d: _entry(d, 5).update(note="bob said yes"))
    code, said = _check(export, capsys)
    assert code == 1
    assert "entry 5 holds note, which an export does not write and its hash does not cover" in said
    export = _export(tmp_path, capsys)
    text = export.read_text(encoding="utf-8")
    twice = text.replace('"status": "needs_user"', '"status": "fixed", "status": "needs_user"')
    assert twice != text
    export.write_text(twice, encoding="utf-8")
    check = check_export(read_export(export))
    assert check.problems == (
        "the file says the journal verified when it was exported, but its entries do not "
        "check out: the file was edited after it was written.",
        "entry 5 holds a key twice, so that it can be read two ways: it was edited.",
    )


@pytest.mark.usefixtures("paths")
def test_its_companions_go_with_check_export_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = _export(tmp_path, capsys)
    assert main(["log", "--against-journal"]) == 2
    assert capsys.readouterr().err == "--against-journal goes with --check-export FILE.\n"
    assert main(["log", "--check-export", str(export), "--account", "bob"]) == 2
    assert "--account does not go with it" in capsys.readouterr().err
    code, said = _check(export, capsys, "--evidence", str(tmp_path / "nowhere"))
    assert (code, said) == (
        2,
        f"{tmp_path / 'nowhere'} is not a folder: no screenshot can be checked there.\n",
    )
