"""settings.json's writers take turns: two processes saving different settings at once (the
window its language, `consentinel schedule pause` the pause) both keep theirs. Real processes,
one stopped between its read of the file and its write."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

from consentinel.core.context import AppContext
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings, save_settings, settings_in_file

#: Saves the language, stopping between its read of the file and its write until told to go on.
STOPPED_MIDWAY = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    import consentinel.core.context as context
    from consentinel.core.paths import AppPaths

    write = context.save_settings
    def stopped_before_writing(paths, settings):
        print("read", flush=True)
        sys.stdin.readline()  # until the test says so
        write(paths, settings)
    context.save_settings = stopped_before_writing
    ctx = context.AppContext.create(AppPaths.under(Path(sys.argv[1])))
    ctx.settings.language = "fr"
    ctx.save_settings()
    print(json.dumps(ctx.settings.as_dict()), flush=True)
    """
)

#: Saves how many accounts are checked at once, saying on stderr when it waits for another.
ANOTHER_WRITER = textwrap.dedent(
    """
    import json, logging, sys
    from pathlib import Path
    from consentinel.core.context import AppContext
    from consentinel.core.paths import AppPaths

    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    ctx = AppContext.create(AppPaths.under(Path(sys.argv[1])))
    ctx.settings.concurrency = 5
    ctx.save_settings()
    print(json.dumps(ctx.settings.as_dict()), flush=True)
    """
)

WAITING = "another process is changing settings.json: waiting for it"


def _child(code: str, paths: AppPaths) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, str(paths.root)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )


def test_a_save_made_while_another_is_under_way_waits_and_both_are_kept(
    consentinel_home: Path,
) -> None:
    paths = AppPaths.under(consentinel_home).ensure()
    save_settings(paths, Settings(schedule="daily"))
    first = _child(STOPPED_MIDWAY, paths)
    assert first.stdout is not None and first.stdin is not None
    assert first.stdout.readline().strip() == "read"  # it has read the file, not written it

    second = _child(ANOTHER_WRITER, paths)
    assert second.stderr is not None
    # The second waits for the first (it says so) rather than writing in between; were it
    # not to wait, it ends, and its line never comes.
    said = []
    for line in second.stderr:
        said.append(line)
        if WAITING in line:
            break
    first.stdin.write("go on\n")  # the first writes now, then the second
    first.stdin.flush()
    first_out, first_err = first.communicate(timeout=60)
    second_out, second_err = second.communicate(timeout=60)
    assert (first.returncode, second.returncode) == (0, 0), first_err + second_err

    in_file = settings_in_file(paths)
    assert in_file is not None
    assert (in_file.schedule, in_file.language, in_file.concurrency) == ("daily", "fr", 5)
    # Each process's settings are what it wrote: the second's hold the first's change too.
    assert (json.loads(first_out)["language"], json.loads(first_out)["concurrency"]) == ("fr", 3)
    assert json.loads(second_out) == in_file.as_dict()
    # (Not by chance: the second waited for the first, and said so.)
    assert any(WAITING in line for line in said), "".join(said) + second_err


def test_the_lock_file_sits_beside_the_settings_owner_only_made_by_a_save(
    consentinel_home: Path,
) -> None:
    paths = AppPaths.under(consentinel_home).ensure()
    ctx = AppContext.create(paths)
    try:
        assert not paths.settings_lock_path.exists()  # (reading them takes no lock)
        old = os.umask(0)  # the loosest umask a person can have
        try:
            ctx.settings.language = "fr"
            ctx.save_settings()
        finally:
            os.umask(old)
    finally:
        ctx.journal.close()
    lock = paths.settings_lock_path
    assert lock.parent == paths.settings_path.parent
    if os.name == "posix":
        assert stat.S_IMODE(lock.stat().st_mode) == 0o600
    assert lock.read_bytes() == b""  # (it holds nothing: the OS lock is the point)
