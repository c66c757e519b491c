"""A probe script run in a Qt app of its own on screens of a given size (offscreen), as the
window-size and window-place tests run theirs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_on_screens(
    script: str, screens: list[dict[str, int]], home: Path, config: Path, **env: str
) -> dict[str, object]:
    """`python -c script` on these offscreen screens (width, height, perhaps x and y; written
    to `config`), with CONSENTINEL_HOME `home` and `env`: the JSON its last line prints."""
    config.write_text(
        json.dumps({"screens": [{"name": f"s{i}", "dpr": 1, **s} for i, s in enumerate(screens)]})
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={
            **os.environ,
            "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
            "CONSENTINEL_HOME": str(home),
            "PYTHONPATH": str(ROOT / "desktop"),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    seen: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return seen
