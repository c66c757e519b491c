"""The first-run screen: what the app does, what stays here, what it touches on X."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from consentinel.gui.app_icons import app_icon, icon
from consentinel.gui.qt_by_name import set_by_name
from consentinel.gui.spoken_labels import announce, heard_as_shown

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent


class EmptyState(QWidget):
    add_requested = Signal()
    demo_requested = Signal()
    #: "Add back": the accounts the journal knows and the list lacks (offer_restore).
    restore_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(QSize(96, 96)))
        set_by_name(logo, "alignment", "AlignCenter")
        title = QLabel(self.tr("Keep your X accounts out of AI training"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        set_by_name(title, "alignment", "AlignCenter")
        title.setWordWrap(True)
        body = QLabel(
            self.tr(
                "Consentinel signs in to your X accounts, unticks every box on X's Grok settings "
                "page that shares your posts and conversations with xAI, and checks again on a "
                "schedule in case X switches one back on.\n\n"
                "Everything stays on this computer: your accounts, the journal of what was done, "
                "and your passwords, which go to the system keyring only.\n\n"
                "On X it only opens the Grok settings page: it never posts, follows, reads your "
                "messages or changes anything else."
            )
        )
        body.setWordWrap(True)
        set_by_name(body, "alignment", "AlignLeft")
        body.setMaximumWidth(620)
        heard_as_shown(body, self.tr("What Consentinel does"))  # (a fixed name hid the words)
        #: Said before the first account is typed in: no keyring, no password can be saved.
        self.keyring_problem = QLabel()
        self.keyring_problem.setWordWrap(True)
        self.keyring_problem.setMaximumWidth(620)
        self.keyring_problem.hide()

        self.add_button = QPushButton(icon("add"), self.tr("Add your &first account"))
        self.add_button.setDefault(True)
        self.add_button.setAutoDefault(True)
        self.add_button.clicked.connect(self.add_requested)
        self.demo_button = QPushButton(self.tr("Try the &demo"))
        self.demo_button.setToolTip(
            self.tr("A simulated X with sample accounts, on this computer only: no risk.")
        )
        self.demo_button.clicked.connect(self.demo_requested)
        # Shown when the account list was lost (a damaged file set aside, a file deleted) and
        # the journal still knows its accounts (offer_restore).
        self.restore_button = QPushButton(icon("add"), "")
        self.restore_button.hide()
        self.restore_button.clicked.connect(self.restore_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)

        # In a scroll area: in a small window the words scroll instead of being squeezed
        # behind the buttons.
        content = QWidget()
        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        # The focus goes to the first thing to do, not to the scroll area (no visible focus,
        # and Enter did nothing).
        set_by_name(scroll, "focusPolicy", "NoFocus")
        self.setFocusProxy(self.add_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.addStretch(1)
        layout.addWidget(logo)
        layout.addWidget(title)
        layout.addSpacing(12)
        row = QHBoxLayout()
        row.addStretch(1)
        words = QVBoxLayout()  # (the problem as wide as the words above it)
        words.setSpacing(16)
        words.addWidget(body)
        words.addWidget(self.keyring_problem)
        row.addLayout(words)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.setTabOrder(self.restore_button, self.add_button)
        self.setTabOrder(self.add_button, self.demo_button)

    def offer_restore(self, handles: list[str]) -> None:
        """Offer to add back these accounts (none: no offer); the offer comes first."""
        if not handles:
            self.restore_button.hide()
            self.add_button.setDefault(True)
            self.setFocusProxy(self.add_button)
            return
        if len(handles) == 1:
            text = self.tr("Add &back @{handle}").replace("{handle}", handles[0])
        else:
            text = self.tr("Add &back {n} accounts").replace("{n}", str(len(handles)))
        self.restore_button.setText(text)
        self.restore_button.setToolTip(
            self.tr(
                "The journal knows these accounts, which the list lacks: {handles}. Their "
                "passwords, 2FA secrets and saved sessions are still here."
            ).replace("{handles}", ", ".join(f"@{h}" for h in handles))
        )
        self.restore_button.show()
        self.restore_button.setDefault(True)
        self.setFocusProxy(self.restore_button)

    def say_no_keyring(self, problem: str, *, locked: bool = False) -> None:
        """No keyring to keep passwords in (or, `locked`, one that is locked): said on the
        welcome page, before an account is typed in (the Add dialog cannot save one's password
        either)."""
        from consentinel.gui.message_style import error_style

        # A locked keyring's sentence says itself what saving a password does meanwhile.
        lead = "{problem}" if locked else self.tr("Passwords cannot be saved yet. {problem}")
        said = self.keyring_problem.text()
        self.keyring_problem.setText(lead.replace("{problem}", problem))
        self.keyring_problem.setStyleSheet(error_style())
        heard_as_shown(self.keyring_problem, self.tr("Keyring problem"))
        self.keyring_problem.show()
        if self.keyring_problem.text() != said:  # (found while the page is shown)
            announce(self.keyring_problem, self.keyring_problem.text())

    def showEvent(self, event: QShowEvent) -> None:
        """The page appears: its keyring problem is said without the focus going to it (the
        focus is on the button to add an account)."""
        super().showEvent(event)
        if not self.keyring_problem.isHidden():
            announce(self.keyring_problem, self.keyring_problem.text())

    def say_keyring_found(self) -> None:
        """The keyring can be used now: its problem goes."""
        self.keyring_problem.hide()
        self.keyring_problem.clear()
