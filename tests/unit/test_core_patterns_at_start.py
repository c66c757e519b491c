"""The core the window starts on compiles no pattern it needs only later (each compiled one
costs the window's first frame a fraction of a million instructions: issue 7's start-up)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: Compiled at the first email or phone typed, or the first network stop said.
LATER = ("[^@\\s]+@", "\\+?[0-9 ", "ERR_[A-Z0-9_]+")


def test_the_core_compiles_at_import_no_pattern_of_emails_phones_or_network_codes() -> None:
    code = (
        "import json, re\n"
        "compiled = []\n"
        "real = re.compile\n"
        "def counted(pattern, flags=0):\n"
        "    compiled.append(str(pattern))\n"
        "    return real(pattern, flags)\n"
        "re.compile = counted\n"
        "from consentinel.gui.launch import load_core_before_qt\n"
        "load_core_before_qt()\n"
        "print(json.dumps(compiled))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(ROOT / "desktop")},
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    compiled = json.loads(done.stdout.strip().splitlines()[-1])
    assert [p for p in compiled if any(p.startswith(x) or x in p for x in LATER)] == []
