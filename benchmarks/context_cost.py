"""What a fresh browser context per account costs, against the floor's reused page.

`.venv/bin/python benchmarks/context_cost.py` (about a minute). One simulated account with a
session; one browser launched as the product launches it (and a second with Chrome's own
address-bar pages left on, as they were before the product turned them off; and, when one is
installed, a headless shell, which the product does not use because X can tell it is headless);
each variant runs the floor's cycle (open the Grok page, untick training, reload, read back,
with the product's GrokPage) a few times, one at a time, and prints the median wall time and
the median CPU time of the whole machine per cycle, then where that CPU went: the mean per
cycle of each kind of Chromium process (renderer, browser, GPU…) and Playwright's driver, sampled
every 20 ms (a process that ends loses at most its last 20 ms). Run it on a quiet machine. Never
part of the test suite's pass/fail.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import shutil
import statistics
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "desktop")]

import psutil  # noqa: E402

from consentinel.core.status import Box  # noqa: E402
from consentinel.simx import Scenario, SimAccount, SimX  # noqa: E402
from consentinel.x.browser import (  # noqa: E402
    DISABLED_FEATURES,
    OMNIBOX_PAGES,
    VIEWPORT,
    headful_user_agent,
    launch_args,
)
from consentinel.x.grok_page import GrokPage  # noqa: E402
from consentinel.x.site import XSite  # noqa: E402

#: As in the main benchmark: training ticked, the other boxes off.
BOXES_BEFORE = {"training": True, "personalization": False, "memory": False}


def machine_cpu() -> float:
    times = psutil.cpu_times()
    return float(times.user + times.system + times.nice)


def process_kind(proc: psutil.Process) -> str:
    """One of "renderer", "gpu-process", "utility", "browser" (Chromium's main one), "driver"."""
    try:
        cmdline = proc.cmdline()
    except psutil.Error:
        return "gone"
    for arg in cmdline:
        if arg.startswith("--type="):
            return str(arg).removeprefix("--type=")
    name = Path(cmdline[0]).name if cmdline else ""
    return "driver" if "node" in name else "browser" if "chrom" in name else name or "other"


class ChildCpu:
    """CPU time of this process's children by kind, sampled in a thread every 20 ms."""

    def __init__(self) -> None:
        self._seen: dict[int, tuple[str, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _sample(self) -> None:
        for child in psutil.Process().children(recursive=True):
            try:
                times = child.cpu_times()
            except psutil.Error:
                continue
            kind = self._seen[child.pid][0] if child.pid in self._seen else process_kind(child)
            self._seen[child.pid] = (kind, times.user + times.system)

    def _loop(self) -> None:
        while not self._stop.wait(0.02):
            self._sample()

    def totals(self) -> dict[str, float]:
        out: dict[str, float] = collections.defaultdict(float)
        for kind, cpu in list(self._seen.values()):
            out[kind] += cpu
        return out

    def __enter__(self) -> ChildCpu:
        self._sample()
        self._before = self.totals()
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()
        after = self.totals()
        self.spent = {kind: cpu - self._before.get(kind, 0.0) for kind, cpu in after.items()}


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


Figures = tuple[float, float, dict[str, float]]


def args_with_omnibox_pages() -> list[str]:
    """The product's switches with Chrome's own address-bar pages left on, as they were until
    the product switched them off: a second browser launched so shows what they cost."""
    kept = [f for f in DISABLED_FEATURES if f not in OMNIBOX_PAGES]
    return [
        "--disable-features=" + ",".join(kept) if arg.startswith("--disable-features=") else arg
        for arg in launch_args(True)
    ]


async def measure(
    sim: SimX, browser_path: str, repeats: int, shell_path: str | None = None
) -> dict[str, Figures]:
    from playwright.async_api import async_playwright

    state = signed_in_state(sim)
    site = XSite(sim.origin)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=browser_path, headless=True, args=launch_args(True)
        )
        before = await pw.chromium.launch(
            executable_path=browser_path, headless=True, args=args_with_omnibox_pages()
        )
        # A headless shell (Playwright's default headless browser; Debian's
        # chromium-headless-shell) has no browser window: measured, not used by the product,
        # which X would see as headless (tests/e2e/test_engine_run.py, normal_chrome).
        shell = (
            await pw.chromium.launch(
                executable_path=shell_path, headless=True, args=launch_args(True)
            )
            if shell_path
            else None
        )
        agent = headful_user_agent(browser.version)

        async def new_context(in_browser: Any = browser) -> Any:
            return await in_browser.new_context(
                storage_state=state,
                user_agent=agent,
                viewport=VIEWPORT,
            )

        async def cycle(grok: GrokPage) -> bool:
            await grok.open()
            return (await grok.untick(Box.TRAINING)).confirmed

        shared = await new_context()
        kept = GrokPage(await shared.new_page(), site, 30_000)

        async def reused_page() -> bool:
            return await cycle(kept)

        async def new_page_in(context: Any) -> bool:
            page = await context.new_page()
            try:
                return await cycle(GrokPage(page, site, 30_000))
            finally:
                await page.close()

        async def fresh_context(screenshot: bool, in_browser: Any = browser) -> bool:
            context = await new_context(in_browser)
            try:
                grok = GrokPage(await context.new_page(), site, 30_000)
                done = await cycle(grok)
                if screenshot:
                    await grok.screenshot()
                return done
            finally:
                await context.close()

        # A context that keeps no page open between cycles: each page needs a new renderer
        # process, but the context itself (its profile, caches) is already made.
        idle = await new_context()

        static_cache: dict[str, tuple[int, dict[str, str], bytes]] = {}

        async def serve_static(route: Any) -> None:
            # X's public files (the page's script and style) kept in memory across contexts;
            # nothing else (no cookies, no storage, no API answers) is shared.
            url = route.request.url
            if url not in static_cache:
                response = await route.fetch()
                static_cache[url] = (response.status, response.headers, await response.body())
            status, headers, body = static_cache[url]
            await route.fulfill(status=status, headers=headers, body=body)

        async def fresh_context_static_cache() -> bool:
            context = await new_context()
            await context.route("**/static/**", serve_static)
            try:
                return await cycle(GrokPage(await context.new_page(), site, 30_000))
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
            "a new page in the same browser context": lambda: new_page_in(shared),
            "a fresh context per account, no screenshot": lambda: fresh_context(False),
            "a fresh context per account, with the screenshot": lambda: fresh_context(True),
            "a fresh context, no screenshot, Chrome's omnibox pages on": (
                lambda: fresh_context(False, before)
            ),
            **(
                {
                    "a fresh context, headless shell (not used: X can tell)": (
                        lambda: fresh_context(False, shell)
                    )
                }
                if shell is not None
                else {}
            ),
            "a fresh context that only opens about:blank": blank_context,
            "a new page in a made context with no page open": lambda: new_page_in(idle),
            "a fresh context, static files from a shared cache": fresh_context_static_cache,
        }
        # Untimed: the reused page's first load (a cold start the floor pays once).
        sim.set_box("bench", "training", True)
        await reused_page()
        results: dict[str, Figures] = {}
        for name, run in variants.items():
            walls, cpus = [], []
            with ChildCpu() as split:
                for _ in range(repeats):
                    sim.set_box("bench", "training", True)
                    cpu0, t0 = machine_cpu(), time.perf_counter()
                    if not await run():
                        raise SystemExit(f"{name}: the box was not read back off")
                    walls.append(time.perf_counter() - t0)
                    cpus.append(machine_cpu() - cpu0)
            by_kind = {kind: cpu / repeats for kind, cpu in split.spent.items() if cpu > 0}
            results[name] = (statistics.median(walls), statistics.median(cpus), by_kind)
        await before.close()
        if shell is not None:
            await shell.close()
        await browser.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--browser", default="/usr/bin/chromium")
    parser.add_argument(
        "--headless-shell",
        default=shutil.which("chromium-headless-shell") or "",
        help="a headless shell to compare with (default: chromium-headless-shell if installed)",
    )
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
        results = asyncio.run(measure(sim, opts.browser, opts.repeats, opts.headless_shell or None))
    kinds = ("renderer", "browser", "gpu-process", "driver")
    width = max(len(name) for name in results)
    print(
        f"{'per account':{width}} {'wall s':>7} {'CPU s':>7}  "
        + " ".join(f"{k:>11}" for k in kinds)
    )
    for name, (wall, cpu, by_kind) in results.items():
        split = " ".join(f"{by_kind.get(k, 0.0):11.2f}" for k in kinds)
        print(f"{name:{width}} {wall:7.2f} {cpu:7.2f}  {split}")
    print("(CPU s: the whole machine, median per cycle; the kinds: mean per cycle)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
