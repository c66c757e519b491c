"""A question with one answer that acts (remove, delete, quit, start over) and a safe one that
is the default and Esc's: every window's "are you sure" box."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class Confirmation(QMessageBox):
    """Built with the caller's translated words; `confirmed()` shows it and answers."""

    def __init__(
        self,
        parent: QWidget | None,
        icon: QMessageBox.Icon,
        title: str,
        text: str,
        details: str,
        act: str,
        keep: str,
    ) -> None:
        super().__init__(parent)
        self.setIcon(icon)
        self.setWindowTitle(title)
        self.setText(text)
        self.setInformativeText(details)
        self.act_button = self.addButton(act, QMessageBox.ButtonRole.DestructiveRole)
        keep_button = self.addButton(keep, QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(keep_button)
        self.setEscapeButton(keep_button)

    def confirmed(self) -> bool:
        """Shown (modal); True when the person chose the answer that acts."""
        self.exec()
        return self.clickedButton() is self.act_button
