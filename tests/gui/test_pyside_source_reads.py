"""spare_pyside_source_reads where the app's modules are not in folders: PyInstaller's bundle
keeps them in an archive, and listing their folder crashed every bundle's start."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

import consentinel
from consentinel.gui.launch import spare_pyside_source_reads


def _feature_table(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """A stand-in for PySide's support module, holding the table the function fills in."""
    table: dict[str, int] = {}
    feature = types.ModuleType("shibokensupport.feature")
    feature.pyside_feature_dict = table  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "shibokensupport.feature", feature)
    return table


def test_a_bundle_without_module_folders_starts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    table = _feature_table(monkeypatch)
    (tmp_path / "x").mkdir()  # a bundle keeps data folders (x/data), not the modules
    monkeypatch.setattr(consentinel, "__path__", [str(tmp_path)])
    spare_pyside_source_reads()
    # The modules already loaded are entered all the same.
    assert table["consentinel.gui.launch"] == 0
    assert table["consentinel"] == -1


def test_the_app_s_own_modules_are_entered_from_their_folders(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    table = _feature_table(monkeypatch)
    spare_pyside_source_reads()
    assert table["consentinel.gui.main_window"] == 0  # (not imported yet by this test)
    assert table["consentinel.core.engine"] == -1
