"""`consentinel doctor`: what this machine gives Consentinel, each line OK or what to do."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from consentinel.core.i18n import tr

if TYPE_CHECKING:
    from consentinel.core.doctor import Check

EXIT_OK, EXIT_PROBLEMS = 0, 1


def add_parser(sub: Any) -> None:
    doctor = sub.add_parser(
        "doctor",
        help=tr("check this computer: Python, Qt, keyring, browser, data folder, schedule, X"),
    )
    doctor.add_argument("--json", action="store_true", help=tr("print the findings as JSON"))
    doctor.set_defaults(handler=_doctor)


def _doctor(args: argparse.Namespace) -> int:
    from consentinel.core.doctor import all_ok, run_checks

    checks = run_checks()
    if args.json:
        rows = [
            {
                "topic": check.topic.value if check.topic else None,
                "name": check.name,
                "ok": check.ok,
                "detail": check.detail,
                "advice": check.advice,
            }
            for check in checks
        ]
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        width = max(len(check.name) for check in checks)
        # "OK" is the same word in French.
        marks = {True: "OK", False: tr("FIX"), None: "--"}
        mark_width = max(4, *(len(mark) for mark in marks.values()))
        for check in checks:
            print(f"[{marks[check.ok]:^{mark_width}}] {check.name:<{width}}  {check.detail}")
            if check.advice:
                print(f"{'':<{mark_width + 3}}{'':<{width}}  → {check.advice}")
        print()
        print(_closing(checks))
    return EXIT_OK if all_ok(checks) else EXIT_PROBLEMS


def _closing(checks: list[Check]) -> str:
    """The report's last sentence. It never contradicts a line above: "All good." under a
    `--` line's advice (the browser's sandbox off as root, the schedule that does not run while
    the app is closed) read as if the advice did not matter. Those lines are not faults (the
    exit status stays 0: containers and CI run as root), so they are counted, not to fix."""
    from consentinel.core.doctor import Topic, all_ok

    if not all_ok(checks):
        return tr("Some lines above need attention.")
    x_unknown = any(c.ok is None and c.topic is Topic.X_SITE for c in checks)
    advised = sum(1 for c in checks if c.ok is None and c.advice and c.topic is not Topic.X_SITE)
    if x_unknown:  # not "All good." when checks cannot reach X
        said = tr("Nothing to fix on this computer, but X cannot be reached from here.")
        if advised == 1:
            said += " " + tr("1 other line above has advice.")
        elif advised:
            said += " " + tr("{count} other lines above have advice.", count=advised)
        return said
    if advised == 1:
        return tr("Nothing blocks Consentinel here, but 1 line above has advice.")
    if advised:
        return tr(
            "Nothing blocks Consentinel here, but {count} lines above have advice.", count=advised
        )
    return tr("All good.")
