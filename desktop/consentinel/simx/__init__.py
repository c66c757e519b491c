"""The simulated X: a real HTTP server imitating X's pages, for tests and the demo mode."""

from consentinel.simx.scenario import FlipBack, Scenario, SimAccount
from consentinel.simx.server import SimX

__all__ = ["FlipBack", "Scenario", "SimAccount", "SimX"]
