"""The systemd timer with a real systemd user manager, started in a private namespace.

Containers and CI runners have no systemd user manager. systemd only refuses to start one when
/run/systemd/system is missing, so the test gives it a private /run (a mount namespace, plus a
user namespace when not root) and starts `systemd --user` there. Nothing outside changes.
CI note: on Ubuntu 24.04 runners, unprivileged user namespaces need
`sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0` (or run the tests as root).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SYSTEMD = "/lib/systemd/systemd"

NAMESPACE_SCRIPT = textwrap.dedent(
    """
    set -e
    mount -t tmpfs tmpfs /run
    mkdir -p /run/systemd/system "$XDG_RUNTIME_DIR"
    chmod 700 "$XDG_RUNTIME_DIR"
    "$SYSTEMD" --user >"$WORK/manager.log" 2>&1 &
    manager=$!
    # Await the manager's bus socket (a condition, bounded at 20 s).
    for _ in $(seq 200); do
        systemctl --user show --property=Version >/dev/null 2>&1 && break
        sleep 0.1
    done
    set +e
    "$PYTHON" "$WORK/driver.py"
    status=$?
    kill "$manager"
    wait "$manager"
    exit $status
    """
)

DRIVER = textwrap.dedent(
    """
    import json, subprocess
    from consentinel.core.osjobs.job import check_command
    from consentinel.core.osjobs.systemd import SystemdUserJob

    def systemctl(*args):
        done = subprocess.run(["systemctl", "--user", *args], capture_output=True, text=True)
        return done.returncode, done.stdout

    job = SystemdUserJob()
    TIMER, SERVICE = job.timer, job.service  # this data folder's own units
    out = {"unit_name": job.unit_name}
    out["manager"] = job.manager_available()
    report = job.install("6h", check_command())
    out["install"] = [report.state.value, report.message, bool(report.next_run)]
    status = job.status()
    out["status"] = [status.state.value, status.next_run.isoformat() if status.next_run else None]
    out["timer_active"] = systemctl("is-active", TIMER)[1].strip()
    out["timer_enabled"] = systemctl("is-enabled", TIMER)[1].strip()
    out["exec"] = systemctl("show", SERVICE, "--property=ExecStart", "--value")[1]
    out["env"] = systemctl("show", SERVICE, "--property=Environment", "--value")[1].strip()
    # Run the service now, as the timer would: the real interpreter runs the real command.
    systemctl("start", SERVICE)
    out["exit"] = systemctl("show", SERVICE, "--property=ExecMainStatus", "--value")[1].strip()
    out["exec_ok"] = systemctl("show", SERVICE, "--property=Result", "--value")[1].strip()
    removed = job.remove()
    out["remove"] = removed.state.value
    out["after_remove"] = systemctl("list-timers", "--all", "--no-legend")[1]
    print(json.dumps(out))
    """
)


def run_under_user_manager(
    tmp_path: Path, driver: str, **env: str
) -> subprocess.CompletedProcess[str]:
    """`driver` (Python source) run by NAMESPACE_SCRIPT under its own systemd user manager in
    a private namespace, with CONSENTINEL_HOME at `tmp_path/data home` and `env` added; fails
    the test when this machine cannot make the namespaces (see the module's docstring)."""
    unshare = shutil.which("unshare")
    if unshare is None or not Path(SYSTEMD).exists():
        pytest.fail("needs util-linux's unshare and systemd: `sudo apt-get install -y systemd`")
    (tmp_path / "driver.py").write_text(driver)
    full_env = {
        **os.environ,
        "WORK": str(tmp_path),
        "SYSTEMD": SYSTEMD,
        "PYTHON": sys.executable,
        "XDG_RUNTIME_DIR": f"/run/user/{os.getuid()}",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "CONSENTINEL_HOME": str(tmp_path / "data home"),
        **env,
    }
    full_env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    flags = ["-m", "--propagation", "private"] + ([] if os.getuid() == 0 else ["-r"])
    done = subprocess.run(
        [unshare, *flags, "sh", "-c", NAMESPACE_SCRIPT],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        check=False,
    )
    if "unshare failed" in done.stderr or "Operation not permitted" in done.stderr:
        pytest.fail(f"cannot create the namespaces this test needs: {done.stderr}\n{__doc__}")
    return done


def test_timer_installs_enables_and_runs_under_a_real_user_manager(tmp_path: Path) -> None:
    home = tmp_path / "data home"
    done = run_under_user_manager(tmp_path, DRIVER)
    log = (tmp_path / "manager.log").read_text() if (tmp_path / "manager.log").exists() else ""
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}\n{log}"
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["manager"] is True
    assert out["install"][0] == "active", out
    assert out["status"][0] == "active" and out["status"][1] is not None
    assert out["timer_active"] == "active"
    assert out["timer_enabled"] == "enabled"
    assert f"path={sys.executable} " in out["exec"]
    assert f"argv[]={sys.executable} -m consentinel check --unattended " in out["exec"]
    # systemd quotes the assignment with a space; the browser the tests use is passed on too.
    assert f'"CONSENTINEL_HOME={home}"' in out["env"]
    assert out["unit_name"].startswith("consentinel-check-")  # a CONSENTINEL_HOME folder's own
    # The service started our interpreter (203 would mean systemd could not exec it); the exit
    # code itself is the command line's own (0, 1 or 2: no account has been added here).
    assert out["exit"] in {"0", "1", "2"}, out
    assert out["remove"] == "not_installed"
    assert "consentinel-check" not in out["after_remove"]
