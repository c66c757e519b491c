"""`consentinel log --check-export FILE --against-journal` for an export made from a journal
that has since been started over (`log --start-over`): said so, with when and where the old
journal is kept, and checked against that one while it is still there. Real SQLite, the CLI."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from consentinel.cli.main import main
from consentinel.core.french_typography import typeset
from consentinel.core.journal import EntryKind, Journal
from consentinel.core.moments import moment_text
from consentinel.core.paths import AppPaths
from tests.unit.test_export_check import SHOT, _check, _export, paths  # noqa: F401


def _start_over(home: AppPaths, capsys: pytest.CaptureFixture[str]) -> tuple[str, Path]:
    """The journal made not to verify (its screenshot changed afterwards: its entries stay as
    exported), then `log --start-over`: when it was set aside, in words, and where it is."""
    (home.evidence_dir / SHOT).write_bytes(b"\x89PNG another page")
    assert main(["log", "--start-over"]) == 0
    capsys.readouterr()
    journal = Journal.open_read_only(home.journal_path)
    (restart,) = journal.entries(kinds=[EntryKind.JOURNAL_RESTARTED])
    journal.close()
    kept = home.journal_path.with_name(restart.payload["set_aside"])
    assert restart.id == 1 and kept.is_file()
    return moment_text(restart.at), kept


def test_an_export_of_the_journal_set_aside_is_said_so_and_checked_against_it(
    paths: AppPaths,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    export = _export(tmp_path, capsys)
    when, kept = _start_over(paths, capsys)

    code, said = _check(export, capsys, "--against-journal")

    assert code == 0, said
    assert said.splitlines()[1:] == [
        f"This export was made from the journal set aside on {when} (kept at {kept}), not "
        "from this computer's journal, which began by naming it.",
        "Each of its entries is the same in the journal set aside.",
    ]
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    code, said = _check(export, capsys, "--against-journal")
    assert code == 0, said
    when_fr = said.splitlines()[1].split(" mis de côté le ")[1].split(" (conservé")[0]
    assert said.splitlines()[1:] == [
        typeset(
            f"Cet export a été fait à partir du journal mis de côté le {when_fr} (conservé dans "
            f"{kept}), et non du journal de cet ordinateur, qui a commencé par le nommer."
        ),
        typeset("Chacune de ses entrées est la même dans le journal mis de côté."),
    ]


def test_an_export_made_before_later_entries_of_the_journal_set_aside_is_checked_too(
    paths: AppPaths,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The export's head is not the one the start-over names (the old journal went on after
    it), but every entry of it is older than the start-over."""
    export = _export(tmp_path, capsys)
    journal = Journal.open(paths.journal_path)
    journal.append_account_added("carol")
    journal.close()
    when, kept = _start_over(paths, capsys)

    code, said = _check(export, capsys, "--against-journal")

    assert code == 0, said
    assert said.splitlines()[1:] == [
        f"This export was made from the journal set aside on {when} (kept at {kept}), not "
        "from this computer's journal, which began by naming it.",
        "Each of its entries is the same in the journal set aside, which holds 1 more.",
    ]


def test_an_export_that_differs_from_the_journal_set_aside_names_its_entries(
    paths: AppPaths,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    export = _export(tmp_path, capsys)
    db = sqlite3.connect(paths.journal_path, isolation_level=None)
    db.execute("UPDATE entries SET handle = 'mallory' WHERE id = 2")
    db.close()
    when, kept = _start_over(paths, capsys)

    code, said = _check(export, capsys, "--against-journal")

    assert code == 1
    assert said.splitlines() == [
        "The export does not check out: 2 problems.",
        f"  - this export was made from the journal set aside on {when} (kept at {kept}), not "
        "from this computer's journal: it was compared with that one.",
        "  - the journal set aside holds another entry 2 than the file's.",
    ]


def test_an_export_of_a_journal_set_aside_and_gone_says_so(
    paths: AppPaths,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    export = _export(tmp_path, capsys)
    when, kept = _start_over(paths, capsys)
    kept.unlink()

    code, said = _check(export, capsys, "--against-journal")

    assert (code, said) == (
        1,
        f"The export does not check out: this export was made from the journal set aside on "
        f"{when} (kept at {kept}), not from this computer's journal; that journal is no longer "
        "there, so its entries could not be compared with it.\n",
    )


def test_an_export_of_another_journal_made_after_the_start_over_gets_no_such_hint(
    paths: AppPaths,  # noqa: F811
    consentinel_home: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _start_over(paths, capsys)
    elsewhere = AppPaths.under(tmp_path / "elsewhere")
    elsewhere.journal_path.parent.mkdir(parents=True)
    other = Journal.open(elsewhere.journal_path)
    other.append_account_added("zoe")
    other.close()
    monkeypatch.setenv("CONSENTINEL_HOME", str(tmp_path / "elsewhere"))
    export = _export(tmp_path, capsys)
    monkeypatch.setenv("CONSENTINEL_HOME", str(consentinel_home))

    code, said = _check(export, capsys, "--against-journal")

    assert (code, said) == (
        1,
        "The export does not check out: this computer's journal holds another entry 1 than "
        "the file's.\n",
    )
