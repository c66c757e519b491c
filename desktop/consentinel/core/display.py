"""Whether a window can be shown here: Linux needs X11 or Wayland; macOS and Windows always can."""

from __future__ import annotations

import os
import sys


def has_display() -> bool:
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
