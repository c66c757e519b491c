#!/usr/bin/env bash
# Builds dist/consentinel/ (PyInstaller, one folder) and dist/consentinel-<version>-linux-<arch>.tar.gz.
#   bash packaging/linux/build-bundle.sh          (uses .venv if present, else makes .venv-build)
# The same build runs in CI: tests/e2e/test_bundle.py.
# Needs: python3 with venv, and binutils (PyInstaller reads the libraries with objdump).
# The bundle runs only where glibc is as new as here or newer: build on the oldest distribution
# you support (packaging/README.md).
set -euo pipefail
if ! command -v objdump >/dev/null 2>&1; then
    {
        echo "Building the bundle needs objdump, from binutils (Debian/Ubuntu: sudo apt install binutils)."
        echo "La construction de l'application autonome a besoin d'objdump, fourni par binutils (Debian/Ubuntu : sudo apt install binutils)."
    } >&2
    exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
python="$root/.venv/bin/python"
if [ ! -x "$python" ]; then
    python3 -m venv "$root/.venv-build"
    python="$root/.venv-build/bin/python"
    "$python" -m pip install -q . pyinstaller
fi
"$python" -m PyInstaller --version >/dev/null 2>&1 || "$python" -m pip install -q pyinstaller
"$python" -m PyInstaller --noconfirm --clean packaging/pyinstaller/consentinel.spec
version="$(dist/consentinel/consentinel --version | cut -d' ' -f2)"
archive="dist/consentinel-$version-linux-$(uname -m).tar.gz"
tar -C dist -czf "$archive" consentinel
echo "Built $archive"
echo "Add it to your menu with: dist/consentinel/consentinel desktop-entry install"
