"""The account dialog's "Switch off on X:" group: a box ticked here is a setting kept switched
off on X, what it allows wrapped under it; Training is always ticked."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QStyle, QVBoxLayout

from consentinel.core.accounts import Account
from consentinel.core.status import ALL_BOXES, Box
from consentinel.gui.dialog_words import box_description, box_name

# The dialog's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate


class BoxesToKeepOff:
    """The group (`group`) for adding (account None: every box ticked) or editing `account`."""

    def __init__(self, account: Account | None) -> None:
        self.checks: dict[Box, QCheckBox] = {}
        # Said as what happens on X: a box ticked here is a setting switched off there, and
        # the words say so without asking the person to invert ticks in their head.
        self.group = QGroupBox(translate("AccountDialog", "Switch off on X:"))
        self.group.setAccessibleName(translate("AccountDialog", "Switch off on X"))
        box_layout = QVBoxLayout(self.group)
        self.meaning = QLabel(
            translate(
                "AccountDialog",
                "Each setting ticked here is switched off on X's Grok settings page, and "
                "switched off again whenever X turns it back on. Training is always switched "
                "off.",
            )
        )
        self.meaning.setWordWrap(True)
        box_layout.addWidget(self.meaning)
        #: What each box allows, wrapped under its name: on one line with it, a check box
        #: (which does not wrap) was wider than a small screen, its end cut off.
        self.descriptions: dict[Box, QLabel] = {}
        for box in ALL_BOXES:
            check = QCheckBox(box_label(box))
            check.setAccessibleName(box_name(box))
            check.setAccessibleDescription(box_description(box))
            check.setChecked(account is None or box in account.keep)
            description = CheckDescription(box_description(box), check)
            if box is Box.TRAINING:
                # Keeping training off is the point of the app: it cannot be unticked.
                check.setChecked(True)
                check.setEnabled(False)
                check.setToolTip(translate("AccountDialog", "Training is always switched off."))
                description.setEnabled(False)
            pair = QVBoxLayout()
            pair.setSpacing(0)  # (the words under the box are its own)
            pair.addWidget(check)
            pair.addWidget(description)
            box_layout.addLayout(pair)
            self.checks[box] = check
            self.descriptions[box] = description

    def kept_off(self) -> frozenset[Box]:
        """The boxes ticked: those to keep switched off on X."""
        return frozenset(box for box, check in self.checks.items() if check.isChecked())


def box_label(box: Box) -> str:
    """A box's name as DialogWords says it, with this dialog's Alt letter (Training has none:
    it cannot be unticked)."""
    if box is Box.PERSONALIZATION:
        return translate("AccountDialog", "Perso&nalization")
    if box is Box.MEMORY:
        return translate("AccountDialog", "&Memory")
    return box_name(box)


class CheckDescription(QLabel):
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
