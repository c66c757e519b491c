"""Finding the files shipped with the app (icons, translations, desktop files)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path


@cache
def _resource_roots() -> tuple[str, str]:
    """Inside the installed package (wheel, bundle), then the source checkout's resources/.
    Resolved once, and searched with plain strings: the window looks up ten icons before its
    first frame."""
    package_dir = Path(__file__).resolve().parent.parent
    return str(package_dir / "resources"), str(package_dir.parent.parent / "resources")


def find_resource(*parts: str) -> Path | None:
    """A file shipped with the app: inside the installed package (wheel, bundle), else in the
    source checkout's resources/ folder (running from a clone)."""
    for root in _resource_roots():
        candidate = os.path.join(root, *parts)
        if os.path.isfile(candidate):
            return Path(candidate)
    return None
