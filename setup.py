"""Build hook: ship resources/ inside the package (consentinel/resources) and compile .ts to .qm.

Configuration lives in pyproject.toml; this only adds one step to build_py.
"""

import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).parent
# What the app loads at run time; .ts sources stay out (their .qm is built below).
SHIPPED = ("icons", "linux", "translations")


class BuildWithResources(build_py):
    """build_py, then resources/ copied into the package and translations compiled."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads resources/ from the checkout
        target = Path(self.build_lib) / "consentinel" / "resources"
        for name in SHIPPED:
            source = HERE / "resources" / name
            if source.is_dir():
                shutil.copytree(
                    source,
                    target / name,
                    dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("*.ts", "*.pro", ".*"),
                )
        for ts in sorted((HERE / "resources" / "translations").glob("*.ts")):
            qm = target / "translations" / ts.with_suffix(".qm").name
            qm.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run([_lrelease(), str(ts), "-qm", str(qm)], check=True)


def _lrelease() -> str:
    """Qt's lrelease from PySide6 (a build requirement), wherever its wheel puts it."""
    import PySide6

    root = Path(PySide6.__file__).parent
    for candidate in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease", "Qt/bin/lrelease"):
        if (root / candidate).is_file():
            return str(root / candidate)
    raise RuntimeError(f"lrelease not found in {root}")


setup(cmdclass={"build_py": BuildWithResources})
