"""`consentinel doctor`: what this machine gives Consentinel, each line OK or what to do."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from consentinel.core.i18n import tr

EXIT_OK, EXIT_PROBLEMS = 0, 1


def add_parser(sub: Any) -> None:
    doctor = sub.add_parser(
        "doctor",
        help=tr("check this computer: Python, Qt, keyring, browser, data folder, schedule, X"),
    )
    doctor.add_argument("--json", action="store_true", help=tr("print the findings as JSON"))
    doctor.set_defaults(handler=_doctor)


def _doctor(args: argparse.Namespace) -> int:
    from consentinel.core.doctor import Topic, all_ok, run_checks

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
        x_unknown = any(c.ok is None and c.topic is Topic.X_SITE for c in checks)
        if not all_ok(checks):
            print(tr("Some lines above need attention."))
        elif x_unknown:  # not "All good." when checks cannot reach X
            print(tr("Nothing to fix on this computer, but X cannot be reached from here."))
        else:
            print(tr("All good."))
    return EXIT_OK if all_ok(checks) else EXIT_PROBLEMS
