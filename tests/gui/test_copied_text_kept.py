"""Text copied in the app (Settings' "Still there (delete it yourself): PATH", a crontab line to
remove) is still there to paste once the app has quit. On X11 it stays with the program that
copied it, and Qt hands it to the desktop's clipboard manager as the QApplication is deleted;
the app's process ends with os._exit (gui/launch.py, end_after), which skipped that deletion
(PySide's exit hook, at Python's ending): copy, then Quit, and the text was gone. The app runs
under Xvfb on the xcb platform (offscreen Qt's clipboard is the process's own: nothing to hand
over), its process ending as `consentinel-gui`'s does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gui._copy_then_quit_probe import DELETED

ROOT = Path(__file__).resolve().parents[2]


def _copy_then_quit(what: str) -> subprocess.CompletedProcess[str]:
    xvfb_run = shutil.which("xvfb-run")
    assert xvfb_run, "xvfb-run is missing: `sudo apt-get install -y xvfb xauth`"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "PYTHONPATH": os.pathsep.join((str(ROOT / "desktop"), str(ROOT))),
    }
    return subprocess.run(
        [xvfb_run, "-a", sys.executable, "-m", "tests.gui._copy_then_quit_probe", what],
        env=env, capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip


@pytest.mark.parametrize(("what", "deleted"), [("copy", True), ("nothing", False)])
def test_text_copied_before_quit_is_handed_over_as_the_app_ends(what: str, deleted: bool) -> None:
    done = _copy_then_quit(what)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert lines[0] == f"owned: {deleted}", done.stdout
    # Copied: the QApplication deleted, as Python's ending would (Qt's clipboard hands the text
    # over). Nothing copied: the process ends at once, as before (the reason end_after is).
    assert (DELETED in lines) is deleted, done.stdout + done.stderr[-3000:]
