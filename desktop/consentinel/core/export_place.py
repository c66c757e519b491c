"""Where an export may be written: never over a file Consentinel keeps for itself."""

from __future__ import annotations

from pathlib import Path

from consentinel.core.i18n import tr
from consentinel.core.paths import AppPaths


def own_files_problem(target: str | Path, paths: AppPaths) -> str | None:
    """Why `target` must not take an export, in a sentence (None: it may). An export never
    replaces the journal, its head file, the settings, the accounts or anything else the app
    keeps; its exports folder is the one place in its data folder made for them. `target` is
    said as given; it is compared once resolved (a symlink, "..", a relative path)."""
    resolved = Path(target).expanduser().resolve()
    around = (resolved, *resolved.parents)
    if paths.exports_dir.resolve() in around[1:]:
        return None
    own = (paths.config_dir, paths.data_dir, paths.logs_dir)
    if not any(folder.resolve() in around for folder in own):
        return None
    return tr(
        "{path} is in Consentinel's own folders, where an export could replace what it keeps: "
        "choose another place, such as {exports}.",
        path=target,
        exports=paths.exports_dir,
    )
