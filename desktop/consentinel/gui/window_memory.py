"""How the person left the windows, kept between runs in <config>/window.json (Qt-free): the
accounts table's order, where and how big the main window and the journal window were, and
where the journal's divider stood."""

from __future__ import annotations

import base64
import contextlib
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from consentinel.core.fileio import atomic_write_text

if TYPE_CHECKING:
    from collections.abc import Mapping

    from consentinel.gui.table_sort import SortChoice

log = logging.getLogger(__name__)

#: The windows whose place and size are kept (Qt's saveGeometry, in base64), and the journal's
#: divider (QSplitter.saveState).
MAIN_WINDOW = "main_window"
JOURNAL_WINDOW = "journal_window"
JOURNAL_DIVIDER = "journal_divider"
#: Where the divider was kept before the entry pane had a width of its own, moved or not
#: (gui/journal_divider reads it once, then drops it).
JOURNAL_SPLITTER = "journal_splitter"


class WindowMemory:
    """The file is read once, when made (the window's first frame reads nothing more); each
    change reads it again and writes it whole, so that what another part kept meanwhile stays.
    A file that cannot be read or written is no reason to stop: the windows open as they
    would the first time."""

    def __init__(self, path: Path) -> None:
        self._path = path
        #: When the file was last written before this run (seconds since the epoch; None: there
        #: was none): near enough the last time the window was open, which writes it as it
        #: closes.
        self.written_before: float | None = None
        with contextlib.suppress(OSError):
            self.written_before = path.stat().st_mtime
        self._kept = self._read()

    def _read(self) -> dict[str, object]:
        try:
            found = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            log.warning("%s could not be read: the windows open as at first", self._path.name)
            return {}
        return found if isinstance(found, dict) else {}

    def _keep(self, changes: dict[str, object | None], what: str) -> None:
        memory = self._read()
        for key, value in changes.items():
            if value is None:
                memory.pop(key, None)
            else:
                memory[key] = value
        self._kept = memory
        try:
            atomic_write_text(self._path, json.dumps(memory, indent=2) + "\n")
        except OSError:
            log.warning("%s could not be kept in %s", what, self._path, exc_info=True)

    # -- anything else kept by name (gui/journal_restart_notice) ------------------------------

    def kept(self, key: str) -> object:
        """What was kept under `key` (None: nothing)."""
        return self._kept.get(key)

    def keep(self, key: str, value: str | None) -> None:
        self._keep({key: value}, key)

    # -- the accounts' order ------------------------------------------------------------------

    def accounts_sort(self) -> SortChoice | None:
        from consentinel.gui.table_sort import COLUMN_NAMES, SortChoice

        kept = self._kept.get("accounts_sort")
        if not isinstance(kept, dict) or kept.get("column") not in COLUMN_NAMES:
            return None
        return SortChoice(str(kept["column"]), kept.get("descending") is True)

    def remember_accounts_sort(self, choice: SortChoice | None) -> None:
        kept = (
            None if choice is None else {"column": choice.column, "descending": choice.descending}
        )
        self._keep({"accounts_sort": kept}, "the accounts' order")

    # -- places and sizes ---------------------------------------------------------------------

    def state(self, name: str) -> bytes | None:
        """What Qt saved of a window's geometry or a splitter's state (`name`: MAIN_WINDOW…);
        None when nothing usable was kept."""
        kept = self._kept.get(name)
        if not isinstance(kept, str):
            return None
        try:
            # (validate: a character outside base64's is an error, not skipped; Python 3.10
            # has no strict_mode)
            return base64.b64decode(kept, validate=True) or None
        except ValueError:  # (binascii.Error, or a character outside ASCII)
            return None

    def remember_states(self, states: Mapping[str, bytes | None]) -> None:
        """Keep what Qt saved of windows' geometry and splitters' state, by name, in one write
        (None: forget what was kept under that name)."""
        if not states:
            return
        changes: dict[str, object | None] = {
            name: None if data is None else base64.b64encode(data).decode("ascii")
            for name, data in states.items()
        }
        self._keep(changes, "the windows' places")
