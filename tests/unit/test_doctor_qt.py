"""The doctor's Qt line tells whether the window can open on an X11 screen: a pip or pipx
install has PySide6 without the system libraries of Qt's X11 plugin (libxcb-cursor0 first), and
the window aborted while the doctor said "[ OK ] Qt"."""

from __future__ import annotations

from pathlib import Path

import PySide6
import pytest
from PySide6 import QtCore

from consentinel.core import doctor, xcb_libraries
from consentinel.core.doctor import Topic


@pytest.fixture
def x11_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """An X11 session, as the window would open there (the tests' offscreen platform off)."""
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("XDG_SESSION_TYPE", "x11")
    monkeypatch.setenv("DISPLAY", ":0")


def _versions() -> str:
    return f"Qt {QtCore.qVersion()}, PySide6 {PySide6.__version__}"


def test_this_machine_has_what_the_x11_window_needs(x11_screen: None) -> None:
    plugin = xcb_libraries.find_xcb_plugin([Path(PySide6.__file__).parent / "Qt" / "plugins"])
    assert plugin is not None and plugin.name == "libqxcb.so"
    # The quick start installed them: ldd finds every one, libxcb-cursor loads.
    assert xcb_libraries.missing_libraries(plugin) == []
    assert doctor.check_qt() == doctor.Check("Qt", True, _versions(), "", Topic.QT)


@pytest.mark.parametrize(
    ("lang", "detail", "advice"),
    [
        (
            "en",
            "{versions}; the window cannot open on this X11 screen, these system libraries "
            "are missing: libxcb-cursor.so.0.",
            "Install what it needs (Debian/Ubuntu: sudo apt install libxcb-cursor0), then "
            "start Consentinel again.",
        ),
        (
            "fr",
            "{versions}\u00a0; la fenêtre ne peut pas s'ouvrir sur cet écran X11, il manque "
            "ces bibliothèques système\u00a0: libxcb-cursor.so.0.",
            "Installez ce qu'il lui faut (Debian/Ubuntu\u00a0: sudo apt install "
            "libxcb-cursor0), puis relancez Consentinel.",
        ),
    ],
)
def test_without_libxcb_cursor_the_qt_line_is_a_problem_naming_the_package(
    x11_screen: None, monkeypatch: pytest.MonkeyPatch, lang: str, detail: str, advice: str
) -> None:
    """A system library cannot be removed from this machine for a test: the loader's lookup
    of libxcb-cursor.so.0 is made to fail instead, as it fails where the package is missing."""
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    real = xcb_libraries.loadable
    monkeypatch.setattr(
        xcb_libraries, "loadable", lambda name: name != "libxcb-cursor.so.0" and real(name)
    )
    check = doctor.check_qt()
    assert (check.ok, check.detail, check.advice) == (
        False,
        detail.format(versions=_versions()),
        advice,
    )
    assert check.topic is Topic.QT


@pytest.mark.parametrize(
    ("lang", "advice"),
    [
        (
            "en",
            "Install what it needs (Debian/Ubuntu: sudo apt install libglib2.0-0 libxcb-cursor0), "
            "then start Consentinel again. Also needed, from your distribution's packages: "
            "libwhatever.so.3.",
        ),
        (
            "fr",
            "Installez ce qu'il lui faut (Debian/Ubuntu\u00a0: sudo apt install libglib2.0-0 "
            "libxcb-cursor0), puis relancez Consentinel. Il faut aussi, parmi les paquets de "
            "votre distribution\u00a0: libwhatever.so.3.",
        ),
    ],
)
def test_what_ldd_does_not_find_is_named_by_its_package_or_by_itself(
    x11_screen: None, monkeypatch: pytest.MonkeyPatch, lang: str, advice: str
) -> None:
    """ldd's "not found" cannot be made here for the real plugin either: its answer is made
    to name two libraries of glib (one package) and one of no package known here."""
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    monkeypatch.setattr(
        xcb_libraries,
        "_not_found_by_ldd",
        lambda plugin: ["libglib-2.0.so.0", "libgthread-2.0.so.0", "libwhatever.so.3"],
    )
    monkeypatch.setattr(xcb_libraries, "loadable", lambda name: False)
    check = doctor.check_qt()
    assert check.ok is False
    assert check.detail.endswith(
        "libglib-2.0.so.0, libgthread-2.0.so.0, libwhatever.so.3, libxcb-cursor.so.0."
    )
    assert check.advice == advice


@pytest.mark.parametrize(
    "screen",
    [
        {"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"},
        {"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"},
        {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0"},
        {"WAYLAND_DISPLAY": "wayland-0"},
        {},
    ],
)
def test_where_the_window_would_not_use_x11_its_libraries_are_not_asked_for(
    monkeypatch: pytest.MonkeyPatch, screen: dict[str, str]
) -> None:
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in screen.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(xcb_libraries, "loadable", lambda name: False)
    assert doctor.check_qt().ok is True


def test_xcb_asked_for_on_a_wayland_session_is_checked(
    x11_screen: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(xcb_libraries, "loadable", lambda name: False)
    assert doctor.check_qt().ok is False
