"""Demo mode: the simulated X in-process, a throwaway data folder and an in-memory keyring."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.events import PromptRequest
from consentinel.core.paths import AppPaths
from consentinel.core.settings import X_ORIGIN_ENV, Settings
from consentinel.core.steps import PromptKind
from consentinel.core.totp import totp_spec
from consentinel.core.vault import MemoryKeyring, Vault
from consentinel.simx import Scenario, SimX

DEMO_SCENARIO = Path(__file__).resolve().parent.parent / "simx" / "scenarios" / "demo.toml"


class DemoSession:
    """Start with `DemoSession.start()`; `stop()` removes everything it made."""

    def __init__(self, scenario: Scenario, sim: SimX, folder: Path, ctx: AppContext) -> None:
        self.scenario = scenario
        self.sim = sim
        self.folder = folder
        self.ctx = ctx
        self._saved_origin = os.environ.get(X_ORIGIN_ENV)

    @classmethod
    def start(cls, scenario_path: Path = DEMO_SCENARIO) -> DemoSession:
        scenario = Scenario.from_file(scenario_path)
        sim = SimX(scenario).start()
        folder = Path(tempfile.mkdtemp(prefix="consentinel-demo-"))
        saved = os.environ.get(X_ORIGIN_ENV)
        # Anything that reads the environment (a browser launched from here) finds simx too.
        os.environ[X_ORIGIN_ENV] = sim.origin
        settings = Settings(
            schedule="off", check_on_start=False, x_origin=sim.origin, notifications=True
        )
        ctx = AppContext.create(
            AppPaths.under(folder), vault=Vault(MemoryKeyring()), settings=settings
        )
        ctx.save_settings()
        for sim_account in scenario.accounts:
            ctx.accounts.add(Account(sim_account.handle))
            ctx.vault.set_password(sim_account.handle, sim_account.password)
            # The 2FA account's secret is not saved: the demo shows the prompt, with a hint.
            ctx.journal.append_account_added(sim_account.handle)
        session = cls(scenario, sim, folder, ctx)
        session._saved_origin = saved
        return session

    def hint_for(self, request: PromptRequest) -> str | None:
        """What the person types in the demo: the current code of the 2FA demo account."""
        if request.kind is not PromptKind.TWO_FACTOR_CODE:
            if request.kind is PromptKind.EMAIL_CODE:
                code = self.sim.email_code(request.handle)
                if code:
                    return QCoreApplication.translate(
                        "DemoSession", "Demo: the simulated X sent the code {code}."
                    ).replace("{code}", code)
            return None
        for account in self.scenario.accounts:
            if account.handle.lower() == request.handle.lower() and account.totp_secret:
                code = totp_spec(account.totp_secret).code_now()
                return QCoreApplication.translate(
                    "DemoSession",
                    "Demo: an authenticator app would show {code} now.",
                ).replace("{code}", code)
        return None

    def stop(self) -> None:
        self.sim.stop()
        self.ctx.journal.close()
        if self._saved_origin is None:
            os.environ.pop(X_ORIGIN_ENV, None)
        else:
            os.environ[X_ORIGIN_ENV] = self._saved_origin
        shutil.rmtree(self.folder, ignore_errors=True)
