"""The README's "Uninstall / Désinstaller" names, in English and in French, every folder the
app writes in the home: the cache, which holds the window's compiled translations, was left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from consentinel.core.paths import AppPaths
from consentinel.gui.translations import cache_dir

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_folder_of_the_app_in_the_home_is_named_in_both_languages(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("CONSENTINEL_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    paths = AppPaths.from_env()
    folders = {paths.config_dir, paths.data_dir, paths.logs_dir.parent, cache_dir()}
    named = {"~/" + str(folder.relative_to(tmp_path)) for folder in folders}
    assert "~/.cache/Consentinel" in named
    start = README.index("\n## Uninstall / Désinstaller\n")
    section = README[start : README.index("\n## ", start + 1)]
    english, french = section.split("\n*Dans cet ordre", 1)
    for half in (english, french):
        words = set(half.replace("`", " ").replace("(", " ").replace(")", " ").split())
        assert named <= words, named - words
