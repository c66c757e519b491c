"""`consentinel log --bundle FILE [--account HANDLE]`: one ZIP holding the JSON export, every
screenshot its entries name (those alone, never another account's nor a session file) and a
README in English and French; and `log --check-export` reading such a bundle from the zip."""

from __future__ import annotations

import errno
import json
import os
import shutil
import tracemalloc
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from consentinel.cli.main import main
from consentinel.core import evidence_bundle
from consentinel.core.events import AccountResult, BoxChange
from consentinel.core.evidence import sha256_hex
from consentinel.core.evidence_bundle import Bundle, write_bundle
from consentinel.core.french_typography import typeset
from consentinel.core.journal import Journal
from consentinel.core.paths import AppPaths
from consentinel.core.status import Box, Status


@pytest.fixture
def open_umask() -> Iterator[None]:
    before = os.umask(0o022)
    yield
    os.umask(before)


@pytest.fixture
def paths(consentinel_home: Path) -> AppPaths:
    """Two clients checked in one run, each with its screenshot, hashed, named by its evidence
    entry and by its check: 1 run_started, 2-4 elise (change, evidence, check), 5-7 bob, 8
    run_finished. The data folder also holds what a bundle must never carry: the accounts'
    sessions, and a file of the evidence folder that no entry names."""
    paths = AppPaths.under(consentinel_home)
    paths.evidence_dir.mkdir(parents=True)
    paths.sessions_dir.mkdir(parents=True)
    journal = Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir)
    run = journal.start_run("manual")
    for handle in ("elise", "bob"):
        journal.record_change(run, handle, Box.TRAINING, True, False, confirmed=True)
        shot = paths.evidence_dir / f"run1-{handle}-training.png"
        shot.write_bytes(b"\x89PNG the page of " + handle.encode())
        journal.record_evidence(run, handle, shot.name, "training", sha256_hex(shot.read_bytes()))
        journal.record_check(
            run,
            AccountResult(
                handle,
                Status.FIXED,
                settings={Box.TRAINING: BoxChange(True, False)},
                evidence=shot,
            ),
        )
        (paths.sessions_dir / f"{handle}.session").write_bytes(b"cookie auth_token=" + b"s" * 20)
    (paths.evidence_dir / "run0-bob-training.png").write_bytes(b"\x89PNG an older picture")
    journal.finish_run(run)
    journal.close()
    return paths


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    said = capsys.readouterr()
    return code, said.out, said.err


def _members(bundle: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


@pytest.mark.usefixtures("open_umask")
def test_one_accounts_bundle_holds_its_export_and_screenshots_and_nothing_else(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An agency hands a client the proof for its account: one file, readable by its owner
    alone, holding that account's entries and screenshot, a README in both languages; no
    other client's name, no session, no file of the evidence folder no entry names."""
    bundle = tmp_path / "elise.zip"
    code, out, err = _run(capsys, "log", "--bundle", str(bundle), "--account", "elise")
    assert (code, err) == (0, "")
    assert out == f"3 entries and 1 screenshot written to {bundle} (readable by you alone).\n"
    assert bundle.stat().st_mode & 0o777 == 0o600
    members = _members(bundle)
    assert sorted(members) == ["README.txt", "evidence/run1-elise-training.png", "journal.json"]
    shot = (paths.evidence_dir / "run1-elise-training.png").read_bytes()
    assert members["evidence/run1-elise-training.png"] == shot
    document = json.loads(members["journal.json"])
    assert {e["handle"] for e in document["entries"]} == {"elise"}
    assert document["filters"] == {"handle": "elise"} and document["verified"] is True
    everything = b"".join(members.values())
    assert b"bob" not in everything and b"auth_token" not in everything
    assert str(paths.data_dir).encode() not in everything
    readme = members["README.txt"].decode("utf-8")
    assert "the export of Consentinel's journal, the entries of @elise (3 entries)" in readme
    assert typeset("l'export du journal de Consentinel, les entrées de @elise (3 entrées)") in (
        readme
    )
    assert "consentinel log --check-export elise.zip\n" in readme
    assert "consentinel log --check-export journal.json --evidence evidence\n" in readme
    assert f"  entry 3: evidence/run1-elise-training.png\n    sha256 {sha256_hex(shot)}\n" in (
        readme
    )
    assert typeset("  entrée 3 : evidence/run1-elise-training.png") in readme

    # Never over a file that exists (the bundle handed over yesterday), nor the app's own.
    before = bundle.read_bytes()
    code, out, err = _run(capsys, "log", "--bundle", str(bundle))
    assert (code, out) == (2, "")
    assert err == f"{bundle} exists already: choose another name, or remove it first.\n"
    assert bundle.read_bytes() == before
    code, _out, err = _run(capsys, "log", "--bundle", str(paths.data_dir / "b.zip"))
    assert code == 2 and "is in Consentinel's own folders" in err
    assert not (paths.data_dir / "b.zip").exists()


def test_a_missing_or_changed_screenshot_is_said_and_what_exists_is_written(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (paths.evidence_dir / "run1-elise-training.png").unlink()
    changed = paths.evidence_dir / "run1-bob-training.png"
    changed.write_bytes(b"\x89PNG another picture")
    bundle = tmp_path / "all.zip"
    code, out, err = _run(capsys, "log", "--bundle", str(bundle))
    assert code == 0
    assert out == f"8 entries and 1 screenshot written to {bundle} (readable by you alone).\n"
    assert err.splitlines() == [
        "Not every screenshot is in it as it was taken (its README says so too):",
        "  - the screenshot of entry 3 (run1-elise-training.png) is missing.",
        "  - the screenshot of entry 6 (run1-bob-training.png) was changed after it was taken.",
        "The journal does not verify: the screenshot of entry 3 (run1-elise-training.png) is "
        "missing; one more problem was found. The bundle says so, with every problem found.",
    ]
    members = _members(bundle)
    # The changed one as found (whoever checks the bundle sees it no longer matches).
    assert sorted(members) == ["README.txt", "evidence/run1-bob-training.png", "journal.json"]
    readme = members["README.txt"].decode("utf-8")
    assert "Screenshots not in this bundle as they were taken:\n" in readme
    assert "  - the screenshot of entry 3 (run1-elise-training.png) is missing.\n" in readme
    assert (
        "  - the screenshot of entry 6 (run1-bob-training.png) was changed after it was taken. "
        "It is included as found.\n"
    ) in readme
    assert typeset("la capture d'écran de l'entrée 3 (run1-elise-training.png)") in readme
    code, out, _err = _run(capsys, "log", "--check-export", str(bundle))
    assert code == 1
    assert "  - the screenshot of entry 3 (run1-elise-training.png) is missing.\n" in out
    assert "  - the screenshot of entry 6 (run1-bob-training.png) was changed after it" in out


def test_one_accounts_bundle_does_not_name_another_account_when_the_journal_is_damaged(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The whole journal's verdict goes with every export; a screenshot of bob's missing is
    said in elise's bundle without its file name, which names bob."""
    (paths.evidence_dir / "run1-bob-training.png").unlink()
    bundle = tmp_path / "elise.zip"
    code, _out, err = _run(capsys, "log", "--bundle", str(bundle), "--account", "elise")
    assert code == 0
    assert "run1-bob-training.png" in err  # (said to the person exporting)
    members = _members(bundle)
    assert b"bob" not in b"".join(members.values())
    document = json.loads(members["journal.json"])
    assert document["problems"] == [
        "the screenshot of entry 6 (another account's screenshot) is missing."
    ]


def _check(capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str]:
    code = main(["log", "--check-export", *options])
    said = capsys.readouterr()
    return code, said.out + said.err


def _rewrite(bundle: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(bundle, "w") as opened:
        for name, data in members.items():
            opened.writestr(name, data)


def test_check_export_reads_a_bundle_from_the_zip(
    paths: AppPaths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bundle = tmp_path / "all.zip"
    assert main(["log", "--bundle", str(bundle)]) == 0
    capsys.readouterr()
    # Sent elsewhere: this computer's screenshots are not what is checked, the bundle's are.
    shutil.rmtree(paths.evidence_dir)
    code, said = _check(capsys, str(bundle))
    assert code == 0, said
    assert said.splitlines() == [
        "The export checks out: its 8 entries re-hash by the recipe and are chained from the "
        "journal's first entry to the head it states.",
        f"The 2 screenshots it names are in {bundle}, as they were taken: their bytes match "
        "the hashes their entries hold.",
    ]
    # Nothing was unpacked beside it.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.zip", "consentinel-home"]

    members = _members(bundle)
    # A screenshot swapped inside the zip, and a picture added that no entry names.
    members["evidence/run1-bob-training.png"] = b"\x89PNG a picture of something else"
    members["evidence/run9-bob-training.png"] = b"\x89PNG unvouched"
    edited = tmp_path / "edited.zip"
    _rewrite(edited, members)
    code, said = _check(capsys, str(edited))
    assert code == 1
    assert said.splitlines() == [
        "The export does not check out: 2 problems.",
        "  - the screenshot of entry 6 (run1-bob-training.png) was changed after it was taken.",
        "  - the bundle holds evidence/run9-bob-training.png, which none of its entries "
        "names: it was edited (nothing vouches for them).",
    ]
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    code, said = _check(capsys, str(edited))
    assert said.splitlines()[0] == typeset("L'export ne se vérifie pas : 2 problèmes.")
    monkeypatch.setenv("CONSENTINEL_LANG", "en")

    # A zip that is no bundle, and --evidence with a bundle: said, exit 2.
    other = tmp_path / "photos.zip"
    _rewrite(other, {"a.png": b"x"})
    assert _check(capsys, str(other)) == (
        2,
        f"{other} is not an evidence bundle: it holds no journal.json.\n",
    )
    code, said = _check(capsys, str(bundle), "--evidence", str(tmp_path))
    assert code == 2 and said.startswith(f"{bundle} is an evidence bundle: the screenshots")
    # --against-journal goes with a bundle as with a JSON export.
    code, said = _check(capsys, str(bundle), "--against-journal")
    assert code == 0, said
    assert said.endswith("Each of its entries is the same in this computer's journal.\n")


def test_a_file_made_while_the_bundle_is_written_is_not_replaced(
    paths: AppPaths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`log --bundle FILE` looks for FILE first; a file made there afterwards, while the
    bundle is written (another export, a copy arriving), is not replaced either."""
    bundle = tmp_path / "elise.zip"
    readme = evidence_bundle._readme

    def made_meanwhile(*args: Any) -> str:
        if not bundle.exists():
            bundle.write_bytes(b"the bundle handed over yesterday")
        return readme(*args)

    monkeypatch.setattr(evidence_bundle, "_readme", made_meanwhile)
    code, out, err = _run(capsys, "log", "--bundle", str(bundle), "--account", "elise")
    assert (code, out) == (2, "")
    assert err == f"{bundle} exists already: choose another name, or remove it first.\n"
    assert bundle.read_bytes() == b"the bundle handed over yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["consentinel-home", "elise.zip"]

    # Where the file system takes no hard link (FAT, some shares): the same, by a copy into a
    # file made only if none is there.
    def no_hard_link(*_args: Any, **_kwargs: Any) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_hard_link)
    bundle.unlink()
    code, _out, err = _run(capsys, "log", "--bundle", str(bundle), "--account", "elise")
    assert code == 2 and "exists already" in err
    assert bundle.read_bytes() == b"the bundle handed over yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["consentinel-home", "elise.zip"]
    bundle.unlink()
    monkeypatch.setattr(evidence_bundle, "_readme", readme)
    other = tmp_path / "copied.zip"
    code, _out, err = _run(capsys, "log", "--bundle", str(other), "--account", "elise")
    assert (code, err) == (0, "")
    assert other.stat().st_mode & 0o777 == 0o600
    assert sorted(_members(other)) == [
        "README.txt",
        "evidence/run1-elise-training.png",
        "journal.json",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["consentinel-home", "copied.zip"]
    assert _check(capsys, str(other))[0] == 0

    # The window's file dialog asked before replacing: its bundle goes over the file.
    journal = Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir)
    written = write_bundle(journal, other, paths.evidence_dir, handle="bob")
    journal.close()
    assert written.entries == 3
    assert "evidence/run1-bob-training.png" in _members(other)


def _many_screenshots(tmp_path: Path, count: int, size: int) -> tuple[Journal, Path]:
    """A journal whose evidence entries name `count` screenshots of `size` bytes each."""
    evidence = tmp_path / "evidence"
    evidence.mkdir()
    journal = Journal.open(tmp_path / "journal.sqlite3", evidence_dir=evidence)
    run = journal.start_run("manual")
    for number in range(count):
        handle = f"client{number}"
        shot = evidence / f"run1-{handle}-training.png"
        shot.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes([number]) * (size - 8))
        journal.record_evidence(run, handle, shot.name, "training", sha256_hex(shot.read_bytes()))
    journal.finish_run(run)
    return journal, evidence


def test_screenshots_are_copied_into_the_bundle_a_piece_at_a_time(tmp_path: Path) -> None:
    """A year of "a screenshot of every check" is hundreds of megabytes: the bundle never
    holds more than a piece of one screenshot in memory, let alone all of them."""
    size = 4 * 1024 * 1024
    journal, evidence = _many_screenshots(tmp_path, 5, size)
    verdict = journal.verify()  # (reads them too, before what is measured)
    target = tmp_path / "all.zip"
    tracemalloc.start()
    try:
        written = write_bundle(journal, target, evidence, verdict=verdict)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < size, f"{peak} bytes held at once"
    assert [shot.state for shot in written.shots] == ["as taken"] * 5
    members = _members(target)
    for number in range(5):
        name = f"run1-client{number}-training.png"
        assert members[f"evidence/{name}"] == (evidence / name).read_bytes()
    with Bundle(target) as opened:
        assert opened.problems({shot.name for shot in written.shots}) == []
    journal.close()


def test_a_screenshot_that_fails_partway_is_left_out_and_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk error partway through a screenshot (once opened): the bundle holds no half of it
    (which would be taken for a screenshot changed), says it cannot be read, holds the rest."""
    journal, evidence = _many_screenshots(tmp_path, 3, 3 * evidence_bundle.CHUNK_BYTES)
    opened = evidence_bundle._open_screenshot

    class FailsPartway:
        def __init__(self, file: Any) -> None:
            self.file, self.reads = file, 0

        def __enter__(self) -> FailsPartway:
            return self

        def __exit__(self, *_exc: object) -> None:
            self.file.close()

        def read(self, size: int) -> bytes:
            self.reads += 1
            if self.reads == 2:
                raise OSError(errno.EIO, "Input/output error")
            return bytes(self.file.read(size))

    def open_screenshot(folder: Path, name: str) -> Any:
        file = opened(folder, name)
        return FailsPartway(file) if name == "run1-client1-training.png" else file

    monkeypatch.setattr(evidence_bundle, "_open_screenshot", open_screenshot)
    target = tmp_path / "all.zip"
    written = write_bundle(journal, target, evidence)
    journal.close()
    assert [(shot.state, shot.cause) for shot in written.shots] == [
        ("as taken", ""),
        ("unreadable", "Input/output error"),
        ("as taken", ""),
    ]
    assert sorted(_members(target)) == [
        "README.txt",
        "evidence/run1-client0-training.png",
        "evidence/run1-client2-training.png",
        "journal.json",
    ]
    readme = _members(target)["README.txt"].decode("utf-8")
    assert (
        "  - the screenshot of entry 3 (run1-client1-training.png) cannot be read: "
        "Input/output error.\n"
    ) in readme
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
