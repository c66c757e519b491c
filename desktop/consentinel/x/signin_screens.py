"""What X's sign-in page shows at one moment: which step (X's DOM, the step X named, its
words), its message, and X's own question for a person. Read by x/signin.py's state machine."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from consentinel.x.labels import normalize


class Screen(str, Enum):
    """A step of X's sign-in flow, as recognised on the page."""

    USERNAME = "username"
    UNUSUAL_ACTIVITY = "unusual_activity"
    PASSWORD = "password"
    TWO_FACTOR = "two_factor"
    EMAIL_CODE = "email_code"
    CAPTCHA = "captcha"
    REFUSED = "refused"
    LOCKED = "locked"
    HOME = "home"
    ENTER_TEXT = "enter_text"  # X's generic text step whose wording we did not recognise


class Toast(str, Enum):
    WRONG_PASSWORD = "wrong_password"
    UNKNOWN_ACCOUNT = "unknown_account"
    INCORRECT_CODE = "incorrect_code"
    WENT_WRONG = "went_wrong"  # X's own "Something went wrong": X failing, not a refusal
    OTHER = "other"


# Words X's generic text step uses, in English and French; normalised (casefolded) forms.
_TWO_FACTOR_WORDS = (
    "code generator",
    "authentication app",
    "authenticator",
    "two-factor",
    "générateur de code",
    "génération de code",
    "application d'authentification",
    "deux facteurs",
    "double authentification",
)
_CODE_WORDS = ("code", "confirmation", "vérification", "verification")
_UNUSUAL_WORDS = (
    "unusual",
    "inhabituel",
    "phone number or",
    "numéro de téléphone ou",
    "verify it's you",
    "vérifier qu'il s'agit",
)
_TOASTS: dict[Toast, tuple[str, ...]] = {
    Toast.WRONG_PASSWORD: ("wrong password", "mot de passe incorrect"),
    Toast.UNKNOWN_ACCOUNT: (
        "could not find your account",
        "couldn't find your account",
        "pas pu trouver votre compte",
        "impossible de trouver votre compte",
    ),
    Toast.INCORRECT_CODE: ("incorrect. please try again", "incorrect. veuillez réessayer"),
    Toast.WENT_WRONG: (
        "something went wrong",
        "un problème est survenu",
        "une erreur s'est produite",
    ),
}

#: X's sign-in steps that share its one generic text field, by the subtask id its last answer
#: named (`POST /1.1/onboarding/task.json`, x-reference §3): the same in every language.
TASK_PATH = "/1.1/onboarding/task.json"
SUBTASK_SCREENS = {
    "LoginTwoFactorAuthChallenge": Screen.TWO_FACTOR,
    "LoginAcid": Screen.EMAIL_CODE,
    "LoginEnterAlternateIdentifierSubtask": Screen.UNUSUAL_ACTIVITY,
}

# One look at the page; returns null while nothing known is on screen (still loading).
READ_SCREEN_JS = r"""
() => {
  const shown = (el) => !!el && el.getClientRects().length > 0 &&
    getComputedStyle(el).visibility !== 'hidden';
  const q = (s) => document.querySelector(s);
  const toastEl = [...document.querySelectorAll('[data-testid="toast"], [role="alert"]')]
    .find((el) => shown(el) && el.innerText.trim());
  const toast = toastEl ? toastEl.innerText.trim() : '';
  const path = location.pathname;
  const dialog = q('[role="dialog"]') || q('main') || document.body;
  const text = dialog ? dialog.innerText : '';
  let screen = null;
  if (path === '/home' || path.startsWith('/home/')) screen = 'home';
  else if (path.startsWith('/account/access')) screen = 'locked';
  else if (q('#arkoseFrame') || q('iframe[src*="arkoselabs"]')) screen = 'captcha';
  else if (shown(q('[data-testid="OCF_CallToAction_Button"]'))) screen = 'refused';
  else if (shown(q('input[name="password"][type="password"]'))) screen = 'password';
  else if (shown(q('input[data-testid="ocfEnterTextTextInput"]'))) screen = 'enter_text';
  else if (shown(q('input[name="text"][autocomplete="username"]'))) screen = 'username';
  if (!screen && !toast) return null;
  // X's question alone, for a person to read: its heading and explanation, without the
  // field's own words or the buttons'.
  let question = '';
  if (dialog) {
    // Words grouped by the block they are drawn in (a heading, a paragraph), blocks apart:
    // a heading's last word would otherwise run into the text's first.
    const blocks = [];
    const walker = document.createTreeWalker(dialog, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('label, button, input, a, [role="button"], svg')) continue;
      const words = node.textContent.replace(/\s+/g, ' ').trim();
      if (!words) continue;
      let block = parent;
      while (block !== dialog && getComputedStyle(block).display === 'inline') {
        block = block.parentElement;
      }
      const last = blocks[blocks.length - 1];
      if (last && last.block === block) last.words.push(words);
      else blocks.push({block, words: [words]});
    }
    question = blocks.map((b) => b.words.join(' ')).join(' — ');
  }
  return {screen, toast, text, path, question};
}
"""

# Wait for something new: another screen, the same kind of screen with other words (X's one
# text step asks several questions), or a new message (a wrong password keeps the screen).
# `prevToast` "" takes any message as new: X answered with an error since the last state, and
# says "Incorrect" again in a message that reads like the one before.
WAIT_CHANGE_JS = (
    "([prev, prevText, prevToast]) => { const s = (" + READ_SCREEN_JS + ")(); if (!s) return null;"
    " if (s.screen && (s.screen !== prev || s.text !== prevText)) return s;"
    " if (s.toast && s.toast !== prevToast) return s; return null; }"
)
#: How often a wait looks again at what X answered (an error answer changes what counts as new).
WAIT_SLICE_MS = 400


@dataclass(frozen=True)
class PageState:
    screen: Screen | None
    toast: Toast | None
    text: str
    raw_screen: str | None = None
    raw_toast: str = ""
    question: str = ""  # X's heading and explanation only, for a person to read


def classify_enter_text(text: str) -> Screen:
    """Which question X's generic text step asks, from its wording (English and French)."""
    norm = normalize(text)
    if any(w in norm for w in _TWO_FACTOR_WORDS):
        return Screen.TWO_FACTOR
    if any(w in norm for w in _UNUSUAL_WORDS):
        return Screen.UNUSUAL_ACTIVITY
    if any(w in norm for w in _CODE_WORDS):
        return Screen.EMAIL_CODE
    return Screen.ENTER_TEXT


def classify_toast(text: str) -> Toast | None:
    norm = normalize(text)
    if not norm:
        return None
    for toast, words in _TOASTS.items():
        if any(w in norm for w in words):
            return toast
    return Toast.OTHER


def state_from_js(raw: Any) -> PageState:
    if not isinstance(raw, dict):
        return PageState(None, None, "")
    text = str(raw.get("text") or "")
    screen_name = raw.get("screen")
    screen = Screen(screen_name) if screen_name else None
    if screen is Screen.ENTER_TEXT:
        screen = classify_enter_text(text)
    raw_toast = str(raw.get("toast") or "")
    raw_screen = str(screen_name) if screen_name else None
    question = str(raw.get("question") or "")
    return PageState(screen, classify_toast(raw_toast), text, raw_screen, raw_toast, question)


def first_line(text: str) -> str:
    """X's own wording of its question (heading and explanation), one line, for the prompt."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip())[:300]
