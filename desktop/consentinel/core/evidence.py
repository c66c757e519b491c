"""Evidence screenshots: where an entry's file is, and whether it is still the one taken."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal, NamedTuple
from urllib.parse import urlsplit, urlunsplit

from consentinel import APP_NAME, __version__
from consentinel.core.check_messages import box_name
from consentinel.core.i18n import speaking, tr
from consentinel.core.journal_entries import EntryKind
from consentinel.core.png_text import with_text
from consentinel.core.status import Box

#: The `why` of a screenshot kept at a check that changed nothing (screenshot_every_check).
EVERY_CHECK_SHOT = "all-off"
#: The `why` of the screenshot of a settings page, or of a sign-in screen, that did not look as
#: expected (its fields masked: x/signin_shot.py).
PAGE_CHANGED_SHOT = "page-changed"
SIGNIN_CHANGED_SHOT = "signin-page-changed"
#: Added to a box's value, the `why` of a screenshot taken after an untick X did not save,
#: the box read back on ("training-not-saved"), or whose box was not on the page reloaded to
#: read it back ("training-not-read-back"); after a confirmed untick, the box's value alone.
NOT_SAVED_SHOT = "-not-saved"
NOT_READ_BACK_SHOT = "-not-read-back"

#: What a screenshot taken after an untick shows came of it.
UntickShown = Literal["unticked", "still on", "not read back"]
_SHOT_ENDS: dict[str, UntickShown] = {
    NOT_SAVED_SHOT: "still on",
    NOT_READ_BACK_SHOT: "not read back",
}


def untick_shot(box: Box, *, after: bool | None) -> str:
    """The `why` of the screenshot taken after unticking `box`, which read back `after` (None:
    not read back)."""
    if after is None:
        return f"{box.value}{NOT_READ_BACK_SHOT}"
    return f"{box.value}{NOT_SAVED_SHOT}" if after else box.value


def unticked_in_shot(why: str) -> tuple[Box, UntickShown] | None:
    """The box a screenshot taken after an untick shows, and what came of that untick; None
    for any other screenshot. (Older entries name the box alone whatever came of the untick,
    and read as they always did.)"""
    shown: UntickShown = "unticked"
    for end, came in _SHOT_ENDS.items():
        if why.endswith(end):
            why, shown = why.removesuffix(end), came
    try:
        return Box(why), shown
    except ValueError:
        return None


def shot_caption(why: str) -> str:
    """What a screenshot shows, in words, from its `why`."""
    unticked = unticked_in_shot(why)
    if why == PAGE_CHANGED_SHOT:
        return tr("the page did not look as expected")
    if why == SIGNIN_CHANGED_SHOT:
        return tr("the sign-in page did not look as expected")
    if why == EVERY_CHECK_SHOT:
        return tr("every box off, as read")
    if unticked is None:
        return why
    box, shown = unticked
    if shown == "unticked":
        return tr("after unticking: {box}", box=box_name(box))
    if shown == "still on":
        return tr("after an untick X did not save: {box}", box=box_name(box))
    return tr("after an untick that could not be read back: {box}", box=box_name(box))


class Screenshot(NamedTuple):
    """A picture of the settings page as the browser took it, and where and when. (A tuple:
    the window's first frame loads this module, and builds no dataclass; tests/gui/
    test_startup.py.)"""

    png: bytes
    #: The page's address as the browser showed it (kept without what may hold a secret).
    url: str
    taken_at: datetime


def shown_address(url: str) -> str:
    """The address a screenshot is said to be of: the page's, without what could hold a secret
    (a query, a fragment or path parameters may carry a token; a user name and password may
    precede the host)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address
    try:
        port = parts.port
    except ValueError:  # (a port that is not a number)
        port = None
    netloc = f"{host}:{port}" if port is not None else host
    path = parts.path.split(";", 1)[0]  # (";jsessionid=…")
    return urlunsplit((parts.scheme, netloc, path, "", ""))


#: Which of X's pages a screenshot is of, as its PNG says it (in English, as below).
_SETTINGS_PAGE = "X's Grok settings page"
_PAGES = {SIGNIN_CHANGED_SHOT: "X's sign-in page, its fields masked"}


def stamped(shot: Screenshot, handle: str, why: str) -> bytes:
    """The screenshot's bytes as Consentinel keeps them: the PNG saying in itself when it was
    taken, of which page and account, what it shows and by what. A picture handed over alone
    still says so, and two of an unchanged page are two different files. In English, as the
    journal's codes are: the picture outlives any choice of language."""
    with speaking("en"):
        caption = shot_caption(why)
    taken = shot.taken_at.astimezone(timezone.utc).isoformat(timespec="microseconds")
    text = {
        "Creation Time": taken,  # (the PNG standard's keyword)
        "URL": shown_address(shot.url),
        "Account": f"@{handle}",
        "Description": f"{caption} ({_PAGES.get(why, _SETTINGS_PAGE)})",
        "Software": f"{APP_NAME} {__version__}",
    }
    return with_text(shot.png, text)


def sha256_hex(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def evidence_file(evidence_dir: Path, value: str) -> Path:
    """The file an entry names. Screenshots are kept flat in the evidence folder and entries
    name them by file name; entries written before screenshots were hashed held a full path,
    which is read by its file name too, so that a data folder copied or restored elsewhere
    still finds its own."""
    return evidence_dir / Path(value).name


def check_evidence_files(
    rows: Sequence[Sequence[Any]],
    evidence_dir: Path,
    read_runs: Collection[int] | None = None,
    stop: Callable[[], None] | None = None,
) -> list[tuple[int, str]]:
    """Every screenshot that is missing or no longer the one taken: (its entry's id, the
    problem in words); none: empty.

    `rows` as the journal reads them: (id, ts, run_id, kind, handle, payload, ...). Entries that
    hold no file hash (written before screenshots were hashed) are only looked for, not compared.
    With `read_runs`, only the screenshots of those runs are read and compared, the others only
    looked for: a year of "a screenshot of every check" is hundreds of megabytes to read.
    `stop`: called before each screenshot, raises to stop there."""

    def read(name: str, run_id: Any) -> bytes | None:
        if stop is not None:
            stop()
        file = evidence_file(evidence_dir, name)
        if read_runs is not None and run_id not in read_runs:
            file.stat()  # (looked for only)
            return None
        return file.read_bytes()

    return check_screenshots(rows, read)


def check_screenshots(
    rows: Sequence[Sequence[Any]], read: Callable[[str, Any], bytes | None]
) -> list[tuple[int, str]]:
    """check_evidence_files(), each screenshot's bytes given by `read(name, run_id)` (None:
    there, not to be read), which raises FileNotFoundError for one that is not there and
    OSError for one that cannot be read: a folder's files, or an evidence bundle's."""
    problems: list[tuple[int, str]] = []
    for row in rows:
        if row[3] != EntryKind.EVIDENCE.value:
            continue
        payload = json.loads(row[5])
        name = str(payload.get("path") or "")
        if not name:
            continue
        shown = Path(name).name
        try:
            data = read(name, row[2])
        except FileNotFoundError:
            problems.append(
                (
                    int(row[0]),
                    tr(
                        "the screenshot of entry {id} ({name}) is missing.",
                        id=row[0],
                        name=shown,
                    ),
                )
            )
            continue
        except OSError as error:
            problems.append(
                (
                    int(row[0]),
                    tr(
                        "the screenshot of entry {id} ({name}) cannot be read: {cause}.",
                        id=row[0],
                        name=shown,
                        cause=error.strerror or error,
                    ),
                )
            )
            continue
        expected = payload.get("sha256")
        if data is not None and expected and sha256_hex(data) != expected:
            problems.append(
                (
                    int(row[0]),
                    tr(
                        "the screenshot of entry {id} ({name}) was changed after it was taken.",
                        id=row[0],
                        name=shown,
                    ),
                )
            )
    return problems
