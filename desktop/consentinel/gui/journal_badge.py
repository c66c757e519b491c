"""The journal window's integrity badge: what it says while the journal is checked, and of
the verdict (intact, damaged, or not checked), its tooltip saying more."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from consentinel.core.journal_entries import EntryKind
from consentinel.core.journal_verify import problems_to_list
from consentinel.gui.journal_model import local_time

if TYPE_CHECKING:
    from consentinel.core.journal import Journal
    from consentinel.core.journal_entries import VerifyResult

# The window's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate

INTACT_STYLE = "background: #1e7b34; color: white; padding: 3px 8px; border-radius: 4px;"
DAMAGED_STYLE = "background: #b3261e; color: white; padding: 3px 8px; border-radius: 4px;"
CHECKING_STYLE = "background: #5f6368; color: white; padding: 3px 8px; border-radius: 4px;"
UNCHECKED_STYLE = "background: #8a5300; color: white; padding: 3px 8px; border-radius: 4px;"
#: The damaged badge's tooltip lists this many problems at most; the JSON export holds them all.
MAX_PROBLEMS_IN_TOOLTIP = 15


class IntegrityBadge(QLabel):
    """The journal's verdict in a coloured label."""

    def __init__(self) -> None:
        super().__init__()
        # Read by its words ("Journal damaged: …"), its tooltip as their description (a fixed
        # name "Journal integrity" hid both).
        self.setAccessibleName("")

    def say_checking(self) -> None:
        self.setText(translate("JournalWindow", "Checking the journal…"))
        self.setStyleSheet(CHECKING_STYLE)
        self.setToolTip(
            translate(
                "JournalWindow", "Every entry and every screenshot is being compared with its hash."
            )
        )

    def say_unchecked(self, problem: str) -> None:
        """The journal could not be read to be checked (`problem` says why)."""
        self.setText(
            translate("JournalWindow", "The journal could not be checked: {problem}").replace(
                "{problem}", problem
            )
        )
        self.setStyleSheet(UNCHECKED_STYLE)
        self.setToolTip(
            translate(
                "JournalWindow",
                "Whether anything was edited is not known: the journal could not be read "
                "to compare its entries and screenshots with their hashes.",
            )
        )

    def say_intact(self, result: VerifyResult, journal: Journal) -> None:
        """Intact, with its entry count; the tooltip says what that vouches for, and when the
        journal started over (read from `journal`)."""
        count = result.entry_count
        if count == 0:
            text = translate("JournalWindow", "Journal intact — no entries yet")
        elif count == 1:
            text = translate("JournalWindow", "Journal intact — 1 entry")
        else:
            text = translate("JournalWindow", "Journal intact — {count} entries").replace(
                "{count}", str(count)
            )
        if result.erasures:  # never only "intact": entries it no longer vouches for
            text = translate(
                "JournalWindow", "Journal intact — {count} entries, emptied by erasure: {emptied}"
            )
            text = text.replace("{count}", str(count)).replace("{emptied}", str(result.emptied))
        self.setText(text)
        self.setStyleSheet(INTACT_STYLE)
        tip = translate(
            "JournalWindow",
            "Every entry is chained to the one before it, and every screenshot matches "
            "the hash taken with it: nothing was edited, removed or added since, unless "
            "the whole chain was rewritten (a check, not a signature).",
        )
        if result.erasures:
            from consentinel.core.journal_erasure import erasures_sentence

            tip += "\n" + erasures_sentence(result.erasures)
        restarts = [
            entry
            for entry in journal.entries(kinds=[EntryKind.JOURNAL_RESTARTED])
            if entry.payload.get("set_aside")  # (else nothing was kept: its row says why)
        ]
        if restarts:  # intact since it started over: a journal came before it
            tip += "\n" + translate(
                "JournalWindow",
                "It started over on {when}: the journal before it was set aside as {name}.",
            ).replace("{when}", local_time(restarts[-1])).replace(
                "{name}", str(restarts[-1].payload.get("set_aside", "?"))
            )
        self.setToolTip(tip)

    def say_damaged(self, result: VerifyResult, problem: str, *, rows_marked: bool) -> None:
        """Damaged: `problem` in short; the tooltip lists the problems (`rows_marked`: the
        entries they name have a red dot in the table)."""
        self.setText(
            translate("JournalWindow", "Journal damaged: {problem}").replace("{problem}", problem)
        )
        self.setStyleSheet(DAMAGED_STYLE)
        tip = translate(
            "JournalWindow",
            "Someone or something changed the journal file outside Consentinel. Keep "
            "a copy of it before anything else.",
        )
        if rows_marked:
            tip += " " + translate(
                "JournalWindow", "The entries it names have a red dot in the list."
            )
        if len(result.problems) > 1:
            listed, hidden = problems_to_list(result.problems, MAX_PROBLEMS_IN_TOOLTIP)
            tip += "\n\n" + "\n".join(f"• {each}" for each in listed)
            if hidden:
                tip += "\n" + translate(
                    "JournalWindow", "… and {more} more: export JSON to see them all."
                ).replace("{more}", str(hidden))
        self.setToolTip(tip)
