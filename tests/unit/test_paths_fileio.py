"""AppPaths (where files live, owner-only folders) and fileio (atomic writes, set_aside)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import consentinel
from consentinel.core.fileio import (
    StorageError,
    atomic_write_bytes,
    atomic_write_text,
    describe_os_error,
    make_private_dirs,
    set_aside,
)
from consentinel.core.osjobs.job import write_file
from consentinel.core.paths import AppPaths
from tests.fixtures.private_mounts import run_on_a_tmpfs


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_consentinel_home_puts_everything_in_one_folder(consentinel_home: Path) -> None:
    paths = AppPaths.from_env()
    assert paths.root == consentinel_home
    for path in (
        paths.config_dir,
        paths.data_dir,
        paths.logs_dir,
        paths.sessions_dir,
        paths.evidence_dir,
        paths.exports_dir,
        paths.journal_path,
        paths.settings_path,
        paths.accounts_path,
        paths.lock_path,
    ):
        assert consentinel_home in path.parents
    assert len({paths.journal_path, paths.settings_path, paths.accounts_path, paths.lock_path}) == 4


def test_without_home_uses_the_platform_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CONSENTINEL_HOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    paths = AppPaths.from_env()
    assert paths.config_dir == tmp_path / "cfg" / "Consentinel"
    assert paths.data_dir == tmp_path / "data" / "Consentinel"
    assert paths.settings_path.parent == paths.config_dir
    assert paths.journal_path.parent == paths.data_dir
    assert str(paths.logs_dir).startswith(str(tmp_path))


def test_paths_are_computed_on_call_not_at_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = AppPaths.from_env()
    monkeypatch.setenv("CONSENTINEL_HOME", str(tmp_path / "other"))
    assert AppPaths.from_env().root == tmp_path / "other" != first.root


def test_ensure_creates_private_folders_and_tightens_loose_ones(consentinel_home: Path) -> None:
    paths = AppPaths.from_env()
    paths.config_dir.mkdir(parents=True, mode=0o755)
    paths.config_dir.chmod(0o755)
    paths.ensure()
    for folder in paths.all_dirs():
        assert folder.is_dir()
        assert mode(folder) == 0o700, folder


def test_a_folder_that_is_a_file_is_found_named_and_nothing_is_made(tmp_path: Path) -> None:
    """What `ensure()` would say, found without making anything: for the commands that only
    look and the doctor, which used to stop at the first file read under it."""
    afile = tmp_path / "afile"
    afile.write_text("")
    for root in (afile, afile / "under"):
        problem = AppPaths.under(root).unusable()
        assert problem is not None
        assert str(problem) == (
            f"Could not create the data folder {root}: a part of the path is a file, not a folder."
        )
        with pytest.raises(StorageError) as ensured:
            AppPaths.under(root).ensure()
        assert str(ensured.value) == str(problem)
    assert AppPaths.under(tmp_path / "new" / "home").unusable() is None
    assert not (tmp_path / "new").exists()
    assert AppPaths.under(tmp_path).ensure().unusable() is None


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_every_folder_the_app_creates_is_owner_only_whatever_the_umask(
    tmp_path: Path, umask: int
) -> None:
    """`consentinel account add` in a fresh home, no CONSENTINEL_HOME: ~/.config, ~/.local…
    and the app's folders (the log folder's parent too) are all 0700."""
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "CONSENTINEL_H"))}
    env.update(HOME=str(home), PYTHONPATH=str(Path(consentinel.__file__).parent.parent))
    subprocess.run(
        [sys.executable, "-m", "consentinel", "account", "add", "plat"],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
        preexec_fn=lambda: os.umask(umask),
    )
    folders = [home / p for p in (".config", ".local", ".local/state/Consentinel/log")]
    folders += [p for p in home.rglob("*") if p.is_dir()]
    loose = {str(f.relative_to(home)): oct(mode(f)) for f in folders if mode(f) != 0o700}
    assert not loose


def test_private_folders_are_made_whatever_the_umask_and_leave_existing_ones_alone(
    tmp_path: Path,
) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine").chmod(0o755)  # the person's own folder, set up their way
    old = os.umask(0)
    try:
        make_private_dirs(tmp_path / "mine" / "a" / "b")
        write_file(tmp_path / "mine" / "c" / "d" / "job.timer", b"x")  # the scheduler's files
    finally:
        os.umask(old)
    assert mode(tmp_path / "mine") == 0o755
    for made in ("a", "a/b", "c", "c/d"):
        assert mode(tmp_path / "mine" / made) == 0o700, made
    make_private_dirs(tmp_path / "mine" / "a")  # already there: fine
    (tmp_path / "file").write_text("")
    with pytest.raises(NotADirectoryError):
        make_private_dirs(tmp_path / "file")


def test_atomic_write_creates_owner_only_file_and_replaces_whole(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    atomic_write_text(target, "one")
    assert target.read_text() == "one"
    assert mode(target) == 0o600
    target.chmod(0o644)
    atomic_write_bytes(target, b"two")
    assert target.read_bytes() == b"two"
    assert mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.json"]


def test_atomic_write_into_missing_folder_names_path_and_cause(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "f.json"
    with pytest.raises(StorageError) as caught:
        atomic_write_text(target, "x")
    assert str(target) in str(caught.value)
    assert "does not exist" in str(caught.value)


def test_atomic_write_into_a_folder_that_takes_no_file_does_not_say_it_is_missing() -> None:
    """/proc is there, but no file can be made in it (ENOENT, as for a missing folder)."""
    target = Path("/proc") / "consentinel-export.csv"
    with pytest.raises(StorageError) as caught:
        atomic_write_text(target, "x")
    assert str(caught.value) == f"Could not save {target}: that folder does not take new files."


_CHILD = textwrap.dedent("""
    import json, os, sys
    from pathlib import Path
    from consentinel.core.fileio import StorageError, atomic_write_bytes
    folder = Path(sys.argv[1])
    result = {}
    try:
        atomic_write_bytes(folder / "settings.json", b"x" * int(sys.argv[2]))
    except StorageError as error:
        result["message"] = str(error)
        result["errno"] = error.errno
    result["files"] = sorted(os.listdir(folder))
    result["old"] = (folder / "old.txt").read_text() if (folder / "old.txt").exists() else None
    print(json.dumps(result))
""")


def test_disk_full_leaves_no_partial_file_and_says_so(tmp_path: Path) -> None:
    result = run_on_a_tmpfs(tmp_path / "mnt", _CHILD, "1000000", size="64k")
    assert result["files"] == []
    assert "disk is full" in result["message"]
    assert "settings.json" in result["message"]


def test_read_only_folder_leaves_nothing_and_keeps_old_file(tmp_path: Path) -> None:
    result = run_on_a_tmpfs(
        tmp_path / "mnt", _CHILD, "10", size="1m", files={"old.txt": "before"}, read_only=True
    )
    assert result["files"] == ["old.txt"]
    assert result["old"] == "before"
    assert "read-only" in result["message"]
    assert "settings.json" in result["message"]


def test_set_aside_renames_and_never_deletes(tmp_path: Path) -> None:
    bad = tmp_path / "accounts.json"
    bad.write_text("{broken")
    moved = set_aside(bad, "corrupt")
    again = tmp_path / "accounts.json"
    again.write_text("{broken too")
    moved2 = set_aside(again, "corrupt")
    assert not bad.exists()
    assert moved.name.startswith("accounts.json.corrupt-")
    assert moved.read_text() == "{broken"
    assert moved2 != moved and moved2.read_text() == "{broken too"


def test_an_os_error_made_from_a_sentence_alone_is_described_by_it() -> None:
    """No errno to describe (a job the OS would not remove, said in its report's words): the
    sentence, not the class's name ("OSError"); a bare error keeps its name, an errno its
    words."""
    said = "launchctl did not answer in time."
    assert describe_os_error(OSError(said)) == said
    assert describe_os_error(StorageError(said)) == said
    assert describe_os_error(OSError()) == "OSError"
    assert describe_os_error(IsADirectoryError(21, "Is a directory", "x")) == (
        "a folder has that name"
    )
