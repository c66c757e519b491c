"""The command line: the contract that scripts, the scheduler and the tests rely on.

Commands that need no browser import neither Playwright nor Qt: each command module is
imported only when its command runs.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Generator, Sequence
from types import FrameType
from typing import Any, NoReturn, TextIO

from consentinel import __version__
from consentinel.cli.errors import StoppedRunSaid, UsageError, stop_writing_output
from consentinel.core.closed_terminal import away_from_a_closed_terminal, terminals_among
from consentinel.core.i18n import tr

EXIT_OK, EXIT_NOT_ALL_OFF, EXIT_USAGE = 0, 1, 2
#: Ctrl-C, as shells report a program SIGINT stopped (128 + 2).
EXIT_INTERRUPTED = 130


def _list_as_commands(parser: argparse.ArgumentParser) -> None:
    """Title the section of `parser`'s help that lists its positionals, which are its commands,
    "commands:" (argparse's "positional arguments:" is about the syntax, not what they are).
    argparse writes a colon right after a title; French puts a non-breaking space before it."""
    from consentinel.core.french_typography import NBSP
    from consentinel.core.i18n import current_language

    title = tr("commands")
    parser._positionals.title = title + NBSP if current_language() == "fr" else title


class _HelpFormatter(argparse.HelpFormatter):
    """Lists a command's commands one a line under their section's title, as its options are,
    without argparse's line above them that holds their placeholder (COMMAND) and nothing else."""

    def _format_action(self, action: argparse.Action) -> str:
        if isinstance(action, argparse._SubParsersAction) and not action.help:
            commands = self._iter_indented_subactions(action)
            return self._join_parts([self._format_action(command) for command in commands])
        return super()._format_action(action)

    def _iter_indented_subactions(
        self, action: argparse.Action
    ) -> Generator[argparse.Action, None, None]:
        if isinstance(action, argparse._SubParsersAction) and not action.help:
            # Not indented: the commands begin their lines, and the help column is measured so.
            yield from action._get_subactions()
        else:
            yield from super()._iter_indented_subactions(action)


class _Parser(argparse.ArgumentParser):
    #: The last parser that read the command line, so the innermost (`consentinel account
    #: edit`): whose help a usage error points at, even for an argument only the top level
    #: finds it does not know.
    innermost: _Parser | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        """Every command's commands read alike: COMMAND in its usage line, listed under
        "commands:" in its help."""
        _list_as_commands(self)
        kwargs.setdefault("metavar", tr("COMMAND"))
        return super().add_subparsers(**kwargs)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        _Parser.innermost = self
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        from consentinel.core.i18n import current_language

        if current_language() == "fr":
            from consentinel.cli.argparse_fr import french_quotes

            message = french_quotes(message)
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
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    from consentinel.cli import (
        account_cmd,
        browser_cmd,
        check_cmd,
        delete_data_cmd,
        desktop_entry_cmd,
        doctor_cmd,
        log_cmd,
        schedule_cmd,
    )

    # The order of the README's "The command line": what `consentinel --help` lists.
    account_cmd.add_parser(sub)
    check_cmd.add_parsers(sub)  # login, then check
    log_cmd.add_parser(sub)
    browser_cmd.add_parser(sub)
    schedule_cmd.add_parser(sub)
    doctor_cmd.add_parser(sub)
    desktop_entry_cmd.add_parser(sub)
    delete_data_cmd.add_parser(sub)
    return parser


def _replace_what_cannot_be_written() -> None:
    """A character the output cannot encode ("→" into a Windows console's code page, or a file
    it redirects to) is replaced, not a UnicodeEncodeError halfway through the output."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure):
            reconfigure(errors="replace")


class _Sigterm:
    """SIGTERM (a shutdown, a logout, `systemctl stop`, `kill`) and, on Linux and macOS, SIGHUP
    (the terminal it ran in closed) end a command the way Ctrl-C does, so a check stopped so
    closes its browser, removes its folder and writes its run as cancelled, where it used to
    vanish mid-page (its run found "interrupted" by the next command, its folder removed by the
    next check). The handler hands over to SIGINT's: asyncio's during a check (the running
    pages are cancelled and cleaned up before KeyboardInterrupt is raised), Python's otherwise.
    `received` is the signal that came (None: none)."""

    def __init__(self) -> None:
        self.received: int | None = None
        self._previous: dict[int, Any] = {}
        self._terminals: list[TextIO] = []

    def __enter__(self) -> _Sigterm:
        numbers = [signal.SIGTERM]
        # (not on Windows; and ignored, as `nohup` leaves it, it stays so: the check goes on)
        if hasattr(signal, "SIGHUP") and signal.getsignal(signal.SIGHUP) is not signal.SIG_IGN:
            numbers.append(signal.SIGHUP)
        # Which outputs are a terminal, known now: once it has closed, isatty() says no more.
        self._terminals = terminals_among((sys.stdout, sys.stderr))
        with contextlib.suppress(ValueError):  # not the main thread: signals are not ours
            for number in numbers:
                self._previous[number] = signal.signal(number, self._on_signal)
        return self

    def __exit__(self, *exc: object) -> None:
        for number, previous in self._previous.items():
            if previous is not None:
                signal.signal(number, previous)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        if signum != signal.SIGTERM:
            away_from_a_closed_terminal(self._terminals)
        if self.received is not None:
            # The same news again (a closing terminal's hangup comes from the system and
            # from its shell; a logout's stop after it): the clean-up under way goes on, where
            # SIGINT's handler would end it at once, as at a second Ctrl-C.
            return
        self.received = signum
        on_sigint = signal.getsignal(signal.SIGINT)
        if callable(on_sigint):
            on_sigint(signal.SIGINT, frame)
        else:  # SIGINT ignored (started in the background by a shell): end all the same
            raise KeyboardInterrupt

    def say_and_die(self) -> None:
        """Once cleaned up, say why, then end as killed by the signal that came: SIGTERM is
        what systemd counts as a clean stop, and a shell reports 143 (SIGHUP: 129)."""
        with contextlib.suppress(OSError):
            print(tr("Stopped: the system asked Consentinel to end."), file=sys.stderr)
            sys.stdout.flush()
            sys.stderr.flush()
        from consentinel.cli.hidden_typing import restore

        restore()  # a question's hidden typing (atexit, which would, does not run)
        number = self.received if self.received is not None else signal.SIGTERM
        signal.signal(number, signal.SIG_DFL)
        os.kill(os.getpid(), number)


def _speak_the_language_chosen_in_the_app() -> None:
    """The language chosen in the app's settings ("en", "fr") is the command line's too, its
    help included: a scheduled job, which has no LANG, speaks it, and so does a terminal set to
    another one. "system" leaves it to the environment (LC_ALL, LC_MESSAGES, LANG), and
    CONSENTINEL_LANG still comes first, as for a scheduled check. Read as saved, never moving a
    file (a command that uses the settings says what is wrong with them); one that cannot be
    read leaves the command its environment's language, to say it in."""
    from consentinel.core.i18n import set_language

    language: str | None = None
    try:
        from consentinel.core.paths import AppPaths
        from consentinel.core.settings import peek_settings

        language = peek_settings(AppPaths.from_env()).language
    except Exception:  # (nothing here may keep a command from speaking, nor `--version`)
        language = None
    set_language(language)


def _keyring_answers_to_the_log_file() -> None:
    """The keyring's own answer when it fails, in the log file its sentence points to
    (cli/keyring_log); nothing stops a command for it."""
    try:
        from consentinel.cli.keyring_log import keyring_answers_to_the_log_file
        from consentinel.core.paths import AppPaths

        keyring_answers_to_the_log_file(AppPaths.from_env().logs_dir)
    except Exception:  # (the folders' own error, if any, is the command's to say)
        return


def main(argv: Sequence[str] | None = None) -> int:
    _replace_what_cannot_be_written()
    _speak_the_language_chosen_in_the_app()
    args = build_parser().parse_args(argv)
    if args.command is None:
        # The window, as `consentinel-gui` opens it. Run as the `consentinel` command (no
        # `argv`), the process ends at once with its exit code once it has quit (gui/launch.py,
        # end_after); given `argv` (a test, another program's call) it returns the code, as
        # launch.main does: ending the caller's process is not ours to do.
        from consentinel.gui.launch import end_after, run_the_app

        window_args = ["--demo"] if args.demo else []
        if argv is None:
            end_after(lambda: run_the_app(window_args))
        return run_the_app(window_args)
    # The person reads sentences on the terminal, not the developers' log records (which the
    # app writes to its log file): none of ours falls through to stderr.
    logging.getLogger("consentinel").addHandler(logging.NullHandler())
    _keyring_answers_to_the_log_file()
    with _Sigterm() as sigterm:
        try:
            return int(args.handler(args))
        except UsageError as error:
            print(str(error), file=sys.stderr)
            return EXIT_USAGE
        except BrokenPipeError:
            stop_writing_output()  # the reader stopped reading: not an error of ours
            return 0
        except OSError as error:  # a storage problem no command caught: one sentence
            from consentinel.core.fileio import StorageError, describe_os_error

            text = str(error) if isinstance(error, StorageError) else describe_os_error(error)
            print(text, file=sys.stderr)
            return EXIT_USAGE
        except Exception as error:
            from consentinel.core.journal import JournalError

            if not isinstance(error, JournalError):
                # A defect: logged with its traceback, said in a sentence, and a failure for
                # whoever started the command (Python's own 1 is "not all off" for `check`).
                from consentinel.cli.crash import report_crash

                return report_crash(args, error)
            print(str(error), file=sys.stderr)  # a sentence: the disk is full, read-only…
            return EXIT_USAGE
        except KeyboardInterrupt as stop:
            if sigterm.received is not None:
                sigterm.say_and_die()
            # On a line of its own, not after a question's words (^C ends no line); a check
            # that said how far it had gone began a line of its own for that.
            new_line = "" if isinstance(stop, StoppedRunSaid) else "\n"
            print(new_line + tr("Interrupted."), file=sys.stderr)
            return EXIT_INTERRUPTED


if __name__ == "__main__":
    raise SystemExit(main())
