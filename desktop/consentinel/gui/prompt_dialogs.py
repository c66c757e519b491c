"""The questions a check asks a person: a 2FA code, an email/phone, finishing in the browser."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consentinel.core.events import PromptKind, PromptRequest
from consentinel.gui.logging_setup import forget_later


class PromptDialog(QDialog):
    """One question; `answer()` is the text typed, "ok" to open the browser, or None."""

    def __init__(
        self, request: PromptRequest, hint: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.request = request
        self._result: str | None = None
        self.setWindowTitle(self.tr("X needs you: @{handle}").replace("{handle}", request.handle))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.question = QLabel(self._question_text())
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        if request.detail:
            detail = QLabel(self.tr("X says: “{detail}”").replace("{detail}", request.detail))
            detail.setWordWrap(True)
            layout.addWidget(detail)
        self.edit: QLineEdit | None = None
        buttons = QDialogButtonBox()
        if request.kind is PromptKind.FINISH_IN_BROWSER:
            self.ok_button = QPushButton(self.tr("&Open the browser window"))
            buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
            skip = QPushButton(self.tr("&Skip this account"))
            buttons.addButton(skip, QDialogButtonBox.ButtonRole.RejectRole)
        else:
            self.edit = QLineEdit()
            self.edit.setAccessibleName(self._field_name())
            if request.kind in (PromptKind.TWO_FACTOR_CODE, PromptKind.EMAIL_CODE):
                self.edit.setPlaceholderText(self.tr("123456"))
                pattern = QRegularExpression(r"[0-9A-Za-z ]{0,12}")
                self.edit.setValidator(QRegularExpressionValidator(pattern, self.edit))
                self.edit.setInputMethodHints(Qt.InputMethodHint.ImhPreferNumbers)
            layout.addWidget(self.edit)
            self.ok_button = QPushButton(self.tr("&Continue"))
            buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
            skip = QPushButton(self.tr("&Skip this account"))
            buttons.addButton(skip, QDialogButtonBox.ButtonRole.RejectRole)
            self.ok_button.setEnabled(False)
            self.edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        if hint:
            self.hint = QLabel(hint)
            self.hint.setWordWrap(True)
            self.hint.setStyleSheet("color: #2f7fd8; font-weight: bold;")
            layout.addWidget(self.hint)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.edit is not None:
            self.edit.setFocus()

    def _question_text(self) -> str:
        handle = self.request.handle
        texts = {
            PromptKind.TWO_FACTOR_CODE: self.tr(
                "X asks for the two-factor code of @{handle}. Type the 6-digit code your "
                "authenticator app shows now."
            ),
            PromptKind.EMAIL_CODE: self.tr(
                "X sent a confirmation code for @{handle} by email or SMS. Type it here."
            ),
            PromptKind.EMAIL_OR_PHONE: self.tr(
                "X is asking for the email address or phone number of @{handle} to confirm it "
                "is you. Type the one X asks for."
            ),
            PromptKind.FINISH_IN_BROWSER: self.tr(
                "X needs you: finish signing in @{handle} in a browser window. Consentinel opens "
                "X's sign-in page, types what it may, and carries on by itself once X shows your "
                "home page."
            ),
        }
        return texts[self.request.kind].replace("{handle}", handle)

    def _field_name(self) -> str:
        if self.request.kind is PromptKind.EMAIL_OR_PHONE:
            return self.tr("Email or phone")
        return self.tr("Code")

    def _accept(self) -> None:
        if self.edit is None:
            self._result = "ok"
        else:
            text = self.edit.text().strip()
            if not text:
                return
            if self.request.kind is not PromptKind.EMAIL_OR_PHONE:
                forget_later(text)
            self._result = text
        self.accept()

    def answer(self) -> str | None:
        return self._result
