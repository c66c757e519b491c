"""The add / edit account dialog: handle, secrets (to the keyring only), email, phone, boxes."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QMouseEvent, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from consentinel.core.account_edits import account_changes, edited_onto
from consentinel.core.accounts import (
    Account,
    DuplicateAccount,
    InvalidHandle,
    normalize_handle,
    validate_email,
    validate_phone,
)
from consentinel.core.context import AppContext
from consentinel.core.identity_answers import answers_saved
from consentinel.core.status import ALL_BOXES, Box
from consentinel.core.totp import InvalidTotpSecret, parse_totp_secret
from consentinel.gui.account_saving import SaveFailed, lift_refusals, take_back, write_secrets
from consentinel.gui.button_tab_order import tab_into_buttons
from consentinel.gui.dialog_words import box_description, box_name
from consentinel.gui.keyring_look import KeyringLook, KeyringLooked, KeyringSeen
from consentinel.gui.message_style import error_style, ok_color
from consentinel.gui.screen_room import keep_on_screen
from consentinel.gui.spoken_labels import announce, heard_as_shown, say
from consentinel.gui.wrapped_labels import fit_wrapped_labels

log = logging.getLogger(__name__)

# Colour of the inline messages; readable on light and dark palettes alike.


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
        #: How much taller (or shorter) than its fields need the person made it (0: as they
        #: need, within the screen), what they needed then, and the heights it gave itself
        #: (see _fit_error_labels: the window system's word of them may come late).
        self._offset = 0
        self._natural = 0
        self._asked_heights: set[int] = set()
        self._fitting = False  # (its own resizing calls resizeEvent: not fitted again within)
        self._ctx = ctx
        self._account = account
        #: Whether Save is greyed for want of a keyring alone (a secret typed): said once.
        self._keyring_blocks = False
        self._under_way = under_way
        self.saved_handle: str | None = None
        #: Editing, once saved: what to tell the person when the account had been changed
        #: elsewhere (the command line, another window) since the dialog opened (None: it had
        #: not). The changes they did not make here were kept.
        self.changed_meanwhile: str | None = None
        #: No keyring could be reached (not a locked one): a secret typed cannot be saved.
        self._vault_problem: str | None = None
        #: The keyring is looked at in a thread (no unlock prompt, nothing read) as the dialog
        #: opens, and again when the person comes back to it (changeEvent), at most every
        #: KEYRING_LOOK_EVERY_S as the window does: they may have started, unlocked or locked
        #: it meanwhile, as its message asks. `_seen`: what the last look found (None: none
        #: answered yet).
        self._keyring_look = KeyringLook(ctx.vault, self)
        self._keyring_look.found.connect(self._keyring_found)
        self._seen: KeyringSeen | None = None
        self._been_active = False
        #: X said the saved password is wrong (the row says to change it here): said at the
        #: password field until one is typed.
        self._password_refused = (
            account is not None and ctx.accounts.state(account.handle).password_rejected
        )
        self.setWindowTitle(self.tr("Edit account") if account else self.tr("Add an account"))
        self.setMinimumWidth(520)

        self.handle_edit = QLineEdit()
        self.handle_edit.setPlaceholderText(self.tr("@name"))
        self.handle_edit.setAccessibleName(self.tr("X handle"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.totp_edit = QLineEdit()
        self.totp_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.totp_edit.setAccessibleName(self.tr("2FA secret"))
        self.totp_edit.setPlaceholderText(self.tr("Optional: setup key or otpauth:// link"))
        self.show_secrets = QCheckBox(self.tr("Sho&w password and secret"))
        self.show_secrets.toggled.connect(self._show_secrets)
        self.email_edit = QLineEdit()
        self.email_edit.setAccessibleName(self.tr("Email"))
        self.email_edit.setPlaceholderText(self.tr("Optional: name@example.com"))
        self.phone_edit = QLineEdit()
        self.phone_edit.setAccessibleName(self.tr("Phone"))
        self.phone_edit.setPlaceholderText(self.tr("Optional: +33 6 12 34 56 78"))
        #: Editing only: forget the 2FA secret saved (none saved: nothing happens).
        self.remove_totp: QCheckBox | None = None
        #: Editing an account whose saved 2FA secret X refused a code of: make codes from it
        #: again (the person may have no copy of it to type; X also refuses while it holds
        #: sign-ins back). Shown only then.
        self.use_totp_again: QCheckBox | None = None
        if account is None:
            self.password_edit.setPlaceholderText(self.tr("Your X password"))
        else:
            # Neutral whether a secret is saved or not (the keyring is not read to open this).
            self.password_edit.setPlaceholderText(self.tr("Leave empty to change nothing"))
            if self._password_refused:
                self.password_edit.setPlaceholderText(self.tr("The account's current password"))
            self.totp_edit.setPlaceholderText(self.tr("Leave empty to change nothing"))
            self.remove_totp = QCheckBox(self.tr("&Remove the saved 2FA secret"))
            self.remove_totp.setToolTip(
                self.tr(
                    "For an account whose 2FA was turned off on X, or whose secret should not "
                    "stay in the keyring. Nothing changes if none is saved."
                )
            )
            self.remove_totp.toggled.connect(self._removing_totp)
            if ctx.accounts.state(account.handle).refused_totp is not None:
                self.use_totp_again = QCheckBox(self.tr("&Use the saved 2FA secret again"))
                self.use_totp_again.setToolTip(
                    self.tr(
                        "X refused a code made from it, and checks make none from it since. X "
                        "also refuses codes while it holds sign-ins back for a while: tick this "
                        "if the secret is this account's and this computer's clock is right."
                    )
                )
                self.use_totp_again.toggled.connect(self._removing_totp)

        self.handle_error = _error_label()
        self.password_error = _error_label()
        self.totp_error = _error_label()
        self.email_error = _error_label()
        self.phone_error = _error_label()
        # Most people leave it empty; those who fill it tended to type the app's 6-digit code.
        self.totp_hint = QLabel(
            self.tr(
                "Leave it empty, and Consentinel asks you for your authenticator app's code "
                "when X asks for one. Fill it only with the setup key X showed when you turned "
                "on two-factor authentication."
            )
            if account is None
            else self.tr(
                "Fill it only with the setup key X showed when you turned on two-factor "
                "authentication. Without one, Consentinel asks you for your authenticator "
                "app's code when X asks for one."
            )
        )
        self.totp_hint.setWordWrap(True)
        self.totp_hint.setContentsMargins(0, 0, 0, 4)
        self.totp_edit.setAccessibleDescription(self.totp_hint.text())

        form = QGridLayout()
        rows: list[tuple[str, QLineEdit, QLabel]] = [
            # Editing, the handle is text that takes no focus (see below): an Alt letter would
            # move the focus somewhere nothing shows it.
            (
                self.tr("X handle:") if account else self.tr("X &handle:"),
                self.handle_edit,
                self.handle_error,
            ),
            (self.tr("&Password:"), self.password_edit, self.password_error),
            (self.tr("&2FA secret:"), self.totp_edit, self.totp_error),
            (self.tr("&Email:"), self.email_edit, self.email_error),
            (self.tr("Ph&one:"), self.phone_edit, self.phone_error),
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
                for check in (self.use_totp_again, self.remove_totp):
                    if check is not None:
                        form.addWidget(check, row, 1)
                        row += 1
        form.setColumnStretch(1, 1)

        self.box_checks: dict[Box, QCheckBox] = {}
        # Said as what happens on X: a box ticked here is a setting switched off there, and
        # the words say so without asking the person to invert ticks in their head.
        boxes = QGroupBox(self.tr("Switch off on X:"))
        boxes.setAccessibleName(self.tr("Switch off on X"))
        box_layout = QVBoxLayout(boxes)
        meaning = self._meaning = QLabel(
            self.tr(
                "Each setting ticked here is switched off on X's Grok settings page, and "
                "switched off again whenever X turns it back on. Training is always switched "
                "off."
            )
        )
        meaning.setWordWrap(True)
        box_layout.addWidget(meaning)
        #: What each box allows, wrapped under its name: on one line with it, a check box
        #: (which does not wrap) was wider than a small screen, its end cut off.
        self.box_descriptions: dict[Box, QLabel] = {}
        for box in ALL_BOXES:
            check = QCheckBox(self._box_label(box))
            check.setAccessibleName(box_name(box))
            check.setAccessibleDescription(box_description(box))
            check.setChecked(account is None or box in account.keep)
            description = _CheckDescription(box_description(box), check)
            if box is Box.TRAINING:
                # Keeping training off is the point of the app: it cannot be unticked.
                check.setChecked(True)
                check.setEnabled(False)
                check.setToolTip(self.tr("Training is always switched off."))
                description.setEnabled(False)
            pair = QVBoxLayout()
            pair.setSpacing(0)  # (the words under the box are its own)
            pair.addWidget(check)
            pair.addWidget(description)
            box_layout.addLayout(pair)
            self.box_checks[box] = check
            self.box_descriptions[box] = description

        self.vault_label = QLabel()
        self.vault_label.setWordWrap(True)
        # Read by its words ("Secrets cannot be stored. No system keyring…"), not a fixed name.
        heard_as_shown(self.vault_label, self.tr("Where secrets are stored"))
        self.save_error = _error_label()
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
        content_layout.addLayout(form)
        content_layout.addWidget(boxes)
        content_layout.addWidget(self.vault_label)
        self.form_area = _FormArea(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form_area, 1)
        layout.addWidget(self.save_error)
        layout.addWidget(self.saved_note)
        layout.addWidget(self.buttons)
        # Once it is the dialog's own: a default set before is forgotten as soon as the
        # focus passes over Cancel, and Enter would then cancel what was typed.
        self.save_button.setDefault(True)

        if account is not None:
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
                self.tr("To use another handle, remove this account and add the new one.")
            )
            self.email_edit.setText(account.email or "")
            self.phone_edit.setText(account.phone or "")
        self._touched: set[QLineEdit] = set()
        for edit in (
            self.handle_edit,
            self.password_edit,
            self.totp_edit,
            self.email_edit,
            self.phone_edit,
        ):
            edit.textEdited.connect(lambda _text, e=edit: self._edited(e))
        self.vault_label.setText(self.tr("Looking at the keyring…"))
        self._keyring_look.look()
        self._validate()
        self.setTabOrder(self.handle_edit, self.password_edit)
        self.setTabOrder(self.password_edit, self.totp_edit)
        self.setTabOrder(self.totp_edit, self.show_secrets)
        after_secrets: list[QWidget] = [
            c for c in (self.use_totp_again, self.remove_totp) if c is not None
        ]
        for before, after in zip(
            [self.show_secrets, *after_secrets], [*after_secrets, self.email_edit], strict=True
        ):
            self.setTabOrder(before, after)
        self.setTabOrder(self.email_edit, self.phone_edit)
        #: The last control above the buttons: Tab goes from it to them (see showEvent).
        self._above_buttons: QWidget = self.phone_edit
        for check in self.box_checks.values():
            self.setTabOrder(self._above_buttons, check)
            self._above_buttons = check
        (self.password_edit if account else self.handle_edit).setFocus()

    def _box_label(self, box: Box) -> str:
        """A box's name as DialogWords says it, with this dialog's Alt letter (Training has
        none: it cannot be unticked)."""
        if box is Box.PERSONALIZATION:
            return self.tr("Perso&nalization")
        if box is Box.MEMORY:
            return self.tr("&Memory")
        return box_name(box)

    # -- state ----------------------------------------------------------------------------------

    def _show_secrets(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.password_edit.setEchoMode(mode)
        self.totp_edit.setEchoMode(mode)

    def _removing_totp(self, _ticked: bool = False) -> None:
        """A secret is removed, used again or typed: while either box is ticked, the field is
        emptied and off, and the other box off."""
        removing = self.remove_totp is not None and self.remove_totp.isChecked()
        again = self.use_totp_again is not None and self.use_totp_again.isChecked()
        if removing or again:
            self.totp_edit.clear()
        self.totp_edit.setEnabled(not (removing or again))
        if self.use_totp_again is not None:
            self.use_totp_again.setEnabled(not removing)
        if self.remove_totp is not None:
            self.remove_totp.setEnabled(not again and self._vault_problem is None)
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
        if looked.seen is KeyringSeen.USABLE:
            self.vault_label.setText(
                self.tr("Password and 2FA secret are kept by {keyring}, never in a file.").replace(
                    "{keyring}", looked.words
                )
            )
            self.vault_label.setStyleSheet("")
        else:
            # A locked keyring's sentence (the window's own) says what saving does meanwhile:
            # it asks for the keyring's password, and Save stays.
            text = looked.words
            if missing:
                text = self.tr("Secrets cannot be stored. {problem}").replace("{problem}", text)
            self.vault_label.setText(text)
            self.vault_label.setStyleSheet(error_style())
        # (nothing can be removed without a keyring either; _removing_totp validates)
        self._removing_totp()

    def _edited(self, edit: QLineEdit) -> None:
        self._touched.add(edit)
        self.save_error.clear()
        self.save_error.hide()
        self._validate()

    def _validate(self) -> bool:
        """Show what is wrong under each field; Save only when everything is right."""
        problems = [
            self._show(self.handle_edit, self.handle_error, self._handle_problem()),
            self._show(self.password_edit, self.password_error, self._password_problem()),
            self._show(self.totp_edit, self.totp_error, _problem(parse_totp_secret, self.totp)),
            self._show(self.email_edit, self.email_error, _problem(validate_email, self.email)),
            self._show(self.phone_edit, self.phone_error, _problem(validate_phone, self.phone)),
        ]
        # A problem with the 2FA secret says what to do instead: the hint would repeat it.
        self.totp_hint.setHidden(bool(self.totp_error.text()))
        note = self._password_note()
        # (a note for a new account is advice; the saved password refused is a problem)
        advice = note is not None and self._account is None
        self.password_error.setStyleSheet("" if advice else error_style())
        if note:
            self.password_error.setText(note)
            self.password_error.setVisible(True)
            if not advice:  # (the problem is the field's; advice stays the label's)
                self.password_edit.setAccessibleDescription(note)
        # Without a keyring, an account can still be saved with no secret typed (one that signs
        # in with Google or Apple), as `consentinel account add` allows.
        secret_typed = bool(self.password_edit.text() or self.totp)
        blocks = self._vault_problem is not None and secret_typed
        valid = not any(problems) and not blocks
        self._say_keyring_blocks(blocks)
        self.save_button.setEnabled(valid)
        if self.save_another_button is not None:
            self.save_another_button.setEnabled(valid)
        self._fit_error_labels()
        return valid

    def _fit_error_labels(self) -> None:
        """The messages' lines (French ones take two or three), once the form has laid out
        the labels just shown at their real width; then the dialog as tall as everything
        needs at this width (a message grows it, and it gives the room back once the message
        goes), give or take what the person resized it by, and never taller than the screen:
        the fields scroll, the buttons stay in view. Again until the lines settle (a height
        that brings or drops the scroll bar changes the fields' width, and so their lines)."""
        layout = self.layout()
        if layout is None or not self.isVisible() or self._fitting:
            return
        self._fitting = True
        try:
            for _ in range(4):
                if not self._fit_once(layout):
                    break
        finally:
            self._fitting = False

    def _fit_once(self, layout: QLayout) -> bool:
        """One pass of _fit_error_labels; returns whether it changed the dialog's height."""
        layout.activate()
        fit_wrapped_labels(
            self,
            (
                self.handle_error,
                self.password_error,
                self.totp_error,
                self.email_error,
                self.phone_error,
                self.totp_hint,
                self.save_error,
                self.saved_note,
                self._meaning,
                self.vault_label,
                *self.box_descriptions.values(),
            ),
        )
        self.form_area.fit_width()
        self.form_area.refit()
        layout.activate()
        self._natural = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        height = self._natural + self._offset
        room = _room_height(self)
        if room is not None:
            height = min(height, room)
        height = max(height, layout.totalMinimumSize().height())
        self._asked_heights.add(height)
        if height == self.height():
            return False
        self.resize(self.width(), height)
        keep_on_screen(self)  # (grown downwards: its bottom, and the buttons, in view)
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Save, Save and add another, Cancel: as they are seen (Qt's chain reached Cancel first).
        tab_into_buttons(self._above_buttons, self.buttons)
        self._fit_error_labels()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        height = event.size().height()
        if event.spontaneous() and height not in self._asked_heights and self._natural:
            self._offset = height - self._natural  # the person made it so tall
            self._asked_heights.clear()
        self._fit_error_labels()

    def _say_keyring_blocks(self, blocks: bool) -> None:
        """With no keyring, a secret typed greys Save and only the keyring's line says why:
        that line is what a screen reader says on the secrets typed (as a problem under a
        field is), announced when Save greys (the focus stays in the field)."""
        if blocks:
            said = self.vault_label.text()
            for edit, error in (
                (self.password_edit, self.password_error),
                (self.totp_edit, self.totp_error),
            ):
                if edit.text() and not error.text():
                    edit.setAccessibleDescription(said)
            if not self._keyring_blocks:
                announce(self.vault_label, said)
        self._keyring_blocks = blocks

    def _show(self, edit: QLineEdit, label: QLabel, problem: str | None) -> str | None:
        # An untouched empty field of a new account is not an error yet, but still blocks Save.
        shown = problem if (edit in self._touched or edit.text()) else None
        label.setText(shown or "")
        label.setVisible(bool(shown))
        # What a screen reader says on the field: the problem under it, not only its placeholder
        # (else the hint under it, for the 2FA secret).
        hint = self.totp_hint.text() if edit is self.totp_edit else ""
        edit.setAccessibleDescription(shown or hint)
        return problem

    def _handle_problem(self) -> str | None:
        if self._account is not None:
            return None
        try:
            handle = normalize_handle(self.handle_edit.text())
        except InvalidHandle as error:
            return str(error)
        listed = self._ctx.accounts.get(handle)
        if listed is not None:  # named as listed: handles are case-insensitive (ALICE: @alice)
            return self.tr("@{handle} is already in your accounts.").replace(
                "{handle}", listed.handle
            )
        return None

    def _password_problem(self) -> str | None:
        return None  # none is needed: see _password_note

    def _password_note(self) -> str | None:
        """A new account saved without a password (one that signs in to X with Google or
        Apple has none): what to do next, said before it is saved. Editing an account whose
        saved password X refused: that it did, until a new one is typed."""
        if self.password_edit.text():
            return None
        if self._account is not None:
            if not self._password_refused:
                return None
            return self.tr(
                "X said the saved password is wrong: type the account's current password. "
                "Checks sign in with it once it is saved."
            )
        if self.handle_edit.text().strip() == "" or self._handle_problem() is not None:
            return None
        return self.tr(
            "No password? If this account signs in to X with Google or Apple, save it without "
            "one, then use “Sign in yourself…” once: Consentinel keeps that session."
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
        for edit in (
            self.handle_edit,
            self.password_edit,
            self.totp_edit,
            self.email_edit,
            self.phone_edit,
        ):
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
        """Secrets to the keyring first; only then the account. Any failure saves nothing, and
        is said. Returns the handle saved (None: nothing was)."""
        if not self._validate():
            return None
        editing = self._account
        if editing is not None and self._under_way is not None and self._under_way(editing.handle):
            # Its check read the boxes to keep off when it began, and reads its secrets when
            # it signs in: a change now would be half used, or undone by what X says of the
            # old password.
            self._fail(
                self.tr(
                    "The check of @{handle} began meanwhile: nothing was saved. Save again once "
                    "its check ends."
                ).replace("{handle}", editing.handle)
            )
            return None
        keep = frozenset(box for box, check in self.box_checks.items() if check.isChecked())
        try:
            account = Account(
                handle=self._account.handle if self._account else self.handle_edit.text(),
                email=validate_email(self.email) if self.email else None,
                phone=validate_phone(self.phone) if self.phone else None,
                keep=keep,
                **({"added_at": self._account.added_at} if self._account else {}),
            )
        except ValueError as error:  # validated above; kept for the message if it changes
            self._fail(str(error))
            return None
        password = self.password_edit.text()
        totp = parse_totp_secret(self.totp) if self.totp else None
        remove_totp = self.remove_totp is not None and self.remove_totp.isChecked()
        again = self.use_totp_again is not None and self.use_totp_again.isChecked()
        # The keyring first, the account list not held: a keyring may ask the person (its
        # unlock, "allow access") and wait as long as they take, and every other writer of the
        # list (the command line, a scheduled check in another process, another window, this
        # window's checks) would wait as long. Then, held, only the list: looked at again,
        # written, and X's refusals lifted where they are still the ones seen before the
        # keyring was written (account_saving.write_secrets: what a check may read between).
        try:
            written = write_secrets(
                self._ctx,
                account,
                new=self._account is None,
                password=password,
                totp=totp,
                remove_totp=remove_totp,
            )
        except DuplicateAccount:  # (listed before any secret was written: none was)
            self._say_added_meanwhile(account.handle)
            return None
        except (SaveFailed, OSError, KeyError) as error:  # (KeyError: removed meanwhile)
            self._fail(self.tr("Nothing was saved: {problem}").replace("{problem}", str(error)))
            return None
        saved = False
        try:
            with self._ctx.accounts.editing():
                before, account = self._save_locked(account)
                saved = True
                if self._account is not None:
                    lift_refusals(self._ctx, written, totp_again=again)
        except DuplicateAccount:
            # Added meanwhile: the secrets in the keyring are that account's (see
            # account_saving.write_secrets for the one case they may not be).
            take_back(self._ctx, written, written.previous)
            self._say_added_meanwhile(account.handle)
            return None
        except KeyError as error:  # UnknownAccount: removed meanwhile, its secrets with it
            take_back(self._ctx, written, (None, None))
            self._fail(self.tr("Nothing was saved: {problem}").replace("{problem}", str(error)))
            return None
        except OSError as error:  # the list held too long elsewhere, or unwritable
            if saved:  # (the account is saved: not "nothing was saved")
                raise
            take_back(self._ctx, written, written.previous)
            self._fail(self.tr("Nothing was saved: {problem}").replace("{problem}", str(error)))
            return None
        if self._account is None or before is None:
            self._ctx.journal.append_account_added(account.handle, keep=account.keep)
        else:
            self._say_if_changed_meanwhile(before)
            answers_saved(self._ctx, before, account)  # (refusals no longer told go)
            # What this save changed of the account as it was listed: not of the account as
            # the dialog opened on it, which another edit may have changed meanwhile.
            changes = account_changes(
                before,
                account,
                password=bool(password),
                totp=bool(totp),
                totp_removed=written.totp_removed,
                totp_used_again=again and not totp,
            )
            self._ctx.journal.record_account_edited(account.handle, changes)
        # The secrets are in the keyring now; do not keep a copy in the widgets.
        self.password_edit.clear()
        self.totp_edit.clear()
        log.info("account @%s saved", account.handle)
        self.saved_handle = account.handle
        self.saved_note.hide()
        self.account_saved.emit(account.handle)
        return account.handle

    def _say_added_meanwhile(self, handle: str) -> None:
        self._validate()  # (the handle field says it is listed now; Save is disabled)
        listed = self._ctx.accounts.get(handle)  # (named as listed: @fay, not @Fay)
        self._fail(
            self.tr(
                "@{handle} was added meanwhile, by the command line or another window: "
                "nothing was saved, and the secrets it was added with were left as they were."
            ).replace("{handle}", listed.handle if listed else handle)
        )

    def _say_if_changed_meanwhile(self, listed: Account) -> None:
        """`changed_meanwhile` set when the account `listed` as this save found it is not the
        one the dialog opened on."""
        opened = self._account
        if opened is None or _details(listed) == _details(opened):
            return
        self.changed_meanwhile = self.tr(
            "@{handle} saved. It had been changed meanwhile, by the command line or another "
            "window: those changes were kept, except where you changed the same detail here."
        ).replace("{handle}", listed.handle)

    def _save_locked(self, account: Account) -> tuple[Account | None, Account]:
        """Within AccountStore.editing(), the secrets in the keyring already: the account
        added (DuplicateAccount: listed meanwhile), or what the person changed here applied
        onto the account as listed now (UnknownAccount: removed meanwhile), so that an edit
        saved meanwhile elsewhere (`consentinel account edit`, another window) keeps the rest.
        Returns the account as listed before (None: a new one) and as saved."""
        opened = self._account
        if opened is None:
            self._ctx.accounts.add(account)
            return None, account
        return self._ctx.accounts.change_account(
            account.handle, lambda listed: edited_onto(opened, account, listed)
        )

    def _save_if_enabled(self) -> None:
        if self.save_button.isEnabled():
            self.save()

    def _fail(self, message: str) -> None:
        self.saved_note.hide()  # (what was saved before is not what this says)
        self.save_error.setText(message)
        self.save_error.show()
        self._fit_error_labels()


class _FormArea(QScrollArea):
    """The dialog's fields, scrolled when the screen is too small for them; as tall as they
    need otherwise (a scroll area's own wish stops at 24 lines)."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)
        # Not a stop of its own in the Tab order: the area scrolls to the field that has focus.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def fit_width(self) -> None:
        """As wide as the fields' narrowest, with room for the scroll bar: nothing is cut on
        the right (it does not scroll sideways)."""
        content = self.widget()
        if content is not None:
            bar = self.verticalScrollBar().sizeHint().width()
            self.setMinimumWidth(content.minimumSizeHint().width() + bar)

    def refit(self) -> None:
        """Its height asked again from what its fields need now (a message shown or hidden
        among them: their layout may not have been told yet)."""
        content = self.widget()
        layout = content.layout() if content is not None else None
        if layout is not None:
            layout.invalidate()
            layout.activate()
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        content = self.widget()
        layout = content.layout() if content is not None else None
        if layout is None:
            return hint
        width = self.viewport().width()
        needed = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth() and width > 0
            else layout.totalSizeHint().height()
        )
        return QSize(hint.width(), needed + 2 * self.frameWidth())


class _CheckDescription(QLabel):
    """What a box allows, wrapped under its check box's words, in line with them; a click
    on it ticks or unticks the box, as a click on the words does."""

    def __init__(self, text: str, check: QCheckBox) -> None:
        super().__init__(text)
        self._check = check
        self.setWordWrap(True)
        style = check.style()
        indent = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + style.pixelMetric(
            QStyle.PixelMetric.PM_CheckBoxLabelSpacing
        )
        self.setContentsMargins(indent, 0, 0, 4)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self._check.isEnabled() and event.button() == Qt.MouseButton.LeftButton:
            self._check.click()


def _room_height(window: QWidget) -> int | None:
    """The height the window may have within its screen's free area, its title bar left in
    view (None: no screen known)."""
    screen = window.screen()
    if screen is None:
        return None
    frame = window.frameGeometry().height() - window.height()
    return screen.availableGeometry().height() - (frame if frame > 0 else 40)


def _details(account: Account) -> tuple[str | None, str | None, frozenset[Box]]:
    """What the dialog edits of an account besides its secrets."""
    return account.email, account.phone, account.keep


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    # Room under the last line: the grid gives a wrapped label exactly its lines' height, and
    # the field below touched the last line's descenders.
    label.setContentsMargins(0, 0, 0, 4)
    label.setStyleSheet(error_style())
    label.hide()
    return label


def _problem(check: Callable[[str], object], text: str) -> str | None:
    """The validator's sentence for a non-empty value that is wrong, else None."""
    if not text:
        return None
    try:
        check(text)
    except (InvalidTotpSecret, ValueError) as error:
        return str(error)
    return None
