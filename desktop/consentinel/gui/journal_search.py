"""The journal window's search: its field, searched once typing pauses, and which entries hold
every word typed (in the words the window shows them in, whatever their case and accents)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QLineEdit

from consentinel.core.journal_entries import Entry, EntryKind
from consentinel.core.text_search import finds, folded, search_words
from consentinel.gui.dialog_words import entry_kind_name
from consentinel.gui.journal_entry_pane import check_sentence
from consentinel.gui.journal_model import account_words, details, local_iso_time, local_time

if TYPE_CHECKING:
    from collections.abc import Callable

    from consentinel.core.context import AppContext

# The window's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate

#: A search is made again once typing pauses this long (it reads every entry's words).
SEARCH_PAUSE_MS = 200


class JournalSearch:
    """The search `field`; `searched` is called once typing pauses (`timer`)."""

    def __init__(self, ctx: AppContext, parent: QObject, searched: Callable[[], None]) -> None:
        self._ctx = ctx
        self.field = QLineEdit()
        self.field.setPlaceholderText(translate("JournalWindow", "Search the journal"))
        self.field.setAccessibleName(translate("JournalWindow", "Search the journal"))
        self.field.setToolTip(
            translate(
                "JournalWindow",
                "Shows the entries whose words, account or X's words quoted hold every word "
                "typed, whatever their case and accents, among those the filters show. "
                "Ctrl+F to search, Escape to clear.",
            )
        )
        self.field.setClearButtonEnabled(True)
        #: Typing is searched once it pauses: each search reads every entry's words.
        self.timer = QTimer(parent)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_PAUSE_MS)
        self.timer.timeout.connect(searched)
        self.field.textChanged.connect(lambda _text: self.timer.start())
        #: Each entry's words as a search reads them (see finds).
        self._searched: dict[tuple[str, str], str] = {}
        self._base: tuple[object, list[Entry]] | None = None

    def words(self) -> tuple[str, ...]:
        """The words of the search typed (folded), () when none is."""
        return search_words(self.field.text())

    def text(self) -> str:
        """The search as typed, its spaces made single (as an export names it)."""
        return " ".join(self.field.text().split())

    def finds(self, entry: Entry, words: tuple[str, ...]) -> bool:
        """Whether the entry's words as the window shows them (its date, event and details,
        the sentence of a check as the side pane says it), its account, or X's words its
        check quoted, hold each of `words`."""
        # Each entry's words are worked out once per language (a year's journal, 2 s to say
        # them all): by its hash, which any edit of it changes.
        key = (entry.hash, translate("JournalWindow", "Search the journal"))
        text = self._searched.get(key)
        if text is None:
            # Its time as the Date column shows it, and as exports write it.
            parts = [local_time(entry), local_iso_time(entry)]
            parts += [account_words(entry), entry_kind_name(entry), details(entry)]
            if entry.kind is EntryKind.CHECK:
                parts.append(check_sentence(self._ctx, entry))
            message = entry.payload.get("message")
            if isinstance(message, str):  # (in the language it was written in: X's words)
                parts.append(message)
            text = self._searched[key] = folded("\n".join(parts))
        return finds(words, text)

    def entries_to_search(self, filters: dict[str, Any]) -> list[Entry]:
        """Every entry the filters show, newest first; read again only when the filters or
        the journal's head changed, not at each word typed (a year's journal: half a second)."""
        key = (repr(sorted(filters.items())), self._ctx.journal.head())
        if self._base is None or self._base[0] != key:
            entries = self._ctx.journal.entries(**filters, newest_first=True)
            self._base = (key, entries)
        return self._base[1]

    def read_again(self) -> None:
        """The entries are read again at the next search (an entry edited by hand keeps the
        journal's head)."""
        self._base = None

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def clear(self) -> bool:
        """The search emptied at once (no pause); False when there was none."""
        if not self.field.text():
            return False
        self.field.clear()
        self.timer.stop()
        return True
