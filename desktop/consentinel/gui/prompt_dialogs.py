"""The questions a running check asks a person: 2FA code, email code, email/phone, browser."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consentinel.core.accounts import Account
from consentinel.core.events import PromptRequest
from consentinel.core.log_redaction import forget_later
from consentinel.core.saved_contact import saved_contacts
from consentinel.core.steps import PromptKind
from consentinel.gui.button_tab_order import tab_into_buttons
from consentinel.gui.message_style import error_style
from consentinel.gui.spoken_labels import announce, heard_as_shown
from consentinel.gui.wrapped_labels import fit_height, fit_wrapped_labels
from consentinel.x.one_time_codes import (
    MAX_TYPED_LENGTH,
    cleaned_code,
    could_grow,
    is_code_kind,
    well_formed,
)

OPEN_BROWSER = "ok"


class PromptDialog(QDialog):
    """One question about one account; `answer()` is what the person gave (None: nothing).

    It blocks the main window (window-modal), so it carries its own "Cancel the whole check":
    `cancel_check_requested` asks the window to stop the run.
    """

    cancel_check_requested = Signal()

    def __init__(
        self,
        request: PromptRequest,
        hint: str | None = "",
        parent: QWidget | None = None,
        *,
        account: Account | None = None,
    ) -> None:
        """`account`: the one asked about, as saved here; an email code's question names the
        email and phone saved for it (an agency reads 25 clients' mailboxes)."""
        super().__init__(parent)
        self.request = request
        hint = hint or ""
        handle = f"@{request.handle}"
        self.setMinimumWidth(460)
        self.title = QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.edit = QLineEdit()
        self.error = QLabel()
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        self.error.hide()
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint.setVisible(bool(hint))
        # Read by its words (the demo's code): a fixed name "Hint" was all a screen reader said.
        heard_as_shown(self.hint, self.tr("Hint"))
        #: The height the dialog opened at, or the one the person gave it: what it shrinks back
        #: to once a message goes (see fit_height); what fit_height last asked for.
        self._floor_height = 0
        self._asked_height = 0
        self.buttons = QDialogButtonBox()
        self.ok_button: QPushButton = self.buttons.addButton(
            self.tr("&Continue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = self.buttons.addButton(
            self.tr("S&kip this account"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_check_button: QPushButton = self.buttons.addButton(
            self.tr("Cancel the &whole check"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        # Enter never skips or cancels: only Continue may be the default button.
        self.cancel_button.setAutoDefault(False)
        self.cancel_check_button.setAutoDefault(False)
        self.cancel_check_button.clicked.connect(self._cancel_check)
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        #: A one-time code's question: its form is checked, spaces and hyphens aside, and the
        #: code is answered without them ("357 946", as authenticator apps show it).
        self._code = is_code_kind(request.kind)
        self._needs_text = request.kind is not PromptKind.FINISH_IN_BROWSER

        kind = request.kind
        detail = request.detail.strip()
        if kind is PromptKind.TWO_FACTOR_CODE:
            self.setWindowTitle(self.tr("Two-factor code for {handle}").replace("{handle}", handle))
            self.title.setText(self.tr("X asks for a two-factor code"))
            self.body.setText(
                self.tr(
                    "Open your authenticator app and type the code it shows for {handle} on X."
                ).replace("{handle}", handle)
            )
            self.edit.setAccessibleName(self.tr("Two-factor code"))
            self.edit.setPlaceholderText("123456")
            self.edit.setMaxLength(MAX_TYPED_LENGTH[kind])
            # Digits only: touch keyboards show a number pad.
            self.edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
            self._invalid = self.tr("The code is 6 to 8 digits, nothing else.")
        elif kind is PromptKind.EMAIL_CODE:
            self.setWindowTitle(self.tr("Code from X for {handle}").replace("{handle}", handle))
            self.title.setText(self.tr("X sent a code by email or text message"))
            instruction = self.tr(
                "Check the email or phone of {handle} and type the code X just sent."
            ).replace("{handle}", handle)
            saved = self._saved_contact(account)
            if saved:
                instruction += "\n" + saved
            said = self.tr("X says: “{words}”").replace("{words}", detail) if detail else ""
            self.body.setText(f"{instruction}\n\n{said}" if said else instruction)
            self.edit.setAccessibleName(self.tr("Code from X"))
            self.edit.setPlaceholderText("a1b2c3")
            self.edit.setMaxLength(MAX_TYPED_LENGTH[kind])
            self._invalid = self.tr("The code has 4 to 12 letters or digits.")
        elif kind is PromptKind.EMAIL_OR_PHONE:
            self.setWindowTitle(self.tr("X is asking about {handle}").replace("{handle}", handle))
            self.title.setText(
                self.tr("X is asking for the email or phone of {handle}").replace(
                    "{handle}", handle
                )
            )
            # X's words are quoted as X's; without any, the app says what to type in its own
            # (a sentence of ours in quotes read as something X had said).
            self.body.setText(
                self.tr("X says: “{words}”").replace("{words}", detail)
                if detail
                else self.tr(
                    "Type the email address or phone number that {handle} uses on X."
                ).replace("{handle}", handle)
            )
            self.edit.setAccessibleName(self.tr("Email or phone"))
            self.edit.setPlaceholderText(self.tr("name@example.com or +33 6 12 34 56 78"))
            self._invalid = self.tr("Type what X asks for.")
        else:
            self.setWindowTitle(self.tr("{handle} needs you").replace("{handle}", handle))
            self.ok_button.setText(self.tr("&Open browser window"))
            # The heading says what X did, the body the one way on: a heading that sent the
            # person to "the browser window" sat above a body sending them to x.com first.
            heading, why, steps = self._in_browser_words(detail)
            self.title.setText(heading.replace("{handle}", handle))
            button = self.ok_button.text().replace("&", "")  # as the button reads
            self.body.setText(f"{why}\n\n{steps.replace('{button}', button)}")
            self.edit.hide()
            self._invalid = ""

        self._show_problem(None)  # the field's description: the hint, until a problem shows
        self.edit.textEdited.connect(self._edited)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        layout.addSpacing(8)
        layout.addWidget(self.buttons)
        # A minimum width of our own stops Qt from keeping the dialog as wide as its layout:
        # at a large font its three buttons were cut.
        self.setMinimumWidth(max(460, layout.totalMinimumSize().width()))
        self.ok_button.setDefault(True)  # once it is the dialog's own (see AccountDialog)
        if self._needs_text:
            self.edit.setFocus()
            self.ok_button.setEnabled(False)
        else:  # the answer it asks for, not "Skip" (Space on it skipped the account)
            self.ok_button.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # From the field, Tab reaches the buttons in the order they are seen.
        tab_into_buttons(self.edit, self.buttons)
        if not self._floor_height:
            self._floor_height = self.height()  # as it opens: what it shrinks back to
        self._fit_labels()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.spontaneous() and event.size().height() != self._asked_height:
            self._floor_height = event.size().height()  # the person made it so tall
        self._fit_labels()

    def _fit_labels(self) -> None:
        """Every line of the words at the dialog's width, the error's too: the error line
        appearing squeezed the instructions into cut, overlapping lines (at a large font, the
        warning that another wrong code may lock the account was half hidden)."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        fit_wrapped_labels(self, (self.title, self.body, self.error, self.hint))
        self._asked_height = fit_height(self, self._floor_height)

    def _show_problem(self, problem: str | None) -> None:
        """Show `problem` under the field (None: none) and make it what a screen reader says
        on the field, announced as it appears (the focus stays in the field); without one, the
        field's description is the hint, if any (the demo's code)."""
        said = self.error.text() if self.error.isVisibleTo(self) else ""
        self.error.setText(problem or "")
        self.error.setVisible(bool(problem))
        self.edit.setAccessibleDescription(problem or self.hint.text())
        if problem and problem != said:  # (not again at each key typed)
            announce(self.error, problem)
        self._fit_labels()

    def _saved_contact(self, account: Account | None) -> str:
        """The email and phone the person saved for the account (core/saved_contact)."""
        saved = saved_contacts(account, self.request.handle)
        if len(saved) == 2:
            text = self.tr("Saved for this account: {email} and {phone}.")
            return text.replace("{email}", saved[0]).replace("{phone}", saved[1])
        if saved:
            return self.tr("Saved for this account: {email}.").replace("{email}", saved[0])
        return ""

    def _in_browser_words(self, reason: str) -> tuple[str, str, str]:
        """What X did (the heading, with {handle}), why a person is needed, and what they do
        for the check to go on (with {button}), for the reason the engine names by its code.
        A locked account is verified on x.com first, as the row's advice, the next check's
        tooltip, the notification and the command line all say it (X's lock screen is known
        from scripts only: nothing shows it can be passed in the window); the window then
        signs in to the account unlocked."""
        if reason == "locked":
            return (
                self.tr("X locked {handle}"),
                # "until you verify it", as the row's advice says it (gui/row_hints).
                self.tr("The account stays locked until you verify it."),
                self.tr(
                    "First sign in on x.com in your usual browser and do what X asks there. "
                    "Then use “{button}”: the check goes on by itself once X shows your home "
                    "page in that window."
                ),
            )
        if reason == "captcha":
            return (
                self.tr("X shows a captcha for {handle}"),
                self.tr("Only a person can solve it."),
                self.tr(
                    "Use “{button}” and solve the captcha there, then answer X's questions if "
                    "it asks any: the check goes on by itself once X shows your home page in "
                    "that window."
                ),
            )
        if reason == "wrong_password":
            return (
                self.tr("X asks for the password of {handle}"),
                self.tr("No password is saved for this account."),
                self.tr(
                    "Use “{button}” and type the password there, then answer X's questions if "
                    "it asks any: the check goes on by itself once X shows your home page in "
                    "that window."
                ),
            )
        return (
            self.tr("X needs you to sign in to {handle}"),
            self.tr("X asks for something only a person can do."),
            self.tr(
                "Use “{button}” and sign in there, answering X's questions: the check goes on "
                "by itself once X shows your home page in that window."
            ),
        )

    def _problem(self) -> str | None:
        text = self.edit.text().strip()
        if self._code:
            return None if well_formed(self.request.kind, text) else self._invalid
        return None if text else self._invalid

    def _edited(self) -> None:
        problem = self._problem()
        # Say nothing while a 2FA code is still being typed; a partial code is not yet wrong.
        shown = problem if self.edit.text() and not self._could_grow() else None
        self._show_problem(shown)
        self.ok_button.setEnabled(problem is None)
        if problem is None:
            self.ok_button.setDefault(True)  # Enter continues, once there is something to send

    def _could_grow(self) -> bool:
        """A 2FA code still being typed (digits, fewer than 6)."""
        return could_grow(self.request.kind, self.edit.text())

    def _accept_if_valid(self) -> None:
        if not self._needs_text or self._problem() is None:
            self.accept()
        else:
            self._show_problem(self._invalid)

    def _cancel_check(self) -> None:
        self.cancel_check_requested.emit()
        self.reject()

    def say_answer_refused(self) -> None:
        """Asked again in the same check: X did not take the first answer; or asked for a 2FA
        code just after X refused the one made from the saved secret
        (`PromptRequest.saved_code_refused`). A code it refused counts toward locking the
        account (x-reference §4): the person is told before typing another."""
        kind = self.request.kind
        if kind is PromptKind.TWO_FACTOR_CODE and self.request.saved_code_refused:
            said = self.tr(
                "X refused the code made from the saved 2FA secret. Another wrong code may get X "
                "to lock the account."
            )
        elif kind is PromptKind.TWO_FACTOR_CODE:
            said = self.tr(
                "X refused the two-factor code typed. Another wrong code may get X to lock the "
                "account."
            )
        elif kind is PromptKind.EMAIL_CODE:
            said = self.tr(
                "X refused the code typed from its email or text message. Another wrong code "
                "may get X to lock the account."
            )
        else:
            said = self.tr("X did not accept the previous answer. Try again.")
        self._show_problem(said)

    def answer(self) -> str | None:
        if self.result() != QDialog.DialogCode.Accepted:
            return None
        if not self._needs_text:
            return OPEN_BROWSER
        text = self.edit.text().strip()
        if self._code:
            # A one-time code: keep it out of the log file even if something logs it, as it
            # was typed and as it is sent.
            forget_later(text)
            text = cleaned_code(text)
            forget_later(text)
        return text


def ask_user(
    parent: QWidget | None,
    request: PromptRequest,
    hint: str = "",
    account: Account | None = None,
) -> str | None:
    """Show the question modally; the answer, "ok" to open the browser window, None to skip."""
    dialog = PromptDialog(request, hint, parent, account=account)
    try:
        dialog.exec()
        return dialog.answer()
    finally:
        dialog.deleteLater()
