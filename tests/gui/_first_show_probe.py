"""Run by tests/gui/test_startup.py in a fresh process: start the app as its launcher does (on a
dark palette with `--dark`) and, the moment the main window is first shown, print which heavy
modules were loaded, whether PySide has built the Qt namespace or the types of what the window does
not show yet, which of the app's modules PySide read the source of and which dataclasses were
built, what its status bar says and where the log goes; then exit."""

from __future__ import annotations

import inspect
import json
import logging
import os
import sys
from pathlib import Path
from types import ModuleType

# As the `consentinel-gui` entry point does: the launcher, then the core, before PySide.
from consentinel.gui.launch import load_core_before_qt
from consentinel.gui.launch import main as launch

load_core_before_qt()

from benchmarks.first_frame import when_first_shown  # noqa: E402
from PySide6 import QtCore, QtWidgets  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

HEAVY = (
    "playwright",
    "consentinel.core.engine",
    "consentinel.simx",
    "keyring",
    "cryptography",
    # The keyring's own modules, and what only a check, a secret or a full log file needs.
    "consentinel.core.vault",
    "consentinel.core.sessions",
    "consentinel.core.totp",
    # Accounts › Import accounts from a file…: its dialog and reader load when first used.
    "consentinel.core.account_import",
    "consentinel.core.account_import_reading",
    "consentinel.gui.account_import_dialog",
    # The look at the keyring (its module and its QObject with signals) waits for the frame.
    "consentinel.gui.keyring_look",
    # The window's clock watch, and the schedule's X watch and crontab-minute reader: each a
    # module and a QObject with signals, made once the window is up or at their first use.
    "consentinel.gui.clock_watch",
    "consentinel.gui.x_watch",
    "consentinel.gui.crontab_minute",
    # The engine's events: their dataclasses take Python 10-20 ms to build (core/steps.py).
    "consentinel.core.events",
    "hashlib",
    "socket",
    # The app's records are written out (core/records.py): no dataclass is built before the
    # first frame, nor is the module that builds them loaded.
    "dataclasses",
    "logging.handlers",
)


#: Qt classes the first frame never shows, whose Python types PySide makes on first use (their
#: enums through Python's `enum`): message boxes, and an item view on a home with no account.
LATER_TYPES = ("QMessageBox", "QAbstractItemView", "QHeaderView", "QStyleOptionViewItem")


#: The modules whose source PySide read (looking for its `__feature__`s) after the probe began.
SOURCES_READ: list[str] = []


def _watch_source_reads() -> None:
    read = inspect.getsource

    def counted(module: ModuleType) -> str:  # PySide's feature check calls inspect.getsource
        SOURCES_READ.append(getattr(module, "__name__", "?"))
        return read(module)

    inspect.getsource = counted  # type: ignore[assignment]


def _dataclasses_made() -> list[str]:
    """The app's dataclasses built by now (each costs Python 1-2 ms to build)."""
    return sorted(
        f"{name}.{key}"
        for name, module in list(sys.modules.items())
        if name.startswith("consentinel")
        for key, value in vars(module).items()
        if isinstance(value, type)
        and hasattr(value, "__dataclass_fields__")
        and value.__module__ == name
    )


def _qt_pool_threads() -> int:
    """Threads of Qt's painting pool ("Thread (pooled)") running now (Linux)."""
    tasks = Path("/proc/self/task")
    names = ((task / "comm").read_text().strip() for task in tasks.iterdir())
    return sum(1 for name in names if name == "Thread (pooled)")


def _report(window: QMainWindow) -> dict[str, object]:
    loaded = sorted(h for h in HEAVY if any(m == h or m.startswith(h + ".") for m in sys.modules))
    handlers = [h for h in logging.getLogger().handlers if getattr(h, "consentinel", False)]
    made = sorted(name for name in LATER_TYPES if name in vars(QtWidgets))
    table = getattr(window, "_table", None)  # (window.table would make it)
    return {
        "loaded": loaded,
        # PySide builds the Qt namespace's ~95 enums on its first use (gui/qt_by_name.py).
        "qt_namespace_built": "Qt" in vars(QtCore),
        "later_types_made": made,
        "accounts_table_loaded": "consentinel.gui.accounts_table" in sys.modules,
        "welcome_page_made": getattr(window, "_empty", None) is not None,
        "own_sources_read": sorted({m for m in SOURCES_READ if m.startswith("consentinel")}),
        "dataclasses_made": _dataclasses_made(),
        "status": window.statusBar().currentMessage(),
        "rows": table.rowCount() if table is not None else None,
        "scroll_bar_shown": table is not None and table.verticalScrollBar().isVisible(),
        "qt_pool_threads": _qt_pool_threads(),
        # SQLite's check of the journal file (it reads the whole file) still put off.
        "journal_check_put_off": window.ctx.journal.unchecked,  # type: ignore[attr-defined]
        # A first start's journal file (made, and synced to disk, after the first frame).
        "journal_file_made": window.ctx.journal.path.exists(),  # type: ignore[attr-defined]
        "to_stderr": [getattr(h, "stream", None) is sys.stderr for h in handlers],
    }


def _print_report(window: QMainWindow) -> None:
    print(json.dumps(_report(window)), flush=True)
    os._exit(0)


def turn_palette_dark(app: QApplication) -> None:
    """As a desktop switching to its dark theme does (the app then repaints its standard icons);
    also used by _dark_palette_probe.py."""
    # (A copy from palette(), and colours by numbers: QPalette(palette) and QColor("#2b2b2b")
    # go through overloads that build the Qt namespace, which this probe watches for.)
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(43, 43, 43))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(232, 232, 232))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(232, 232, 232))
    app.setPalette(palette)


def main() -> int:
    app = QApplication(sys.argv[:1])
    if "--dark" in sys.argv[1:]:
        turn_palette_dark(app)
        assert "Qt" not in vars(QtCore), "the probe itself built the Qt namespace"
    # The start-up benchmark's own watcher: the main window's native window only (a filter on
    # the whole application would make PySide create a Python type for every object it
    # is handed, message boxes and item views included, which the report looks at).
    watcher = when_first_shown(app, _print_report)  # noqa: F841 (kept until the end)
    _watch_source_reads()
    return int(launch([]))


if __name__ == "__main__":
    raise SystemExit(main())
