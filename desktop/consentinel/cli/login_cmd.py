"""`consentinel login`: a browser window on X's sign-in page for one account, Consentinel
typing what it has saved and the person finishing the rest (a captcha, a code), under the run
lock as every check is (x-reference §4: one sign-in at a time)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from consentinel.cli.check_cmd import (
    EXIT_NOT_ALL_OFF,
    EXIT_OK,
    EXIT_USAGE,
    _wait_for,
    resolve_handles,
)
from consentinel.cli.context import open_context
from consentinel.cli.errors import hush_what_a_stopped_run_leaves
from consentinel.core.i18n import tr

if TYPE_CHECKING:
    from consentinel.core.events import Event


def run_login(args: argparse.Namespace) -> int:
    from consentinel.core.check_messages import no_window_message
    from consentinel.core.display import has_display

    ctx = open_context(goes_to_x=True)
    not_x = ctx.settings.not_x_words(ctx.paths.settings_path)  # (checked by open_context)
    if not_x is not None:
        print(not_x, file=sys.stderr)
    handles = resolve_handles(ctx, [args.handle])
    assert handles
    if not has_display():
        print(no_window_message(), file=sys.stderr)
        return EXIT_USAGE
    from consentinel.core.engine import Engine
    from consentinel.core.events import CancelToken
    from consentinel.core.lock import RunLock

    # One sign-in at a time (x-reference §4): a check under way, the app's or the scheduled
    # one, may be signing in too; the scheduled one does not start while this one runs.
    lock = RunLock(ctx.paths.lock_path)
    # Given back whatever ends the command once it is taken, before the sign-in too: a Ctrl+C
    # just as the wait took it, a stderr that cannot be written. Held on, it would keep every
    # later check of this process waiting. (Not taken: releasing it is nothing.)
    try:
        if not lock.acquire(wait=False):
            _wait_for(lock)
        print(
            tr(
                "A browser window opens on X's sign-in page for @{handle}. Consentinel types "
                "what it has saved; finish the rest there (a captcha, a code). The session is "
                "saved once X shows its home page. Ctrl+C cancels.",
                handle=handles[0],
            ),
            file=sys.stderr,
        )
        cancel = CancelToken()
        try:
            result = Engine(ctx).login_interactive(
                handles[0], on_event=_say_unsandboxed, cancel=cancel
            )
        except KeyboardInterrupt:
            cancel.cancel()
            hush_what_a_stopped_run_leaves()
            raise
    finally:
        lock.release()
    print(result.message)
    if result.ran_out_after_s is not None:
        print(_try_again(handles[0], still_locked=result.still_locked))
    return EXIT_OK if result.ok else EXIT_NOT_ALL_OFF


def _try_again(handle: str, *, still_locked: bool) -> str:
    """What to do after the window's time ran out: the same command, once the account is
    unlocked on x.com when X still showed its lock (the window alone does not get past it)."""
    if still_locked:
        return tr(
            "Unlock the account on x.com first, then run `consentinel login {handle}` again.",
            handle=handle,
        )
    return tr(
        "Run `consentinel login {handle}` again when you have time to finish it.", handle=handle
    )


def _say_unsandboxed(event: Event) -> None:
    """A sign-in's only event worth a line: Chromium refused its sandbox."""
    from consentinel.core.events import BrowserUnsandboxed

    if isinstance(event, BrowserUnsandboxed):
        print(
            tr(
                "The browser's sandbox could not start here ({said}): this sign-in runs "
                "without it. `consentinel doctor` says what to do.",
                said=event.detail,
            ),
            file=sys.stderr,
        )
