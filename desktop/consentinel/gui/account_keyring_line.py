"""The account dialog's line on where secrets are kept: the keyring that keeps them, or why
none can (then a secret typed greys Save, and this line says why)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit

from consentinel.gui.keyring_look import KeyringLooked, KeyringSeen
from consentinel.gui.message_style import error_style
from consentinel.gui.spoken_labels import announce, heard_as_shown

# The dialog's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate


class KeyringLine:
    """The line (`label`), and whether it said that it greys Save."""

    def __init__(self) -> None:
        self.label = QLabel()
        self.label.setWordWrap(True)
        # Read by its words ("Secrets cannot be stored. No system keyring…"), not a fixed name.
        heard_as_shown(self.label, translate("AccountDialog", "Where secrets are stored"))
        #: Whether Save is greyed for want of a keyring alone (a secret typed): said once.
        self._blocks = False

    def show(self, looked: KeyringLooked) -> None:
        """What a look at the keyring found."""
        if looked.seen is KeyringSeen.USABLE:
            self.label.setText(
                translate(
                    "AccountDialog",
                    "Password and 2FA secret are kept by {keyring}, never in a file.",
                ).replace("{keyring}", looked.words)
            )
            self.label.setStyleSheet("")
        else:
            # A locked keyring's sentence (the window's own) says what saving does meanwhile:
            # it asks for the keyring's password, and Save stays.
            text = looked.words
            if looked.seen is KeyringSeen.MISSING:
                text = translate("AccountDialog", "Secrets cannot be stored. {problem}").replace(
                    "{problem}", text
                )
            self.label.setText(text)
            self.label.setStyleSheet(error_style())

    def say_blocks(self, blocks: bool, secrets: tuple[tuple[QLineEdit, QLabel], ...]) -> None:
        """With no keyring, a secret typed greys Save and only this line says why: that line
        is what a screen reader says on the `secrets` typed (each with its message; as a
        problem under a field is), announced when Save greys (the focus stays in the field)."""
        if blocks:
            said = self.label.text()
            for edit, error in secrets:
                if edit.text() and not error.text():
                    edit.setAccessibleDescription(said)
            if not self._blocks:
                announce(self.label, said)
        self._blocks = blocks
