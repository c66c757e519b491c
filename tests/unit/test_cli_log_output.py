"""`consentinel log --json|--csv --output FILE`: an export only its owner can read, whatever the
umask (a file made by the shell's `>` is often readable by other users)."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from consentinel.cli.main import main
from consentinel.core.journal import Journal
from consentinel.core.paths import AppPaths


@pytest.fixture
def open_umask() -> Iterator[None]:
    before = os.umask(0o022)
    yield
    os.umask(before)


@pytest.fixture
def journal_of_two(consentinel_home: Path) -> None:
    paths = AppPaths.under(consentinel_home)
    paths.journal_path.parent.mkdir(parents=True, exist_ok=True)
    journal = Journal.open(paths.journal_path)
    journal.append_account_added("ana")
    journal.append_account_added("bea")
    journal.close()


@pytest.mark.usefixtures("open_umask", "journal_of_two")
@pytest.mark.parametrize("fmt", ["--json", "--csv"])
def test_an_export_to_a_file_is_readable_by_its_owner_alone(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / f"journal.{fmt[2:]}"
    assert main(["log", fmt, "--output", str(target)]) == 0
    assert target.stat().st_mode & 0o777 == 0o600
    assert capsys.readouterr().out == f"2 entries written to {target} (readable by you alone).\n"
    text = target.read_text(encoding="utf-8")
    if fmt == "--json":
        assert [e["handle"] for e in json.loads(text)["entries"]] == ["ana", "bea"]
    else:
        assert [row["handle"] for row in csv.DictReader(text.splitlines())] == ["ana", "bea"]
    # Only the account asked for; said in French too.
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert main(["log", fmt, "--account", "bea", "-o", str(target)]) == 0
    assert "1 entrée écrite dans" in capsys.readouterr().out
    assert target.stat().st_mode & 0o777 == 0o600


@pytest.mark.usefixtures("journal_of_two")
def test_output_without_a_format_over_the_apps_files_or_into_no_folder_says_why(
    tmp_path: Path, consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "journal.txt"
    assert main(["log", "--output", str(target)]) == 2
    assert capsys.readouterr().err == "--output writes an export: add --json or --csv.\n"
    assert not target.exists()
    # Never over what the app keeps (the journal itself, here); its exports folder is fine.
    paths = AppPaths.under(consentinel_home)
    before = paths.journal_path.read_bytes()
    assert main(["log", "--json", "--output", str(paths.journal_path)]) == 2
    refused = capsys.readouterr().err
    assert refused.startswith(f"{paths.journal_path} is in Consentinel's own folders"), refused
    assert paths.journal_path.read_bytes() == before
    paths.exports_dir.mkdir()
    assert main(["log", "--csv", "--output", str(paths.exports_dir / "journal.csv")]) == 0
    capsys.readouterr()
    nowhere = tmp_path / "no-such-folder" / "journal.json"
    assert main(["log", "--json", "--output", str(nowhere)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"Could not save {nowhere}: ") and err.count("\n") == 1, err


@pytest.mark.usefixtures("journal_of_two")
@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "The journal has no entry for @nobody: nothing was written.\n"),
        (
            "fr",
            "Le journal n'a aucune entrée pour @nobody\u00a0: rien n'a été écrit.\n",
        ),
    ],
)
def test_an_export_or_bundle_of_an_account_the_journal_does_not_have_is_refused(
    lang: str,
    said: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A mistyped --account must not hand over an empty file that says "nothing happened" with
    exit 0: it is refused, as `log --account nobody` says, and nothing is written."""
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    out_dir = tmp_path / "handed-over"
    out_dir.mkdir()
    for argv, target in [
        (["--bundle", str(out_dir / "u.zip")], out_dir / "u.zip"),
        (["--csv", "-o", str(out_dir / "u.csv")], out_dir / "u.csv"),
        (["--json", "-o", str(out_dir / "u.json")], out_dir / "u.json"),
        (["--json"], None),
        (["--csv"], None),
    ]:
        assert main(["log", *argv, "--account", "nobody"]) == 2, argv
        out, err = capsys.readouterr()
        assert (out, err) == ("", said), argv
        assert target is None or not target.exists(), argv
    assert not list(out_dir.iterdir())
    # An account the journal has stays exportable, under any spelling of its handle.
    assert main(["log", "--json", "--account", "@Bea"]) == 0
    assert [e["handle"] for e in json.loads(capsys.readouterr().out)["entries"]] == ["bea"]
