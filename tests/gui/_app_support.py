"""Shared set-up for the app-level GUI tests: a context on real stores and an AppController
whose engine uses short timeouts against the simulated X."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.engine import Engine
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings
from consentinel.core.vault import MemoryKeyring, Vault
from consentinel.gui.app_controller import AppController
from consentinel.gui.prompt_dialogs import PromptDialog
from consentinel.gui.translations import Translators


class HandClock:
    """The wall clock of a schedule (AutoChecks, Scheduler) as a test moves it: `time`."""

    def __init__(self, now: datetime) -> None:
        self.time = now

    def now(self) -> datetime:
        return self.time


def local_at(hour: int, minute: int = 0) -> datetime:
    """A time of one fixed day, in this computer's zone (schedule tests)."""
    return datetime(2026, 12, 2, hour, minute).astimezone()


def quick_engine(ctx: AppContext, **options: Any) -> Engine:
    """The real engine, headless, with timeouts that suit a local simulated X (`options`:
    the engine's others, e.g. answer_wait_s)."""
    return Engine(
        ctx,
        headless=True,
        interactive_headless=True,
        page_timeout_s=8,
        signin_step_timeout_s=8,
        interactive_timeout_s=20,
        **options,
    )


def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """The message boxes the windows show, instead of showing them: (kind, title, text)."""
    told: list[tuple[str, str, str]] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox,
            kind,
            staticmethod(lambda _p, title, text, kind=kind: told.append((kind, title, text))),
        )
    return told


def make_context(home: Path, origin: str | None = None, vault: Vault | None = None) -> AppContext:
    settings = Settings(schedule="off", check_on_start=False, x_origin=origin, concurrency=2)
    return AppContext.create(
        AppPaths.under(home), vault=vault or Vault(MemoryKeyring()), settings=settings
    )


def add_account(
    ctx: AppContext, handle: str, password: str | None = None, totp_secret: str | None = None
) -> None:
    ctx.accounts.add(Account(handle))
    if password:
        ctx.vault.set_password(handle, password)
    if totp_secret:
        ctx.vault.set_totp(handle, totp_secret)


@contextmanager
def running_app(
    qtbot: QtBot,
    ctx: AppContext,
    language: str = "en",
    engine_factory: Callable[[AppContext], Engine] = quick_engine,
    **options: object,
) -> Iterator[AppController]:
    """An AppController with its window shown (no tray: tests have no system tray)."""
    translators = Translators()
    translators.switch(language)
    controller = AppController(
        ctx,
        translators,
        engine_factory=engine_factory,
        use_tray=False,
        **options,  # type: ignore[arg-type]
    )
    controller.on_quit = lambda: None
    controller.start()
    qtbot.addWidget(controller.window)
    qtbot.waitExposed(controller.window)
    # What the window does after its first frame (the filter's keys, sorting…) set up, as a
    # person finds it: a key sent before it would meet the window still starting.
    qtbot.waitUntil(lambda: controller.window.first_frame_done)
    try:
        yield controller
    finally:
        controller.shutdown()
        translators.switch("en")


def check_all_until_prompt(qtbot: QtBot, app: AppController, timeout_ms: int) -> PromptDialog:
    """Check every account from the main window and return the prompt dialog X's question opens."""
    window = app.window
    with qtbot.waitSignal(app.runner.prompt, timeout=timeout_ms):
        window.check_all()
    qtbot.waitUntil(lambda: isinstance(window.open_prompt, PromptDialog))
    dialog = window.open_prompt
    assert dialog is not None and dialog.isVisible()
    return dialog


def come_back(qtbot: QtBot, window: QWidget) -> None:
    """The person goes to another program (a window of its own here: the desktop's keyring, a
    terminal) and comes back to `window`."""
    elsewhere = QWidget()
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    qtbot.waitUntil(elsewhere.isActiveWindow)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    elsewhere.close()
