"""What the window says when the journal file went from under it while it was open: its data
folder deleted, the file alone deleted, or another journal put in its place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from consentinel.core.context import JournalLoss
from consentinel.core.paths import AppPaths


def lost_journal_words(loss: JournalLoss, paths: AppPaths, list_gone: bool) -> tuple[str, str]:
    """(a title, the sentences) for `loss`; `list_gone`: the account list went too (it lives
    in the data folder, except outside CONSENTINEL_HOME)."""
    translate = QCoreApplication.translate
    if loss == "replaced":
        text = translate(
            "MainWindow",
            "Another journal took the place of {path} while Consentinel was open (`consentinel "
            "log --start-over` in a terminal, or a journal moved there): Consentinel now reads "
            "and writes the one found there.",
        )
        return translate("MainWindow", "The journal was replaced"), _at(text, paths)
    if loss == "deleted":
        text = translate(
            "MainWindow",
            "The journal {path} was deleted while Consentinel was open: the checks and changes "
            "it recorded are gone, and a new journal begins there. Your accounts, their "
            "passwords and 2FA secrets in the keyring, their saved sessions and the screenshots "
            "are untouched.",
        )
        return translate("MainWindow", "The journal was deleted"), _at(text, paths)
    if list_gone:
        text = translate(
            "MainWindow",
            "The data folder {folder} was deleted while Consentinel was open: the account "
            "list, the journal and the screenshots it held are gone, and Consentinel starts "
            "again there, empty. The passwords and 2FA secrets of those accounts are still "
            "in the keyring: add the accounts again to use them, or delete them with your "
            "keyring's manager.",
        )
    else:  # (the account list lives in a folder of its own outside CONSENTINEL_HOME)
        text = translate(
            "MainWindow",
            "The data folder {folder} was deleted while Consentinel was open: the journal, "
            "the screenshots and the saved sessions it held are gone, and a new journal "
            "begins there. Your accounts are still listed, with their passwords and 2FA "
            "secrets in the keyring; the next check signs in to X again.",
        )
    title = translate("MainWindow", "The data folder was deleted")
    return title, text.replace("{folder}", str(paths.data_dir))


def _at(text: str, paths: AppPaths) -> str:
    return text.replace("{path}", str(paths.journal_path))
