"""Qt translations: find the French .qm (shipped, or compiled from resources/*.ts into a cache)."""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from consentinel import APP_NAME
from consentinel.core.desktop_entry import find_resource
from consentinel.core.i18n import current_language, set_language

log = logging.getLogger(__name__)

TS_NAME = "consentinel_fr.ts"
QM_NAME = "consentinel_fr.qm"


def gui_language(setting: str) -> str:
    """'en' or 'fr' for a Settings.language value ('system', 'en', 'fr'); the core's messages
    follow the same choice, so that one window never mixes two languages."""
    set_language(None if setting == "system" else setting)
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


def french_qm() -> Path | None:
    """The compiled French catalogue: the one shipped with the package, else one built from the
    checkout's .ts (rebuilt when the .ts is newer). None when neither can be had."""
    ts = find_resource("translations", TS_NAME)
    shipped = find_resource("translations", QM_NAME)
    if shipped is not None and (ts is None or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if ts is None:
        return None
    target = cache_dir() / "translations" / QM_NAME
    if target.is_file() and target.stat().st_mtime >= ts.stat().st_mtime:
        return target
    return compile_ts(ts, target)


def compile_ts(ts: Path, qm: Path) -> Path | None:
    program = lrelease_program()
    if program is None:
        log.warning("lrelease not found: the window stays in English")
        return None
    qm.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
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
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Territory.UnitedStates))
            return self.language
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Territory.France))
        ours = QTranslator()
        qm = french_qm()
        if qm is not None and ours.load(str(qm)):
            app.installTranslator(ours)
            self._installed.append(ours)
        # Qt's own words (Yes, Cancel, the context menus of line edits).
        qt_base = QTranslator()
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_base.load(QLocale(QLocale.Language.French), "qtbase", "_", folder):
            app.installTranslator(qt_base)
            self._installed.append(qt_base)
        return self.language
