"""What a fresh browser context per account costs, against the floor's reused page.

`.venv/bin/python benchmarks/context_cost.py` (about a minute). One simulated account with a
session; one browser; each variant runs the floor's cycle (open the Grok page, untick training,
reload, read back, with the product's GrokPage) a few times, one at a time, and prints the median
wall time and the median CPU time of the whole machine per cycle. Run it on a quiet machine.
Never part of the test suite's pass/fail.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "desktop")]

import psutil  # noqa: E402

from consentinel.core.status import Box  # noqa: E402
from consentinel.simx import Scenario, SimAccount, SimX  # noqa: E402
from consentinel.x.browser import headful_user_agent, launch_args  # noqa: E402
from consentinel.x.grok_page import GrokPage  # noqa: E402
from consentinel.x.site import XSite  # noqa: E402

VIEWPORT = {"width": 1100, "height": 900}
#: As in the main benchmark: training ticked, the other boxes off.
BOXES_BEFORE = {"training": True, "personalization": False, "memory": False}


def machine_cpu() -> float:
    times = psutil.cpu_times()
    return float(times.user + times.system + times.nice)


def signed_in_state(sim: SimX) -> dict[str, Any]:
    """A storage_state with a session simx knows (as a saved session would be)."""
    token, session = sim.world.new_session("bench")
    host = sim.origin.split("//", 1)[1].split(":", 1)[0]

    def cookie(name: str, value: str, http_only: bool) -> dict[str, Any]:
        return {
            "name": name,
            "value": value,
            "domain": host,
            "path": "/",
            "expires": -1,
            "httpOnly": http_only,
            "secure": False,
            "sameSite": "Lax",
        }

    return {
        "cookies": [cookie("auth_token", token, True), cookie("ct0", session.ct0, False)],
        "origins": [],
    }


async def measure(sim: SimX, browser_path: str, repeats: int) -> dict[str, tuple[float, float]]:
    from playwright.async_api import async_playwright

    state = signed_in_state(sim)
    site = XSite(sim.origin)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=browser_path, headless=True, args=launch_args(True)
        )
        agent = headful_user_agent(browser.version)

        async def new_context() -> Any:
            return await browser.new_context(
                storage_state=state,  # type: ignore[arg-type]
                user_agent=agent,
                viewport=VIEWPORT,  # type: ignore[arg-type]
            )

        async def cycle(grok: GrokPage) -> bool:
            await grok.open()
            return (await grok.untick(Box.TRAINING)).confirmed

        shared = await new_context()
        kept = GrokPage(await shared.new_page(), site, 30_000)

        async def reused_page() -> bool:
            return await cycle(kept)

        async def new_page_same_context() -> bool:
            page = await shared.new_page()
            try:
                return await cycle(GrokPage(page, site, 30_000))
            finally:
                await page.close()

        async def fresh_context(screenshot: bool) -> bool:
            context = await new_context()
            try:
                grok = GrokPage(await context.new_page(), site, 30_000)
                done = await cycle(grok)
                if screenshot:
                    await grok.screenshot()
                return done
            finally:
                await context.close()

        async def blank_context() -> bool:
            context = await new_context()
            page = await context.new_page()
            await page.goto("about:blank")
            await context.close()
            return True

        variants: dict[str, Callable[[], Awaitable[bool]]] = {
            "the floor: one page, reused": reused_page,
            "a new page in the same browser context": new_page_same_context,
            "a fresh context per account, no screenshot": lambda: fresh_context(False),
            "a fresh context per account, with the screenshot": lambda: fresh_context(True),
            "a fresh context that only opens about:blank": blank_context,
        }
        # Untimed: the reused page's first load (a cold start the floor pays once).
        sim.set_box("bench", "training", True)
        await reused_page()
        results: dict[str, tuple[float, float]] = {}
        for name, run in variants.items():
            walls, cpus = [], []
            for _ in range(repeats):
                sim.set_box("bench", "training", True)
                cpu0, t0 = machine_cpu(), time.perf_counter()
                if not await run():
                    raise SystemExit(f"{name}: the box was not read back off")
                walls.append(time.perf_counter() - t0)
                cpus.append(machine_cpu() - cpu0)
            results[name] = (statistics.median(walls), statistics.median(cpus))
        await browser.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--browser", default="/usr/bin/chromium")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--latency-ms", type=int, default=150)
    parser.add_argument("--render-ms", type=int, default=150)
    opts = parser.parse_args()
    scenario = Scenario(
        accounts=[SimAccount("bench", "unused", boxes=dict(BOXES_BEFORE))],
        latency_ms=opts.latency_ms,
        render_delay_ms=opts.render_ms,
    )
    with SimX(scenario) as sim:
        results = asyncio.run(measure(sim, opts.browser, opts.repeats))
    print(f"{'per account':52} {'wall s':>7} {'CPU s':>7}")
    for name, (wall, cpu) in results.items():
        print(f"{name:52} {wall:7.2f} {cpu:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
