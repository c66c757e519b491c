"""Help › Getting started: what to have ready, what a check does, checks once the app is quit,
and where the journal is (the README's "First steps", in the window's language)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

import consentinel
from consentinel.gui.screen_room import keep_on_screen, resize_within_screen


def local_readme() -> Path | None:
    """The README.md of the source checkout this Consentinel runs from (a quick start's), if
    any: an installed package carries none."""
    checkout = Path(consentinel.__file__).resolve().parent.parent.parent
    readme = checkout / "README.md"
    return readme if readme.is_file() and (checkout / "pyproject.toml").is_file() else None


def _menu_words(context: str, text: str) -> str:
    """A menu's or an option's words as the window shows them, without their '&' mark."""
    return QCoreApplication.translate(context, text).replace("&&", "\0").replace("&", "")


def _shown_path(path: Path) -> str:
    """The path with ~ for the home folder, as the README writes it."""
    home = Path.home()
    return f"~/{path.relative_to(home)}" if path.is_relative_to(home) else str(path)


class GettingStartedDialog(QDialog):
    """The README's "First steps" in a few lines, with the window's own words for its menus."""

    def __init__(
        self, journal_path: Path, readme: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Getting started"))

        def path_of(*parts: tuple[str, str]) -> str:
            """A menu's path, in italics (each paragraph's first words are in bold)."""
            words = " › ".join(_menu_words(context, text) for context, text in parts)
            return f"<i>{html.escape(words)}</i>"

        paragraphs = [
            self.tr(
                "<b>Have ready</b>, for each X account: its @name and its password. If the "
                "account has two-factor authentication (2FA), your phone and its authenticator "
                "app: the 2FA field can stay empty, and Consentinel asks you for the app's code "
                "when X asks for one."
            ),
            self.tr(
                "<b>The first check.</b> {add}, then {check_all}: Consentinel signs in to X in a "
                "browser you do not see, opens X's Grok settings page, unticks every box that "
                "shares your data with xAI, reloads the page and reads the boxes again to prove "
                "they stayed off, and writes what it saw and did into the journal. Then it "
                "checks again on its schedule while it runs."
            )
            .replace("{add}", path_of(("MainWindow", "&Accounts"), ("MainWindow", "&Add account…")))
            .replace("{check_all}", path_of(("MainWindow", "Check &all"))),
            self.tr(
                "<b>Once Consentinel is quit</b> (or the computer restarted), nothing is "
                "checked, unless you turn on {option}."
            ).replace(
                "{option}",
                path_of(
                    ("MainWindow", "&Tools"),
                    ("MainWindow", "&Settings…"),
                    ("SettingsDialog", "&Keep checking when Consentinel is closed"),
                ),
            ),
            self.tr(
                "<b>The journal</b>: {journal} (Ctrl+J). It is kept on this computer, in {file}."
            )
            .replace("{journal}", path_of(("MainWindow", "&Checks"), ("MainWindow", "&Journal")))
            .replace("{file}", f"<code>{html.escape(_shown_path(journal_path))}</code>"),
        ]
        if readme is not None:
            paragraphs.append(
                self.tr("The same, and more, in the README: {link}").replace(
                    "{link}",
                    f"<a href='{html.escape(QUrl.fromLocalFile(str(readme)).toString())}'>"
                    f"{html.escape(_shown_path(readme))}</a>",
                )
            )
        text = QLabel("".join(f"<p>{paragraph}</p>" for paragraph in paragraphs))
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setOpenExternalLinks(True)
        # Read with the keyboard too, its link reached with Tab.
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text = text
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        # The words scroll when large text or a small screen leaves too little room for them:
        # the README's link and Close stay in reach.
        self.text_area = area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        area.setWidget(text)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addWidget(buttons)
        # As tall as its words need at this width (French ones are longer), within the screen.
        width = 620
        margins = layout.contentsMargins()
        bar = area.verticalScrollBar().sizeHint().width()
        words = text.heightForWidth(width - margins.left() - margins.right() - bar)
        around = margins.top() + margins.bottom() + layout.spacing() + buttons.sizeHint().height()
        resize_within_screen(self, width, max(words + around, 240))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        keep_on_screen(self)  # (its title bar, known now, on the screen too)
