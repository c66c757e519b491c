"""The add / edit account dialog: its parts (account_fields, account_boxes,
account_keyring_line) in an area that scrolls (account_form_area), what was typed checked
(account_field_problems) and saved (account_dialog_save: secrets to the keyring only)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# A name imported as itself is one this module had before its parts went to modules of their
# own: still importable from here (the validation helpers among them).
from consentinel.core.account_edits import account_changes as account_changes
from consentinel.core.account_edits import edited_onto as edited_onto
from consentinel.core.account_secrets_saving import SaveFailed as SaveFailed
from consentinel.core.account_secrets_saving import lift_refusals as lift_refusals
from consentinel.core.account_secrets_saving import take_back as take_back
from consentinel.core.account_secrets_saving import write_secrets as write_secrets
from consentinel.core.accounts import Account, validate_email, validate_phone
from consentinel.core.accounts import DuplicateAccount as DuplicateAccount
from consentinel.core.accounts import InvalidHandle as InvalidHandle
from consentinel.core.accounts import normalize_handle as normalize_handle
from consentinel.core.context import AppContext
from consentinel.core.identity_answers import answers_saved as answers_saved
from consentinel.core.status import ALL_BOXES as ALL_BOXES
from consentinel.core.status import Box as Box
from consentinel.core.totp import InvalidTotpSecret as InvalidTotpSecret
from consentinel.core.totp import parse_totp_secret
from consentinel.gui.account_boxes import BoxesToKeepOff, CheckDescription
from consentinel.gui.account_dialog_save import (
    AddedMeanwhile,
    NoSavedSecretToUseAgain,
    NothingSaved,
    SavedSecretMakesNoCode,
    added_meanwhile_words,
    changed_meanwhile_words,
    check_began_words,
    details,
    save_account,
)
from consentinel.gui.account_field_problems import field_problem, show_problems
from consentinel.gui.account_fields import AccountFields, error_label
from consentinel.gui.account_form_area import FormArea, HeightFit, room_height
from consentinel.gui.account_keyring_line import KeyringLine
from consentinel.gui.button_tab_order import tab_into_buttons
from consentinel.gui.dialog_words import box_description as box_description
from consentinel.gui.dialog_words import box_name as box_name
from consentinel.gui.keyring_look import KeyringLook, KeyringLooked, KeyringSeen
from consentinel.gui.message_style import error_style as error_style
from consentinel.gui.message_style import ok_color
from consentinel.gui.screen_room import keep_on_screen as keep_on_screen
from consentinel.gui.spoken_labels import announce as announce
from consentinel.gui.spoken_labels import heard_as_shown as heard_as_shown
from consentinel.gui.spoken_labels import say
from consentinel.gui.wrapped_labels import fit_wrapped_labels as fit_wrapped_labels

log = logging.getLogger(__name__)

# The helpers it had itself, still under the names they had here.
_CheckDescription = CheckDescription
_FormArea = FormArea
_details = details
_error_label = error_label
_problem = field_problem
_room_height = room_height

#: The dialog's narrowest, whatever its fields need (wider when they need it: see HeightFit).
_LEAST_WIDTH = 520


class AccountDialog(QDialog):
    """Add an account (account=None) or edit one. `saved_handle` is set once saved.

    Adding, "Save and add another" saves as Save does and leaves the dialog open, emptied, for
    the next account; `account_saved` is sent for each account saved, by either button.
    Editing, `under_way` says whether the account's check is under way now: a save is then
    refused (what that check signs in with and keeps off is already read)."""

    #: An account was saved (its handle as listed): sent for each one, before the dialog closes.
    account_saved = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        account: Account | None = None,
        parent: QWidget | None = None,
        *,
        under_way: Callable[[str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        #: As tall as its fields and messages need, within the screen (see _fit_error_labels),
        #: and never narrower than they need.
        self._height = HeightFit(self, self._wrapped_labels, least_width=_LEAST_WIDTH)
        self._ctx = ctx
        self._account = account
        self._under_way = under_way
        self.saved_handle: str | None = None
        #: Editing, once saved: what to tell the person when the account had been changed
        #: elsewhere (the command line, another window) since the dialog opened (None: it had
        #: not). The changes they did not make here were kept.
        self.changed_meanwhile: str | None = None
        #: No keyring could be reached (not a locked one): a secret typed cannot be saved.
        self._vault_problem: str | None = None
        #: The keyring is looked at in a thread (no unlock prompt) as the dialog
        #: opens, and again when the person comes back to it (changeEvent), at most every
        #: KEYRING_LOOK_EVERY_S as the window does: they may have started, unlocked or locked
        #: it meanwhile, as its message asks. `_seen`: what the last look found (None: none
        #: answered yet).
        # Editing, a look at a usable keyring also reads whether a 2FA secret is saved (no
        # other secret read): the "Remove" box offered only when there is one to remove.
        self._keyring_look = KeyringLook(
            ctx.vault, self, totp_of=account.handle if account is not None else None
        )
        self._keyring_look.found.connect(self._keyring_found)
        self._seen: KeyringSeen | None = None
        #: A save failed for want of a keyring reached: why, as it said (the next look says
        #: it on the keyring line too).
        self._unreached: str | None = None
        self._been_active = False
        #: X said the saved password is wrong (the row says to change it here): said at the
        #: password field until one is typed.
        self._password_refused = (
            account is not None and ctx.accounts.state(account.handle).password_rejected
        )
        # Editing, the title names the account: with several open, or the window behind
        # showing thirty, which one this is shows in the title bar and the taskbar.
        self.setWindowTitle(
            self.tr("Edit @{handle}").replace("{handle}", account.handle)
            if account
            else self.tr("Add an account")
        )
        self.setMinimumWidth(_LEAST_WIDTH)

        self.fields = AccountFields(
            account,
            password_refused=self._password_refused,
            totp_refused=(
                account is not None and ctx.accounts.state(account.handle).refused_totp is not None
            ),
            totp_boxes_toggled=self._removing_totp,
        )
        self.handle_edit = self.fields.handle_edit
        self.password_edit = self.fields.password_edit
        self.totp_edit = self.fields.totp_edit
        self.show_secrets = self.fields.show_secrets
        self.email_edit = self.fields.email_edit
        self.phone_edit = self.fields.phone_edit
        self.remove_totp = self.fields.remove_totp
        self.use_totp_again = self.fields.use_totp_again
        self.handle_error = self.fields.handle_error
        self.password_error = self.fields.password_error
        self.totp_error = self.fields.totp_error
        self.email_error = self.fields.email_error
        self.phone_error = self.fields.phone_error
        self.totp_hint = self.fields.totp_hint

        self.boxes = BoxesToKeepOff(account)
        self.box_checks = self.boxes.checks
        self.box_descriptions = self.boxes.descriptions
        self._meaning = self.boxes.meaning

        self.keyring_line = KeyringLine()
        self.vault_label = self.keyring_line.label
        self.save_error = error_label()
        #: "@alice saved. Add the next one.": after "Save and add another".
        self.saved_note = QLabel()
        self.saved_note.setWordWrap(True)
        self.saved_note.setStyleSheet(f"color: {ok_color()};")
        self.saved_note.setAccessibleDescription(self.tr("Account saved"))
        self.saved_note.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        #: Adding only: saves, then empties the dialog for the next account (Enter stays Save).
        self.save_another_button: QPushButton | None = None
        if account is None:
            self.save_another_button = self.buttons.addButton(
                self.tr("Save and add &another"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.save_another_button.setToolTip(
                self.tr("Save this account, then add the next one in this same dialog")
            )
            self.save_another_button.clicked.connect(self.save_and_add_another)
        # Ctrl+S as well as the Alt+S mnemonic (setShortcut would replace the mnemonic).
        QShortcut(QKeySequence.StandardKey.Save, self, self._save_if_enabled)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        # The fields scroll when the screen is too small for them (large text, 200 % on a
        # small screen), as the settings do: Save and Cancel always stay in view.
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(self.fields.form)
        content_layout.addWidget(self.boxes.group)
        content_layout.addWidget(self.vault_label)
        self.form_area = self._height.area = FormArea(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form_area, 1)
        layout.addWidget(self.save_error)
        layout.addWidget(self.saved_note)
        layout.addWidget(self.buttons)
        # Once it is the dialog's own: a default set before is forgotten as soon as the
        # focus passes over Cancel, and Enter would then cancel what was typed.
        self.save_button.setDefault(True)

        self._touched: set[QLineEdit] = set()
        for edit in self.fields.edits:
            edit.textEdited.connect(lambda _text, e=edit: self._edited(e))
        self.vault_label.setText(self.tr("Looking at the keyring…"))
        self._keyring_look.look()
        self._validate()
        self.fields.set_tab_order()
        #: The last control above the buttons: Tab goes from it to them (see showEvent).
        self._above_buttons: QWidget = self.phone_edit
        for check in self.box_checks.values():
            self.setTabOrder(self._above_buttons, check)
            self._above_buttons = check
        (self.password_edit if account else self.handle_edit).setFocus()

    # -- state ----------------------------------------------------------------------------------

    def _removing_totp(self, _ticked: bool = False) -> None:
        """A secret is removed, used again or typed (see AccountFields.follow_totp_boxes)."""
        self.fields.follow_totp_boxes(no_keyring=self._vault_problem is not None)
        self._validate()

    def done(self, result: int) -> None:
        # A look put off for its time would look for a dialog no one sees any more.
        self._keyring_look.stop()
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() != QEvent.Type.ActivationChange or not self.isActiveWindow():
            return
        if not self._been_active:  # opening: the look begun then covers it
            self._been_active = True
            return
        # Back from a terminal where a keyring was started or installed, or from the desktop's
        # keyring, unlocked or locked: said (and Save unblocked) without closing the dialog
        # and typing everything again.
        self.look_at_the_keyring()

    def look_at_the_keyring(self) -> None:
        """Look at the keyring again, in a thread, at most every KEYRING_LOOK_EVERY_S (sooner:
        once that time has passed); once the look under way has answered, if there is one."""
        self._keyring_look.look_when_due()

    @property
    def keyring_seen(self) -> KeyringSeen | None:
        """What the last look at the keyring found (None: none has answered yet)."""
        return self._seen

    def _keyring_found(self, looked: KeyringLooked) -> None:
        self._seen = looked.seen
        missing = looked.seen is KeyringSeen.MISSING
        self._vault_problem = looked.words if missing else None
        self.keyring_line.show(looked)
        if missing and self._unreached == looked.words and self.save_error.text():
            # The line now says why the save failed: not said twice, one under the other.
            self.save_error.setText(self.tr("Nothing was saved."))
        self._unreached = None
        self.fields.show_totp_saved(looked.totp_saved)
        # (nothing can be removed without a keyring either; _removing_totp validates)
        self._removing_totp()

    def _edited(self, edit: QLineEdit) -> None:
        self._touched.add(edit)
        self.save_error.clear()
        self.save_error.hide()
        self._validate()

    def _validate(self) -> bool:
        """Show what is wrong under each field; Save only when everything is right."""
        wrong = show_problems(
            self.fields,
            self._ctx,
            touched=self._touched,
            editing=self._account is not None,
            password_refused=self._password_refused,
        )
        # Without a keyring, an account can still be saved with no secret typed (one that signs
        # in with Google or Apple), as `consentinel account add` allows.
        secret_typed = bool(self.password_edit.text() or self.totp)
        blocks = self._vault_problem is not None and secret_typed
        valid = not wrong and not blocks
        self.keyring_line.say_blocks(
            blocks,
            ((self.password_edit, self.password_error), (self.totp_edit, self.totp_error)),
        )
        self.save_button.setEnabled(valid)
        if self.save_another_button is not None:
            self.save_another_button.setEnabled(valid)
        self._fit_error_labels()
        return valid

    def _fit_error_labels(self) -> None:
        """The dialog's messages wrapped, and its height fitted to them (HeightFit.fit)."""
        self._height.fit()

    def _wrapped_labels(self) -> tuple[QLabel, ...]:
        return (
            *self.fields.messages,
            self.save_error,
            self.saved_note,
            self._meaning,
            self.vault_label,
            *self.box_descriptions.values(),
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Save, Save and add another, Cancel: as they are seen (Qt's chain reached Cancel first).
        tab_into_buttons(self._above_buttons, self.buttons)
        self._fit_error_labels()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._height.resized(event)
        self._fit_error_labels()

    @property
    def totp(self) -> str:
        return self.fields.totp

    @property
    def email(self) -> str:
        return self.fields.email

    @property
    def phone(self) -> str:
        return self.fields.phone

    # -- saving ---------------------------------------------------------------------------------

    def save(self) -> None:
        """Save (see _save) and close."""
        handle = self._save()
        if handle is not None:
            self.accept()

    def save_and_add_another(self) -> None:
        """Save as Save does, then empty the dialog for the next account and say which one was
        saved; the focus goes back to the handle. The boxes chosen stay chosen (most people
        keep the same ones off on every account); nothing typed stays, secrets least of all."""
        if self._account is not None:
            return
        handle = self._save()
        if handle is None:
            return
        for edit in self.fields.edits:
            edit.clear()
        self._touched.clear()
        self._validate()
        words = self.tr("@{handle} saved. Add the next one.").replace("{handle}", handle)
        self.saved_note.setText(words)  # (before it shows: an empty label has no height)
        self.saved_note.show()
        say(self.saved_note, words)  # (read out: the focus moved to the handle)
        self._fit_error_labels()
        self.handle_edit.setFocus()

    def _save(self) -> str | None:
        """What was typed checked again, then saved (account_dialog_save.save_account). Any
        failure saves nothing, and is said. Returns the handle saved (None: nothing was)."""
        if not self._validate():
            return None
        editing = self._account
        if editing is not None and self._under_way is not None and self._under_way(editing.handle):
            # Its check read the boxes to keep off when it began, and reads its secrets when
            # it signs in: a change now would be half used, or undone by what X says of the
            # old password.
            self._fail(check_began_words(editing.handle))
            return None
        try:
            account = Account(
                handle=self._account.handle if self._account else self.handle_edit.text(),
                email=validate_email(self.email) if self.email else None,
                phone=validate_phone(self.phone) if self.phone else None,
                keep=self.boxes.kept_off(),
                **({"added_at": self._account.added_at} if self._account else {}),
            )
        except ValueError as error:  # validated above; kept for the message if it changes
            self._fail(str(error))
            return None
        password = self.password_edit.text()
        totp = parse_totp_secret(self.totp) if self.totp else None
        try:
            before, account = save_account(
                self._ctx,
                self._account,
                account,
                password=password,
                totp=totp,
                remove_totp=self.remove_totp is not None and self.remove_totp.isChecked(),
                totp_again=self.use_totp_again is not None and self.use_totp_again.isChecked(),
            )
        except AddedMeanwhile as added:
            self._validate()  # (the handle field says it is listed now; Save is disabled)
            listed = self._ctx.accounts.get(added.handle)  # (named as listed: @fay, not @Fay)
            self._fail(added_meanwhile_words(listed.handle if listed else added.handle))
            return None
        except (SavedSecretMakesNoCode, NoSavedSecretToUseAgain) as error:
            # What cannot be done is unticked: the field (and "Remove") it said to use are on.
            if self.use_totp_again is not None:
                self.use_totp_again.setChecked(False)
            self._fail(str(error))
            self.totp_edit.setFocus()
            return None
        except NothingSaved as error:
            self._fail(str(error))
            self._unreached = _keyring_not_reached(error)
            if self._unreached is not None:
                # The line under the fields still says the keyring keeps the secrets: looked at
                # again now (not only once the person comes back to the dialog).
                self._keyring_look.look()
            return None
        if before is not None:
            self.changed_meanwhile = changed_meanwhile_words(self._account, before)
        # The secrets are in the keyring now; do not keep a copy in the widgets.
        self.password_edit.clear()
        self.totp_edit.clear()
        log.info("account @%s saved", account.handle)
        self.saved_handle = account.handle
        self.saved_note.hide()
        self.account_saved.emit(account.handle)
        return account.handle

    def _save_if_enabled(self) -> None:
        if self.save_button.isEnabled():
            self.save()

    def _fail(self, message: str) -> None:
        self.saved_note.hide()  # (what was saved before is not what this says)
        self.save_error.setText(message)
        self.save_error.show()
        self._fit_error_labels()


def _keyring_not_reached(error: BaseException) -> str | None:
    """Why a save failed, when it is that no keyring could be reached (the VaultUnavailable
    behind the NothingSaved and SaveFailed it is wrapped in); None otherwise."""
    from consentinel.core.vault import VaultUnavailable

    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, VaultUnavailable):
            return str(cause)
        cause = cause.__cause__
    return None
