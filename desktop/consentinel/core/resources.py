"""Finding the files shipped with the app (icons, translations, desktop files)."""

from __future__ import annotations

from pathlib import Path


def find_resource(*parts: str) -> Path | None:
    """A file shipped with the app: inside the installed package (wheel, bundle), else in the
    source checkout's resources/ folder (running from a clone)."""
    package_dir = Path(__file__).resolve().parent.parent
    candidates = [
        package_dir.joinpath("resources", *parts),
        package_dir.parent.parent.joinpath("resources", *parts),
    ]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return None
