"""Run by tests/gui/test_copied_text_kept.py in a fresh process: an app started and ended as
the `consentinel-gui` command's (gui/launch.py, end_after) in which, just before Quit, text is
copied (`copy`: as from Settings' "Still there (delete it yourself): PATH") or not (`nothing`).
Says on standard output when the QApplication is deleted: where Qt hands copied text over to
the desktop's clipboard manager (X11)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from consentinel.gui.launch import end_after

#: Said when the QApplication is deleted.
DELETED = "QApplication deleted"
#: What is copied.
COPIED = "/root/.local/share/consentinel/evidence/run-1"


def _run(copy: bool) -> int:
    app = QApplication(sys.argv[:1])
    # A child is deleted with the app: its last signal says so.
    witness = QObject(app)
    witness.destroyed.connect(lambda: print(DELETED, flush=True))

    def copy_then_quit() -> None:
        if copy:
            app.clipboard().setText(COPIED)
        print(f"owned: {app.clipboard().ownsClipboard()}", flush=True)
        app.quit()

    QTimer.singleShot(0, copy_then_quit)
    return app.exec()


def main() -> None:
    end_after(lambda: _run(sys.argv[1] == "copy"))


if __name__ == "__main__":
    main()
