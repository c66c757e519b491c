"""What simx holds: accounts, their challenges, box values, faults and layout variants."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI (a dependency there only)
    import tomli as tomllib

CHALLENGES = (
    "unusual_activity_username",  # "Enter your phone number or username"
    "unusual_activity_email",  # the variant asking for phone number or email address
    "captcha",  # ArkoseLogin: only a person can pass it
    "two_factor",  # TOTP code, checked against the account's real secret
    "email_code",  # LoginAcid: a code "sent" by email, readable from the truth API
    "sms_code",  # LoginAcid again, the code "sent" by text message to the account's phone
    "refuse",  # DenyLoginSubtask: "Could not log you in now."
    # X blocks the sign-in at the handle itself: code 399, "Incorrect. Please try again." (the
    # code it gives a handle it does not know; twscrape #222, twikit #276)
    "refuse_handle",
    "lock",  # redirect to /account/access
    # After the password, a step x-reference §3 does not list ("Confirm your date of birth",
    # one text field): X adding a step. Never answered: the sign-in stops there (page_changed).
    "new_step",
)
#: Challenges X raises before it asks for the password; the rest come after it (but
#: `refuse_handle`, X's answer to the handle itself).
BEFORE_PASSWORD = frozenset({"unusual_activity_username", "unusual_activity_email", "captcha"})
#: The error codes X may answer a wrong code with, at the 2FA and email/SMS steps
#: (`wrong_code_error`): 399, "Incorrect. Please try again." (x-reference §3, twikit #142); 236,
#: the code simx gave before (no reference names it), for the app's older reading of it.
WRONG_CODE_ERRORS = (399, 236)
#: `late_memory`: the memory box is drawn a moment (0.8 s) after the others, as a part of a page
#: rendered late would be; the page reads "ready" before it is complete.
LAYOUTS = (
    "standard",
    "extra_wrappers",
    "reordered",
    "changed_label",
    "no_wrapper",
    "late_memory",
    "later_help_ids",  # the help ids numbered from 7: other numbered boxes come before them
    "old_label",  # the training box with its 2024 wording (x-reference §2)
    "negated_label",  # "Don't allow X to personalize…": a known label with a negation before it
    "extended_label",  # the training label with words of its own after it
    # X adds a setting Consentinel does not read (its business-partners sharing, ticked):
    "new_switch",  # drawn as a `role="switch"` in the wrapper, not a checkbox
    "new_toggle_button",  # drawn as a pressed button (aria-pressed) in the wrapper
    "new_hidden_box",  # a fourth checkbox block whose input is display:none
    "new_section_box",  # a checkbox block in a new <section> just after the wrapper
    "new_box_after_untick",  # a fourth checkbox in the wrapper once a box has been unticked
    "delete_in_block",  # the "Delete conversation history" button inside the last box's block
)
#: How X's build draws its sign-in pages (the same for every account, as a build is):
#: `captcha_frame_no_id`: the puzzle's frame carries no `id` (only its address names it);
#: `google_button`: the first step shows "Sign in with Google", a frame from Google's site.
SIGNIN_LAYOUTS = ("standard", "captcha_frame_no_id", "google_button")
FAULTS = (
    "http_500",
    "connection_reset",
    "hang",
    "rate_limit",
    "settings_hang",
    "mutation_hang",
    "mutation_reset",
    "script_reset",
)
#: How the Grok page's other GraphQL read (its badge count, `OTHER_READ`) fails: an error page,
#: the connection cut, or "too many requests" (429).
OTHER_READ_FAULTS = ("http_500", "connection_reset", "rate_limit")
#: The page's read of the settings, as X names it (x-reference §2); `settings_query` renames it.
SETTINGS_QUERY = "GrokSettingsScreenQuery"
_OPERATION = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,63}$")
#: How X fails to answer a step of its sign-in (`signin_faults`), before it looks at what was
#: typed: the first three as `FAULTS` do; `went_wrong`, an error answer of X's own that is not
#: about what was typed (code 131, "Something went wrong. Try reloading."); `not_authenticated`,
#: one in other words (code 32, "Could not authenticate you.") [inferred: x-reference §3 names
#: only X's answers to a wrong password, code or account]; `rate_limit`, "too many requests"
#: (429, X's code 88, asking 15 minutes, as on its settings page) [inferred].
SIGNIN_FAULTS = (
    "http_500",
    "connection_reset",
    "hang",
    "went_wrong",
    "not_authenticated",
    "rate_limit",
)
#: The steps X may fail at: its answer to the handle, to the unusual-activity question, to the
#: password, to the 2FA code, and to the code sent by email or text (`email_code`).
SIGNIN_FAULT_STEPS = ("username", "unusual_activity", "password", "two_factor", "email_code")
#: The challenge a fault at a step needs (the step is never shown without it).
_FAULT_STEP_CHALLENGES = {
    "unusual_activity": ("unusual_activity_username", "unusual_activity_email"),
    "two_factor": ("two_factor",),
    "email_code": ("email_code", "sms_code"),
}
BOXES = ("training", "personalization", "memory")
_HANDLE = re.compile(r"^[A-Za-z0-9_]{1,15}$")


@dataclass
class FlipBack:
    """X switching a box back on: after this many visits to the Grok page, or seconds."""

    box: str = "training"
    after_visits: int | None = 1
    after_seconds: float | None = None


@dataclass
class SimAccount:
    handle: str
    password: str
    totp_secret: str | None = None
    email: str | None = None
    phone: str | None = None
    language: str = "en"
    display_name: str | None = None
    challenges: list[str] = field(default_factory=list)
    boxes: dict[str, bool] = field(
        default_factory=lambda: {"training": True, "personalization": True, "memory": True}
    )
    memory_shown: bool = False
    #: Boxes the Grok page does not draw, whatever X's data holds (besides Memory when
    #: `memory_shown` is false): a rollout that hides others too. The app knows the boxes by
    #: their place: hiding one before a box drawn reads as a page that changed.
    hidden_boxes: list[str] = field(default_factory=list)
    minor: bool = False
    fail_mutations: int = 0  # the next N mutations fail (X rolls the box back, shows a toast)
    #: How a failed mutation answers: 500, or 200 with GraphQL "errors" in its body, as
    #: GraphQL servers often say no.
    failure_status: int = 500
    sticky_failure: bool = False  # mutations answer OK but the value never changes
    flip_back: FlipBack | None = None
    session_ttl_s: float | None = None
    layout: str = "standard"
    #: On the Grok page: http_500, connection_reset, hang, rate_limit; settings_hang: the page
    #: comes, its request for the settings never gets an answer (X's API stuck); mutation_hang:
    #: X applies a change and its answer never comes; mutation_reset: each change's connection
    #: is cut before X applies it (a flaky network); script_reset: the Grok page comes, the
    #: connection of its script is cut (a network that came back half-way, after a sleep).
    fault: str | None = None
    #: The page's other GraphQL read (a badge count, as X's sidebar makes) fails so
    #: (OTHER_READ_FAULTS); the page shows no badge and draws the boxes as usual.
    other_read_fault: str | None = None
    #: How the page draws the boxes: None, as X's read of the settings says (X's page);
    #: True/False, every box ticked/unticked whatever it says (a page that disagrees with X's
    #: own data).
    drawn_boxes: bool | None = None
    #: With `drawn_boxes`: the page draws the boxes so first, then, this many milliseconds
    #: later, again as X's read of the settings says (a page drawn from what it had before,
    #: redrawn from X's answer a moment later). None: never redrawn.
    redrawn_after_ms: int | None = None
    #: The name the page's build gives its read of the settings (a build that renamed it).
    settings_query: str = SETTINGS_QUERY
    #: The page's script stays busy this many milliseconds once a box's change is sent (X's
    #: heavy page on a slow computer): the click that sent it is answered only then.
    busy_after_change_ms: int = 0
    #: X fails its answer at these sign-in steps, {step: fault} (SIGNIN_FAULT_STEPS,
    #: SIGNIN_FAULTS), without looking at what was typed: a code is not used up, nothing counts
    #: toward the lock, and the flow stays at that step [inferred].
    signin_faults: dict[str, str] = field(default_factory=dict)
    #: X locks the account after this many failures in a row: wrong passwords, typed anywhere,
    #: and wrong 2FA or email/SMS codes (a sign-in that succeeds starts the count again); 0:
    #: never (x-reference §4).
    lock_after_failures: int = 3
    #: The error code X answers a wrong code with at the 2FA and email/SMS steps
    #: (WRONG_CODE_ERRORS), its words "Incorrect. Please try again." in the page's language.
    wrong_code_error: int = 399

    def __post_init__(self) -> None:
        if not _HANDLE.match(self.handle):
            raise ValueError(f"Scenario account handle {self.handle!r} is not a valid X handle.")
        if not isinstance(self.password, str) or not self.password:
            raise ValueError(f"Scenario account @{self.handle} needs a password.")
        for challenge in self.challenges:
            if challenge not in CHALLENGES:
                raise ValueError(
                    f"Scenario account @{self.handle}: unknown challenge {challenge!r} "
                    f"(known: {', '.join(CHALLENGES)})."
                )
        if self.failure_status not in (200, 500):
            raise ValueError(f"Scenario account @{self.handle}: failure_status is 200 or 500.")
        if "two_factor" in self.challenges and not self.totp_secret:
            raise ValueError(f"Scenario account @{self.handle}: two_factor needs a totp_secret.")
        if "sms_code" in self.challenges and not self.phone:
            raise ValueError(f"Scenario account @{self.handle}: sms_code needs a phone.")
        if (
            isinstance(self.lock_after_failures, bool)
            or not isinstance(self.lock_after_failures, int)
            or self.lock_after_failures < 0
        ):
            raise ValueError(
                f"Scenario account @{self.handle}: lock_after_failures is a whole number, "
                "0 or more."
            )
        if self.wrong_code_error not in WRONG_CODE_ERRORS:
            raise ValueError(
                f"Scenario account @{self.handle}: wrong_code_error is one of "
                f"{', '.join(map(str, WRONG_CODE_ERRORS))}."
            )
        unknown = set(self.boxes) - set(BOXES)
        if unknown:
            raise ValueError(f"Scenario account @{self.handle}: unknown boxes {sorted(unknown)}.")
        self.boxes = {box: bool(self.boxes.get(box, True)) for box in BOXES}
        unknown = set(self.hidden_boxes) - set(BOXES)
        if unknown:
            raise ValueError(
                f"Scenario account @{self.handle}: unknown hidden_boxes {sorted(unknown)}."
            )
        if self.layout not in LAYOUTS:
            raise ValueError(f"Scenario account @{self.handle}: unknown layout {self.layout!r}.")
        if self.fault is not None and self.fault not in FAULTS:
            raise ValueError(f"Scenario account @{self.handle}: unknown fault {self.fault!r}.")
        if self.other_read_fault is not None and self.other_read_fault not in OTHER_READ_FAULTS:
            raise ValueError(
                f"Scenario account @{self.handle}: unknown other_read_fault "
                f"{self.other_read_fault!r} (known: {', '.join(OTHER_READ_FAULTS)})."
            )
        if (
            isinstance(self.busy_after_change_ms, bool)
            or not isinstance(self.busy_after_change_ms, int)
            or not 0 <= self.busy_after_change_ms <= 60_000
        ):
            raise ValueError(
                f"Scenario account @{self.handle}: busy_after_change_ms is a number of "
                "milliseconds from 0 to 60000."
            )
        if self.drawn_boxes is not None and not isinstance(self.drawn_boxes, bool):
            raise ValueError(f"Scenario account @{self.handle}: drawn_boxes is true or false.")
        if self.redrawn_after_ms is not None and (
            isinstance(self.redrawn_after_ms, bool)
            or not isinstance(self.redrawn_after_ms, int)
            or self.redrawn_after_ms < 0
            or self.drawn_boxes is None
        ):
            raise ValueError(
                f"Scenario account @{self.handle}: redrawn_after_ms is a whole number of "
                "milliseconds, 0 or more, with drawn_boxes."
            )
        if not isinstance(self.settings_query, str) or not _OPERATION.match(self.settings_query):
            raise ValueError(
                f"Scenario account @{self.handle}: settings_query is a GraphQL operation name."
            )
        if not isinstance(self.signin_faults, dict):
            raise ValueError(f"Scenario account @{self.handle}: signin_faults is a table.")
        for step, fault in self.signin_faults.items():
            if step not in SIGNIN_FAULT_STEPS or fault not in SIGNIN_FAULTS:
                raise ValueError(
                    f"Scenario account @{self.handle}: signin_faults maps a step "
                    f"({', '.join(SIGNIN_FAULT_STEPS)}) to a fault ({', '.join(SIGNIN_FAULTS)}), "
                    f"not {step!r} to {fault!r}."
                )
            needed = _FAULT_STEP_CHALLENGES.get(step)
            if needed is not None and not set(needed).intersection(self.challenges):
                raise ValueError(
                    f"Scenario account @{self.handle}: a fault at {step} needs the "
                    f"{' or '.join(needed)} challenge."
                )
        if isinstance(self.flip_back, dict):
            self.flip_back = FlipBack(**self.flip_back)
        if self.flip_back is not None and self.flip_back.box not in BOXES:
            raise ValueError(f"Scenario account @{self.handle}: unknown flip_back box.")
        if self.language not in _known_languages():
            raise ValueError(
                f"Scenario account @{self.handle}: unknown language {self.language!r}."
            )


def _known_languages() -> set[str]:
    from consentinel.simx.texts import label_table

    return set(label_table())


@dataclass
class Scenario:
    accounts: list[SimAccount] = field(default_factory=list)
    render_delay_ms: int = 300  # spinner time before the client renders
    latency_ms: int = 0  # added to every request
    signin_layout: str = "standard"  # one of SIGNIN_LAYOUTS
    #: X's clock less the real time, in seconds: X's time (its answers' `Date`, the 2FA step
    #: it takes codes at) is this far ahead (negative: behind) of the computer's, as a wrong
    #: computer clock would be seen from X.
    clock_offset_s: float = 0.0

    def __post_init__(self) -> None:
        if self.signin_layout not in SIGNIN_LAYOUTS:
            raise ValueError(f"Scenario: unknown signin_layout {self.signin_layout!r}.")
        keys = [a.handle.lower() for a in self.accounts]
        if len(keys) != len(set(keys)):
            raise ValueError("Scenario lists the same handle twice.")
        if self.render_delay_ms < 0 or self.latency_ms < 0:
            raise ValueError("Scenario delays cannot be negative.")

    @classmethod
    def from_dict(cls, raw: Any) -> Scenario:
        if not isinstance(raw, dict):
            raise ValueError("A scenario is a table with an 'accounts' list.")
        accounts_raw = raw.get("accounts", [])
        if not isinstance(accounts_raw, list) or not all(isinstance(a, dict) for a in accounts_raw):
            raise ValueError("A scenario's 'accounts' must be a list of tables.")
        known = set(SimAccount.__dataclass_fields__)
        accounts = []
        for item in accounts_raw:
            extra = set(item) - known
            if extra:
                raise ValueError(f"Scenario account has unknown fields: {sorted(extra)}.")
            try:
                accounts.append(SimAccount(**item))
            except TypeError as error:
                raise ValueError(f"Scenario account is incomplete: {error}.") from None
        extra = set(raw) - {
            "accounts",
            "render_delay_ms",
            "latency_ms",
            "signin_layout",
            "clock_offset_s",
        }
        if extra:
            raise ValueError(f"Scenario has unknown fields: {sorted(extra)}.")
        return cls(
            accounts=accounts,
            render_delay_ms=int(raw.get("render_delay_ms", 300)),
            latency_ms=int(raw.get("latency_ms", 0)),
            signin_layout=str(raw.get("signin_layout", "standard")),
            clock_offset_s=float(raw.get("clock_offset_s", 0)),
        )

    @classmethod
    def from_file(cls, path: str | Path) -> Scenario:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ValueError(f"Cannot read the scenario file {path}: {error}.") from None
        try:
            raw = json.loads(text) if path.suffix == ".json" else tomllib.loads(text)
        except (json.JSONDecodeError, tomllib.TOMLDecodeError) as error:
            raise ValueError(f"The scenario file {path} is not valid: {error}.") from None
        return cls.from_dict(raw)
