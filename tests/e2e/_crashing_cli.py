"""`consentinel` whose engine fails its check on an error no code expects (a defect): run by
tests/e2e/test_cli_crash.py as a process of its own, arguments as the command's."""

from __future__ import annotations

import sys
from typing import NoReturn

from consentinel.cli.main import main
from consentinel.core.engine import Engine

#: What the error says: a secret-looking value the log must not keep.
SAID = "a defect here (password=hunter2-typed)"


def _fails(*_args: object, **_kwargs: object) -> NoReturn:
    raise RuntimeError(SAID)


if __name__ == "__main__":
    Engine.run_check = _fails  # type: ignore[method-assign]
    raise SystemExit(main(sys.argv[1:]))
