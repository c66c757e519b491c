"""A check stopped before its end (Ctrl-C, a shutdown) says at its end, in the person's
language, how far it had gone: the accounts checked, those left for the next check, and the one
stopped while a box was being unticked. Real processes, a real Secret Service keyring, real
Chromium against the simulated X, a real signal."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Any

import pytest

from consentinel.core.french_typography import typeset
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings, save_settings
from consentinel.simx import SimAccount
from tests.e2e._cli_support import started, x_with_accounts

PASSWORD = "correct horse battery staple 42!"
LEFT = ("cs_c1", "cs_c2", "cs_c3", "cs_c4")

SYSTEM_STOP_FR = typeset("Arrêté : le système a demandé à Consentinel de s'arrêter.\n")
SAID = {
    "en": (
        "\nAccounts checked: 1 of 6.\n"
        "Not checked, left for the next check: @cs_bob, @cs_c1 and 3 others.\n"
        "Stopped while unticking boxes on @cs_bob: the next check reads them again.\n"
    ),
    "fr": typeset(
        "\nComptes vérifiés : 1 sur 6.\n"
        "Non vérifiés, laissés à la prochaine vérification : @cs_bob, @cs_c1 et 3 autres.\n"
        "Arrêté en décochant des cases de @cs_bob : la prochaine vérification les relit.\n"
    ),
}


@pytest.mark.browser
@pytest.mark.parametrize(
    ("stop", "lang", "last_word"),
    [
        (signal.SIGINT, "en", "Interrupted.\n"),
        (signal.SIGTERM, "fr", SYSTEM_STOP_FR),
    ],
)
def test_a_stopped_check_says_what_it_checked_and_what_is_left(
    simx: Any,
    cli_env: dict[str, str],
    consentinel_home: Path,
    stop: signal.Signals,
    lang: str,
    last_word: str,
) -> None:
    """One account at a time: @cs_ann is checked, @cs_bob is stopped after X applied its
    untick and before X's answer, the four after it wait their turn when the signal comes."""
    sim, env = x_with_accounts(
        simx,
        cli_env,
        SimAccount("cs_ann", PASSWORD),
        SimAccount("cs_bob", PASSWORD, fault="mutation_hang"),
        *(SimAccount(handle, PASSWORD) for handle in LEFT),
    )
    save_settings(AppPaths.under(consentinel_home), Settings(concurrency=1))
    env["CONSENTINEL_LANG"] = lang
    with started(env, "check") as run:
        assert sim.mutation_hanging.wait(timeout=120), "@cs_bob's check never unticked a box"
        run.proc.send_signal(stop)
        done = run.finish(timeout=120)
    assert done.returncode == (130 if stop is signal.SIGINT else -signal.SIGTERM), done.stderr
    assert done.stderr.endswith(SAID[lang] + last_word), done.stderr
    assert "Traceback" not in done.stderr
    # Each account said its line as it ended: the one checked, the five stopped.
    said = sorted(line.split(":")[0].strip() for line in done.stdout.splitlines())
    assert said == ["@cs_ann", "@cs_bob", *(f"@{handle}" for handle in LEFT)], done.stdout
    assert sim.boxes("cs_ann")["training"] is False
    assert not any(sim.boxes(handle)["training"] is False for handle in LEFT)
