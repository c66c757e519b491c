"""Run by tests/e2e/test_browser_folders_from_a_thread.py in a process of its own: checks one
account of the simulated X from a thread that is not the main one, as the window does
(gui/check_runner.py), then prints "checked". Its password comes on standard input.

    python -m tests.e2e._check_from_a_thread ORIGIN HOME HANDLE
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from tests.e2e._engine_support import add_account, engine, make_context


def main() -> int:
    origin, home, handle = sys.argv[1:4]
    password = sys.stdin.readline().strip()
    ctx = make_context(origin, Path(home))
    add_account(ctx, handle, password)
    results = []
    worker = threading.Thread(
        target=lambda: results.append(engine(ctx).run_check()), name="consentinel-check"
    )
    worker.start()
    worker.join()
    (result,) = results
    print("checked", [a.status.value for a in result.accounts], flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
