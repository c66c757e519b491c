"""Run by tests/e2e/test_browser_launch.py in a process of its own: starts the browser the way
the product does (launch_browser), opens each address given in one page, then closes it.

With --wait it prints "ready" once the pages are open and keeps the browser until its standard
input closes: a Consentinel process to kill mid-run. With --window the browser is visible (run it
under xvfb-run).
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from playwright.async_api import async_playwright

from consentinel.x.browser import find_browser, launch_browser


async def _run(addresses: list[str], window: bool, wait: bool) -> None:
    choice = find_browser()
    assert choice is not None, "no browser found (CONSENTINEL_BROWSER)"
    async with async_playwright() as pw:
        browser = await launch_browser(pw, choice, headless=not window, language="en")
        try:
            # The test's https page has a certificate of its own making.
            context = await browser.new_context(ignore_https_errors=True)
            page = await context.new_page()
            for address in addresses:
                response = await page.goto(address)
                assert response is not None and response.ok, (address, response)
            _say_what_others_could_read()
            if wait:
                print("ready", flush=True)
                await asyncio.to_thread(sys.stdin.read)
        finally:
            await browser.close()


def _say_what_others_could_read() -> None:
    """Every file or folder under the temporary folder (where the browser's folders are) that
    another user of the computer could read or enter while the browser runs: open to others
    itself, under folders they may all pass through (the temporary folder is taken as open to
    all, as /tmp is)."""
    import os
    import stat
    import tempfile

    top = tempfile.gettempdir()
    passable = {top}
    for root, dirs, files in os.walk(top):
        if root not in passable:
            continue  # others cannot get past a folder above it: nothing inside is theirs
        for name in dirs + files:
            path = os.path.join(root, name)
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                continue
            if mode & 0o066 or (stat.S_ISDIR(mode) and mode & 0o011):
                print(f"open to others: {path} {stat.filemode(mode)}", file=sys.stderr)
            if stat.S_ISDIR(mode) and mode & 0o011:
                passable.add(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--window", action="store_true")
    parser.add_argument("--wait", action="store_true")
    parser.add_argument("addresses", nargs="*")
    args = parser.parse_args()
    asyncio.run(_run(args.addresses, args.window, args.wait))
    return 0


if __name__ == "__main__":
    sys.exit(main())
