"""The two yardsticks, each run as its own process so its whole tree can be measured.

`naive`: what a simple script would do — one fresh browser per account, one after another,
the same pages and the same verification (open the Grok page from the saved session, untick
training, reload, read it back).
`floor`: one browser already running, one settings page loaded, unticked and read back (timed
alone), and `min(N, concurrency)` pages doing it together (for the memory).

Both read `{"states": {handle: storage_state}}` on stdin (sessions are secrets: never argv or
files) and print one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from typing import Any

WRAPPER = '[data-testid="xaiDataSharingSettings"]'
TRAINING_MUTATION = "XaiDataSharingSettingsMutation"
#: The few Chromium switches a simple script on this closed network would pass (the naive
#: script's; the floor launches the browser exactly as the product does).
QUIET_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def tree_cpu_seconds() -> float:
    """User and system CPU of this process and every live process under it (the browser's),
    with that of the ones that ended: the kernel adds an ended process's time to its parent's
    own count of ended children (a closed context's renderer, to Chromium's zygote)."""
    import psutil

    total = 0.0
    me = psutil.Process()
    for proc in [me, *me.children(recursive=True)]:
        try:
            times = proc.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system + times.children_user + times.children_system
    return total


def _is_training_mutation(response: Any) -> bool:
    return bool(response.request.method == "POST" and TRAINING_MUTATION in response.url)


def naive(
    origin: str, browser_path: str, states: dict[str, Any], timeout_ms: float
) -> dict[str, Any]:
    """One browser per account, sequentially, with the plain sync API."""
    from playwright.sync_api import sync_playwright

    verified = 0
    per_account: list[float] = []
    with sync_playwright() as pw:
        for state in states.values():
            started = time.perf_counter()
            browser = pw.chromium.launch(
                executable_path=browser_path, headless=True, args=QUIET_ARGS
            )
            context = browser.new_context(storage_state=state)
            page = context.new_page()
            page.set_default_timeout(timeout_ms)
            page.goto(f"{origin}/settings/grok_settings", wait_until="domcontentloaded")
            box = page.locator(WRAPPER).locator('input[type="checkbox"]').first
            box.wait_for(state="attached")
            if box.is_checked():
                with page.expect_response(_is_training_mutation):
                    box.click()
            page.reload(wait_until="domcontentloaded")
            box.wait_for(state="attached")
            if not box.is_checked():
                verified += 1
            browser.close()
            per_account.append(time.perf_counter() - started)
    return {"verified": verified, "per_account_s": per_account}


async def _tick_again(page: Any) -> None:
    """Ticks the training box again the way a person would, and waits for X's answer."""
    box = page.locator(WRAPPER).locator('input[type="checkbox"]').first
    async with page.expect_response(_is_training_mutation):
        await box.click()


async def _floor(
    origin: str, browser_path: str, states: dict[str, Any], cycles: int, timeout_ms: float
) -> dict[str, Any]:
    from playwright.async_api import async_playwright

    from consentinel.core.status import Box
    from consentinel.x.browser import VIEWPORT, headful_user_agent, launch_args
    from consentinel.x.grok_page import GrokPage
    from consentinel.x.site import XSite

    site = XSite(origin)
    started = time.perf_counter()
    pw = await async_playwright().start()
    browser = await pw.chromium.launch(
        executable_path=browser_path, headless=True, args=launch_args(True)
    )
    browser_start_s = time.perf_counter() - started
    try:
        agent = headful_user_agent(browser.version)
        pages = []
        for state in states.values():
            context = await browser.new_context(
                storage_state=state, user_agent=agent, viewport=VIEWPORT
            )
            page = await context.new_page()
            page.set_default_timeout(timeout_ms)
            pages.append((page, GrokPage(page, site, timeout_ms)))

        async def cycle(grok: GrokPage) -> bool:
            await grok.open()
            return (await grok.untick(Box.TRAINING)).confirmed

        # One page alone: the cost of X's pages for one account, timed a few times.
        first_page, first = pages[0]
        times: list[float] = []
        cpus: list[float] = []
        for _ in range(cycles):
            t0, cpu0 = time.perf_counter(), tree_cpu_seconds()
            if not await cycle(first):
                raise SystemExit("floor: the training box was not read back off")
            times.append(time.perf_counter() - t0)
            # The processor time that cycle cost the browser and its driver (the simulated X
            # runs in the benchmark's own process, not counted here).
            cpus.append(tree_cpu_seconds() - cpu0)
            await _tick_again(first_page)  # untimed, for the next cycle
        # The same cycle in a browser context of its own, made and closed each time: the
        # product's way (no account's cookies or storage reach another), for its processor time.
        isolated_cpus: list[float] = []
        first_state = next(iter(states.values()))
        for _ in range(cycles):
            cpu0 = tree_cpu_seconds()
            context = await browser.new_context(
                storage_state=first_state, user_agent=agent, viewport=VIEWPORT
            )
            page = await context.new_page()
            page.set_default_timeout(timeout_ms)
            if not await cycle(GrokPage(page, site, timeout_ms)):
                raise SystemExit("floor: the training box was not read back off (own context)")
            spent = tree_cpu_seconds() - cpu0
            await _tick_again(page)
            cpu1 = tree_cpu_seconds()
            await context.close()
            isolated_cpus.append(spent + tree_cpu_seconds() - cpu1)
        # All pages at once: what `concurrency` accounts in one browser hold in memory.
        t0 = time.perf_counter()
        together = await asyncio.gather(*(cycle(g) for _, g in pages))
        together_s = time.perf_counter() - t0
        return {
            # Not part of the floor (which assumes pages in parallel cost what one costs
            # alone): how long the same cycle takes with these pages at once on this machine.
            "together_s": together_s,
            "browser_start_s": browser_start_s,
            "cycle_s": statistics.median(times),
            "cycles_s": times,
            "cycle_cpu_s": statistics.median(cpus),
            "own_context_cycle_cpu_s": statistics.median(isolated_cpus),
            "pages_together": len(pages),
            "verified_together": sum(together),
        }
    finally:
        await browser.close()
        await pw.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=("naive", "floor"))
    parser.add_argument("--origin", required=True)
    parser.add_argument("--browser", required=True)
    parser.add_argument("--cycles", type=int, default=3)
    parser.add_argument("--timeout-s", type=float, default=60.0)
    args = parser.parse_args()
    states: dict[str, Any] = json.loads(sys.stdin.read())["states"]
    timeout_ms = args.timeout_s * 1000
    if args.mode == "naive":
        result = naive(args.origin, args.browser, states, timeout_ms)
    else:
        result = asyncio.run(_floor(args.origin, args.browser, states, args.cycles, timeout_ms))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
