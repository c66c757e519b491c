"""`python -m consentinel.simx --scenario FILE`: serve the simulated X and print its address."""

from __future__ import annotations

import argparse
import sys
import threading

from consentinel.cli.argparse_fr import use_language
from consentinel.core.i18n import current_language, tr
from consentinel.simx import Scenario, SimX


def main(argv: list[str] | None = None) -> int:
    use_language(current_language())  # the README's demo starts here: its help in French too
    parser = argparse.ArgumentParser(
        prog="python -m consentinel.simx", description=tr("Serve the simulated X on 127.0.0.1.")
    )
    parser.add_argument("--scenario", metavar=tr("FILE"), help=tr("a scenario file (TOML or JSON)"))
    parser.add_argument("--port", type=int, default=0, help=tr("port (default: any free one)"))
    args = parser.parse_args(argv)
    try:
        scenario = Scenario.from_file(args.scenario) if args.scenario else Scenario()
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    sim = SimX(scenario, port=args.port).start()
    print(sim.origin, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
