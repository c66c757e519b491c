"""With a year of use (a home made by history.py): one refresh of the accounts table, as the
window does at every step of a check; opening the journal window, and how long after that its
integrity badge shows its verdict (worked out in a thread of its own: the chain and every
screenshot). Qt offscreen, in its own process (the benchmark's own process loads no Qt).

Usage: `python history_windows.py HOME`; prints one JSON line of milliseconds (medians).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from consentinel.core.context import AppContext
from consentinel.core.memory_keyring import MemoryKeyring
from consentinel.core.paths import AppPaths
from consentinel.core.vault import Vault
from consentinel.gui.account_rows import rows_for
from consentinel.gui.accounts_table import AccountsTable
from consentinel.gui.journal_window import JournalWindow

REPEATS = 7


def main() -> int:
    app = QApplication([sys.argv[0]])
    ctx = AppContext.create(AppPaths(Path(sys.argv[1])), vault=Vault(MemoryKeyring()))
    table = AccountsTable()
    table.resize(1000, 700)
    table.show()
    now = datetime.now(timezone.utc)
    table.set_rows(rows_for(ctx), None, now)  # the first fill, as at start-up
    app.processEvents()
    refresh, journal_window, verdict = [], [], []
    for _ in range(REPEATS):
        started = time.perf_counter()
        table.set_rows(rows_for(ctx), None, now)
        app.processEvents()
        refresh.append(time.perf_counter() - started)
    for _ in range(REPEATS):
        started = time.perf_counter()
        window = JournalWindow(ctx)
        window.show()
        app.processEvents()
        journal_window.append(time.perf_counter() - started)
        if window.verifying:
            loop = QEventLoop()
            window.badge_updated.connect(loop.quit)
            loop.exec()
        verdict.append(time.perf_counter() - started)
        window.close()
        window.deleteLater()
        app.processEvents()
    print(
        json.dumps(
            {
                "table_refresh_ms": statistics.median(refresh) * 1000,
                "journal_window_ms": statistics.median(journal_window) * 1000,
                "journal_verdict_ms": statistics.median(verdict) * 1000,
            }
        )
    )
    ctx.journal.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
