"""`consentinel browser [install]`: which browser checks use, and getting one."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from consentinel.cli.main import list_as_commands
from consentinel.core.i18n import tr


def add_parser(sub: Any) -> None:
    browser = sub.add_parser("browser", help=tr("show the browser used for checks, or install one"))
    list_as_commands(browser)
    browser.add_argument(
        "action",
        nargs="?",
        choices=["install"],
        metavar="install",
        help=tr("download Playwright's Chromium into Consentinel's data folder"),
    )
    browser.set_defaults(handler=_browser)


def _browser(args: argparse.Namespace) -> int:
    from consentinel.cli.context import open_context, warn_if_browser_setting_skipped
    from consentinel.core.doctor import source_words
    from consentinel.x.browser import find_browser
    from consentinel.x.browser_install import (
        downloaded_browsers_dir,
        install_browser,
        shown_output,
    )

    if args.action == "install":
        # Progress on stderr; standard output gets the outcome only when it succeeded.
        print(
            tr("Downloading Chromium into {folder}…", folder=downloaded_browsers_dir()),
            file=sys.stderr,
            flush=True,
        )
        outcome = install_browser(
            on_output=lambda line: print(shown_output(line), file=sys.stderr, flush=True)
        )
        print(outcome.message, file=sys.stdout if outcome.ok else sys.stderr)
        return 0 if outcome.ok else 2
    ctx = open_context(read_only=True)
    warn_if_browser_setting_skipped(ctx)
    choice = find_browser(ctx.settings.browser_path)
    if choice is None:
        print(
            tr(
                "No browser found. Install Chromium (Debian/Ubuntu: sudo apt install chromium) "
                "or run: consentinel browser install"
            ),
            file=sys.stderr,
        )
        return 2
    print(
        tr(
            "Browser: {name} ({path}), found via {source}.",
            name=choice.name,
            path=choice.path or "Playwright",
            source=source_words(choice.source),
        )
    )
    return 0
