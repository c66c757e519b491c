"""Issue 7's benchmark: Consentinel vs a naive script vs the floor, app start-up, CLI commands.

One command: `.venv/bin/python benchmarks/run.py` (`--quick` for a smoke run). Writes
docs/benchmarks/results.json, chart.png and results.md, and prints a table. Never part of the
test suite's pass/fail.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import platform
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DOCS = ROOT / "docs" / "benchmarks"
BIN = Path(sys.executable).parent


def ensure_requirements() -> None:
    """Install psutil and matplotlib into this interpreter when missing (benchmark-only needs)."""
    if all(importlib.util.find_spec(m) for m in ("psutil", "matplotlib")):
        return
    print("installing benchmarks/requirements.txt ...", file=sys.stderr)
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "-r", str(HERE / "requirements.txt")],
        check=True,
    )


ensure_requirements()
sys.path[:0] = [str(ROOT), str(ROOT / "desktop")]

import psutil  # noqa: E402

from benchmarks.tree_memory import run_measured  # noqa: E402

MB = 1024 * 1024


# -- the machine -------------------------------------------------------------------------------


def machine_info(browser: str) -> dict[str, Any]:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    version = subprocess.run(
        [browser, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    from importlib.metadata import version as pkg_version

    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "ram_gb": round(psutil.virtual_memory().total / 1024**3, 1),
        "chromium": version,
        "python": platform.python_version(),
        "playwright": pkg_version("playwright"),
        "pyside6": pkg_version("PySide6-Essentials"),
        "os": platform.platform(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


# -- environment for the product's processes --------------------------------------------------


@contextmanager
def private_keyring() -> Iterator[str]:
    """A private D-Bus + GNOME Keyring (the project's own test helper); yields its bus address."""
    from tests.fixtures.keyring_fixtures import start_secret_service

    with start_secret_service() as service:
        yield service.address


def product_env(home: Path, bus: str, origin: str, browser: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        CONSENTINEL_HOME=str(home),
        CONSENTINEL_X_ORIGIN=origin,
        CONSENTINEL_BROWSER=browser,
        DBUS_SESSION_BUS_ADDRESS=bus,
        LC_ALL="C.UTF-8",
    )
    return with_bytecode_cache(env)


#: Compiled bytecode for the product's child processes, as an installed app has it; kept out
#: of the source tree (this shell sets PYTHONDONTWRITEBYTECODE, which would make every start
#: recompile every module and measure that instead of the app).
BYTECODE_CACHE = Path(tempfile.gettempdir()) / "consentinel-bench-pycache"


def with_bytecode_cache(env: dict[str, str]) -> dict[str, str]:
    env = dict(env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(BYTECODE_CACHE)
    return env


def consentinel(
    env: dict[str, str], *args: str, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "consentinel"), *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


# -- one N -------------------------------------------------------------------------------------


def storage_states(home: Path, bus: str, handles: list[str]) -> dict[str, Any]:
    """Decrypt the saved sessions (for the baselines, which get them on stdin)."""
    from keyring.backends.SecretService import Keyring as SecretServiceKeyring

    from consentinel.core.paths import AppPaths
    from consentinel.core.sessions import SessionStore
    from consentinel.core.vault import Vault

    os.environ["DBUS_SESSION_BUS_ADDRESS"] = bus
    paths = AppPaths.under(home)  # as the product opens CONSENTINEL_HOME: its own keyring service
    store = SessionStore(paths, Vault(SecretServiceKeyring(), service=paths.keyring_service))
    states = {h: store.load(h) for h in handles}
    missing = [h for h, s in states.items() if s is None]
    if missing:
        raise SystemExit(f"no saved session for {missing}")
    return states


def measure_n(n: int, opts: argparse.Namespace, bus: str) -> dict[str, Any]:
    from consentinel.core.paths import AppPaths
    from consentinel.core.records import replace
    from consentinel.core.settings import load_settings, save_settings
    from consentinel.simx import Scenario, SimAccount, SimX

    handles = [f"bench{i:03d}" for i in range(1, n + 1)]
    passwords = {h: secrets.token_urlsafe(12) for h in handles}
    accounts = [
        SimAccount(
            h, passwords[h], boxes={"training": True, "personalization": False, "memory": False}
        )
        for h in handles
    ]
    scenario = Scenario(
        accounts=accounts, render_delay_ms=opts.render_ms, latency_ms=opts.latency_ms
    )
    home = Path(tempfile.mkdtemp(prefix=f"consentinel-bench-{n}-"))
    out: dict[str, Any] = {"n": n}
    try:
        with SimX(scenario) as sim:
            env = product_env(home, bus, sim.origin, opts.browser)
            for h in handles:
                done = consentinel(
                    env, "account", "add", h, "--password-stdin", stdin=passwords[h] + "\n"
                )
                if done.returncode != 0:
                    raise SystemExit(f"account add {h} failed: {done.stderr}")
            settings = load_settings(AppPaths(home))[0]
            if opts.concurrency:
                settings = replace(settings, concurrency=opts.concurrency)
                save_settings(AppPaths(home), settings)
            concurrency = settings.concurrency
            out["concurrency"] = concurrency
            # Untimed first run: signs every account in once, so the sessions are saved.
            first = consentinel(env, "check", "--json")
            signed_in = len(sim.signin_attempts())
            if first.returncode != 0 or signed_in != n:
                raise SystemExit(
                    f"set-up check failed ({first.returncode}, {signed_in} sign-ins): "
                    f"{first.stderr}"
                )

            def retick() -> None:
                for h in handles:
                    sim.set_box(h, "training", True)

            runs = []
            for rep in range(opts.repeats):
                retick()
                before = len(sim.signin_attempts())
                m = run_measured([str(BIN / "consentinel"), "check", "--json"], env)
                result = json.loads(m.stdout) if m.stdout.strip() else {}
                statuses = [a.get("status") for a in result.get("accounts", [])]
                still_on = [h for h in handles if sim.boxes(h)["training"]]
                signins = len(sim.signin_attempts()) - before
                if m.returncode != 0 or still_on or signins:
                    raise SystemExit(
                        f"timed check N={n} rep {rep}: exit {m.returncode}, still on {still_on}, "
                        f"{signins} sign-ins, statuses {statuses}: {m.stderr[-2000:]}"
                    )
                runs.append(
                    {
                        "seconds": m.seconds,
                        "cpu_seconds": m.cpu_seconds,
                        "simx_cpu_seconds": m.harness_cpu_seconds,
                        "machine_busy": m.machine_busy,
                        "peak_rss_mb": m.peak_rss / MB,
                        "statuses": statuses,
                    }
                )
                print(
                    f"  N={n} consentinel rep {rep + 1}: {m.seconds:.2f} s, "
                    f"{m.peak_rss / MB:.0f} MB",
                    file=sys.stderr,
                )
            out["consentinel"] = {
                "seconds": statistics.median(r["seconds"] for r in runs),
                "cpu_seconds": statistics.median(r["cpu_seconds"] for r in runs),
                "simx_cpu_seconds": statistics.median(r["simx_cpu_seconds"] for r in runs),
                "machine_busy": statistics.median(r["machine_busy"] for r in runs),
                "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
                "runs": runs,
                "signins_during_timed_runs": 0,
            }

            states = storage_states(home, bus, handles)
            base = [sys.executable, str(HERE / "baselines.py")]
            common = ["--origin", sim.origin, "--browser", opts.browser]
            benv = with_bytecode_cache({**os.environ, "PYTHONPATH": str(ROOT / "desktop")})

            if not opts.skip_naive:
                retick()
                before = len(sim.signin_attempts())
                m = run_measured([*base, "naive", *common], benv, json.dumps({"states": states}))
                if m.returncode != 0:
                    raise SystemExit(f"naive N={n} failed: {m.stderr[-2000:]}")
                report = json.loads(m.stdout)
                assert report["verified"] == n and len(sim.signin_attempts()) == before, report
                out["naive"] = {
                    "seconds": m.seconds,
                    "cpu_seconds": m.cpu_seconds,
                    "machine_busy": m.machine_busy,
                    "peak_rss_mb": m.peak_rss / MB,
                    **report,
                }
                print(
                    f"  N={n} naive: {m.seconds:.2f} s, {m.peak_rss / MB:.0f} MB", file=sys.stderr
                )

            retick()
            together = handles[: min(n, concurrency)]
            m = run_measured(
                [*base, "floor", *common],
                benv,
                json.dumps({"states": {h: states[h] for h in together}}),
            )
            if m.returncode != 0:
                raise SystemExit(f"floor N={n} failed: {m.stderr[-2000:]}")
            report = json.loads(m.stdout)
            batches = math.ceil(n / concurrency)
            out["floor"] = {
                "seconds": report["browser_start_s"] + batches * report["cycle_s"],
                "peak_rss_mb": m.peak_rss / MB,
                "batches": batches,
                **report,
            }
            print(
                f"  N={n} floor: {out['floor']['seconds']:.2f} s, {m.peak_rss / MB:.0f} MB",
                file=sys.stderr,
            )
            del states
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return out


# -- start-up and commands ---------------------------------------------------------------------


def offline_env(home: Path, bus: str, opts: argparse.Namespace) -> dict[str, str]:
    """The product's environment for runs that never reach X (start-up, commands), with this
    source tree's code."""
    env = product_env(home, bus, "http://127.0.0.1:9", opts.browser)
    env["PYTHONPATH"] = str(ROOT / "desktop")
    return env


def json_report(cmd: list[str], env: dict[str, str], what: str, timeout: int) -> dict[str, Any]:
    """Runs a probe script; its report is its last output line that starts with "{"."""
    done = subprocess.run(
        cmd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"{what} failed: {done.stderr[-2000:]}")
    report: dict[str, Any] = json.loads(lines[-1])
    return report


def timed_runs(
    env: dict[str, str],
    args: list[str],
    repeats: int,
    ok: Callable[[subprocess.CompletedProcess[str]], bool] = lambda _done: True,
) -> list[float]:
    """Wall times of `consentinel ARGS`, run `repeats` times; each must exit 0 and be `ok`."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        done = consentinel(env, *args)
        times.append(time.perf_counter() - started)
        if done.returncode != 0 or not ok(done):
            raise SystemExit(f"consentinel {' '.join(args)} failed: {done.stderr}")
    return times


@contextmanager
def window_env(
    opts: argparse.Namespace, bus: str, template: Path | None
) -> Iterator[dict[str, str]]:
    """The environment of one window start: a fresh home (a copy of `template` when given),
    offscreen; the home is removed afterwards."""
    home = Path(tempfile.mkdtemp(prefix="consentinel-bench-gui-"))
    try:
        if template is not None:
            shutil.copytree(template, home, dirs_exist_ok=True)
        yield dict(offline_env(home, bus, opts), QT_QPA_PLATFORM="offscreen")
    finally:
        shutil.rmtree(home, ignore_errors=True)


def measure_startup(
    opts: argparse.Namespace,
    bus: str,
    template: Path | None = None,
    modes: tuple[str, ...] = ("bare", "table", "app"),
) -> dict[str, Any]:
    """`template`: a home the app starts on (copied afresh for each start), else an empty one."""
    probe = [sys.executable, str(HERE / "startup_probe.py")]
    times: dict[str, list[float]] = {mode: [] for mode in modes}
    loaded: dict[str, Any] = {}
    for rep in range(opts.startup_repeats + 1):  # the first round (untimed) fills the caches
        for mode in modes:  # alternated, so load from others hits all alike
            with window_env(opts, bus, template) as env:
                started = time.monotonic()
                report = json_report([*probe, mode], env, f"start-up probe {mode}", timeout=120)
            if rep == 0:
                continue
            times[mode].append(report["shown_at"] - started)
            if mode == "app":
                loaded = {k: report[k] for k in ("playwright_loaded", "engine_loaded")}
    bare, app = statistics.median(times["bare"]), statistics.median(times["app"])
    out = {"bare_s": bare, "app_s": app, "ratio": app / bare, "runs": times, **loaded}
    if "table" in times:
        out["table_s"] = statistics.median(times["table"])
        out["table_ratio"] = out["table_s"] / bare
    if not opts.skip_instructions and shutil.which("valgrind"):
        counted = {mode: count_instructions(probe, mode, opts, bus, template) for mode in modes}
        out["instructions"] = counted
        out["instructions_ratio"] = counted["app"] / counted["bare"]
    return out


def count_instructions(
    probe: list[str], mode: str, opts: argparse.Namespace, bus: str, template: Path | None
) -> int:
    """The instructions a start (to the first frame) executes, counted by valgrind's callgrind:
    the same at every run whatever else the machine does, where a start's time on a shared
    machine wanders by ±15 % and more. A reference beside the timed target, not the target."""
    with window_env(opts, bus, template) as env:
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *probe, mode],
            env=env, capture_output=True, text=True, timeout=900, check=False,
        )  # fmt: skip
    for line in done.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1])
    raise SystemExit(f"valgrind start-up probe {mode} failed: {done.stderr[-2000:]}")


def instruction_lines(startup: dict[str, Any]) -> list[str]:
    if "instructions" not in startup:
        return []
    counted = startup["instructions"]
    return [
        "Counted in instructions (valgrind; the same at every run, whatever else the machine "
        f"does): app {counted['app'] / 1e6:.0f} M vs bare window {counted['bare'] / 1e6:.0f} M "
        f"({startup['instructions_ratio']:.2f}×)"
    ]


def imported_heavy(env: dict[str, str], *args: str) -> list[str]:
    """Top-level packages among Playwright/Qt that `consentinel ARGS` imports (-X importtime)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "consentinel", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    found = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            module = line.rsplit("|", 1)[1].strip()
            top = module.split(".")[0]
            if top in ("playwright", "PySide6", "shiboken6"):
                found.add(top)
    return sorted(found)


def measure_commands(opts: argparse.Namespace, bus: str) -> dict[str, Any]:
    home = Path(tempfile.mkdtemp(prefix="consentinel-bench-cli-"))
    env = offline_env(home, bus, opts)
    try:
        consentinel(env, "account", "add", "someone", "--password-stdin", stdin="not-a-real-one\n")
        consentinel(env, "--version")  # untimed: fills the bytecode cache
        out: dict[str, Any] = {}
        for name, args in (("version", ["--version"]), ("account_list", ["account", "list"])):
            times = timed_runs(env, args, opts.startup_repeats)
            out[name] = {
                "seconds": statistics.median(times),
                "runs": times,
                "heavy_imports": imported_heavy(env, *args),
            }
        return out
    finally:
        shutil.rmtree(home, ignore_errors=True)


def measure_history(opts: argparse.Namespace, bus: str) -> dict[str, Any]:
    """Start-up, `account list`, one journal entry and the table's rows with a year of use."""
    from benchmarks import history

    template = Path(tempfile.mkdtemp(prefix="consentinel-bench-history-"))
    home = Path(tempfile.mkdtemp(prefix="consentinel-bench-history-use-"))
    try:
        started = time.monotonic()
        entries = history.make_home(template)
        print(
            f"  a year of history: {entries} entries, built in {time.monotonic() - started:.0f} s",
            file=sys.stderr,
        )
        startup = measure_startup(opts, bus, template=template, modes=("bare", "app"))
        shutil.copytree(template, home, dirs_exist_ok=True)
        env = offline_env(home, bus, opts)
        consentinel(env, "account", "list")  # untimed
        times = timed_runs(
            env,
            ["account", "list"],
            opts.startup_repeats,
            ok=lambda done: done.stdout.count("history") >= history.ACCOUNTS,
        )
        windows = json_report(
            [sys.executable, str(HERE / "history_windows.py"), str(home)],
            dict(env, QT_QPA_PLATFORM="offscreen"),
            "history_windows.py",
            timeout=600,
        )
        return {
            "accounts": history.ACCOUNTS,
            "days": history.DAYS,
            "entries": entries,
            "startup": startup,
            "account_list_s": statistics.median(times),
            **history.measure_in_process(home),
            **windows,
        }
    finally:
        shutil.rmtree(template, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)


# -- targets, output ---------------------------------------------------------------------------


def machine_bound(results: dict[str, Any], n: int = 10) -> dict[str, Any] | None:
    """What this machine allows any check of `n` accounts in a normal Chrome.

    Each account needs at least one page cycle in processor time (open the Grok page, untick,
    reload, read back), and the machine has `cores` to spend it on: `n` accounts take at least
    n × cycle CPU / cores seconds, however many run at once, so no check can be more than
    naive / that times faster than the naive script here. Two readings, both upper bounds: the
    floor's page reused (no browser start, no screenshot, nothing kept apart), and the same
    cycle in a browser context of its own made and closed each time, as the product must (no
    account's cookies or storage reach another)."""
    run = next((r for r in results["runs"] if r["n"] == n), None)
    cores = results["machine"].get("cores") or 1
    if run is None or "naive" not in run or "cycle_cpu_s" not in run["floor"]:
        return None
    naive = run["naive"]["seconds"]
    bound: dict[str, Any] = {"n": n, "cores": cores}
    for name, key in (("reused_page", "cycle_cpu_s"), ("own_context", "own_context_cycle_cpu_s")):
        if key in run["floor"]:
            least = n * run["floor"][key] / cores
            bound[name] = {
                "cycle_cpu_s": run["floor"][key],
                "least_seconds": least,
                "best_times_faster_than_naive": naive / least,
            }
    return bound


def bound_lines(bound: dict[str, Any] | None) -> list[str]:
    if not bound:
        return []
    lines = [
        "",
        f"What this machine allows, whatever runs at once: {bound['n']} accounts need at least "
        f"{bound['n']} page cycles of processor time on its {bound['cores']} cores.",
    ]
    words = {
        "reused_page": "the floor's page reused",
        "own_context": "each account in a browser context of its own (the product's way)",
    }
    for name, say in words.items():
        if name in bound:
            b = bound[name]
            lines.append(
                f"  {say}: {b['cycle_cpu_s']:.2f} CPU-s a cycle, so at least "
                f"{b['least_seconds']:.2f} s: at most {b['best_times_faster_than_naive']:.2f}× "
                "faster than the naive script (target 5×)"
            )
    return lines


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    by_n = {r["n"]: r for r in results["runs"]}
    rows: list[dict[str, Any]] = []

    def add(name: str, value: float | None, limit: float, better: str, fmt: str) -> None:
        ok = None if value is None else (value >= limit if better == "high" else value <= limit)
        rows.append({"target": name, "value": value, "limit": limit, "met": ok, "format": fmt})

    ten, one, thirty = by_n.get(10), by_n.get(1), by_n.get(30)
    speed = (
        ten["naive"]["seconds"] / ten["consentinel"]["seconds"] if ten and "naive" in ten else None
    )
    add("10 accounts: times faster than naive (≥ 5×)", speed, 5.0, "high", "{:.2f}×")
    floor = ten["consentinel"]["seconds"] / ten["floor"]["seconds"] if ten else None
    add("10 accounts: times the floor (≤ 1.5×)", floor, 1.5, "low", "{:.2f}×")
    mem10 = (
        ten["consentinel"]["peak_rss_mb"] / one["consentinel"]["peak_rss_mb"]
        if ten and one
        else None
    )
    add("peak memory 10 accounts / 1 account (≤ 2×)", mem10, 2.0, "low", "{:.2f}×")
    mem30 = (
        thirty["consentinel"]["peak_rss_mb"] / one["consentinel"]["peak_rss_mb"]
        if thirty and one
        else None
    )
    add("peak memory 30 accounts / 1 account (≤ 10×, loose reading)", mem30, 10.0, "low", "{:.2f}×")
    m3010 = (
        thirty["consentinel"]["peak_rss_mb"] / ten["consentinel"]["peak_rss_mb"]
        if thirty and ten
        else None
    )
    add(
        "peak memory 30 accounts / 10 accounts (≤ 1×, strict reading)", m3010, 1.0, "low", "{:.2f}×"
    )
    start = results.get("startup")
    add(
        "app start-up / bare PySide6 window (≤ 1.5×)",
        start["ratio"] if start else None,
        1.5,
        "low",
        "{:.2f}×",
    )
    used = results.get("history")
    add(
        "the same, with 30 accounts and a year of history (≤ 1.5×)",
        used["startup"]["ratio"] if used else None,
        1.5,
        "low",
        "{:.2f}×",
    )
    cmds = results.get("commands")
    if cmds:
        heavy = sorted({m for c in cmds.values() for m in c["heavy_imports"]})
        rows.append(
            {
                "target": "--version and account list import neither Playwright nor Qt",
                "value": ", ".join(heavy) or "none",
                "limit": "none",
                "met": not heavy,
                "format": "{}",
            }
        )
    return rows


def fmt_target(row: dict[str, Any]) -> tuple[str, str]:
    value = "not measured" if row["value"] is None else row["format"].format(row["value"])
    met = {True: "met", False: "MISSED", None: "not measured"}[row["met"]]
    return value, met


def table(results: dict[str, Any]) -> str:
    m, o = results["machine"], results["options"]
    nan = {"seconds": float("nan"), "peak_rss_mb": float("nan")}
    lines = [
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, {m['chromium']}, "
        f"Python {m['python']}, Playwright {m['playwright']}",
        f"Load average at start {m['load_average_at_start']}, at end "
        f"{m.get('load_average_at_end')} (1, 5 and 15 minutes; work just before the run counts)",
        f"simx latency {o['latency_ms']} ms/request, render {o['render_ms']} ms; "
        f"consentinel repeats {o['repeats']} (median time, highest peak)",
        "",
        "   N |  consentinel s |  naive s |  floor s |  consentinel MB |  naive MB |  floor MB",
        "-" * 84,
    ]
    for r in results["runs"]:
        c, nv, f = r["consentinel"], r.get("naive", nan), r["floor"]
        lines.append(
            f"{r['n']:>4} | {c['seconds']:>14.2f} | {nv['seconds']:>8.2f} | {f['seconds']:>8.2f} | "
            f"{c['peak_rss_mb']:>15.0f} | {nv['peak_rss_mb']:>9.0f} | {f['peak_rss_mb']:>9.0f}"
        )
    if all("cpu_seconds" in r["consentinel"] for r in results["runs"]):
        cores = m["cores"] or 1
        lines += [
            "",
            f"CPU time (user + system) of each process tree, and how busy the whole machine "
            f"was ({cores} cores):",
            "   N |  consentinel CPU s | cores used | machine busy | simulated X CPU s |"
            "  naive CPU s | machine busy",
            "-" * 96,
        ]
        for r in results["runs"]:
            c, nv = r["consentinel"], r.get("naive") or {}
            naive = (
                f"{nv['cpu_seconds']:>12.1f} | {nv.get('machine_busy', float('nan')):>11.0%}"
                if "cpu_seconds" in nv
                else ""
            )
            used = c["cpu_seconds"] / c["seconds"]
            lines.append(
                f"{r['n']:>4} | {c['cpu_seconds']:>18.1f} | {used:>10.2f}"
                f" | {c.get('machine_busy', float('nan')):>12.0%}"
                f" | {c.get('simx_cpu_seconds', float('nan')):>17.1f} | {naive}"
            )
    lines += bound_lines(results.get("bound"))
    s = results.get("startup")
    if s:
        lines += [
            "",
            f"App start-up {s['app_s']:.2f} s vs bare PySide6 window {s['bare_s']:.2f} s; when "
            f"the window shows, Playwright loaded: {s['playwright_loaded']}, engine loaded: "
            f"{s['engine_loaded']}",
        ]
        lines += instruction_lines(s)
        if "table_s" in s:
            lines.append(
                "Reference, not a target: a bare window holding an empty table, a tool bar and a "
                f"status bar starts in {s['table_s']:.2f} s "
                f"({s['table_ratio']:.2f}× the bare window)"
            )
    for name, v in (results.get("commands") or {}).items():
        heavy = ", ".join(v["heavy_imports"]) or "none"
        lines.append(
            f"consentinel {name.replace('_', ' ')}: {v['seconds']:.2f} s, heavy imports: {heavy}"
        )
    h = results.get("history")
    if h:
        hs = h["startup"]
        lines += [
            "",
            f"With a year of use ({h['accounts']} accounts checked daily, {h['entries']} journal "
            f"entries): app start-up {hs['app_s']:.2f} s vs bare window {hs['bare_s']:.2f} s "
            f"({hs['ratio']:.2f}×); account list {h['account_list_s']:.2f} s;",
            *("  " + line for line in instruction_lines(hs)),
            f"  one journal entry written {h['append_ms']:.1f} ms; what the accounts table shows "
            f"({h['rows']} rows, read at each refresh) {h['refresh_ms']:.1f} ms;",
        ]
        if "table_refresh_ms" in h:
            lines.append(
                f"  one refresh of the accounts table (read and drawn) {h['table_refresh_ms']:.0f} "
                f"ms; opening the journal window {h['journal_window_ms']:.0f} ms"
                + (
                    f", its integrity verdict {h['journal_verdict_ms']:.0f} ms after the start"
                    if "journal_verdict_ms" in h
                    else ""
                )
            )
    lines += ["", "Targets:"]
    for row in results["targets"]:
        value, met = fmt_target(row)
        lines.append(f"  {met:>12}  {row['target']}: {value}")
    return "\n".join(lines)


def chart(results: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    runs = results["runs"]
    if not runs and "startup" in results:
        startup_chart(results, path)  # --only-startup: no checks to draw
        return
    ns = [r["n"] for r in runs]
    fig, (ax_t, ax_m) = plt.subplots(1, 2, figsize=(11, 4.5))
    series = (
        ("consentinel", "Consentinel", "tab:blue", "o"),
        ("naive", "naive script", "tab:red", "s"),
        ("floor", "floor", "tab:green", "^"),
    )
    for key, label, color, marker in series:
        pts = [(r["n"], r[key]) for r in runs if key in r]
        if not pts:
            continue
        x = [p[0] for p in pts]
        ax_t.plot(x, [p[1]["seconds"] for p in pts], marker=marker, color=color, label=label)
        ax_m.plot(x, [p[1]["peak_rss_mb"] for p in pts], marker=marker, color=color, label=label)
    for ax, title, unit in (
        (ax_t, "Wall time", "seconds"),
        (ax_m, "Peak memory (process tree RSS)", "MB"),
    ):
        ax.set_title(title)
        ax.set_xlabel("accounts (N)")
        ax.set_ylabel(unit)
        ax.set_xticks(ns)
        ax.set_ylim(bottom=0)
        ax.grid(True, alpha=0.3)
        ax.legend()
    m, o = results["machine"], results["options"]
    fig.suptitle(
        f"Consentinel check vs naive script vs floor — {m['cores']} cores, "
        f"{m['chromium'].split(' built')[0]}, "
        f"simx {o['latency_ms']} ms/request",
        fontsize=10,
    )
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def startup_chart(results: dict[str, Any], path: Path) -> None:
    """Start-up to the first frame: the bare window, the bare window with a table, and the
    app, on an empty home and with a year of use, with the 1.5× line of each."""
    import matplotlib.pyplot as plt

    groups = [("empty home", results["startup"])]
    if "history" in results:
        groups.append(("30 accounts, a year of use", results["history"]["startup"]))
    fig, axes = plt.subplots(1, len(groups), figsize=(5.5 * len(groups), 3.6), squeeze=False)
    for ax, (title, startup) in zip(axes[0], groups, strict=True):
        bars = [("bare window", startup["bare_s"], "tab:gray")]
        if "table_s" in startup:
            bars.append(("bare window + table", startup["table_s"], "tab:olive"))
        bars.append(("Consentinel", startup["app_s"], "tab:blue"))
        ms = [seconds * 1000 for _label, seconds, _color in bars]
        ax.barh([b[0] for b in bars], ms, color=[b[2] for b in bars])
        line = startup["bare_s"] * 1000 * 1.5
        ax.axvline(line, color="tab:red", linestyle="--", label="1.5× the bare window")
        for y, value in enumerate(ms):
            ratio = value / ms[0]
            ax.text(value, y, f" {value:.0f} ms ({ratio:.2f}×)", va="center", fontsize=9)
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("ms to the first frame (median)")
        ax.set_xlim(0, max(*ms, line) * 1.35)
        ax.invert_yaxis()
        ax.legend(loc="lower right", fontsize=8)
    m = results["machine"]
    fig.suptitle(f"Start-up, offscreen — {m['cores']} cores, {m.get('cpu', '')}", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


ANALYSIS_START, ANALYSIS_END = "<!-- analysis:start -->", "<!-- analysis:end -->"


def results_md(results: dict[str, Any], path: Path) -> None:
    """Figures regenerated each run; the hand-written analysis between markers is kept."""
    kept = f"{ANALYSIS_START}\n(no analysis written yet)\n{ANALYSIS_END}"
    if path.exists():
        old = path.read_text()
        if ANALYSIS_START in old and ANALYSIS_END in old:
            kept = old[old.index(ANALYSIS_START) : old.index(ANALYSIS_END) + len(ANALYSIS_END)]
    rows = ["| target | measured | |", "|---|---|---|"]
    for row in results["targets"]:
        value, met = fmt_target(row)
        rows.append(f"| {row['target']} | {value} | **{met}** |")
    caption = "time and memory against N" if results["runs"] else "start-up to the first frame"
    text = (
        "# Benchmark results (issue 7)\n\n"
        f"Run {results['finished_at']} with `{results['command']}`. Raw figures: "
        "[results.json](results.json); chart: [chart.png](chart.png).\n\n"
        "```\n" + table(results) + "\n```\n\n"
        f"![{caption}](chart.png)\n\n## Targets\n\n" + "\n".join(rows) + "\n\n"
        "## What the figures mean, and causes of missed targets\n\n" + kept + "\n"
    )
    path.write_text(text)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="smoke run: N = 1, 3, fewer repeats")
    parser.add_argument("--n", type=int, nargs="+", help="account counts (default 1 10 30)")
    parser.add_argument("--latency-ms", type=int, default=150, help="simx delay on every request")
    parser.add_argument(
        "--render-ms", type=int, default=150, help="simx spinner time on every page"
    )
    parser.add_argument("--repeats", type=int, default=None, help="timed consentinel runs per N")
    parser.add_argument(
        "--startup-repeats",
        type=int,
        default=11,
        help="timed starts of each window (alternated; the median is kept)",
    )
    parser.add_argument("--skip-naive", action="store_true")
    parser.add_argument(
        "--skip-instructions",
        action="store_true",
        help="no count of the instructions a start executes (valgrind; about 2 minutes)",
    )
    parser.add_argument("--skip-startup", action="store_true", help="no start-up/command timing")
    parser.add_argument(
        "--skip-history", action="store_true", help="no measures with a year of history"
    )
    parser.add_argument(
        "--only-startup", action="store_true", help="no checks: start-up, commands, history"
    )
    parser.add_argument(
        "--concurrency", type=int, default=None, help="accounts at once (default: the app's own)"
    )
    parser.add_argument(
        "--browser", default=os.environ.get("CONSENTINEL_BROWSER", "/usr/bin/chromium")
    )
    parser.add_argument(
        "--render-only",
        action="store_true",
        help="measure nothing: redraw the table, chart and results.md from OUT/results.json",
    )
    parser.add_argument(
        "--out", type=Path, default=DOCS, help="where results.json/chart.png/results.md go"
    )
    opts = parser.parse_args()
    if opts.render_only:
        saved = json.loads((opts.out / "results.json").read_text())
        saved["bound"] = machine_bound(saved)
        saved["targets"] = targets(saved)
        chart(saved, opts.out / "chart.png")
        results_md(saved, opts.out / "results.md")
        print(table(saved))
        return 0
    opts.n = opts.n or ([1, 3] if opts.quick else [1, 10, 30])
    opts.repeats = opts.repeats or (1 if opts.quick else 3)
    if opts.quick:
        opts.startup_repeats = min(opts.startup_repeats, 2)

    results: dict[str, Any] = {
        "command": " ".join(["benchmarks/run.py", *sys.argv[1:]]),
        "started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": machine_info(opts.browser),
        "options": {k: v for k, v in vars(opts).items() if k != "out"},
        "runs": [],
    }
    if opts.only_startup:
        opts.n = []
    with private_keyring() as bus:
        for n in opts.n:
            print(f"N = {n} ...", file=sys.stderr)
            results["runs"].append(measure_n(n, opts, bus))
        if not opts.skip_startup:
            print("start-up and commands ...", file=sys.stderr)
            results["startup"] = measure_startup(opts, bus)
            results["commands"] = measure_commands(opts, bus)
            if not opts.skip_history:
                print("a year of history ...", file=sys.stderr)
                results["history"] = measure_history(opts, bus)
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results["finished_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    results["bound"] = machine_bound(results)
    results["targets"] = targets(results)
    opts.out.mkdir(parents=True, exist_ok=True)
    (opts.out / "results.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    chart(results, opts.out / "chart.png")
    results_md(results, opts.out / "results.md")
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
