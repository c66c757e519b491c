"""What the accounts table says when its filter leaves no account: the words that found none,
and a way back to every account."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from consentinel.gui.qt_by_name import set_by_name
from consentinel.gui.spoken_labels import announce


class NoMatch(QWidget):
    """Laid over the table's empty rows (made only when a filter first finds nothing: a table
    that never needs it does not pay for it). `show_all_requested`: the person wants every
    account again."""

    show_all_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        # The person's own words, shown as typed (never read as markup).
        set_by_name(self.label, "textFormat", "PlainText")
        set_by_name(self.label, "alignment", "AlignCenter")
        self.button = QPushButton(self.tr("Show every account"))
        self.button.setToolTip(self.tr("Empties the filter (Escape in the filter does too)."))
        self.button.clicked.connect(self.show_all_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        layout.addStretch(2)

    def say_none_for(self, words: str) -> None:
        """Show that no account matches `words`, raised over the rows, and have a screen reader
        say it: the focus stays in the filter, so nothing else would. Said as it appears and as
        its words change, not again for a refill of the table or a key that leaves it the same
        (a space after the words, the rows' times redrawn)."""
        text = self.tr("No account matches “{words}”.").replace("{words}", words)
        new = self.isHidden() or text != self.label.text()
        self.label.setText(text)
        self.show()
        self.raise_()
        if new:
            announce(self.label, text)
