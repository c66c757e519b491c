"""The settings dialog's "Data folder" group: where the data is, opening it, and "Delete all my
data…", asked first with every thing that will go named."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout

from consentinel.core.data_eraser import (
    CheckRunning,
    erase_all_data,
    failure_cause,
    left_after,
    not_deleted,
    what_would_go,
)
from consentinel.core.i18n import current_language
from consentinel.core.listing import FEW, in_words
from consentinel.core.vault import VaultError
from consentinel.gui.confirmation import Confirmation
from consentinel.gui.message_style import error_style
from consentinel.gui.spoken_labels import heard_as_shown

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from PySide6.QtWidgets import QWidget

    from consentinel.core.context import AppContext

# The dialog's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate


class DataSettings:
    """The group's widgets (`group`). `said` is called once the words under the delete button
    changed; `deleted` once all the data was deleted; `failed` once the erase failed partway
    (the settings it saved are to be shown)."""

    def __init__(
        self,
        ctx: AppContext,
        dialog: QWidget,
        *,
        demo: bool,
        said: Callable[[], None],
        deleted: Callable[[], None],
        failed: Callable[[], None] = lambda: None,
    ) -> None:
        self._ctx = ctx
        self._dialog = dialog
        self._demo = demo
        self._said = said
        self._deleted = deleted
        self._failed = failed
        #: The confirmation last asked (tests answer it).
        self.confirm_box: Confirmation | None = None
        self.folder_label = QLabel(str(ctx.paths.data_dir))
        # (its path is what is read)
        heard_as_shown(self.folder_label, translate("SettingsDialog", "Data folder"))
        self.folder_label.setWordWrap(True)
        self.open_folder = QPushButton(translate("SettingsDialog", "O&pen"))
        self.open_folder.clicked.connect(self._open_folder)
        self.delete_button = QPushButton(translate("SettingsDialog", "&Delete all my data…"))
        self.delete_button.setAccessibleName(translate("SettingsDialog", "Delete all my data"))
        self.delete_button.clicked.connect(self.delete_all_data)
        self.delete_label = QLabel()
        self.delete_label.setWordWrap(True)
        # A paragraph each (`_say`); a crontab line left to remove is to be copied, not typed.
        self.delete_label.setTextFormat(Qt.TextFormat.RichText)
        self.delete_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.delete_label.hide()
        self.group = QGroupBox(translate("SettingsDialog", "Data folder"))
        data_layout = QVBoxLayout(self.group)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.open_folder)
        data_layout.addLayout(folder_row)
        delete_row = QHBoxLayout()
        delete_row.addWidget(self.delete_button)
        delete_row.addStretch(1)
        data_layout.addLayout(delete_row)
        data_layout.addWidget(self.delete_label)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._ctx.paths.data_dir)))

    def confirmation_text(self) -> str:
        """What the confirmation names: every thing that will be deleted."""
        what = what_would_go(self._ctx)
        if len(what.handles) > FEW:
            # Thirty handles made a wall of names: counted, and the first few named.
            secrets = (
                translate(
                    "SettingsDialog",
                    "• the passwords and 2FA secrets of your {count} accounts ({handles}), "
                    "in {keyring};",
                )
                .replace("{keyring}", what.keyring)
                .replace("{count}", str(len(what.handles)))
                .replace("{handles}", in_words([f"@{h}" for h in what.handles]))
            )
        elif what.handles:
            secrets = (
                translate(
                    "SettingsDialog", "• the passwords and 2FA secrets of {handles}, in {keyring};"
                )
                .replace("{keyring}", what.keyring)
                .replace("{handles}", ", ".join(f"@{h}" for h in what.handles))
            )
        else:
            secrets = translate(
                "SettingsDialog", "• no password or 2FA secret: there is no account;"
            )
        return (
            translate(
                "SettingsDialog",
                "This deletes, on this computer:\n"
                "• the journal ({entries}) and its screenshots;\n"
                "• the saved browser sessions;\n"
                "{secrets}\n"
                "{exports}"
                "• the list of accounts and the log;\n"
                "• the scheduled checks while Consentinel is closed, and its start at login.\n\n"
                "Your other settings are kept. Nothing changes on X. This cannot be undone.",
            )
            .replace("{entries}", entries_text(what.journal_entries))
            .replace("{secrets}", secrets)
            .replace("{exports}", _exports_text(what.exports, what.exports_dir))
        )

    def delete_all_data(self) -> bool:
        """Ask, then erase; True when the data was deleted."""
        box = Confirmation(
            self._dialog,
            QMessageBox.Icon.Warning,
            translate("SettingsDialog", "Delete all my data"),
            translate("SettingsDialog", "Delete all your Consentinel data?"),
            self.confirmation_text(),
            act=translate("SettingsDialog", "&Delete everything"),
            keep=translate("SettingsDialog", "Cancel"),
        )
        self.confirm_box = box
        if not box.confirmed():
            return False
        try:
            left = erase_all_data(self._ctx, stop_background=not self._demo)
        except CheckRunning:
            self._say(
                translate(
                    "SettingsDialog",
                    "A check is running: wait for it to end (or cancel it), then try again.",
                ),
                ok=False,
            )
            return False
        except VaultError as error:
            # The keyring goes first: when it fails, nothing else was touched.
            self._say(
                translate("SettingsDialog", "Nothing was deleted: {problem}").replace(
                    "{problem}", str(error)
                ),
                ok=False,
            )
            return False
        except OSError as error:
            # A crontab line left is said under the failure too: cron runs it on every hour.
            # The cause in the person's words (the core's), not Python's "[Errno 21] …"; and
            # the file or folder that stayed, which they can delete by hand once named.
            self._say(
                translate("SettingsDialog", "Some files could not be deleted: {problem}").replace(
                    "{problem}", failure_cause(error)
                ),
                ok=False,
                left=[*_still_there(not_deleted(error)), *left_after(error)],
            )
            # The OS jobs may be gone, and the settings saying so saved (run_when_closed,
            # start_at_login): the form and the window follow them, as after a whole erase.
            self._failed()
            return False
        # What is left for the person (a crontab line only they can remove, which cron would
        # run on every hour) is said under it, in the core's words, the line on its own.
        self._say(translate("SettingsDialog", "All your data was deleted."), ok=True, left=left)
        self._deleted()
        return True

    def _say(self, message: str, *, ok: bool, left: Sequence[str] = ()) -> None:
        self.delete_label.setText("".join(f"<p>{_as_html(text)}</p>" for text in (message, *left)))
        self.delete_label.setStyleSheet("" if ok else error_style())
        self.delete_label.show()
        self._said()


def _still_there(path: Path | None) -> list[str]:
    """The file or folder an erase could not delete, named, to be deleted by hand (a line of
    its own, selectable to be copied); nothing when the failure was not a deletion's."""
    if path is None:
        return []
    return [
        translate("SettingsDialog", "Still there (delete it yourself): {path}").replace(
            "{path}", str(path)
        )
    ]


def _as_html(text: str) -> str:
    """`text` shown as written in the rich-text label: a path's `<` or `&` as such, and each of
    its lines (the crontab line to copy) a line of its own."""
    return escape(text, quote=False).replace("\n", "<br>")


def _exports_text(n: int, folder: Path) -> str:
    """The exports saved where the journal window suggests saving them go too: named, so
    that the person can copy them elsewhere first. Nothing when there are none."""
    if n == 0:
        return ""
    if n == 1:
        text = translate(
            "SettingsDialog", "• the export saved in {folder} (copy it elsewhere first to keep it);"
        )
    else:
        text = translate(
            "SettingsDialog",
            "• the {n} exports saved in {folder} (copy them elsewhere first to keep them);",
        )
    return text.replace("{n}", str(n)).replace("{folder}", str(folder)) + "\n"


def entries_text(n: int) -> str:
    """ "{n} entries", in the words of the language shown."""
    # French counts zero in the singular, English in the plural.
    one = n == 1 or (n == 0 and current_language() == "fr")
    text = (
        translate("SettingsDialog", "{n} entry")
        if one
        else translate("SettingsDialog", "{n} entries")
    )
    return text.replace("{n}", str(n))
