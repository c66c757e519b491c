"""`python -m consentinel.simx --scenario FILE`: serve the simulated X and print its address."""

from __future__ import annotations

import argparse
import sys
import threading

from consentinel.simx import Scenario, SimX


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m consentinel.simx", description="Serve the simulated X on 127.0.0.1."
    )
    parser.add_argument("--scenario", help="a scenario file (TOML or JSON)")
    parser.add_argument("--port", type=int, default=0, help="port (default: any free one)")
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
