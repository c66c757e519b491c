"""packaging/quickstart.sh, what can run without apt: a virtualenv moved or copied with its
folder is made again, nothing is asked of root or sudo when nothing is missing, a person with
neither is told what to install and how, and the commands land in ~/.local/bin.

Each test runs the script on a copy of the checkout in a world-readable temporary folder, with
a real virtualenv holding Consentinel installed as the script installs it (editable), made
offline; as root, the script runs as the user `nobody`, as a person would run it."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import setuptools

REPO = Path(__file__).resolve().parents[2]
ROOT = os.geteuid() == 0
NOBODY = 65534
#: Debian's own Python, which every user can run (pyenv's, under /root, is root's alone).
BASE_PYTHON = shutil.which("python3", path="/usr/local/bin:/usr/bin:/bin") or sys.executable


def _copy_checkout(where: Path) -> Path:
    """The files an editable install and the script read, as a clone has them."""
    where.mkdir(parents=True)
    for name in ("pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md", "MANIFEST.in"):
        shutil.copy2(REPO / name, where / name)
    shutil.copytree(
        REPO / "desktop",
        where / "desktop",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"),
    )
    (where / "packaging").mkdir()
    shutil.copy2(REPO / "packaging" / "quickstart.sh", where / "packaging" / "quickstart.sh")
    return where


def _install(checkout: Path, venv: Path) -> None:
    """`python3 -m venv`, then Consentinel editable in it, as the script does, without the
    network: the build's setuptools is this interpreter's, lent through PYTHONPATH (the
    venv's own, if any, is too old, and only its distutils hook is used)."""
    subprocess.run([BASE_PYTHON, "-m", "venv", str(venv)], check=True, timeout=120)
    lent = venv.parent / f"{venv.name}-build-tools"
    lent.mkdir()
    for module in ("setuptools", "_distutils_hack"):
        found = Path(setuptools.__file__).parent.parent / module
        if found.exists():
            (lent / module).symlink_to(found)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PIP_"))}
    pip = subprocess.run(
        [
            *(str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-index"),
            *("--no-deps", "--no-build-isolation", "-e", str(checkout)),
        ],
        cwd=checkout,
        env={**env, "PYTHONPATH": str(lent), "PIP_CONFIG_FILE": os.devnull},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert pip.returncode == 0, pip.stdout + pip.stderr
    shutil.rmtree(lent)
    # What the script writes once it installed the project: nothing to install again.
    digest = hashlib.sha256((checkout / "pyproject.toml").read_bytes()).hexdigest()
    (venv / ".consentinel-installed").write_text(digest + "\n")


@pytest.fixture(scope="module")
def place() -> Iterator[Path]:
    """A folder every user can read (pytest's own are root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="consentinel-quickstart-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def installed(place: Path) -> Path:
    """A checkout with its .venv, as the quick start leaves it."""
    checkout = _copy_checkout(place / "consentinel")
    _install(checkout, checkout / ".venv")
    return checkout


def _person_home(place: Path, name: str) -> Path:
    home = place / name
    home.mkdir()
    if ROOT:
        os.chown(home, NOBODY, NOBODY)
    return home


def _as_a_person(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`argv` as an ordinary user with no display, no stdin, and English words."""
    setpriv = shutil.which("setpriv") or "setpriv"
    drop = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] if ROOT else []
    base = {"LANG": "C.UTF-8", "CONSENTINEL_LANG": "en", "PYTHON": BASE_PYTHON}
    return subprocess.run(
        [*drop, *argv],
        env={**base, **env},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _installed_elsewhere(venv: Path, checkout: Path) -> bool:
    """The script's own check, its functions sourced."""
    probe = subprocess.run(
        [
            *("bash", "-c", 'source "$1" && installed_elsewhere "$2" "$3"', "-"),
            *(str(checkout / "packaging" / "quickstart.sh"), str(venv), str(checkout)),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert probe.returncode in (0, 1), probe.stderr
    return probe.returncode == 0


def test_a_virtualenv_moved_with_its_folder_is_made_again(place: Path) -> None:
    """A folder moved took its .venv along, whose launchers name the python of the old path:
    `.venv/bin/consentinel` could not start ("required file not found"), and the script, which
    only looked for .venv/bin/python, said nothing and started nothing."""
    checkout = _copy_checkout(place / "to-move")
    _install(checkout, checkout / ".venv")
    assert not _installed_elsewhere(checkout / ".venv", checkout)
    moved = checkout.rename(place / "moved")
    assert _installed_elsewhere(moved / ".venv", moved)
    # What a person saw: "cannot execute: required file not found" (its python is gone).
    with pytest.raises(FileNotFoundError):
        subprocess.run([str(moved / ".venv" / "bin" / "consentinel"), "--version"], check=False)

    # The script says so and makes it again (pip then fails: no index here, on purpose).
    if ROOT:  # (the person's folder)
        for path in (moved, *moved.rglob("*")):
            os.chown(path, NOBODY, NOBODY, follow_symlinks=False)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(place), "PIP_CONFIG_FILE": os.devnull}
    said = _as_a_person(
        ["bash", str(moved / "packaging" / "quickstart.sh"), "run"], {**env, "PIP_NO_INDEX": "1"}
    )
    assert "Making the virtualenv again, it was made for another folder (moved or copied)" in (
        said.stdout
    ), said.stdout + said.stderr
    assert f"(déplacé ou copié)\u00a0: {moved / '.venv'}" in said.stdout
    # Made anew: the old launchers went with it, and nothing names the old folder.
    assert not (moved / ".venv" / "bin" / "consentinel").exists()
    assert str(checkout) not in (moved / ".venv" / "pyvenv.cfg").read_text()


def test_a_virtualenv_copied_with_its_folder_or_left_behind_by_it_is_noticed(
    place: Path, installed: Path
) -> None:
    """A copy's launchers start the original's python and code; a virtualenv kept where it
    was (CONSENTINEL_VENV) while the checkout moved imports the old checkout's code, or none."""
    copy = place / "copy"
    shutil.copytree(installed, copy, symlinks=True)
    assert _installed_elsewhere(copy / ".venv", copy)
    assert not _installed_elsewhere(installed / ".venv", installed)
    assert _installed_elsewhere(installed / ".venv", copy)
    # Nothing installed in it yet (a first install cut short): nothing to make again.
    empty = place / "empty-venv"
    subprocess.run([BASE_PYTHON, "-m", "venv", "--without-pip", str(empty)], check=True)
    assert not _installed_elsewhere(empty, installed)


def _packages_missing() -> list[str]:
    """Those of the script's list that this computer lacks."""
    script = (REPO / "packaging" / "quickstart.sh").read_text(encoding="utf-8")
    listed = script.split("packages=(", 1)[1].split(")", 1)[0].split()
    status = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${Status}\n", *listed],
        capture_output=True,
        text=True,
    )
    installed = {line.split()[0] for line in status.stdout.splitlines() if "ok installed" in line}
    return [name for name in listed if name not in installed]


def test_with_nothing_missing_neither_root_nor_sudo_is_needed_and_the_commands_are_linked(
    place: Path, installed: Path
) -> None:
    """It refused every launch without sudo ("Need root or sudo", exit 2), even with nothing
    to install: a Debian person with a root password and no sudo ran it, and the app, as root.
    Now it runs as the person, and puts `consentinel` in ~/.local/bin."""
    assert _packages_missing() == [], "the quick start installs them: run it first"
    home = _person_home(place, "home-nothing-missing")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home)}
    run = _as_a_person(["bash", str(installed / "packaging" / "quickstart.sh"), "run"], env)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "root or sudo" not in run.stderr and "You are root" not in run.stderr
    assert "No display here" in run.stdout
    bindir = home / ".local" / "bin"
    for name in ("consentinel", "consentinel-gui"):
        assert os.readlink(bindir / name) == str(installed / ".venv" / "bin" / name)
    assert f"The commands consentinel and consentinel-gui are in {bindir}." in run.stdout
    # (No ~/.profile naming ~/.local/bin here: the line to add is given.)
    assert 'add this line to ~/.profile (then log in again): export PATH="$HOME/.local/bin' in (
        run.stdout
    )
    version = _as_a_person([str(bindir / "consentinel"), "--version"], env)
    assert version.stdout.startswith("consentinel "), version.stdout + version.stderr
    # Said once: the next run finds them in place.
    (home / ".profile").write_text('PATH="$HOME/.local/bin:$PATH"\n')
    again = _as_a_person(["bash", str(installed / "packaging" / "quickstart.sh"), "run"], env)
    assert again.returncode == 0 and ".local/bin" not in again.stdout, again.stdout


def test_a_moved_copy_s_link_is_replaced_and_another_install_s_kept(
    place: Path, installed: Path
) -> None:
    """A link left by a quick start in a folder since moved leads nowhere: it now leads to
    this one. A command of another install (pipx's) is left alone, and said so."""
    home = _person_home(place, "home-links")
    bindir = home / ".local" / "bin"
    pipx = place / "pipx-venv" / "bin"
    pipx.mkdir(parents=True)
    (pipx / "consentinel").write_text("#!/bin/sh\necho pipx\n")
    (pipx / "consentinel").chmod(0o755)
    bindir.mkdir(parents=True)
    (bindir / "consentinel").symlink_to(pipx / "consentinel")
    (bindir / "consentinel-gui").symlink_to(place / "gone" / ".venv" / "bin" / "consentinel-gui")
    if ROOT:
        for path in (home / ".local", bindir):
            os.chown(path, NOBODY, NOBODY)
    env = {"PATH": f"{bindir}:/usr/bin:/bin", "HOME": str(home)}
    run = _as_a_person(["bash", str(installed / "packaging" / "quickstart.sh"), "run"], env)
    assert run.returncode == 0, run.stdout + run.stderr
    assert os.readlink(bindir / "consentinel") == str(pipx / "consentinel")
    assert f"{bindir / 'consentinel'} is another install of Consentinel's command" in run.stdout
    gui = installed / ".venv" / "bin" / "consentinel-gui"
    assert os.readlink(bindir / "consentinel-gui") == str(gui)
    # On the PATH already: nothing to add.
    assert "The commands consentinel and consentinel-gui are in" in run.stdout
    assert "export PATH" not in run.stdout


def test_something_missing_without_root_or_sudo_names_it_and_the_line_to_run_as_root(
    place: Path, installed: Path
) -> None:
    """With neither root nor sudo, the person is told which packages are missing and the `su`
    line that installs them, and nothing else is done. (Packages cannot be removed here: a
    dpkg-query that says two are not installed stands for a computer without them.)"""
    tools = place / "tools-no-sudo"
    tools.mkdir()
    (tools / "dpkg-query").write_text(
        "#!/bin/sh\n"
        'for last; do :; done\ncase "$last" in xvfb|sqlite3|libsecret-tools) exit 1 ;; esac\n'
        f'exec {shutil.which("dpkg-query")} "$@"\n'
    )
    (tools / "dpkg-query").chmod(0o755)
    for tool in ("dirname", "realpath", "grep", "id"):
        found = shutil.which(tool)
        assert found is not None
        (tools / tool).symlink_to(found)
    venv = place / "venv-never-made"
    env = {"PATH": str(tools), "HOME": str(place), "CONSENTINEL_VENV": str(venv)}
    bash = shutil.which("bash") or "/bin/bash"
    script = str(installed / "packaging" / "quickstart.sh")
    # `run` asks for the app's packages alone, not the tests' (a virtual screen, SQLite's shell).
    run = _as_a_person([bash, script, "run"], env)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "Missing system packages / Paquets système manquants\u00a0: libsecret-tools\n" in (
        run.stderr
    )
    assert (
        "  su -c 'apt-get update && apt-get install --no-install-recommends "
        "libsecret-tools'\n" in run.stderr
    )
    assert run.stdout == "" and not venv.exists()
    test = _as_a_person([bash, script, "test"], env)
    assert test.returncode == 2, test.stdout + test.stderr
    assert (
        "  su -c 'apt-get update && apt-get install --no-install-recommends "
        "libsecret-tools xvfb sqlite3'\n" in test.stderr
    )
    assert test.stdout == "" and not venv.exists()


def test_run_installs_the_app_alone_and_test_adds_its_tools_once(place: Path) -> None:
    """`run` installed ".[dev]" (pytest, ruff, mypy, pyinstaller…) for a person who only wants
    the app. Now `run` installs the project, `test` adds the extras (after a `run` too), and
    neither installs again what is there. (pip cannot reach an index here: a `pip` that notes
    what it was asked stands in for it, first on the virtualenv's path.)"""
    checkout = _copy_checkout(place / "extras")
    _install(checkout, checkout / ".venv")
    stamp = checkout / ".venv" / ".consentinel-installed"
    stamp.unlink()  # as a first quick start finds it: nothing installed yet
    digest = hashlib.sha256((checkout / "pyproject.toml").read_bytes()).hexdigest()
    asked = place / "extras-pip-asked.txt"
    fake = place / "extras-fake-pip" / "pip"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "__main__.py").write_text(
        "import os, sys\n"
        "with open(os.environ['PIP_ASKED'], 'a') as f:\n"
        "    f.write(' '.join(sys.argv[1:]) + '\\n')\n"
    )
    asked.touch()
    home = _person_home(place, "home-extras")
    if ROOT:
        for path in (asked, checkout, *checkout.rglob("*")):
            os.chown(path, NOBODY, NOBODY, follow_symlinks=False)
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "PYTHONPATH": str(fake.parent),
        "PIP_ASKED": str(asked),
    }
    script = str(checkout / "packaging" / "quickstart.sh")

    def installs(mode: str) -> list[str]:
        before = asked.read_text()
        said = _as_a_person(["bash", script, mode], env)
        if mode == "run":
            assert said.returncode == 0, said.stdout + said.stderr
        else:  # (it goes on to ruff, which this virtualenv lacks)
            assert "Running the tests" in said.stdout, said.stdout + said.stderr
        return [line for line in asked.read_text()[len(before) :].splitlines() if " -e " in line]

    assert installs("run") == ["install -q --no-build-isolation -e ."]
    assert stamp.read_text() == digest + "\n"
    assert installs("run") == []
    assert installs("test") == ["install -q --no-build-isolation -e .[dev]"]
    assert stamp.read_text() == digest + " dev\n"
    assert installs("run") == []  # the tools stay: no new install
    assert stamp.read_text() == digest + " dev\n"
    assert installs("test") == []
    # A changed pyproject.toml: `run` installs again what the app needs, `test` its tools.
    with (checkout / "pyproject.toml").open("a") as changed:
        changed.write("\n")
    assert installs("run") == ["install -q --no-build-isolation -e ."]
    assert installs("test") == ["install -q --no-build-isolation -e .[dev]"]


def _tools(where: Path, missing: str, sudo: str | None) -> Path:
    """A PATH folder: a dpkg-query that says the packages `missing` (a case pattern) are not
    installed, and, unless None, a `sudo` of this shell text (sudo's rules and apt cannot be
    changed here: these stand for a computer whose sudo says so)."""
    where.mkdir()
    (where / "dpkg-query").write_text(
        "#!/bin/sh\n"
        f'for last; do :; done\ncase "$last" in {missing}) exit 1 ;; esac\n'
        f'exec {shutil.which("dpkg-query")} "$@"\n'
    )
    if sudo is not None:
        (where / "sudo").write_text(f"#!/bin/sh\n{sudo}\n")
    for tool in where.iterdir():
        tool.chmod(0o755)
    return where


def test_a_sudo_that_refuses_is_as_no_sudo_the_packages_and_the_root_line_are_said(
    place: Path, installed: Path
) -> None:
    """sudo there but not for this person ("is not in the sudoers file"): the script stopped
    on sudo's error (status 1), without naming the packages or the `su` line."""
    asked = place / "refusing-sudo-asked.txt"
    asked.touch()
    asked.chmod(0o666)
    tools = _tools(
        place / "tools-refusing-sudo",
        "libsecret-tools",
        f'echo "$*" >> {asked}\necho "$(id -un) is not in the sudoers file." >&2\nexit 1',
    )
    env = {"PATH": f"{tools}:/usr/bin:/bin", "HOME": str(place)}
    run = _as_a_person(["bash", str(installed / "packaging" / "quickstart.sh"), "run"], env)
    assert run.returncode == 2, run.stdout + run.stderr
    assert run.stderr == (
        "Missing system packages / Paquets système manquants\u00a0: libsecret-tools\n"
        "sudo did not let you install them (you are not in the sudoers file, or no terminal "
        "could ask for your password): install them as root, then run this again as "
        "yourself. /\n"
        "sudo ne vous a pas laissé les installer (vous n'êtes pas dans le fichier sudoers, ou "
        "aucun terminal n'a pu demander votre mot de passe)\u00a0: installez-les en tant que "
        "root, puis relancez ceci avec votre compte\u00a0:\n"
        "  su -c 'apt-get update && apt-get install --no-install-recommends libsecret-tools'\n"
    )
    # Asked without a password (no terminal here to ask one), and nothing run through it.
    assert asked.read_text() == "-n true\n"


def test_a_sudo_that_lets_in_installs_what_is_missing(place: Path, installed: Path) -> None:
    asked = place / "willing-sudo-asked.txt"
    asked.touch()
    asked.chmod(0o666)
    tools = _tools(place / "tools-willing-sudo", "libsecret-tools", f'echo "$*" >> {asked}')
    home = _person_home(place, "home-willing-sudo")
    env = {"PATH": f"{tools}:/usr/bin:/bin", "HOME": str(home)}
    run = _as_a_person(["bash", str(installed / "packaging" / "quickstart.sh"), "run"], env)
    assert run.returncode == 0, run.stdout + run.stderr
    assert asked.read_text().splitlines() == [
        "-n true",
        "apt-get update -qq",
        "apt-get install -y -qq --no-install-recommends libsecret-tools",
    ]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "Consentinel needs Python 3.10 or newer, and {python} is Python 3.9. Install a newer "
            "Python, then name it with PYTHON, e.g.: PYTHON=python3.11 bash "
            "packaging/quickstart.sh run\n",
        ),
        (
            "fr",
            "Consentinel a besoin de Python 3.10 ou plus récent, et {python} est Python 3.9. "
            "Installez un Python plus récent, puis indiquez-le avec PYTHON, par "
            "exemple\u00a0: PYTHON=python3.11 bash packaging/quickstart.sh run\n",
        ),
    ],
)
def test_a_python_older_than_3_10_is_said_before_anything_is_installed(
    place: Path, installed: Path, lang: str, said: str
) -> None:
    """PYTHON=python3.9 went on to pip, which stopped in English on "no matching
    distribution". (No Python 3.9 here: a program answering its version stands for it.)"""
    old = place / f"python3.9-{lang}"
    old.write_text("#!/bin/sh\necho 3.9\n")
    old.chmod(0o755)
    venv = place / f"venv-never-made-{lang}"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(place), "CONSENTINEL_VENV": str(venv)}
    run = _as_a_person(
        ["bash", str(installed / "packaging" / "quickstart.sh"), "run"],
        {**env, "PYTHON": str(old), "CONSENTINEL_LANG": lang},
    )
    assert run.returncode == 2, run.stdout + run.stderr
    assert run.stderr == said.format(python=old)
    assert run.stdout == "" and not venv.exists()


def _playwright_chromium(
    place: Path, name: str, *, downloads: bool, sudo: str | None, browsers: Path
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """The script's playwright_chromium, sourced, with a virtualenv whose python notes what
    it is asked and succeeds or fails as Playwright's download would (no network here)."""
    venv = place / f"{name}-venv"
    (venv / "bin").mkdir(parents=True)
    asked = place / f"{name}-asked.txt"
    asked.touch()
    asked.chmod(0o666)
    python = venv / "bin" / "python"
    python.write_text(f'#!/bin/sh\necho "$*" >> {asked}\nexit {0 if downloads else 1}\n')
    python.chmod(0o755)
    tools = _tools(place / f"{name}-tools", "none", sudo)
    said = _as_a_person(
        [
            *("bash", "-c", 'source "$1" && venv="$2" && playwright_chromium', "-"),
            *(str(REPO / "packaging" / "quickstart.sh"), str(venv)),
        ],
        {
            "PATH": f"{tools}:/usr/bin:/bin",
            "HOME": str(place),
            "PLAYWRIGHT_BROWSERS_PATH": str(browsers),
        },
    )
    return said, asked.read_text().splitlines()


def test_playwright_s_chromium_comes_with_its_libraries_where_sudo_lets_in(place: Path) -> None:
    """It ran `playwright install chromium` alone: Chromium without libnss3, libasound2…"""
    said, asked = _playwright_chromium(
        place, "pw-sudo", downloads=True, sudo="exit 0", browsers=place / "none"
    )
    assert said.returncode == 0, said.stdout + said.stderr
    assert asked == ["-m playwright install --with-deps chromium"]
    assert said.stderr == ""


def test_playwright_s_chromium_there_with_its_libraries_asks_nothing_of_sudo(
    place: Path,
) -> None:
    """On Ubuntu (no apt `chromium`), every run asked for sudo and ran `playwright install
    --with-deps chromium` again, nothing missing. Now a finished download whose libraries are
    all there is left alone; one cut off half-way, or an older one beside it, is not mistaken
    for it. (A real program whose libraries are all found stands for the Chromium.)"""
    browsers = place / "pw-ready-browsers"
    old = browsers / "chromium-999" / "chrome-linux" / "chrome"
    chrome = browsers / "chromium-1187" / "chrome-linux" / "chrome"
    for program in (old, chrome):
        program.parent.mkdir(parents=True)
        shutil.copy("/bin/ls", program)
    (old.parent.parent / "INSTALLATION_COMPLETE").touch()
    browsers.chmod(0o755)
    sudo_asked = place / "pw-ready-sudo-asked.txt"
    sudo_asked.touch()
    sudo_asked.chmod(0o666)
    sudo = f'echo "$*" >> {sudo_asked}'
    # The newest download was cut off (no INSTALLATION_COMPLETE): it is downloaded again.
    said, asked = _playwright_chromium(
        place, "pw-cut-off", downloads=True, sudo=sudo, browsers=browsers
    )
    assert said.returncode == 0, said.stdout + said.stderr
    assert asked == ["-m playwright install --with-deps chromium"]
    assert sudo_asked.read_text() == "-n true\n"
    # Finished: nothing to do, and sudo is not asked.
    (chrome.parent.parent / "INSTALLATION_COMPLETE").touch()
    sudo_asked.write_text("")
    said, asked = _playwright_chromium(
        place, "pw-ready", downloads=True, sudo=sudo, browsers=browsers
    )
    assert said.returncode == 0, said.stdout + said.stderr
    assert asked == [] and sudo_asked.read_text() == "", (asked, sudo_asked.read_text())
    assert said.stdout == "" and said.stderr == ""


def test_a_failed_download_of_playwright_s_chromium_is_said(place: Path) -> None:
    """`|| true` hid it: the app then started with no browser, and nothing said why."""
    said, asked = _playwright_chromium(
        place, "pw-fails", downloads=False, sudo=None, browsers=place / "none"
    )
    assert said.returncode == 0, said.stdout + said.stderr
    assert asked == ["-m playwright install chromium"]
    assert said.stderr == (
        "Playwright could not install Chromium (see above): Consentinel starts, but its "
        "checks need a browser. Run this script again later, or install Google Chrome (or: "
        "sudo snap install chromium).\n"
    )


def test_without_root_the_libraries_playwright_s_chromium_lacks_are_named(place: Path) -> None:
    """Without root or sudo, Chromium comes without its system libraries: those `ldd` does not
    find are named, with the line that installs them as root. (A real program whose libraries
    are not beside it stands for the Chromium: Qt's X11 plugin, away from Qt's folder.)"""
    import PySide6

    browsers = place / "pw-browsers"
    chrome = browsers / "chromium-1" / "chrome-linux" / "chrome"
    chrome.parent.mkdir(parents=True)
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    shutil.copy(plugin, chrome)
    browsers.chmod(0o755)
    said, asked = _playwright_chromium(
        place, "pw-no-root", downloads=True, sudo="exit 1", browsers=browsers
    )
    assert said.returncode == 0, said.stdout + said.stderr
    assert asked == ["-m playwright install chromium"]
    first, line = said.stderr.splitlines()
    assert first.startswith(
        "Chromium's system libraries are missing here, and neither root nor sudo can install them: "
    ), said.stderr
    assert "libQt6XcbQpa.so.6" in first.split(": ", 1)[1].split(". ")[0].split()
    assert first.endswith(". Install them as root, so that checks can start Chromium:")
    venv_python = place / "pw-no-root-venv" / "bin" / "python"
    assert line == f"  su -c '{venv_python} -m playwright install-deps chromium'"
    # Where every library is found, nothing is said.
    shutil.copy("/bin/ls", chrome)
    said, _asked = _playwright_chromium(
        place, "pw-all-there", downloads=True, sudo="exit 1", browsers=browsers
    )
    assert said.returncode == 0 and said.stderr == "", said.stderr
