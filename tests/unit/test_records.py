"""core/records.py: the written-out value classes behind Account, AppPaths, Settings and XSite."""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from consentinel.core.accounts import Account, Box
from consentinel.core.records import replace
from consentinel.core.settings import Settings
from consentinel.x.site import XSite

ADDED = datetime(2026, 1, 2, tzinfo=timezone.utc)
DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


def test_equality_hash_and_repr_follow_the_fields_in_order() -> None:
    one = Account("Alice", email="a@example.org", added_at=ADDED)
    same = Account("Alice", email="a@example.org", added_at=ADDED)
    assert one == same and hash(one) == hash(same)
    assert one != replace(one, phone="+33600000000")
    assert one != XSite() and XSite("http://a/") == XSite("http://a")
    assert repr(XSite("http://a")) == "XSite(origin='http://a')"
    assert Account.field_names() == ("handle", "email", "phone", "keep", "added_at")


def test_replace_goes_through_init_and_refuses_a_field_it_does_not_have() -> None:
    one = Account("alice", added_at=ADDED)
    # __init__ normalises: training is always kept off, whatever replace() is given.
    assert replace(one, keep=frozenset({Box.MEMORY})).keep == {Box.TRAINING, Box.MEMORY}
    assert replace(one, email="a@example.org").added_at == ADDED
    with pytest.raises(TypeError):
        replace(one, handel="bob")  # type: ignore[call-arg]


def test_a_frozen_record_refuses_assignment_and_copies_as_itself() -> None:
    one = Account("alice", added_at=ADDED)
    with pytest.raises(AttributeError, match="handle"):
        one.handle = "bob"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del one.email  # type: ignore[misc]
    assert copy.copy(one) is one and copy.deepcopy(one) is one
    again = pickle.loads(pickle.dumps(one))
    assert again == one and again is not one
    with pytest.raises(AttributeError):
        again.handle = "bob"  # type: ignore[misc]


def test_a_settings_record_can_be_changed_and_is_not_hashable() -> None:
    settings = Settings()
    settings.concurrency = 5
    assert settings == replace(Settings(), concurrency=5)
    assert settings.as_dict()["concurrency"] == 5
    with pytest.raises(TypeError):
        hash(settings)


def test_the_type_checker_refuses_a_frozen_field_set_and_a_bad_replace(tmp_path: Path) -> None:
    """mypy reads the records as dataclasses (dataclass_transform), so a frozen field set by
    mistake is caught before it runs, and a mutable record's field is not; and it checks
    replace()'s fields and their types as it does dataclasses.replace()'s."""
    snippet = tmp_path / "snippet.py"
    snippet.write_text(
        "from consentinel.core.accounts import Account\n"
        "from consentinel.core.records import replace\n"
        "from consentinel.core.settings import Settings\n"
        "Account('a').handle = 'b'\n"
        "Settings().concurrency = 4\n"
        "replace(Account('a'), handel='b')\n"
        "replace(Settings(), concurrency='4')\n"
        "replace(Settings(), concurrency=4)\n"
    )
    result = subprocess.run(
        [
            *(sys.executable, "-m", "mypy", "--no-incremental", "--cache-dir=/dev/null"),
            # The project's Python, and only the snippet's own errors.
            *("--python-version=3.11", "--follow-imports=silent", str(snippet)),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"MYPYPATH": str(DESKTOP), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 3, result.stdout + result.stderr
    assert "snippet.py:4:" in errors[0] and "read-only" in errors[0]
    assert "snippet.py:6:" in errors[1] and '"handel"' in errors[1]
    assert "snippet.py:7:" in errors[2] and "incompatible type" in errors[2]
