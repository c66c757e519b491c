"""Where an account's check is (Step) and what it may ask a person (PromptKind).

Apart from core.events, whose dataclasses Python takes 10-20 ms to build: the window shows these
words from its first frame, and the events load with the first check."""

from __future__ import annotations

from enum import Enum


class Step(str, Enum):
    """Where one account's check is, in the words the GUI shows."""

    QUEUED = "queued"
    OPENING_SESSION = "opening_session"
    #: Another account is signing in (one at a time): this one waits, holding no place.
    WAITING_TO_SIGN_IN = "waiting_to_sign_in"
    SIGNING_IN = "signing_in"
    #: Signing in, X asked for a code (2FA, sent by email or text): the person is asked for it.
    WAITING_FOR_CODE = "waiting_for_code"
    #: Signing in, a question other than a code is put to the person.
    WAITING_FOR_ANSWER = "waiting_for_answer"
    WAITING_FOR_PERSON = "waiting_for_person"  # signing in, in a window the person uses
    READING_PAGE = "reading_page"
    UNTICKING = "unticking"
    VERIFYING = "verifying"
    DONE = "done"


class PromptKind(str, Enum):
    """A question the engine needs a person to answer mid-run."""

    TWO_FACTOR_CODE = "two_factor_code"  # answer: the 6-digit code
    EMAIL_CODE = "email_code"  # answer: the code X sent by email or SMS
    EMAIL_OR_PHONE = "email_or_phone"  # answer: what X asks for on the unusual-activity screen
    FINISH_IN_BROWSER = "finish_in_browser"  # answer: "ok" to open a visible window, None to skip
