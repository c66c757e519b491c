"""An export is the journal of one moment: a check appending while it is written (the scheduled
one, while the screenshots are hashed) does not make the untouched file fail
`log --check-export` as edited. And `--output` writes a file, never in place of something else."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from consentinel.cli.main import main
from consentinel.core import journal as journal_module
from consentinel.core.context import AppContext
from consentinel.core.journal import Journal


@pytest.fixture
def appended_meanwhile(consentinel_home: Path, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A journal with an entry; then, while a command reads it, another connection appends
    one: when the screenshots are hashed (what takes seconds) and when the head is read on
    its own. Yields the ids appended."""
    ctx = AppContext.create()
    ctx.journal.record_account_edited("alice", {"new_password": True})
    ctx.journal.close()
    path = ctx.paths.journal_path
    appended: list[int] = []

    def append() -> None:
        other = Journal.open(path)
        appended.append(other.record_account_edited("bob", {"new_password": True}).id)
        other.close()

    def then(original: Callable[..., Any]) -> Callable[..., Any]:
        def hooked(*args: Any, **kwargs: Any) -> Any:
            append()
            return original(*args, **kwargs)

        return hooked

    monkeypatch.setattr(
        journal_module, "check_evidence_files", then(journal_module.check_evidence_files)
    )
    monkeypatch.setattr(Journal, "head", then(Journal.head))
    return appended


def test_a_json_export_written_while_a_check_appends_checks_out(
    appended_meanwhile: list[int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export.json"
    assert main(["log", "--json", "-o", str(export)]) == 0
    assert appended_meanwhile  # the other connection did append while it was written
    document = json.loads(export.read_text(encoding="utf-8"))
    assert [e["handle"] for e in document["entries"]] == ["alice"]
    assert document["journal"]["entries"] == 1 and document["verified"] is True
    capsys.readouterr()
    assert main(["log", "--check-export", str(export)]) == 0, capsys.readouterr().out
    assert "edited" not in capsys.readouterr().out


def test_a_bundle_written_while_a_check_appends_checks_out(
    appended_meanwhile: list[int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = tmp_path / "bundle.zip"
    assert main(["log", "--bundle", str(bundle)]) == 0
    assert appended_meanwhile
    capsys.readouterr()
    assert main(["log", "--check-export", str(bundle)]) == 0, capsys.readouterr().out


@pytest.fixture
def a_journal(consentinel_home: Path) -> None:
    ctx = AppContext.create()
    ctx.journal.record_account_edited("alice", {"new_password": True})
    ctx.journal.close()


@pytest.mark.parametrize("option", ["--json", "--csv"])
def test_an_output_that_is_not_a_file_is_refused_and_left_as_it_is(
    a_journal: None, option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)  # (as /dev/full is for root: what a file written in its place replaces)
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nothing")
    for target in (pipe, dangling, tmp_path):
        capsys.readouterr()
        assert main(["log", option, "-o", str(target)]) == 2
        said = capsys.readouterr()
        assert said.out == "" and "is not a file" in said.err and str(target) in said.err
    assert pipe.is_fifo()
    assert dangling.is_symlink() and not (tmp_path / "nothing").exists()


def test_an_output_that_links_to_a_file_is_written_through_the_link(
    a_journal: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    capsys.readouterr()
    assert main(["log", "--json", "-o", str(link)]) == 0
    assert capsys.readouterr().out == (
        f"1 entry written to {link} (readable by you alone), in place of the file that was there.\n"
    )
    assert link.is_symlink() and link.resolve() == real
    assert json.loads(real.read_text(encoding="utf-8"))["entries"][0]["handle"] == "alice"
    assert real.stat().st_mode & 0o077 == 0


def test_a_new_output_file_is_said_written_and_one_there_said_replaced(
    a_journal: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "export.csv"
    capsys.readouterr()
    assert main(["log", "--csv", "-o", str(target)]) == 0
    assert capsys.readouterr().out == f"1 entry written to {target} (readable by you alone).\n"
    assert main(["log", "--csv", "-o", str(target)]) == 0
    assert "in place of the file that was there" in capsys.readouterr().out
