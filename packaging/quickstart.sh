#!/usr/bin/env bash
# Sets up everything Consentinel needs on Debian/Ubuntu, then runs the app or the test suite.
#   bash packaging/quickstart.sh run    install what is missing, then start the app
#   bash packaging/quickstart.sh test   install what is missing, then run the whole test suite
# Safe to run again: it installs only what is missing. Needs root or sudo for the system packages.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mode="${1:-run}"
shift || true
venv="${CONSENTINEL_VENV:-$here/.venv}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
        echo "Need root or sudo to install system packages. / Il faut root ou sudo pour installer les paquets système." >&2
        exit 2
    fi
fi

# System packages: a browser, Qt's xcb libraries and fonts, a Secret Service keyring and D-Bus,
# a virtual screen for screenshots, and the validators the tests use.
packages=(
    chromium
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0
    libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libxkbcommon0 libegl1 libgl1
    libfontconfig1 libdbus-1-3 fonts-dejavu-core fonts-noto-core
    gnome-keyring dbus dbus-x11 libsecret-tools
    xvfb xauth systemd desktop-file-utils appstream libnotify-bin libglib2.0-bin
)
missing=()
# A Python that can make virtualenvs (Debian splits venv and ensurepip into python3-venv):
# python3, or the one PYTHON names.
python_bin="${PYTHON:-python3}"
"$python_bin" -c "import venv, ensurepip" 2>/dev/null || packages+=(python3 python3-venv python3-pip)
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    say "Installing system packages / Installation des paquets système: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get update -qq
    # Ubuntu ships Chromium as a snap wrapper: fall back to Playwright's own Chromium there.
    if ! apt-cache show chromium >/dev/null 2>&1; then
        kept=()
        for p in "${missing[@]}"; do [ "$p" = chromium ] || kept+=("$p"); done
        missing=(${kept[@]+"${kept[@]}"})
        want_playwright_browser=1
    fi
    "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The virtualenv and the project, reinstalled only when pyproject.toml changed, or made again
# when PYTHON names another Python than the one it was made with.
version_of() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])'; }
if [ -x "$venv/bin/python" ] && [ -n "${PYTHON:-}" ] \
    && [ "$(version_of "$venv/bin/python")" != "$(version_of "$python_bin")" ]; then
    say "Making the virtualenv again with / Nouvel environnement virtuel avec $python_bin: $venv"
    "$python_bin" -m venv --clear "$venv"
fi
if [ ! -x "$venv/bin/python" ]; then
    say "Creating the virtualenv / Création de l'environnement virtuel: $venv"
    "$python_bin" -m venv "$venv"
fi
stamp="$venv/.consentinel-installed"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "Installing Consentinel and its dependencies / Installation de Consentinel"
    "$venv/bin/python" -m pip install -q --upgrade pip "setuptools>=77" wheel
    # Editable installs read resources/ from the checkout: no Qt needed to build.
    "$venv/bin/python" -m pip install -q --no-build-isolation -e ".[dev]"
    echo "$want" > "$stamp"
fi
if [ "${want_playwright_browser:-0}" = 1 ]; then
    "$venv/bin/python" -m playwright install chromium || true
fi

case "$mode" in
    run)
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
            # (The app's own language setting first, as the app reads it.)
            case "${CONSENTINEL_LANG:-${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}}" in
                fr*) echo "Pas d'écran ici, la fenêtre ne peut pas s'ouvrir : utilisez la ligne de commande, par exemple « $venv/bin/consentinel --help »." ;;
                *) echo "No display here, so the window cannot open: use the command line instead, e.g. '$venv/bin/consentinel --help'." ;;
            esac
            exit 0
        fi
        exec "$venv/bin/consentinel-gui" "$@"
        ;;
    test)
        say "Running the tests / Lancement des tests"
        export QT_QPA_PLATFORM=offscreen
        "$venv/bin/ruff" check desktop tests benchmarks
        "$venv/bin/ruff" format --check desktop tests benchmarks
        "$venv/bin/mypy"
        exec "$venv/bin/python" -m pytest "$@"
        ;;
    *)
        echo "usage: bash packaging/quickstart.sh run|test" >&2
        exit 2
        ;;
esac
