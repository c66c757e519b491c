"""Qt translations: find the French .qm (shipped, or compiled from resources/*.ts into a cache)."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from consentinel import APP_NAME
from consentinel.core.fileio import make_private_dirs
from consentinel.core.i18n import current_language, set_language

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

log = logging.getLogger(__name__)


def gui_language(setting: str) -> str:
    """'en' or 'fr' for a Settings.language value ('system', 'en', 'fr'). A language chosen in
    Settings wins, even over CONSENTINEL_LANG; 'system' follows CONSENTINEL_LANG, then the
    locale. The core's messages follow the same choice, so that one window never mixes two
    languages."""
    if setting in ("en", "fr"):
        set_language(setting, above_environment=True)
        return setting
    set_language(None)
    return current_language()


def cache_dir() -> Path:
    """Where compiled translations go when the app runs from a checkout."""
    home = os.environ.get("CONSENTINEL_HOME", "").strip()
    if home:
        return Path(home) / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def lrelease_program() -> Path | None:
    """Qt's lrelease as PySide6-Essentials ships it."""
    import PySide6

    root = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease", "Qt/bin/lrelease"):
        if (root / name).is_file():
            return root / name
    return None


def _catalogue_dirs() -> list[Path]:
    """resources/translations inside the installed package, then in the source checkout."""
    package_dir = Path(__file__).resolve().parent.parent
    return [
        package_dir / "resources" / "translations",
        package_dir.parent.parent / "resources" / "translations",
    ]


def french_catalogues() -> list[Path]:
    """Every compiled French catalogue (one per part of the window: consentinel_fr*.qm): the
    ones shipped with the package, else built from the checkout's .ts (rebuilt when older)."""
    found: dict[str, Path] = {}
    for folder in _catalogue_dirs():
        for qm in sorted(folder.glob("consentinel_fr*.qm")):
            found.setdefault(qm.stem, qm)
        for ts in sorted(folder.glob("consentinel_fr*.ts")):
            shipped = found.get(ts.stem)
            if shipped is not None and shipped.stat().st_mtime >= ts.stat().st_mtime:
                continue
            target = cache_dir() / "translations" / f"{ts.stem}.qm"
            if target.is_file() and target.stat().st_mtime >= ts.stat().st_mtime:
                found[ts.stem] = target
                continue
            built = compile_ts(ts, target)
            if built is not None:
                found[ts.stem] = built
    return [found[name] for name in sorted(found)]


def compile_ts(ts: Path, qm: Path) -> Path | None:
    program = lrelease_program()
    if program is None:
        log.warning("lrelease not found: the window stays in English")
        return None
    make_private_dirs(qm.parent)
    import subprocess  # only from a checkout whose catalogues are not compiled yet

    done = subprocess.run(
        [str(program), "-silent", str(ts), "-qm", str(qm)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not qm.is_file():
        log.warning("lrelease failed (%s): %s", done.returncode, done.stderr.strip()[:500])
        return None
    return qm


class Translators:
    """The translators installed in the application; `switch()` replaces them."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def switch(self, setting: str) -> str:
        """Install the translators for a Settings.language value; returns 'en' or 'fr'."""
        app = QCoreApplication.instance()
        for translator in self._installed:
            if app is not None:
                app.removeTranslator(translator)
        self._installed.clear()
        self.language = gui_language(setting)
        if self.language != "fr" or app is None:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
            return self.language
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
        # (Loaded for French only: an English window shows without them.)
        from PySide6.QtCore import QLibraryInfo, QTranslator

        for qm in french_catalogues():
            ours = QTranslator()
            if ours.load(str(qm)):
                app.installTranslator(ours)
                self._installed.append(ours)
            else:
                log.warning("could not load the translation %s", qm.name)
        # Qt's own words (Yes, Cancel, the context menus of line edits).
        qt_base = QTranslator()
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_base.load(QLocale(QLocale.Language.French), "qtbase", "_", folder):
            app.installTranslator(qt_base)
            self._installed.append(qt_base)
        return self.language
