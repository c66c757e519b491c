"""`consentinel desktop-entry install|remove`: put the app in the Linux applications menu."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from consentinel.core.i18n import tr

EXIT_OK, EXIT_USAGE = 0, 2


def add_parser(sub: Any) -> None:
    entry = sub.add_parser(
        "desktop-entry",
        help=tr("add Consentinel to the Linux applications menu, or take it out"),
    )
    actions = entry.add_subparsers(dest="action", required=True)
    actions.add_parser("install", help=tr("add the app to the menu"))
    actions.add_parser("remove", help=tr("take the app out of the menu"))
    entry.set_defaults(handler=_desktop_entry)


def _desktop_entry(args: argparse.Namespace) -> int:
    from consentinel.core import desktop_entry

    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        print(
            tr("Menu entries are for Linux desktops; installers handle this on Windows and macOS."),
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        report = desktop_entry.install() if args.action == "install" else desktop_entry.remove()
    except desktop_entry.DesktopEntryError as error:
        print(str(error), file=sys.stderr)
        return EXIT_USAGE
    print(report.message)
    for path in report.files:
        print(f"  {path}")
    if args.action == "install" and os.environ.get("CONSENTINEL_HOME"):
        # One menu entry per person, not per data folder (as the scheduled job is).
        print(
            tr(
                "The menu entry opens Consentinel with its usual data folder, not the one "
                "CONSENTINEL_HOME names."
            ),
            file=sys.stderr,
        )
    return EXIT_OK
