"""Where an export may go: one check, used by `consentinel log --output/--bundle` and by the
journal window's exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from consentinel.core.export_place import own_files_problem
from consentinel.core.paths import AppPaths


def test_consentinel_s_own_files_take_no_export_and_its_exports_folder_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = AppPaths.under(tmp_path / "home").ensure()
    for own in (
        paths.journal_path,
        paths.data_dir / "journal.head",
        paths.accounts_path,
        paths.settings_path,
        paths.logs_dir / "consentinel.log",
        paths.exports_dir / ".." / "journal.sqlite3",
        paths.data_dir,  # (a folder named as the file)
    ):
        problem = own_files_problem(own, paths)
        assert problem == (
            f"{own} is in Consentinel's own folders, where an export could replace what it "
            f"keeps: choose another place, such as {paths.exports_dir}."
        )
    # A link in the exports folder to the journal is the journal.
    link = paths.exports_dir / "link.json"
    link.symlink_to(paths.journal_path)
    assert own_files_problem(link, paths) is not None
    # Said as typed, compared where it leads.
    monkeypatch.chdir(paths.config_dir)
    said = own_files_problem("accounts.json", paths)
    assert said is not None and said.startswith("accounts.json is in")
    for free in (
        paths.exports_dir / "journal.json",
        paths.exports_dir / "clients" / "alice.zip",
        tmp_path / "journal.sqlite3",
    ):
        assert own_files_problem(free, paths) is None
