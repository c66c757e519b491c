"""What a person does to the accounts from the main window: add one, edit one, remove some
(asked first), and add back those the journal knows and the list lacks."""

from __future__ import annotations

import contextlib
import logging
import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from consentinel.core.accounts import UnknownAccount, handle_key
from consentinel.core.steps import Step
from consentinel.gui.history_erasing import entries_words, screenshots_words
from consentinel.gui.window_actions import being_checked_words

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from consentinel.core.journal_erasure import Erasure
    from consentinel.gui.main_window import MainWindow

log = logging.getLogger(__name__)

# The window's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate
#: How many accounts left listed a sentence names before "and N others" (as the summary).
NAMED_LEFT = 8


class AccountManagement:
    """The window's account actions (made when one is first used: not the first frame's)."""

    def __init__(self, window: MainWindow) -> None:
        # Not held: the window holds this, and a cycle would keep the window's Python side
        # alive once Qt deleted it (a window rebuilt for a new language), until a collection.
        self._window = weakref.ref(window)
        #: Whether the last removal asked also erases the accounts' history (confirm_remove).
        self.erase_history = False
        self.import_dialog: QDialog | None = None

    @property
    def window(self) -> MainWindow:
        window = self._window()
        assert window is not None  # (this goes with the window)
        return window

    def missing_accounts(self) -> list[str]:
        """The accounts the journal (its file there: MainWindow._missing_accounts) knows and
        the list lacks; none when the journal cannot say."""
        from consentinel.core.account_recovery import missing_accounts

        w = self.window

        try:
            return [known.handle for known in missing_accounts(w.ctx.journal, w.ctx.accounts)]
        except Exception:  # (only an offer: a journal that cannot be read says so elsewhere)
            log.warning("the accounts the journal knows could not be read", exc_info=True)
            return []

    def restore_accounts(self) -> None:
        """Add back the accounts the journal knows and the list lacks (core/account_recovery);
        those whose boxes the journal does not hold are named, since they come back with every
        box kept off."""
        from PySide6.QtWidgets import QMessageBox

        from consentinel.core.account_recovery import add_back
        from consentinel.core.totp_refusals import refuse_saved_totp

        w = self.window
        ctx = w.ctx
        recovered = add_back(
            ctx.journal,
            ctx.accounts,
            lambda h: refuse_saved_totp(ctx, h),
            backoff_hours=ctx.settings.backoff_hours,
        )
        w.refresh()
        names = ", ".join(f"@{known.handle}" for known in recovered.added)
        if recovered.problem is not None:
            text = translate(
                "MainWindow", "The accounts were not all added back: {problem}"
            ).replace("{problem}", recovered.problem)
            if names:
                text += "\n\n" + translate("MainWindow", "Added back: {handles}.").replace(
                    "{handles}", names
                )
            QMessageBox.warning(
                w, translate("MainWindow", "The accounts were not all added back"), text
            )
            return
        if not recovered.added:
            return
        w.statusBar().showMessage(
            translate(
                "MainWindow",
                "Added back from the journal: {handles}. Their passwords, 2FA secrets and saved "
                "sessions are used as before; an email address or phone number is not in the "
                "journal.",
            ).replace("{handles}", names),
            30_000,
        )
        unknown = [f"@{k.handle}" for k in recovered.added if not k.boxes_known]
        if unknown:
            QMessageBox.information(
                w,
                translate("MainWindow", "Which boxes to keep off"),
                translate(
                    "MainWindow",
                    "The journal does not say which boxes these accounts kept off, as they were "
                    "added by an older Consentinel: {handles}. They keep every box off, as "
                    "accounts do by default; edit them before the next check if you had chosen "
                    "to leave some on.",
                ).replace("{handles}", ", ".join(unknown)),
            )

    def add_account(self) -> None:
        from consentinel.gui.account_dialog import AccountDialog

        w = self.window
        dialog = AccountDialog(w.ctx, parent=w)
        # Each account as it is saved: "Save and add another" saves several in one dialog.
        saved: list[str] = []
        dialog.account_saved.connect(saved.append)
        dialog.account_saved.connect(self._account_saved)
        dialog.exec()
        if len(saved) > 1:
            self._accounts_saved(saved)

    def import_accounts(self) -> None:
        """Accounts › Import accounts from a file… (gui/account_import_dialog)."""
        from consentinel.gui.account_import_dialog import AccountImportDialog, show_imported

        w = self.window
        dialog = AccountImportDialog(w.ctx, parent=w)
        dialog.accounts_imported.connect(lambda handles: show_imported(w, handles))
        self.import_dialog = dialog  # (the one open: for tests and screenshots)
        dialog.exec()

    def _account_saved(self, handle: str) -> None:
        w = self.window
        w.account_added.emit(handle)
        w.refresh()
        if w.table.row_of(handle) is None and w.filter_text:
            w.set_filter_text("")  # the filter hid it: shown, as the person expects
        row = w.table.row_of(handle)
        if row is not None:
            w.table.selectRow(row)
        # While a check runs, "Check selected" is greyed out: its turn comes after.
        w._until_a_check = (
            translate(
                "MainWindow", "@{handle} added. Choose “Check selected” once this check ends."
            )
            if w.runner.running
            else translate(
                "MainWindow", "@{handle} added. Choose “Check selected” to protect it now."
            )
        ).replace("{handle}", handle)
        w._hinted_handle = handle
        w.statusBar().showMessage(w._until_a_check, 10_000)

    def _accounts_saved(self, handles: list[str]) -> None:
        """Once the dialog closes on several accounts ("Save and add another"): all of them
        selected, so that "Check selected" checks each, and said so (the last one alone was)."""
        w = self.window
        if w.filter_text and any(w.table.row_of(h) is None for h in handles):
            w.set_filter_text("")
        shown = [h for h in handles if w.table.row_of(h) is not None]
        if not shown:
            return
        w.table.select_handles(shown)
        count = str(len(shown))
        w._until_a_check = (
            translate(
                "MainWindow",
                "{count} accounts added. Choose “Check selected” once this check ends.",
            )
            if w.runner.running
            else translate(
                "MainWindow", "{count} accounts added. Choose “Check selected” to protect them now."
            )
        ).replace("{count}", count)
        w._hinted_handle = shown[-1]  # (a check of the selection has it)
        w.statusBar().showMessage(w._until_a_check, 10_000)

    def edit_account(self, handle: str | None = None) -> None:
        w = self.window
        handle = handle or w.table.current_handle()
        account = w.ctx.accounts.get(handle) if handle else None
        if account is None:
            return
        if w.under_way(account.handle):  # (Enter or a double-click on its row)
            w.statusBar().showMessage(being_checked_words(account.handle), 10_000)
            return
        from consentinel.gui.account_dialog import AccountDialog

        dialog = AccountDialog(w.ctx, account, parent=w, under_way=w.under_way)
        if not dialog.exec():
            return
        w.refresh()
        if dialog.changed_meanwhile is not None:  # (what the person did not change was kept)
            w.statusBar().showMessage(dialog.changed_meanwhile, 15_000)
        elif w.steps.get(handle_key(account.handle)) is Step.QUEUED:
            # Its check reads what was saved when its turn comes (core/signin_secrets).
            w.statusBar().showMessage(
                translate(
                    "MainWindow", "@{handle} saved: this check uses the changes when it reaches it."
                ).replace("{handle}", account.handle),
                10_000,
            )

    def confirm_remove(self, handles: list[str]) -> bool:
        """Ask, naming what goes and what stays; True when the person chose to remove the
        accounts. When the journal holds some of their history, a box offers to erase it too
        (`erase_history`: whether it was ticked)."""
        from consentinel.core.journal_erasure import history_of
        from consentinel.gui.confirmation import Confirmation

        w = self.window
        self.erase_history = False
        try:
            found = [history_of(w.ctx.journal, handle) for handle in handles]
        except Exception:  # (only an offer: a journal that cannot be read says so elsewhere)
            log.warning("the history of the accounts could not be counted", exc_info=True)
            found = []
        entries = sum(one.entries for one in found)
        shots = sum(one.screenshots for one in found)
        held = bool(entries or shots)
        if len(handles) == 1:
            title = translate("MainWindow", "Remove account")
            text = translate("MainWindow", "Remove @{handle} from Consentinel?").replace(
                "{handle}", handles[0]
            )
            details = (
                translate(
                    "MainWindow",
                    "Consentinel will stop checking @{handle} and delete its saved password, 2FA "
                    "secret and session from this computer. Its history stays in the journal, "
                    "with its screenshots, unless you erase it (below, or later in the journal "
                    "window: choose @{handle} under “Account”, then “Erase the history of "
                    "@{handle}…”). Nothing changes on X.",
                )
                if held
                else translate(
                    "MainWindow",
                    "Consentinel will stop checking @{handle} and delete its saved password, 2FA "
                    "secret and session from this computer. The journal holds no history of it. "
                    "Nothing changes on X.",
                )
            ).replace("{handle}", handles[0])
            tick = translate(
                "MainWindow", "Also erase its history from the journal ({entries}, {screenshots})"
            )
        else:
            title = translate("MainWindow", "Remove accounts")
            text = translate(
                "MainWindow", "Remove these {count} accounts from Consentinel?"
            ).replace("{count}", str(len(handles)))
            if not held:
                details = translate(
                    "MainWindow",
                    "Consentinel will stop checking {handles} and delete their saved passwords, "
                    "2FA secrets and sessions from this computer. The journal holds no history "
                    "of them. Nothing changes on X.",
                )
            else:
                details = translate(
                    "MainWindow",
                    "Consentinel will stop checking {handles} and delete their saved passwords, "
                    "2FA secrets and sessions from this computer. Their history stays in the "
                    "journal, with their screenshots, unless you erase it (below, or later in "
                    "the journal window, for each account: choose it under “Account”, then "
                    "“Erase the history of” followed by its handle). Nothing changes on X.",
                )
            details = details.replace("{handles}", ", ".join(f"@{handle}" for handle in handles))
            tick = translate(
                "MainWindow",
                "Also erase their history from the journal ({entries}, {screenshots})",
            )
        remove = translate("MainWindow", "&Remove")
        box = Confirmation(
            w,
            Confirmation.Icon.Question,
            title,
            text,
            details,
            act=remove,
            keep=translate("MainWindow", "Cancel"),
        )
        erase = None
        if held:
            from PySide6.QtWidgets import QCheckBox  # (loads with a first removal)

            # Each removal writes an entry naming the account before its history is erased:
            # erased with it, it is counted in what the box offers.
            erase = QCheckBox(
                tick.replace("{entries}", entries_words(entries + len(handles))).replace(
                    "{screenshots}", screenshots_words(shots)
                )
            )
            box.setCheckBox(erase)
            remove_and_erase = translate("MainWindow", "&Remove and erase")
            erase.toggled.connect(
                lambda on: box.act_button.setText(remove_and_erase if on else remove)
            )
        confirmed = box.confirmed()
        self.erase_history = confirmed and erase is not None and erase.isChecked()
        return confirmed

    def remove_account(self, handle: str | None = None) -> None:
        """Remove `handle`, else every selected account, once the person said so (and erase
        their history from the journal when the person ticked that too)."""
        w = self.window
        handles = [handle] if handle else w.table.selected_handles()
        if not handles or w.runner.running:
            return
        if not self.confirm_remove(handles):
            return
        if self.erase_history and not self._no_check_running():
            return
        removed, erased, left = self._remove_all(handles)
        w.refresh()
        if len(removed) == 1:
            said = translate("MainWindow", "@{handle} removed.").replace("{handle}", removed[0])
        else:
            said = translate("MainWindow", "{count} accounts removed.").replace(
                "{count}", str(len(removed))
            )
        if left:
            said += " " + self._left_words(removed[-1], left)
        if removed:
            w.statusBar().showMessage(said, 10_000)
        if erased:
            self._say_erased(erased)

    def _say_erased(self, erased: list[tuple[str, Erasure]]) -> None:
        from consentinel.gui.history_erasing import say_erased

        say_erased(self.window, self.window.ctx.journal, erased)

    def _remove_all(
        self, handles: list[str]
    ) -> tuple[list[str], list[tuple[str, Erasure]], list[str]]:
        """Each removed (its history erased when asked), until one cannot be: those removed,
        what was erased of each (those of which something was), and those left listed because
        a check started meanwhile. As `account remove` does (core/history_eraser): the keyring
        first, without the run lock (one that asks the person keeps no scheduled check
        waiting); then, the lock held, off the list and its history erased."""
        removed = []
        erased: list[tuple[str, Erasure]] = []
        for index, one in enumerate(handles):
            after = handles[index + 1 :]
            if not self._delete_secrets(one, after):
                break  # said why, naming the ones after it, which stay
            if not self.erase_history:
                self._take_off(one)
                removed.append(one)
                continue
            done, went_on = self._take_off_and_erase(one, after)
            removed.append(one)
            if done is not None and (done.entries or done.screenshots):
                erased.append((one, done))
            if not went_on:
                # A check started: the ones after it stay, to remove once it ends (said).
                return removed, erased, after
        return removed, erased, []

    @staticmethod
    def _left_words(handle: str, left: list[str]) -> str:
        """The accounts selected with `handle` and left listed, since a check started while
        the keyring deleted its secrets: which, and what to do."""
        one = translate(
            "MainWindow",
            "@{left}, selected with @{handle}, was not removed: remove it once the check ends.",
        )
        several = translate(
            "MainWindow",
            "{accounts}, selected with @{handle}, were not removed: remove them once the "
            "check ends.",
        )
        return _accounts_left(handle, left, one, several)

    def _no_check_running(self) -> bool:
        """No check running now, here or in another process (its end would write the history
        again): False, said, when one is, and nothing is done."""
        from consentinel.core.data_eraser import CheckRunning
        from consentinel.core.history_eraser import check_none_running

        try:
            check_none_running(self.window.ctx)
        except CheckRunning:
            from PySide6.QtWidgets import QMessageBox  # (loads with a first message)

            QMessageBox.warning(
                self.window,
                translate("MainWindow", "Nothing was removed"),
                translate(
                    "MainWindow",
                    "A check is running: wait for it to end (or cancel it), then try again.",
                ),
            )
            return False
        return True

    def _take_off_and_erase(self, handle: str, after: list[str]) -> tuple[Erasure | None, bool]:
        """`handle` off the list and its history erased, the run lock held: what was erased
        (None: nothing), and whether to go on. A check that started while the keyring asked
        has the account (it was listed): removed, its history not erased, said with the
        accounts selected `after` it, which stay listed; False."""
        from consentinel.core.data_eraser import CheckRunning
        from consentinel.core.history_eraser import no_check_running, not_erased_check_started

        w = self.window
        with contextlib.ExitStack() as held:
            try:
                held.enter_context(no_check_running(w.ctx))
            except CheckRunning:
                self._take_off(handle)
                why = not_erased_check_started(handle, window=True)
                if after:
                    why += "\n\n" + self._left_words(handle, after)
                self._say_not_erased(handle, why)
                return None, False
            self._take_off(handle)  # a check starting after it no longer sees it
            return self._erase_history(handle), True

    def _say_not_erased(self, handle: str, why: str) -> None:
        from consentinel.gui.history_erasing import say_not_erased

        say_not_erased(self.window, handle, why)

    def _erase_history(self, handle: str) -> Erasure | None:
        """`handle`'s history erased (core/history_eraser), the run lock held; what failed
        said. What was erased (None: nothing)."""
        from consentinel.gui.history_erasing import erase_and_say_problems

        w = self.window
        # The window's "Add back" is on its page for no account (MainWindow.refresh).
        offered = not w.demo and not w.ctx.accounts.list()
        return erase_and_say_problems(w, w.ctx, handle, locked=True, add_back_offered=offered)

    def _delete_secrets(self, handle: str, after: list[str]) -> bool:
        """Its secrets deleted from the keyring, which may ask the person first (no lock held
        meanwhile); False, said, when they cannot be: then nothing of it was removed, nor of
        the accounts selected `after` it, which the message names."""
        from consentinel.core.vault import VaultError  # the keyring loads when first needed

        w = self.window
        try:
            w.ctx.vault.delete_account(handle)
        except VaultError as error:
            from PySide6.QtWidgets import QMessageBox  # (loads with a first message)

            why = translate(
                "MainWindow", "Its secrets could not be deleted from the keyring: {problem}"
            ).replace("{problem}", str(error))
            if after:
                why += "\n\n" + self._not_reached_words(handle, after)
            QMessageBox.warning(
                w,
                translate("MainWindow", "@{handle} was not removed").replace("{handle}", handle),
                why,
            )
            return False
        return True

    @staticmethod
    def _not_reached_words(handle: str, after: list[str]) -> str:
        """The accounts selected after `handle`, left listed since the keyring refused to
        delete its secrets: which, and what to do."""
        one = translate(
            "MainWindow",
            "@{left}, selected after @{handle}, was not removed either: remove it once the "
            "keyring can delete its secrets.",
        )
        several = translate(
            "MainWindow",
            "{accounts}, selected after @{handle}, were not removed either: remove them "
            "once the keyring can delete their secrets.",
        )
        return _accounts_left(handle, left=after, one=one, several=several)

    def _take_off(self, handle: str) -> None:
        """Off the list, its session deleted, its removal written in the journal."""
        w = self.window
        with contextlib.suppress(UnknownAccount):  # removed meanwhile by another process
            w.ctx.accounts.remove(handle)
        # Once off the list: a check of another process signing it in meanwhile deletes the
        # session it saves after (core/account_check), or saved it before this deletes it.
        w.ctx.sessions.delete(handle)
        w.ctx.journal.append_account_removed(handle)
        w.live.pop(handle_key(handle), None)


def _accounts_left(handle: str, left: list[str], one: str, several: str) -> str:
    """`one` (with {left}) or `several` (with {accounts}, the first NAMED_LEFT named), as
    many accounts as `left` holds, said of `handle`'s removal."""
    from consentinel.core.listing import in_words

    if len(left) == 1:
        words = one.replace("{left}", left[0])
    else:
        words = several.replace("{accounts}", in_words([f"@{a}" for a in left], few=NAMED_LEFT))
    return words.replace("{handle}", handle)
