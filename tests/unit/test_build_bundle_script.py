"""packaging/linux/build-bundle.sh says, in English and French, that it needs binutils before
it builds anything: PyInstaller stopped deep in its analysis with "On Linux, objdump is
required"."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_without_objdump_the_build_says_to_install_binutils(tmp_path: Path) -> None:
    script = tmp_path / "packaging" / "linux" / "build-bundle.sh"
    script.parent.mkdir(parents=True)
    shutil.copy2(REPO / "packaging" / "linux" / "build-bundle.sh", script)
    tools = tmp_path / "tools"  # the commands it runs first, and no objdump among them
    tools.mkdir()
    for tool in ("dirname", "python3"):
        found = shutil.which(tool)
        assert found is not None
        (tools / tool).symlink_to(found)
    bash = shutil.which("bash") or "/bin/bash"
    built = subprocess.run(
        [bash, str(script)],
        env={"PATH": str(tools), "LANG": "C.UTF-8"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert built.returncode == 2, built.stdout + built.stderr
    assert built.stderr == (
        "Building the bundle needs objdump, from binutils (Debian/Ubuntu: sudo apt install "
        "binutils).\n"
        "La construction de l'application autonome a besoin d'objdump, fourni par binutils "
        "(Debian/Ubuntu\u00a0: sudo apt install binutils).\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["packaging", "tools"]  # nothing made
