"""Bad input, each answered by one clear sentence and no change: absurd schedules, unknown options
and accounts, duplicates, blank passwords, malformed 2FA secrets and links, files that are not
what they claim."""

from __future__ import annotations

import json
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from consentinel.core.totp import InvalidTotpSecret, parse_totp_secret
from consentinel.simx import Scenario
from tests.fixtures.keyring_fixtures import folder_vault
from tests.reliability.cli_support import run_cli

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def _snapshot(home: Path) -> dict[str, bytes]:
    """Every file of the data folder but the journal (whose WAL may move on a mere read)."""
    return {
        str(p.relative_to(home)): p.read_bytes()
        for p in sorted(home.rglob("*"))
        if p.is_file() and "journal.sqlite3" not in p.name
    }


def _one_sentence(text: str, *words: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines, "nothing was said"
    assert "Traceback" not in text
    for word in words:
        assert word.lower() in lines[0].lower(), lines
    return lines[0]


@pytest.fixture
def one_account(env: dict[str, str], consentinel_home: Path) -> Iterator[dict[str, bytes]]:
    run_cli(env, "account", "add", "nadia", "--password-stdin", stdin="first-password\n", expect=0)
    yield _snapshot(consentinel_home)
    folder_vault().delete_account("nadia")


@pytest.mark.parametrize(
    ("args", "stdin", "words"),
    [
        (["schedule", "install", "--every", "3min"], "", ["Usage error", "invalid choice"]),
        (["schedule", "install", "--every", "-1"], "", ["Usage error"]),
        (["schedule", "install", "--every", "99999h"], "", ["Usage error", "invalid choice"]),
        (["--bogus"], "", ["Usage error", "unrecognized arguments"]),
        (["check", "--bogus"], "", ["Usage error"]),
        (["account", "add", "nadia2", "--passwd"], "", ["Usage error"]),
        (["log", "--since", "yesterday"], "", ["Usage error"]),
        (["log", "--json", "--csv"], "", ["Usage error"]),
        (["account", "frobnicate"], "", ["Usage error", "invalid choice"]),
        (["check", "nobody"], "", ["@nobody is not one of your accounts"]),
        (["check", "not a handle"], "", ["handle"]),
        (["account", "remove", "nobody"], "", ["not one of your accounts"]),
        (
            ["account", "set-password", "nobody", "--password-stdin"],
            "pw\n",
            ["not one of your accounts"],
        ),
        (["log", "--account", "not a handle!"], "", ["handle"]),
        (
            ["account", "add", "nadia", "--password-stdin"],
            "other-password\n",
            ["already in your accounts"],
        ),
        (
            ["account", "add", "@NADIA", "--password-stdin"],
            "other-password\n",
            ["already in your accounts"],
        ),
        (["account", "add", "olga", "--password-stdin"], " \t  \n", ["password is empty"]),
        (["account", "set-password", "nadia", "--password-stdin"], "\t \n", ["password is empty"]),
        (
            ["account", "add", "olga", "--password-stdin", "--totp-stdin"],
            "pw\notpauth://hotp/X:olga?secret=JBSWY3DPEHPK3PXP&counter=1\n",
            ["not for time-based codes"],
        ),
        (
            ["account", "add", "olga", "--password-stdin", "--totp-stdin"],
            "pw\notpauth://totp/X:olga?secret=JBSWY3DPEHPK3PXP&digits=99\n",
            ["only 6 or 8"],
        ),
        (
            ["account", "add", "olga", "--password-stdin", "--totp-stdin"],
            "pw\notpauth://[totp/X:olga?secret=JBSWY3DPEHPK3PXP\n",
            ["2FA"],
        ),
        (["account", "add", "olga", "--password-stdin", "--totp-stdin"], "pw\n", ["--totp-stdin"]),
        (["account", "add", "olga", "--keep", "training,everything"], "", ["everything"]),
        (["account", "add", "olga", "--email", "not-an-email"], "", ["email"]),
    ],
)
def test_bad_input_is_one_sentence_exit_2_and_changes_nothing(
    env: dict[str, str],
    consentinel_home: Path,
    one_account: dict[str, bytes],
    args: list[str],
    stdin: str,
    words: list[str],
) -> None:
    done = run_cli(env, *args, stdin=stdin)
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    _one_sentence(done.stderr, *words)
    assert _snapshot(consentinel_home) == one_account
    assert (
        folder_vault().get_password("nadia") == "first-password"
    )  # a duplicate did not overwrite it
    assert folder_vault().get_password("olga") is None
    assert "JBSWY3DPEHPK3PXP" not in done.stderr + done.stdout


# -- 2FA secrets and links, property-based -------------------------------------------------------

_B32 = string.ascii_uppercase + "234567"
_secret = st.text(alphabet=_B32, min_size=16, max_size=32)
_junk = st.text(min_size=0, max_size=20)
_param = st.sampled_from(["secret", "digits", "period", "algorithm", "issuer", "counter", "SECRET"])


@st.composite
def otpauth_uris(draw: st.DrawFn) -> tuple[str, str]:
    """otpauth-looking links with their parts mangled; returns (uri, the secret inside)."""
    secret = draw(_secret)
    scheme = draw(st.sampled_from(["otpauth", "OTPAUTH", "otpauth:", "otpath", "http", ""]))
    kind = draw(st.sampled_from(["totp", "hotp", "TOTP", "", "[totp", "totp]", "t%6Ftp"]))
    label = draw(_junk)
    params = draw(st.lists(st.tuples(_param, _junk), max_size=4))
    # Only the secret parameter may hold the secret: an echo of another part is not a leak.
    assume(secret[:8] not in label and all(secret[:8] not in v for _, v in params))
    params.append(("secret", draw(st.sampled_from([secret, secret.lower(), secret[:8], ""]))))
    query = "&".join(f"{k}={v}" for k, v in draw(st.permutations(params)))
    return f"{scheme}://{kind}/{label}?{query}", secret


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(otpauth_uris())
def test_malformed_otpauth_links_get_a_sentence_never_a_crash(case: tuple[str, str]) -> None:
    uri, secret = case
    try:
        stored = parse_totp_secret(uri)
    except InvalidTotpSecret as error:
        message = str(error)
        assert message.endswith(".") and "\n" not in message
        assert secret not in message and secret[:8] not in message
    else:
        assert isinstance(stored, str) and stored


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=80))
def test_any_text_as_a_2fa_secret_gets_a_sentence_never_a_crash(text: str) -> None:
    try:
        parse_totp_secret(text)
    except InvalidTotpSecret as error:
        assert str(error).endswith(".") and "\n" not in str(error)


# -- files that are not what they claim -----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("scenario.toml", PNG),
        ("scenario.json", PNG),
        ("scenario.toml", b"accounts = 'not a list'"),
        ("scenario.json", json.dumps({"accounts": [{"handle": "x y", "password": "p"}]}).encode()),
        ("scenario.json", json.dumps([1, 2, 3]).encode()),
        ("scenario.toml", b"[[accounts]]\nhandle = 'ann'\npassword = 'p'\nfault = 'meteor'\n"),
        (
            "scenario.toml",
            b"[[accounts]]\nhandle = 'ann'\npassword = 'p'\nsignin_faults = {password = 'x'}\n",
        ),
        ("scenario.toml", b"[[accounts]]\nhandle = 'ann'\npassword = 'p'\nsignin_faults = 'x'\n"),
        (
            "scenario.toml",
            b"[[accounts]]\nhandle = 'ann'\npassword = 'p'\n"
            b"signin_faults = {two_factor = 'http_500'}\n",  # no two_factor challenge
        ),
    ],
)
def test_a_scenario_file_that_is_not_one_is_refused_with_a_sentence(
    tmp_path: Path, name: str, content: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ValueError) as caught:
        Scenario.from_file(path)
    message = str(caught.value)
    assert type(caught.value) is ValueError
    assert message.endswith(".") and len(message) < 400, message
