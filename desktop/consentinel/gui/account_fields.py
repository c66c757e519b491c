"""The account dialog's sign-in fields, each with its message under it, in their grid: the
handle, the password, the 2FA secret (its hint, "Show password and secret" and, editing,
"Remove" or "Use again" the saved one), the email and the phone."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QWidget

from consentinel.core.accounts import Account
from consentinel.gui.message_style import error_style

# The dialog's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate


class AccountFields:
    """The fields (`form`: their grid) for adding (account None) or editing `account`.
    `password_refused`: X said its saved password is wrong; `totp_refused`: X refused a code
    made from its saved 2FA secret. `totp_boxes_toggled` is called when "Remove" or "Use
    again" is ticked or unticked."""

    def __init__(
        self,
        account: Account | None,
        *,
        password_refused: bool,
        totp_refused: bool,
        totp_boxes_toggled: Callable[[bool], None],
    ) -> None:
        self.handle_edit = QLineEdit()
        self.handle_edit.setPlaceholderText(translate("AccountDialog", "@name"))
        self.handle_edit.setAccessibleName(translate("AccountDialog", "X handle"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(translate("AccountDialog", "Password"))
        self.totp_edit = QLineEdit()
        self.totp_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.totp_edit.setAccessibleName(translate("AccountDialog", "2FA secret"))
        self.totp_edit.setPlaceholderText(
            translate("AccountDialog", "Optional: setup key or otpauth:// link")
        )
        self.show_secrets = QCheckBox(translate("AccountDialog", "Sho&w password and secret"))
        self.show_secrets.toggled.connect(self._show_secrets)
        self.email_edit = QLineEdit()
        self.email_edit.setAccessibleName(translate("AccountDialog", "Email"))
        self.email_edit.setPlaceholderText(translate("AccountDialog", "Optional: name@example.com"))
        self.phone_edit = QLineEdit()
        self.phone_edit.setAccessibleName(translate("AccountDialog", "Phone"))
        self.phone_edit.setPlaceholderText(
            translate("AccountDialog", "Optional: +33 6 12 34 56 78")
        )
        #: Editing only: forget the 2FA secret saved (none saved: nothing happens). Hidden once
        #: a look at the keyring found none (show_totp_saved).
        self.remove_totp: QCheckBox | None = None
        #: Editing only: whether a 2FA secret is saved, once a look at the keyring has told
        #: (hidden until then, and while it cannot tell: a locked keyring).
        self.totp_saved_label: QLabel | None = None
        #: Editing an account whose saved 2FA secret X refused a code of: make codes from it
        #: again (the person may have no copy of it to type; X also refuses while it holds
        #: sign-ins back). Shown only then.
        self.use_totp_again: QCheckBox | None = None
        if account is None:
            self.password_edit.setPlaceholderText(translate("AccountDialog", "Your X password"))
        else:
            # Neutral whether a secret is saved or not (the keyring is not read to open this).
            self.password_edit.setPlaceholderText(
                translate("AccountDialog", "Leave empty to change nothing")
            )
            if password_refused:
                self.password_edit.setPlaceholderText(
                    translate("AccountDialog", "The account's current password")
                )
            self.totp_edit.setPlaceholderText(
                translate("AccountDialog", "Leave empty to change nothing")
            )
            self.remove_totp = QCheckBox(translate("AccountDialog", "&Remove the saved 2FA secret"))
            self.remove_totp.setToolTip(
                translate(
                    "AccountDialog",
                    "For an account whose 2FA was turned off on X, or whose secret should not "
                    "stay in the keyring. Nothing changes if none is saved.",
                )
            )
            self.remove_totp.toggled.connect(totp_boxes_toggled)
            self.totp_saved_label = QLabel()
            self.totp_saved_label.setWordWrap(True)
            self.totp_saved_label.hide()
            if totp_refused:
                self.use_totp_again = QCheckBox(
                    translate("AccountDialog", "&Use the saved 2FA secret again")
                )
                self.use_totp_again.setToolTip(
                    translate(
                        "AccountDialog",
                        "X refused a code made from it, and checks make none from it since. X "
                        "also refuses codes while it holds sign-ins back for a while: tick this "
                        "if the secret is this account's and this computer's clock is right.",
                    )
                )
                self.use_totp_again.toggled.connect(totp_boxes_toggled)

        self.handle_error = error_label()
        self.password_error = error_label()
        self.totp_error = error_label()
        self.email_error = error_label()
        self.phone_error = error_label()
        # Most people leave it empty; those who fill it tended to type the app's 6-digit code.
        self.totp_hint = QLabel(
            translate(
                "AccountDialog",
                "Leave it empty, and Consentinel asks you for your authenticator app's code "
                "when X asks for one. Fill it only with the setup key X showed when you turned "
                "on two-factor authentication.",
            )
            if account is None
            else translate(
                "AccountDialog",
                "Fill it only with the setup key X showed when you turned on two-factor "
                "authentication. Without one, Consentinel asks you for your authenticator "
                "app's code when X asks for one.",
            )
        )
        self.totp_hint.setWordWrap(True)
        self.totp_hint.setContentsMargins(0, 0, 0, 4)
        self.totp_edit.setAccessibleDescription(self.totp_hint.text())
        self.form = self._grid(editing=account is not None)
        if account is not None:
            self._show_handle(account)

    def _grid(self, *, editing: bool) -> QGridLayout:
        form = QGridLayout()
        rows: list[tuple[str, QLineEdit, QLabel]] = [
            # Editing, the handle is text that takes no focus (see _show_handle): an Alt letter
            # would move the focus somewhere nothing shows it.
            (
                translate("AccountDialog", "X handle:")
                if editing
                else translate("AccountDialog", "X &handle:"),
                self.handle_edit,
                self.handle_error,
            ),
            (translate("AccountDialog", "&Password:"), self.password_edit, self.password_error),
            (translate("AccountDialog", "&2FA secret:"), self.totp_edit, self.totp_error),
            (translate("AccountDialog", "&Email:"), self.email_edit, self.email_error),
            (translate("AccountDialog", "Ph&one:"), self.phone_edit, self.phone_error),
        ]
        row = 0
        for text, edit, error in rows:
            label = QLabel(text)
            if "&" in text:
                label.setBuddy(edit)
            form.addWidget(label, row, 0, Qt.AlignmentFlag.AlignRight)
            form.addWidget(edit, row, 1)
            form.addWidget(error, row + 1, 1)
            row += 2
            if edit is self.totp_edit:
                form.addWidget(self.totp_hint, row, 1)
                row += 1
                form.addWidget(self.show_secrets, row, 1)
                row += 1
                if self.totp_saved_label is not None:
                    form.addWidget(self.totp_saved_label, row, 1)
                    row += 1
                for check in (self.use_totp_again, self.remove_totp):
                    if check is not None:
                        form.addWidget(check, row, 1)
                        row += 1
        form.setColumnStretch(1, 1)
        return form

    def _show_handle(self, account: Account) -> None:
        """Editing: the account's handle, email and phone."""
        self.handle_edit.setText(f"@{account.handle}")
        # The handle is the account's identity (and its keyring entries' name): shown as
        # text, not as a field that only looks editable.
        self.handle_edit.setReadOnly(True)
        self.handle_edit.setFrame(False)
        self.handle_edit.setStyleSheet("QLineEdit { background: transparent; }")
        # Text, not a stop of Tab's (a frameless field's focus does not show): a click can
        # still select it to copy.
        self.handle_edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.handle_edit.setToolTip(
            translate(
                "AccountDialog", "To use another handle, remove this account and add the new one."
            )
        )
        self.email_edit.setText(account.email or "")
        self.phone_edit.setText(account.phone or "")

    @property
    def edits(self) -> tuple[QLineEdit, ...]:
        """The fields, in the order they are shown."""
        return (
            self.handle_edit,
            self.password_edit,
            self.totp_edit,
            self.email_edit,
            self.phone_edit,
        )

    @property
    def messages(self) -> tuple[QLabel, ...]:
        """The wrapped lines under the fields: their messages, then the 2FA secret's hint (and,
        editing, whether one is saved)."""
        saved = () if self.totp_saved_label is None else (self.totp_saved_label,)
        return (
            self.handle_error,
            self.password_error,
            self.totp_error,
            self.email_error,
            self.phone_error,
            self.totp_hint,
            *saved,
        )

    @property
    def totp(self) -> str:
        return self.totp_edit.text().strip()

    @property
    def email(self) -> str:
        return self.email_edit.text().strip()

    @property
    def phone(self) -> str:
        return self.phone_edit.text().strip()

    def set_tab_order(self) -> None:
        """Tab as they are shown: the 2FA secret's boxes come between it and the email."""
        QWidget.setTabOrder(self.handle_edit, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.totp_edit)
        QWidget.setTabOrder(self.totp_edit, self.show_secrets)
        after_secrets: list[QWidget] = [
            c for c in (self.use_totp_again, self.remove_totp) if c is not None
        ]
        for before, after in zip(
            [self.show_secrets, *after_secrets], [*after_secrets, self.email_edit], strict=True
        ):
            QWidget.setTabOrder(before, after)
        QWidget.setTabOrder(self.email_edit, self.phone_edit)

    def _show_secrets(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.password_edit.setEchoMode(mode)
        self.totp_edit.setEchoMode(mode)

    def follow_totp_boxes(self, *, no_keyring: bool) -> None:
        """A secret is removed, used again or typed: while either box is ticked, the field is
        emptied and off, and the other box off (Remove too when no keyring can be reached)."""
        removing = self.remove_totp is not None and self.remove_totp.isChecked()
        again = self.use_totp_again is not None and self.use_totp_again.isChecked()
        if removing or again:
            self.totp_edit.clear()
        self.totp_edit.setEnabled(not (removing or again))
        if self.use_totp_again is not None:
            self.use_totp_again.setEnabled(not removing)
        if self.remove_totp is not None:
            self.remove_totp.setEnabled(not again and not no_keyring)

    def show_totp_saved(self, saved: bool | None) -> None:
        """Editing: what a look at the keyring told of the 2FA secret. None saved: no "Remove"
        to offer (it would remove nothing). Not told (locked, missing): nothing said, and
        "Remove" stays, as before anything was known."""
        label, remove = self.totp_saved_label, self.remove_totp
        if label is None or remove is None:
            return
        if saved is None:
            label.hide()
        else:
            label.setText(
                translate("AccountDialog", "A 2FA secret is saved for this account.")
                if saved
                else translate("AccountDialog", "No 2FA secret is saved for this account.")
            )
            label.show()
        if saved is False:
            remove.setChecked(False)
        remove.setVisible(saved is not False)


def error_label() -> QLabel:
    """A message under a field: wrapped, in the error colour, hidden until it says something."""
    label = QLabel()
    label.setWordWrap(True)
    # Room under the last line: the grid gives a wrapped label exactly its lines' height, and
    # the field below touched the last line's descenders.
    label.setContentsMargins(0, 0, 0, 4)
    label.setStyleSheet(error_style())
    label.hide()
    return label
