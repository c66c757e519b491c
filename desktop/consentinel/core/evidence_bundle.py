"""The evidence bundle: one ZIP file holding a JSON export of the journal, every screenshot its
entries name (those alone) and a README in English and French saying how to check them; and
such a file opened again to be checked, read from the zip, never unpacked."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import stat
import tempfile
import time
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple

from consentinel import APP_NAME, __version__
from consentinel.core.evidence import evidence_file
from consentinel.core.i18n import speaking, tr
from consentinel.core.journal_entries import EntryKind, canonical_json

if TYPE_CHECKING:
    from consentinel.core.fileio import TempFiles
    from consentinel.core.journal import Journal
    from consentinel.core.journal_entries import ErasureSeen, VerifyResult

#: The export, the screenshots' folder and the README, as a bundle holds them.
BUNDLE_JSON = "journal.json"
SHOTS_FOLDER = "evidence"
README = "README.txt"
#: A member larger than this is no screenshot Consentinel kept (nor worth reading into memory).
MAX_SHOT_BYTES = 64 * 1024 * 1024
#: Nor a journal export: years of checks are a few hundred megabytes at most.
MAX_JSON_BYTES = 1024 * 1024 * 1024
#: How much of a screenshot is read at a time, written to the bundle and let go.
CHUNK_BYTES = 1024 * 1024


class Shot(NamedTuple):
    """A screenshot an exported entry names, and what became of it in the bundle."""

    entry_id: int
    name: str
    #: The SHA-256 its evidence entry holds ("": none, kept before screenshots were hashed, or
    #: named by a check entry alone).
    sha256: str
    #: "as taken" (in the bundle, matching its hash or holding none), "changed" (in the
    #: bundle as found, no longer matching it), "missing" or "unreadable" (not in the bundle).
    state: str
    #: Why an unreadable one could not be read.
    cause: str = ""

    @property
    def included(self) -> bool:
        return self.state in ("as taken", "changed")

    @property
    def problem(self) -> str | None:
        """What is wrong with it, in words (the journal's own sentences); None: nothing."""
        if self.state == "missing":
            return tr(
                "the screenshot of entry {id} ({name}) is missing.",
                id=self.entry_id,
                name=self.name,
            )
        if self.state == "unreadable":
            return tr(
                "the screenshot of entry {id} ({name}) cannot be read: {cause}.",
                id=self.entry_id,
                name=self.name,
                cause=self.cause,
            )
        if self.state == "changed":
            return tr(
                "the screenshot of entry {id} ({name}) was changed after it was taken.",
                id=self.entry_id,
                name=self.name,
            )
        return None


class BundleWritten(NamedTuple):
    """What a bundle holds: its entry count and each screenshot its entries name."""

    entries: int
    shots: tuple[Shot, ...]
    verdict: VerifyResult

    @property
    def included(self) -> int:
        return sum(1 for shot in self.shots if shot.included)

    @property
    def problems(self) -> tuple[str, ...]:
        """Each screenshot missing, unreadable or changed, in words."""
        return tuple(shot.problem for shot in self.shots if shot.problem)


def write_bundle(
    journal: Journal,
    target: Path,
    evidence_dir: Path,
    *,
    verdict: VerifyResult | None = None,
    exclusive: bool = False,
    stop: Callable[[], None] | None = None,
    temps: TempFiles | None = None,
    **filters: Any,
) -> BundleWritten:
    """Write `target`, readable by its owner alone, all at once (a temp file renamed): the JSON
    export of the entries `filters` choose, the screenshots those entries name, taken from
    `evidence_dir` (no other file: never another account's), and README.txt. A screenshot
    missing or changed is said in the README and in the result; what exists is written. The
    screenshots are read one at a time, a piece at a time (a year of them is hundreds of
    megabytes). `exclusive`: never over a file that exists, even one made while this one was
    written (TargetExists, that file left as it is); else over it (a file dialog asked).
    `temps` is told of its temp file, and asked before it becomes `target` (see TempFiles).
    Raises StorageError when the file cannot be written."""
    from consentinel.core.journal_export import json_document

    # (entries, head and verdict of one moment: see json_document)
    exported, count, verdict = json_document(journal, verdict=verdict, **filters)
    document = json.loads(exported)
    named = _named_shots(document["entries"])
    # Screenshots that failed partway through: the bundle is written again without them (a
    # member half written cannot be taken out of a zip).
    failed: dict[str, str] = {}
    while True:
        try:
            with _new_zip(Path(target), exclusive=exclusive, temps=temps) as bundle:
                bundle.writestr(BUNDLE_JSON, exported)
                shots = tuple(
                    _add_screenshot(bundle, evidence_dir, shot, failed.get(shot[1]), stop)
                    for shot in named
                )
                written = BundleWritten(count, shots, verdict)
                # Last: it says what became of each screenshot.
                bundle.writestr(README, _readme(document, written, Path(target).name))
            return written
        except _ReadFailed as failure:
            failed[failure.name] = failure.cause


def _named_shots(entries: list[dict[str, Any]]) -> list[tuple[int, str, str]]:
    """(entry id, file name, its SHA-256 or "") of each screenshot the entries name, once
    each: evidence entries' `path` (with the hash), then checks' `evidence` not named so."""
    found: dict[str, tuple[int, str, str]] = {}
    for entry in entries:
        payload = entry.get("payload")
        if entry.get("kind") != EntryKind.EVIDENCE.value or not isinstance(payload, dict):
            continue
        name = _file_name(payload.get("path"))
        if name and name not in found:
            found[name] = (entry["id"], name, str(payload.get("sha256") or ""))
    for entry in entries:
        payload = entry.get("payload")
        if entry.get("kind") != EntryKind.CHECK.value or not isinstance(payload, dict):
            continue
        name = _file_name(payload.get("evidence"))
        if name and name not in found:
            found[name] = (entry["id"], name, "")
    return list(found.values())


def _file_name(value: object) -> str:
    """The file name an entry gives (older entries held a full path), or "" for none that
    can be a file of the evidence folder."""
    if not isinstance(value, str) or not value:
        return ""
    name = Path(value).name
    return "" if name in ("", ".", "..") else name


class _ReadFailed(Exception):
    """A screenshot opened could not be read to its end."""

    def __init__(self, name: str, cause: str) -> None:
        super().__init__(name, cause)
        self.name = name
        self.cause = cause


class TargetExists(FileExistsError):
    """An exclusive bundle found a file where it was to be: that file is left as it is."""


def _add_screenshot(
    bundle: zipfile.ZipFile,
    evidence_dir: Path,
    shot: tuple[int, str, str],
    failed: str | None,
    stop: Callable[[], None] | None = None,
) -> Shot:
    """One screenshot into the bundle, a piece at a time, hashed as it is copied; what became
    of it. `failed`: why it could not be read to its end before (it is left out)."""
    entry_id, name, expected = shot
    if failed is not None:
        return Shot(entry_id, name, expected, "unreadable", failed)
    try:
        file = _open_screenshot(evidence_dir, name)
    except FileNotFoundError:
        return Shot(entry_id, name, expected, "missing")
    except OSError as error:
        return Shot(entry_id, name, expected, "unreadable", str(error.strerror or error))
    digest = hashlib.sha256()
    info = zipfile.ZipInfo(f"{SHOTS_FOLDER}/{name}", date_time=time.localtime(time.time())[:6])
    info.compress_type = zipfile.ZIP_STORED  # (a PNG is compressed already)
    info.external_attr = 0o600 << 16  # (as writestr() gives its members)
    size = 0
    with file, bundle.open(info, "w") as member:
        while True:
            if stop is not None:
                stop()
            try:
                chunk = file.read(CHUNK_BYTES)
            except OSError as error:
                raise _ReadFailed(name, str(error.strerror or error)) from error
            if not chunk:
                break
            size += len(chunk)
            if size > MAX_SHOT_BYTES:  # (grown since it was opened)
                raise _ReadFailed(name, tr("it is too large to be a screenshot"))
            digest.update(chunk)
            member.write(chunk)
    changed = bool(expected) and digest.hexdigest() != expected
    return Shot(entry_id, name, expected, "changed" if changed else "as taken")


def _open_screenshot(evidence_dir: Path, name: str) -> BinaryIO:
    """A regular file of the evidence folder itself, opened to be read: never one a link
    points to elsewhere (a session file, another folder's), never a folder."""
    path = evidence_file(evidence_dir, name)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, tr("it is not a file"))
        if status.st_size > MAX_SHOT_BYTES:
            raise OSError(errno.EFBIG, tr("it is too large to be a screenshot"))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


@contextlib.contextmanager
def _new_zip(
    target: Path, *, exclusive: bool, temps: TempFiles | None = None
) -> Iterator[zipfile.ZipFile]:
    """A zip written in a temp file (0600) of the target's folder, which becomes the target
    once the block ends: renamed over it, or, `exclusive`, placed only where no file is
    (TargetExists otherwise). StorageError when it cannot be written."""
    from consentinel.core.fileio import _fsync_dir, placing, storage_error

    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        if temps is not None:
            temps.made(Path(tmp_name))
        with os.fdopen(fd, "wb") as file:
            if os.name == "posix":
                os.fchmod(file.fileno(), 0o600)
            with zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED) as bundle:
                yield bundle
            file.flush()
            os.fsync(file.fileno())
        with placing(temps):
            if exclusive:
                _place_exclusively(Path(tmp_name), target)
            else:
                os.replace(tmp_name, target)
        tmp_name = None
        _fsync_dir(target.parent)
    except TargetExists:
        raise
    except OSError as error:
        raise storage_error(target, error) from error
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _place_exclusively(tmp: Path, target: Path) -> None:
    """`tmp` becomes `target` where no file is, even one made since the caller looked (a
    rename would replace it): a hard link, which the system refuses over any file, then the
    temp name removed. Where the file system takes no hard link (FAT, exFAT, some shares), a
    file made only if none is there, and the bytes copied into it. TargetExists: a file is
    there, left as it is (`tmp` too, for the caller to remove)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise TargetExists(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
    except OSError:
        _copy_exclusively(tmp, target)
    os.unlink(tmp)


def _copy_exclusively(tmp: Path, target: Path) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(target, flags, 0o600)
    except FileExistsError:
        raise TargetExists(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
    try:
        with os.fdopen(fd, "wb") as out, open(tmp, "rb") as source:
            if os.name == "posix":
                os.fchmod(out.fileno(), 0o600)
            shutil.copyfileobj(source, out, CHUNK_BYTES)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        # (made by this call just now: nobody else's file)
        with contextlib.suppress(OSError):
            os.unlink(target)
        raise


# -- the README -------------------------------------------------------------------------------


def _readme(document: dict[str, Any], written: BundleWritten, name: str) -> str:
    """What the files are and how to check them, in English then in French (whoever opens
    the bundle may read either, whatever the language of the person who wrote it)."""
    parts = []
    for language in ("en", "fr"):
        with speaking(language):
            parts.append(_readme_in_one_language(document, written, name))
    return ("\n" + "-" * 72 + "\n\n").join(parts)


def _readme_in_one_language(document: dict[str, Any], written: BundleWritten, name: str) -> str:
    filters = document.get("filters") or {}
    if not filters:
        chosen = tr("every entry of the journal")
    elif set(filters) == {"handle"}:
        chosen = tr("the entries of @{handle}", handle=filters["handle"])
    else:
        chosen = tr("the entries chosen by {filters}", filters=canonical_json(filters))
    lines = [
        tr("Consentinel — evidence bundle"),
        "",
        tr(
            "Written by {app} on {when} (UTC). It holds:",
            app=f"{APP_NAME} {__version__}",
            when=document.get("exported_at", "?"),
        ),
        "",
        tr(
            "- {json}: the export of Consentinel's journal, {chosen} ({count}). Each entry is "
            'chained to the one before it by a SHA-256 hash; the file says how ("hash_recipe").',
            json=BUNDLE_JSON,
            chosen=chosen,
            count=entries_count(written.entries),
        ),
        tr(
            "- {folder}/: the screenshots those entries name ({count}), as they were on the "
            "computer that wrote this bundle. Each PNG says in itself when, of which page and "
            "which account it was taken.",
            folder=SHOTS_FOLDER,
            count=screenshots_count(written.included),
        ),
        tr(
            "- {readme}: this text. No hash covers it: the export and the screenshots are what "
            "count.",
            readme=README,
        ),
        "",
    ]
    if document.get("verified") is True:
        lines.append(tr("When this bundle was written, the whole journal verified."))
        erasures = _erasures_stated(document.get("erasures"))
        if erasures:
            from consentinel.core.journal_erasure import erasures_sentence

            lines.append(erasures_sentence(erasures))
    else:
        lines.append(
            tr(
                "When this bundle was written, the journal did not verify: {problem}",
                problem=document.get("problem") or "?",
            )
        )
    if written.problems:
        lines += ["", tr("Screenshots not in this bundle as they were taken:")]
        for shot in written.shots:
            if shot.state == "changed":
                lines.append(
                    "  - " + tr("{problem} It is included as found.", problem=shot.problem)
                )
            elif shot.problem:
                lines.append(f"  - {shot.problem}")
    lines += [
        "",
        tr("How to check it"),
        "",
        tr("With Consentinel, the bundle as it is:"),
        f"    consentinel log --check-export {_quoted(name)}",
        tr("or, once unzipped, in its folder:"),
        f"    consentinel log --check-export {BUNDLE_JSON} --evidence {SHOTS_FOLDER}",
        tr(
            "Each entry is hashed again and chained, and each screenshot compared with the "
            "SHA-256 its entry holds."
        ),
        "",
        tr(
            "Without Consentinel: the SHA-256 of each screenshot (sha256sum on Linux, shasum -a "
            "256 on macOS, Get-FileHash in PowerShell) must be the one its entry holds:"
        ),
    ]
    for shot in written.shots:
        lines.append(
            tr(
                "  entry {id}: {folder}/{name}",
                id=shot.entry_id,
                folder=SHOTS_FOLDER,
                name=shot.name,
            )
        )
        lines.append(
            f"    sha256 {shot.sha256}"
            if shot.sha256
            else "    " + tr("(no hash: named by a check, or kept before screenshots were hashed)")
        )
    if not written.shots:
        lines.append("  " + tr("(its entries name no screenshot)"))
    return "\n".join(lines) + "\n"


def _erasures_stated(stated: object) -> list[ErasureSeen]:
    """The erasures an export states (its "erasures" field), those well formed."""
    from consentinel.core.journal_entries import ErasureSeen

    if not isinstance(stated, list):
        return []
    return [
        ErasureSeen(e["entry"], e["ts"], e["entries"])
        for e in stated
        if isinstance(e, dict)
        and type(e.get("entry")) is int
        and isinstance(e.get("ts"), str)
        and type(e.get("entries")) is int
    ]


def entries_count(count: int) -> str:
    return tr("1 entry") if count == 1 else tr("{count} entries", count=count)


def screenshots_count(count: int) -> str:
    if count == 0:
        return tr("no screenshot")
    return tr("1 screenshot") if count == 1 else tr("{count} screenshots", count=count)


def _quoted(name: str) -> str:
    """A file name as a shell takes it (the person's own name may hold a space)."""
    import shlex

    return shlex.quote(name)


# -- a bundle opened to be checked ------------------------------------------------------------


def is_bundle(path: Path) -> bool:
    """Whether `path` is a ZIP file (a JSON export never starts with "PK"). Raises OSError."""
    with open(path, "rb") as file:
        return file.read(2) == b"PK"


class Bundle:
    """An evidence bundle opened to be checked: its export, and its screenshots read from the
    zip one at a time (nothing is unpacked). Use as a context manager."""

    def __init__(self, path: Path) -> None:
        """Raises OSError when the file cannot be read, NotAnExport when it is no bundle."""
        from consentinel.core.export_check import NotAnExport, parse_export

        self.path = path
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError):
            raise NotAnExport(
                tr(
                    "{path} is not an evidence bundle: it is not a ZIP file Consentinel reads.",
                    path=path,
                )
            ) from None
        try:
            try:
                info = self._zip.getinfo(BUNDLE_JSON)
            except KeyError:
                raise NotAnExport(
                    tr(
                        "{path} is not an evidence bundle: it holds no {json}.",
                        path=path,
                        json=BUNDLE_JSON,
                    )
                ) from None
            named = tr("{member} in {path}", member=BUNDLE_JSON, path=path)
            if info.file_size > MAX_JSON_BYTES:
                raise NotAnExport(
                    tr("{path} is not a journal export: it is too large.", path=named)
                )
            self.document = parse_export(self._member(info), named)
        except BaseException:
            self._zip.close()
            raise

    def __enter__(self) -> Bundle:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._zip.close()

    def _member(self, info: zipfile.ZipInfo) -> bytes:
        try:
            return self._zip.read(info)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
            # (a CRC that does not match, a method or an encryption this Python cannot read)
            raise OSError(errno.EIO, tr("it is damaged in the bundle")) from None

    def read_screenshot(self, name: str, _run_id: object = None) -> bytes:
        """A screenshot the export names, from the bundle's folder of them (by its file name
        alone: a name cannot reach another member). FileNotFoundError: not in the bundle."""
        try:
            info = self._zip.getinfo(f"{SHOTS_FOLDER}/{Path(name).name}")
        except KeyError:
            raise FileNotFoundError(errno.ENOENT, name) from None
        if info.file_size > MAX_SHOT_BYTES:
            raise OSError(errno.EFBIG, tr("it is too large to be a screenshot"))
        return self._member(info)

    def problems(self, named: set[str]) -> list[str]:
        """What a bundle Consentinel wrote never holds: a member twice (tools disagree on which
        one they unpack), or a file no entry names (nothing vouches for it)."""
        found: list[str] = []
        members = self._zip.namelist()
        twice = sorted(name for name, count in Counter(members).items() if count > 1)
        if twice:
            found.append(
                tr(
                    "the bundle holds {names} twice, so that it can be read two ways: it was "
                    "edited.",
                    names=", ".join(twice),
                )
            )
        expected = {README, BUNDLE_JSON, f"{SHOTS_FOLDER}/"} | {
            f"{SHOTS_FOLDER}/{Path(name).name}" for name in named
        }
        extra = sorted(set(members) - expected)
        if extra:
            found.append(
                tr(
                    "the bundle holds {names}, which none of its entries names: it was edited "
                    "(nothing vouches for them).",
                    names=", ".join(extra),
                )
            )
        return found
