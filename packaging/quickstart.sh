#!/usr/bin/env bash
# Sets up everything Consentinel needs on Debian/Ubuntu, then runs the app or the test suite.
#   bash packaging/quickstart.sh run    install what is missing, then start the app
#   bash packaging/quickstart.sh test   install what is missing, then run the whole test suite
# Safe to run again: it installs only what is missing. Run it as yourself: it asks for sudo only
# when a system package is missing (with no sudo, it names them and the line to run as root).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# The person's language: the app's own setting first, as the app reads it.
in_french() {
    case "${CONSENTINEL_LANG:-${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}}" in
        fr*) return 0 ;;
        *) return 1 ;;
    esac
}

# Whether the virtualenv $1 holds a Consentinel installed for another folder than the checkout
# $2. A virtualenv does not survive a move or a copy: its launchers name the python of the
# folder it was made in (they cannot start once that is gone, or start the old copy), and the
# editable install names the checkout it was made from.
installed_elsewhere() {
    local venv="$1" checkout="$2" launcher="$1/bin/consentinel" top found
    [ -e "$launcher" ] || return 1 # nothing installed in it yet
    top="$(head -n 2 "$launcher")"
    case "$top" in
        # (pip's launcher for a path with a space starts /bin/sh, then execs the python)
        "#!$venv/bin/python" | "#!$venv/bin/python"$'\n'* | *"'exec' \"$venv/bin/python\""*) ;;
        *) return 0 ;;
    esac
    found="$("$venv/bin/python" -I -c 'import consentinel; print(consentinel.__file__)' 2>/dev/null)" \
        || return 0
    [ "$found" != "$checkout/desktop/consentinel/__init__.py" ]
}

version_of() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])'; }

# Stops, in the person's words, when the Python $1 is older than 3.10 (pip's own error, in
# English, said only that no version of a package matched), or when PYTHON names no program.
needs_python_310() {
    local python="$1" mode="$2" version major minor
    if ! command -v "$python" >/dev/null 2>&1; then
        if in_french; then
            echo "$python n'est pas un programme présent ici : indiquez un Python 3.10 ou plus récent avec PYTHON, par exemple : PYTHON=python3.11 bash packaging/quickstart.sh $mode" >&2
        else
            echo "$python is not a program here: name a Python 3.10 or newer with PYTHON, e.g.: PYTHON=python3.11 bash packaging/quickstart.sh $mode" >&2
        fi
        exit 2
    fi
    version="$(version_of "$python" 2>/dev/null)" || version="?"
    major="${version%%.*}" minor="${version#*.}"
    if [[ "$major" =~ ^[0-9]+$ && "$minor" =~ ^[0-9]+$ ]] \
        && { [ "$major" -gt 3 ] || { [ "$major" -eq 3 ] && [ "$minor" -ge 10 ]; }; }; then
        return 0
    fi
    if in_french; then
        echo "Consentinel a besoin de Python 3.10 ou plus récent, et $python est Python $version. Installez un Python plus récent, puis indiquez-le avec PYTHON, par exemple : PYTHON=python3.11 bash packaging/quickstart.sh $mode" >&2
    else
        echo "Consentinel needs Python 3.10 or newer, and $python is Python $version. Install a newer Python, then name it with PYTHON, e.g.: PYTHON=python3.11 bash packaging/quickstart.sh $mode" >&2
    fi
    exit 2
}

# Whether this script may run apt as root: it is root, or sudo lets it (without a password, or
# after asking for it on a terminal). A sudo that refuses ("is not in the sudoers file") is as
# no sudo. Sets as_root to the command's prefix; asks once.
may_be_root() {
    if [ -n "${root_asked:-}" ]; then
        [ "$root_asked" = yes ]
        return
    fi
    root_asked=no
    if [ "$(id -u)" -eq 0 ]; then
        as_root=()
    elif ! command -v sudo >/dev/null 2>&1; then
        return 1
    elif sudo -n true 2>/dev/null; then
        as_root=(sudo)
    elif [ -t 0 ] && say "sudo, to install / pour installer : $*" && sudo -v; then
        as_root=(sudo)
    else
        return 1
    fi
    root_asked=yes
}

# Playwright's Chromium, where apt has none, with the system libraries it needs (libnss3,
# libnspr4, libasound2…) when root or sudo can install them: Playwright runs apt itself, through
# sudo. A failure is said, and the rest goes on: the app starts, and its doctor says what
# browser it lacks. Nothing is done, and sudo not asked for, when a download of it is there
# already with every library it needs. ($venv: the virtualenv.)
playwright_chromium() {
    local with_deps=() libraries line chrome
    chrome="$(playwright_chrome)"
    if [ -n "$chrome" ] && [ -x "$chrome" ] \
        && [ -e "$(dirname "$(dirname "$chrome")")/INSTALLATION_COMPLETE" ] \
        && [ -z "$(chromium_missing_libraries)" ]; then
        return 0
    fi
    if may_be_root "chromium (Playwright)"; then with_deps=(--with-deps); fi
    say "Installing Playwright's Chromium / Installation du Chromium de Playwright"
    if ! "$venv/bin/python" -m playwright install ${with_deps[@]+"${with_deps[@]}"} chromium; then
        if in_french; then
            echo "Playwright n'a pas pu installer Chromium (voir ci-dessus) : Consentinel démarre, mais ses vérifications ont besoin d'un navigateur. Relancez ce script plus tard, ou installez Google Chrome (ou : sudo snap install chromium)." >&2
        else
            echo "Playwright could not install Chromium (see above): Consentinel starts, but its checks need a browser. Run this script again later, or install Google Chrome (or: sudo snap install chromium)." >&2
        fi
        return 0
    fi
    [ "${#with_deps[@]}" -eq 0 ] || return 0
    libraries="$(chromium_missing_libraries)"
    [ -n "$libraries" ] || return 0
    line="  su -c '$(printf '%q' "$venv/bin/python") -m playwright install-deps chromium'"
    if in_french; then
        echo "Il manque ici des bibliothèques système à Chromium, et ni root ni sudo ne peuvent les installer : $libraries. Installez-les en tant que root, pour que les vérifications puissent lancer Chromium :" >&2
    else
        echo "Chromium's system libraries are missing here, and neither root nor sudo can install them: $libraries. Install them as root, so that checks can start Chromium:" >&2
    fi
    echo "$line" >&2
}

# The newest Chromium Playwright downloaded (chromium-1187 before chromium-999), where
# Playwright puts them, as the app looks for it (x/browser.py).
playwright_chrome() {
    local browsers="${PLAYWRIGHT_BROWSERS_PATH:-${XDG_CACHE_HOME:-${HOME:-}/.cache}/ms-playwright}"
    find "$browsers" -maxdepth 3 -type f -path '*/chromium-*/chrome-linux*/chrome' 2>/dev/null \
        | sort -V | tail -n 1 || true # (none there yet)
}

# The libraries Playwright's Chromium needs that the system lacks (`ldd` says "not found").
chromium_missing_libraries() {
    local chrome
    chrome="$(playwright_chrome)"
    [ -n "$chrome" ] || return 0
    ldd "$chrome" 2>/dev/null | awk '$2 == "=>" && $3 == "not" { print $1 }' | sort -u \
        | paste -sd ' ' -
}

# (Sourced, by the tests: the functions above only.)
if (return 0 2>/dev/null); then return 0; fi

cd "$here"
mode="${1:-run}"
shift || true
venv="$(realpath -ms -- "${CONSENTINEL_VENV:-$here/.venv}")"

# System packages: a browser, Qt's xcb libraries and fonts, a Secret Service keyring and D-Bus,
# the schedule's and the menu's tools, and notifications.
packages=(
    chromium
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0
    libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libxkbcommon0 libegl1 libgl1
    libfontconfig1 libdbus-1-3 fonts-dejavu-core fonts-noto-core
    gnome-keyring dbus dbus-x11 libsecret-tools
    systemd desktop-file-utils libnotify-bin libglib2.0-bin
)
# The tests' own: a virtual screen for real windows, the validators of the menu entry and
# metainfo, SQLite's shell (a journal rebuilt from its `.dump`), and objdump, which PyInstaller
# needs to build the bundle (tests/e2e/test_bundle.py). Not the app's: `run` never asks for them.
test_packages=(xvfb xauth appstream sqlite3 binutils)
if [ "$mode" = test ]; then packages+=("${test_packages[@]}"); fi
missing=()
# A Python that can make virtualenvs (Debian splits venv and ensurepip into python3-venv):
# python3, or the one PYTHON names.
python_bin="${PYTHON:-python3}"
# (A missing python3 is installed below; one PYTHON names must be there.)
if [ -n "${PYTHON:-}" ] || command -v "$python_bin" >/dev/null 2>&1; then
    needs_python_310 "$python_bin" "$mode"
fi
"$python_bin" -c "import venv, ensurepip" 2>/dev/null || packages+=(python3 python3-venv python3-pip)
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Ubuntu ships Chromium as a snap wrapper: Playwright's own Chromium there. (Known once apt
# has read its package lists; else after the update below.)
without_apt_chromium() {
    if apt-cache show chromium >/dev/null 2>&1; then return; fi
    local kept=() p
    for p in "${missing[@]}"; do [ "$p" = chromium ] || kept+=("$p"); done
    missing=(${kept[@]+"${kept[@]}"})
    want_playwright_browser=1
}
if [[ " ${missing[*]-} " == *" chromium "* ]] && compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
    without_apt_chromium
fi
if [ "${#missing[@]}" -gt 0 ]; then
    # Root or sudo only now, and only for apt: the rest (the virtualenv, the app) is the
    # person's own, and the app must not run as root (its browser's sandbox is off then).
    if ! may_be_root "${missing[*]}"; then
        {
            echo "Missing system packages / Paquets système manquants : ${missing[*]}"
            if command -v sudo >/dev/null 2>&1; then
                echo "sudo did not let you install them (you are not in the sudoers file, or no terminal could ask for your password): install them as root, then run this again as yourself. /"
                echo "sudo ne vous a pas laissé les installer (vous n'êtes pas dans le fichier sudoers, ou aucun terminal n'a pu demander votre mot de passe) : installez-les en tant que root, puis relancez ceci avec votre compte :"
            else
                echo "No sudo here: install them as root, then run this again as yourself. /"
                echo "Pas de sudo ici : installez-les en tant que root, puis relancez ceci avec votre compte :"
            fi
            echo "  su -c 'apt-get update && apt-get install --no-install-recommends ${missing[*]}'"
        } >&2
        exit 2
    fi
    say "Installing system packages / Installation des paquets système : ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${as_root[@]}" apt-get update -qq
    if [[ " ${missing[*]} " == *" chromium "* ]]; then
        without_apt_chromium
    fi
    if [ "${#missing[@]}" -gt 0 ]; then
        "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
fi

# The virtualenv and the project, reinstalled only when pyproject.toml changed, or made again
# when PYTHON names another Python than the one it was made with, or when it was made for
# another folder (moved or copied).
needs_python_310 "$python_bin" "$mode" # (the one apt installed, if it did)
if [ -x "$venv/bin/python" ] && [ -n "${PYTHON:-}" ] \
    && [ "$(version_of "$venv/bin/python")" != "$(version_of "$python_bin")" ]; then
    say "Making the virtualenv again with / Nouvel environnement virtuel avec $python_bin : $venv"
    "$python_bin" -m venv --clear "$venv"
elif [ -d "$venv" ] && installed_elsewhere "$venv" "$here"; then
    say "Making the virtualenv again, it was made for another folder (moved or copied) / Nouvel environnement virtuel, l'ancien ayant été créé pour un autre dossier (déplacé ou copié) : $venv"
    "$python_bin" -m venv --clear "$venv"
fi
if [ ! -x "$venv/bin/python" ]; then
    say "Creating the virtualenv / Création de l'environnement virtuel : $venv"
    "$python_bin" -m venv "$venv"
fi
# The stamp holds pyproject.toml's digest, then "dev" once the test tools are in: `run` installs
# what the app needs, `test` adds pytest, ruff, mypy… (and a `run` after a `test` keeps them).
stamp="$venv/.consentinel-installed"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
have="" have_extras=""
[ ! -f "$stamp" ] || read -r have have_extras < "$stamp" || true
if [ "$mode" = test ]; then extras=dev; else extras=""; fi
if [ "$have" != "$want" ] || { [ "$extras" = dev ] && [ "$have_extras" != dev ]; }; then
    if [ "$extras" = dev ]; then
        say "Installing Consentinel and its test tools / Installation de Consentinel et de ses outils de test"
    else
        say "Installing Consentinel and its dependencies / Installation de Consentinel"
    fi
    "$venv/bin/python" -m pip install -q --upgrade pip "setuptools>=77" wheel
    # Editable installs read resources/ from the checkout: no Qt needed to build.
    "$venv/bin/python" -m pip install -q --no-build-isolation -e ".${extras:+[$extras]}"
    echo "$want${extras:+ $extras}" > "$stamp"
fi
if [ "${want_playwright_browser:-0}" = 1 ]; then
    playwright_chromium
fi

# `consentinel` and `consentinel-gui` as commands, as a pip install has them: links in
# ~/.local/bin (on the PATH of Debian's and Ubuntu's logins once it exists) to the virtualenv's
# launchers, when that folder is the person's. Another install's commands there (pipx's) stay.
link_commands() {
    local bindir="${HOME:-}/.local/bin" name link target made=0
    # (Only in a home of one's own: under `sudo -E`, root would make ~/.local/bin root's.)
    [ -n "${HOME:-}" ] && [ -O "$HOME" ] && mkdir -p "$bindir" 2>/dev/null && [ -O "$bindir" ] \
        && [ -w "$bindir" ] || return 0
    for name in consentinel consentinel-gui; do
        link="$bindir/$name"
        target="$venv/bin/$name"
        if [ -L "$link" ]; then
            [ "$(readlink "$link")" = "$target" ] && continue
            # A quick start's, from a copy moved (the link leads nowhere) or another: this one's now.
            if [ -e "$link" ] && [ ! -e "$(dirname "$(readlink -f "$link")")/../.consentinel-installed" ]; then
                if in_french; then
                    echo "$link est la commande d'une autre installation de Consentinel : laissée telle quelle ; celle-ci est $target."
                else
                    echo "$link is another install of Consentinel's command: left as it is; this one's is $target."
                fi
                continue
            fi
        elif [ -e "$link" ]; then
            continue
        fi
        ln -sfn "$target" "$link"
        made=1
    done
    [ "$made" = 1 ] || return 0
    local on_path=0 at_login=0
    case ":${PATH:-}:" in *":$bindir:"*) on_path=1 ;; esac
    grep -qs '\.local/bin' "$HOME/.profile" && at_login=1
    if in_french; then
        echo "Les commandes consentinel et consentinel-gui sont dans $bindir."
        if [ "$on_path" = 0 ] && [ "$at_login" = 1 ]; then
            echo "Ce dossier sera dans votre PATH à votre prochaine connexion ; d'ici là, dans ce terminal : export PATH=\"\$HOME/.local/bin:\$PATH\""
        elif [ "$on_path" = 0 ]; then
            echo "Ce dossier n'est pas dans votre PATH : ajoutez cette ligne à ~/.profile (puis reconnectez-vous) : export PATH=\"\$HOME/.local/bin:\$PATH\""
        fi
    else
        echo "The commands consentinel and consentinel-gui are in $bindir."
        if [ "$on_path" = 0 ] && [ "$at_login" = 1 ]; then
            echo "That folder is on your PATH from your next login; until then, in this terminal: export PATH=\"\$HOME/.local/bin:\$PATH\""
        elif [ "$on_path" = 0 ]; then
            echo "That folder is not on your PATH: add this line to ~/.profile (then log in again): export PATH=\"\$HOME/.local/bin:\$PATH\""
        fi
    fi
}

# The menu entry (`consentinel desktop-entry install`), offered once per virtualenv (a new one,
# after a move, offers it again: the entry opened the old one). Not for a CONSENTINEL_HOME
# folder: the entry opens the person's usual data folder.
offer_menu_entry() {
    [ -z "${CONSENTINEL_HOME:-}" ] || return 0
    local data="${XDG_DATA_HOME:-}" asked="$venv/.consentinel-menu-offered" answer
    [[ "$data" == /* ]] || data="${HOME:-}/.local/share"
    grep -qsxF "TryExec=$venv/bin/consentinel-gui" "$data/applications/org.consentinel.Consentinel.desktop" \
        && return 0
    [ ! -e "$asked" ] || return 0
    touch "$asked"
    if [ -t 0 ] && [ -t 1 ]; then
        if in_french; then
            printf 'Ajouter Consentinel au menu des applications ? [O/n] '
        else
            printf 'Add Consentinel to your applications menu? [Y/n] '
        fi
        read -r answer || answer=n
        case "$answer" in
            "" | [yYoO]*) "$venv/bin/consentinel" desktop-entry install || true ;;
        esac
    elif in_french; then
        echo "Pour ajouter Consentinel au menu des applications : $venv/bin/consentinel desktop-entry install"
    else
        echo "To add Consentinel to your applications menu: $venv/bin/consentinel desktop-entry install"
    fi
}

case "$mode" in
    run)
        link_commands
        if [ "$(id -u)" -eq 0 ]; then
            if in_french; then
                echo "Vous êtes root : lancez Consentinel avec votre propre compte. En root, le bac à sable du navigateur, qui tient les pages de X loin de vos fichiers, est désactivé, et vos données et votre trousseau sont ceux de root. Ce script demande sudo seulement s'il manque quelque chose." >&2
            else
                echo "You are root: run Consentinel as your own user. As root, the browser's sandbox, which keeps X's pages away from your files, is off, and your data and keyring are root's. This script asks for sudo only if something is missing." >&2
            fi
        fi
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
            if in_french; then
                echo "Pas d'écran ici, la fenêtre ne peut pas s'ouvrir : utilisez la ligne de commande, par exemple « $venv/bin/consentinel --help »."
            else
                echo "No display here, so the window cannot open: use the command line instead, e.g. '$venv/bin/consentinel --help'."
            fi
            exit 0
        fi
        offer_menu_entry
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
