"""`consentinel browser [install]`: which browser checks use, and getting one."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from consentinel.core.i18n import tr

if TYPE_CHECKING:
    from consentinel.x.browser import BrowserChoice

log = logging.getLogger(__name__)


def add_parser(sub: Any) -> None:
    browser = sub.add_parser(
        "browser",
        help=tr("show the browser used for checks, or install one"),
        # Without a command it says which browser checks use: argparse would write COMMAND
        # as if one were needed.
        usage=f"%(prog)s [-h] [{tr('COMMAND')}]",
    )
    actions = browser.add_subparsers(dest="action")
    actions.add_parser(
        "install", help=tr("download Playwright's Chromium into Consentinel's data folder")
    )
    browser.set_defaults(handler=_browser)


def _browser(args: argparse.Namespace) -> int:
    from consentinel.cli.context import open_context, warn_if_browser_setting_skipped
    from consentinel.core.doctor import source_words
    from consentinel.x.browser import find_browser
    from consentinel.x.browser_install import downloaded_browsers_dir

    if args.action == "install":
        return _install(downloaded_browsers_dir(), find_browser())
    ctx = open_context(read_only=True)
    warn_if_browser_setting_skipped(ctx)
    choice = find_browser(ctx.settings.browser_path)
    if choice is None:
        print(
            tr(
                "No browser found. Install Chromium (Debian: sudo apt install chromium; "
                "Ubuntu: sudo snap install chromium) or run: consentinel browser install"
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


def _install(folder: Path, found: BrowserChoice | None) -> int:
    """Progress on stderr, a line every tenth (Playwright's own output, Node's stack traces
    included, goes to the log); standard output gets the outcome only when it succeeded."""
    from consentinel.x.browser_install import InstallProgress, install_browser, shown_output

    if found is not None and found.path is not None:
        print(
            tr(
                "A browser is already found ({name}, {path}); Chromium is downloaded all the same.",
                name=found.name,
                path=found.path,
            ),
            file=sys.stderr,
        )
    print(tr("Downloading Chromium into {folder}…", folder=folder), file=sys.stderr, flush=True)
    said: list[tuple[str, int]] = []

    def on_progress(progress: InstallProgress) -> None:
        if progress.percent is None:
            return
        step = (progress.what, progress.percent // 10 * 10)
        if said and said[-1] == step:
            return
        said.append(step)
        line = tr(
            "{what}: {percent}% of {size}",
            what=progress.what,
            percent=step[1],
            size=progress.size,
        )
        print(line, file=sys.stderr, flush=True)

    outcome = install_browser(
        on_output=lambda line: log.debug("playwright install: %s", shown_output(line)),
        on_progress=on_progress,
        command_line=True,
    )
    print(outcome.message, file=sys.stdout if outcome.ok else sys.stderr)
    return 0 if outcome.ok else 2
