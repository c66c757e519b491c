"""The command line: the contract that scripts, the scheduler and the tests rely on.

Commands that need no browser import neither Playwright nor Qt: each command module is
imported only when its command runs.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import NoReturn

from consentinel import __version__
from consentinel.cli.errors import UsageError, stop_writing_output
from consentinel.core.i18n import tr

EXIT_OK, EXIT_NOT_ALL_OFF, EXIT_USAGE = 0, 1, 2
#: Ctrl-C, as shells report a program SIGINT stopped (128 + 2).
EXIT_INTERRUPTED = 130


class _Parser(argparse.ArgumentParser):
    #: The last parser that read the command line, so the innermost (`consentinel account
    #: edit`): whose help a usage error points at, even for an argument only the top level
    #: finds it does not know.
    innermost: _Parser | None = None

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        _Parser.innermost = self
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        command = (_Parser.innermost or self).prog
        see = tr("See: {command} --help", command=command)
        self.exit(EXIT_USAGE, f"{tr('Usage error:')} {message}\n{see}\n")


def build_parser() -> argparse.ArgumentParser:
    from consentinel.cli.argparse_fr import use_language
    from consentinel.core.i18n import current_language

    use_language(current_language())
    parser = _Parser(
        prog="consentinel",
        description=tr("Keeps your X accounts out of AI training, and keeps them out."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"consentinel {__version__}",
        help=tr("show the version and exit"),
    )
    parser.add_argument("--demo", action="store_true", help=tr("open the app on the simulated X"))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar=tr("COMMAND"))

    from consentinel.cli import (
        account_cmd,
        browser_cmd,
        check_cmd,
        desktop_entry_cmd,
        doctor_cmd,
        log_cmd,
        schedule_cmd,
    )

    account_cmd.add_parser(sub)
    check_cmd.add_parsers(sub)
    log_cmd.add_parser(sub)
    browser_cmd.add_parser(sub)
    schedule_cmd.add_parser(sub)
    doctor_cmd.add_parser(sub)
    desktop_entry_cmd.add_parser(sub)
    return parser


def _replace_what_cannot_be_written() -> None:
    """A character the output cannot encode ("→" into a Windows console's code page, or a file
    it redirects to) is replaced, not a UnicodeEncodeError halfway through the output."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure):
            reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _replace_what_cannot_be_written()
    args = build_parser().parse_args(argv)
    if args.command is None:
        from consentinel.gui.launch import main as gui_main

        return int(gui_main(["--demo"] if args.demo else []))
    # The person reads sentences on the terminal, not the developers' log records (which the
    # app writes to its log file): none of ours falls through to stderr.
    logging.getLogger("consentinel").addHandler(logging.NullHandler())
    try:
        result = int(args.handler(args))
    except UsageError as error:
        print(str(error), file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        stop_writing_output()  # the reader stopped reading: not an error of ours
        return 0
    except OSError as error:  # a storage problem no command caught: one sentence, no traceback
        from consentinel.core.fileio import StorageError, describe_os_error

        text = str(error) if isinstance(error, StorageError) else describe_os_error(error)
        print(text, file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        # On a line of its own, not after a question's words (^C ends no line).
        print("\n" + tr("Interrupted."), file=sys.stderr)
        return EXIT_INTERRUPTED
    return result


if __name__ == "__main__":
    raise SystemExit(main())
