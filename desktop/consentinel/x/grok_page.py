"""X's Grok settings page: open it, tell the boxes apart, untick one, and prove it by reloading.

Each box is identified by three signals (its label, a known one exactly in any known language;
its position in X's wrapper; its help-text id); when they disagree we act on nothing and raise
PageChanged. What each box shows is checked against X's own read of the values
(GrokSettingsScreenQuery) at every load: a box drawn otherwise than X's data says, or boxes drawn
without that read, are PageChanged too (x-reference §2, §4), as is any other control that can be
on or off in the page's section (a setting X added that Consentinel does not read), and a box
whose own block holds a button or a link drawn as one (what "Delete conversation history" is,
in any language).
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import Awaitable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, TypeVar

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator, Page, Request, Response

from consentinel.core.check_messages import box_name
from consentinel.core.evidence import Screenshot
from consentinel.core.i18n import tr
from consentinel.core.status import ALL_BOXES, Box, Reason
from consentinel.x.browser_watch import (
    ANSWER_TIMEOUT_S,
    BrowserNotAnswering,
    bounded,
    page_answers,
)
from consentinel.x.errors import (
    AccountLocked,
    NetworkTrouble,
    PageChanged,
    SessionExpired,
    XError,
    browser_error_words,
    reason_for_exception,
    reason_for_status,
    sent_elsewhere,
)
from consentinel.x.labels import box_for_label, normalize
from consentinel.x.reachability import trouble_reaching
from consentinel.x.site import XSite

T = TypeVar("T")

WRAPPER = '[data-testid="xaiDataSharingSettings"]'

#: The GraphQL operation X sends when each box is clicked (x-reference §2).
MUTATIONS: dict[Box, str] = {
    Box.TRAINING: "XaiDataSharingSettingsMutation",
    Box.PERSONALIZATION: "XaiPersonalizationSettingsMutation",
    Box.MEMORY: "XaiMemoryMutation",
}

#: The destructive button below the boxes, in the languages we check; never clicked.
DELETE_HISTORY_TEXTS = (
    "Delete conversation history",
    "Supprimer l'historique des conversations",
    "Supprimer l’historique des conversations",
    "Supprimer l'historique de conversation",
)
_WENT_WRONG = ("something went wrong", "un problème est survenu", "une erreur s'est produite")
#: The GraphQL read of the boxes' values (x-reference §2), and its fields, by box.
QUERY = "GrokSettingsScreenQuery"
DATA_FIELDS: dict[str, Box] = {
    "allow_xai_data_sharing": Box.TRAINING,
    "allow_xai_personalization": Box.PERSONALIZATION,
    "allow_grok_memory": Box.MEMORY,
}
#: When X's data says a box is on that the page does not show, how long to wait for it to be
#: drawn before taking it as hidden from this account (memory's rollout).
LATE_BOX_WAIT_MS = 1500
#: How long boxes drawn otherwise than X's data says are looked at again, and how often, before
#: the page is said changed (a page redrawn from X's answer agrees within it).
DATA_AGREEMENT_WAIT_MS = 1500
DATA_AGREEMENT_POLL_MS = 150
_HELP_ID = re.compile(r"^CHECKBOX_(\d+)_LABEL$")

# Ready when the boxes are drawn, when X sent us to sign in, or when X shows its error toast
# ("went_wrong", in the words we know); with `anyToast`, a message in other words ("toast").
_READY_JS = """
([wrapperSel, wentWrong, anyToast]) => {
  const p = location.pathname;
  if (p.startsWith('/account/access')) return {state: 'locked'};
  if (p.startsWith('/i/flow/login') || p === '/login') return {state: 'signed_out'};
  const toasts = [...document.querySelectorAll('[data-testid="toast"], [role="alert"]')]
    .map((el) => el.innerText.trim().toLowerCase())
    .filter((t) => t);
  const wrapper = document.querySelector(wrapperSel);
  if (wrapper && wrapper.querySelector('input[type="checkbox"]')) return {state: 'ready'};
  if (toasts.some((t) => wentWrong.some((w) => t.includes(w)))) return {state: 'went_wrong'};
  if (anyToast && toasts.length) return {state: 'toast'};
  return null;
}
"""

# Everything we know about each checkbox in the wrapper, in page order.
_READ_JS = """
(wrapper) => {
  const inputs = [...wrapper.querySelectorAll('input[type="checkbox"]')]
    .filter((el) => el.getClientRects().length > 0);
  return inputs.map((el) => {
    // The largest block around this box that holds no other box: its label and help text.
    let block = el;
    while (block.parentElement && block.parentElement !== wrapper &&
           block.parentElement.querySelectorAll('input[type="checkbox"]').length === 1) {
      block = block.parentElement;
    }
    const label = el.closest('label');
    const describedby = el.getAttribute('aria-describedby') || '';
    const help = describedby ? document.getElementById(describedby) : null;
    let labelText = label ? label.innerText : block.innerText;
    const helpText = help ? help.innerText : '';
    // Without a <label>, the block also holds the help text after the label: not its words.
    // Only there (box_for_label judges what is left); help text inside the words stays.
    const trimmed = labelText.trimEnd();
    const helpTrimmed = helpText.trim();
    if (helpTrimmed && trimmed.endsWith(helpTrimmed)) {
      labelText = trimmed.slice(0, trimmed.length - helpTrimmed.length);
    }
    return {checked: el.checked, disabled: el.disabled, describedby,
            helpExists: !!help, helpText, label: labelText};
  });
}
"""

# Every control that can be on or off in the settings page's own section ("Section details",
# headed "detail-header"; else the page's main part, never its left nav nor layers) that is not
# one of the boxes read (_READ_JS's): a setting X added that Consentinel does not read. A
# visible checkbox in the wrapper is one of those read (identify_boxes judges it).
_OTHER_CONTROLS_JS = """
(wrapper) => {
  const read = new Set([...wrapper.querySelectorAll('input[type="checkbox"]')]
    .filter((el) => el.getClientRects().length > 0));
  const scope = wrapper.closest('section[aria-labelledby="detail-header"]') ||
    wrapper.closest('main, [role="main"]') || document.body;
  const toggles = 'input[type="checkbox"], input[type="radio"], [role="switch"], ' +
    '[role="checkbox"], [role="radio"], [role="menuitemcheckbox"], [role="menuitemradio"], ' +
    '[aria-checked], [aria-pressed], select';
  return [...scope.querySelectorAll(toggles)].filter((el) => !read.has(el)).map((el) => {
    const role = el.getAttribute('role') || '';
    const isInput = el instanceof HTMLInputElement;
    let words = el.getAttribute('aria-label') ||
      (isInput && el.labels && el.labels.length ? el.labels[0].innerText : '') ||
      el.innerText || '';
    // No words of its own (an input drawn beside its text): the nearest block's.
    let around = el.parentElement;
    while (!words.trim() && around && around !== scope) {
      words = around.innerText || '';
      around = around.parentElement;
    }
    const kind = isInput ? el.type : (el instanceof HTMLSelectElement ? 'select' : role);
    return {kind, shown: el.getClientRects().length > 0,
            words: words.trim()};
  });
}
"""

# True when the element is a checkbox that nothing pressable shares a block with: its own
# block (the largest around it holding no other checkbox, within the wrapper: its label and
# its help text) holds no button, nothing with role="button", no link but those of its help
# text drawn as text ("Learn more", x-reference §2), and not the delete button's words in the
# languages known. Judged by what the elements are, not by their words, so that it holds in
# any language X shows.
_SAFE_TARGET_JS = """
(el, [wrapperSel, deleteTexts]) => {
  if (!(el instanceof HTMLInputElement) || el.type !== 'checkbox') return false;
  const wrapper = el.closest(wrapperSel);
  if (!wrapper) return false;
  const pressable = 'button, [role="button"], input[type="button"], input[type="submit"], ' +
    'input[type="reset"], input[type="image"], summary';
  if (el.closest(pressable)) return false;
  let block = el;
  while (block.parentElement && block.parentElement !== wrapper &&
         block.parentElement.querySelectorAll('input[type="checkbox"]').length === 1) {
    block = block.parentElement;
  }
  if (block.querySelector(pressable)) return false;
  const help = document.getElementById(el.getAttribute('aria-describedby') || '');
  const drawnAsText = (link) => {
    if (!help || !help.contains(link)) return false;
    const style = getComputedStyle(link);
    const painted = style.backgroundColor !== 'rgba(0, 0, 0, 0)' &&
      style.backgroundColor !== 'transparent';
    const bordered = ['Top', 'Right', 'Bottom', 'Left'].some(
      (side) => parseFloat(style['border' + side + 'Width']) > 0 &&
        style['border' + side + 'Style'] !== 'none');
    return style.display === 'inline' && !painted && !bordered;
  };
  if ([...block.querySelectorAll('a, [role="link"]')].some((link) => !drawnAsText(link))) {
    return false;
  }
  const text = (block.innerText || '').toLowerCase();
  return !deleteTexts.some((t) => text.includes(t.toLowerCase()));
}
"""

# For each checkbox _READ_JS reads, in the same order: whether it is safe to click
# (_SAFE_TARGET_JS), judged at every read, before any box is clicked.
_SAFE_BOXES_JS = f"""
(wrapper, arg) => {{
  const safe = {_SAFE_TARGET_JS.strip()};
  return [...wrapper.querySelectorAll('input[type="checkbox"]')]
    .filter((el) => el.getClientRects().length > 0)
    .map((el) => safe(el, arg));
}}
"""

# One look at the page, in one call into it: how many wrappers it holds and, when exactly one,
# its boxes (_READ_JS), each with whether it is safe to click (_SAFE_BOXES_JS), and the other
# controls of its section (_OTHER_CONTROLS_JS), all of the same page at the same moment. (Four calls
# each cost a round trip through Playwright's driver and the browser: a read is made about four
# times a check, and with several accounts at once on a small computer that time is the run's.)
_PAGE_READ_JS = f"""
([wrapperSel, deleteTexts]) => {{
  const wrappers = document.querySelectorAll(wrapperSel);
  if (wrappers.length !== 1) return {{wrappers: wrappers.length}};
  const wrapper = wrappers[0];
  const read = {_READ_JS.strip()};
  const others = {_OTHER_CONTROLS_JS.strip()};
  const safe = {_SAFE_BOXES_JS.strip()};
  // (One synchronous script: no redraw comes between the two lists, so each flag is its box's.)
  const boxes = read(wrapper);
  const flags = safe(wrapper, [wrapperSel, deleteTexts]);
  boxes.forEach((box, i) => {{ box.safe = flags[i] === true; }});
  return {{wrappers: 1, boxes, others: others(wrapper)}};
}}
"""


def _find_key(value: Any, key: str) -> Any:
    """The first value under `key` anywhere in a JSON document (X nests its answers)."""
    if isinstance(value, dict):
        if key in value:
            return value[key]
        children: Any = value.values()
    elif isinstance(value, list):
        children = value
    else:
        return None
    for child in children:
        found = _find_key(child, key)
        if found is not None:
            return found
    return None


@dataclass(frozen=True)
class BoxState:
    """One box as read from its native input."""

    box: Box
    checked: bool
    disabled: bool


@dataclass(frozen=True)
class UntickOutcome:
    """What one untick attempt achieved: `after` is the value read back after a reload."""

    box: Box
    after: BoxState | None
    confirmed: bool
    mutation_status: int | None  # None: X sent no answer in time, or none came (`cut`)
    went_wrong_toast: bool
    #: Why no answer came, when the browser said (its request failed: the connection cut…),
    #: in Chromium's words; "" when none came in time.
    cut: str = ""


def identify_boxes(raw: list[dict[str, Any]]) -> list[Box]:
    """Which Box each checkbox is, checked by label, position and help id; else PageChanged."""
    if not raw:
        raise PageChanged(tr("no checkbox in the Grok settings"))
    if len(raw) > len(ALL_BOXES):
        raise PageChanged(
            tr("{n} checkboxes where at most {known} are known", n=len(raw), known=len(ALL_BOXES))
        )
    boxes: list[Box] = []
    offset: int | None = None
    for index, item in enumerate(raw):
        by_position = ALL_BOXES[index]
        label = str(item.get("label", ""))
        by_label = box_for_label(label, str(item.get("helpText", "")))
        if by_label is not by_position:
            raise PageChanged(_label_problem(index + 1, label, by_label, by_position))
        match = _HELP_ID.match(str(item.get("describedby", "")))
        if match is None or not item.get("helpExists"):
            raise PageChanged(tr("box {n} has no CHECKBOX_<n>_LABEL help text", n=index + 1))
        # X numbers the help ids in page order, one apart. Where the count starts (0 or 1 seen,
        # more if X puts other numbered boxes before them) is not a signal: the order is.
        this_offset = int(match.group(1)) - index
        if offset is None:
            offset = this_offset
        if this_offset != offset:
            raise PageChanged(
                tr("box {n} has help id {id} out of order", n=index + 1, id=match.group(0))
            )
        boxes.append(by_position)
    if Box.TRAINING not in boxes:
        raise PageChanged(tr("the training box is missing"))
    return boxes


def data_disagreement(states: dict[Box, BoxState], data: dict[Box, bool]) -> str | None:
    """What in the boxes drawn disagrees with X's own read of their values, in words; None
    when each box is drawn as X's data says. The page draws them from that data: a box drawn
    otherwise means the page shows something else than what X holds (or than what
    Consentinel understands of it), and no verdict may rest on either."""
    for box, state in states.items():
        said = data.get(box)
        if said is None:
            return tr("X's read of the settings says nothing of the {box} box", box=box_name(box))
        if said != state.checked:
            if state.checked:
                return tr(
                    "the page shows the {box} box ticked where X's data says it is off",
                    box=box_name(box),
                )
            return tr(
                "the page shows the {box} box unticked where X's data says it is on",
                box=box_name(box),
            )
    return None


#: The most of an unknown label a sentence quotes (X's own words, which may run long).
_LABEL_QUOTE_CHARS = 80


def _quoted(words: str) -> str:
    """X's words on one line, shortened if long."""
    words = " ".join(words.split())
    if len(words) > _LABEL_QUOTE_CHARS:
        words = words[: _LABEL_QUOTE_CHARS - 1].rstrip() + "…"
    return words


def _control_kind(kind: str, shown: bool) -> str:
    """What an unread control is, in words (its input type or ARIA role)."""
    if kind == "checkbox":
        return tr("a checkbox") if shown else tr("a hidden checkbox")
    if kind in ("radio", "menuitemradio"):
        return tr("a radio button")
    if kind == "switch":
        return tr("a switch")
    if kind == "menuitemcheckbox":
        return tr("a checkbox")
    if kind == "select":
        return tr("a list of choices")
    return tr("a control that can be on or off")


def unread_settings_problem(found: list[Any]) -> str:
    """The settings page holds controls that can be on or off besides the boxes read
    (_OTHER_CONTROLS_JS's finds): the first named with its words, and how many there are."""
    first = found[0] if isinstance(found[0], dict) else {}
    what = _control_kind(str(first.get("kind", "")), bool(first.get("shown")))
    words = _quoted(str(first.get("words", "")))
    if len(found) == 1:
        if words:
            return tr(
                "the page holds a setting Consentinel does not read: {what}, “{words}”",
                what=what,
                words=words,
            )
        return tr("the page holds a setting Consentinel does not read: {what}", what=what)
    if words:
        return tr(
            "the page holds {n} settings Consentinel does not read, the first {what}, “{words}”",
            n=len(found),
            what=what,
            words=words,
        )
    return tr(
        "the page holds {n} settings Consentinel does not read, the first {what}",
        n=len(found),
        what=what,
    )


def _label_problem(n: int, label: str, found: Box | None, expected: Box) -> str:
    """Box `n`'s label is not the one expected there: another box's, or words Consentinel does
    not know, quoted as X shows them (shortened if long), or none."""
    if found is not None:
        return tr(
            "box {n} has {found}, expected {expected}",
            n=n,
            found=box_name(found),
            expected=box_name(expected),
        )
    words = _quoted(label)
    if not words:
        return tr("box {n} has no label, expected {expected}", n=n, expected=box_name(expected))
    return tr(
        "box {n} has an unknown label, “{label}”, expected {expected}",
        n=n,
        label=words,
        expected=box_name(expected),
    )


def _refused_click(box: Box) -> str:
    return tr(
        "refused to click the {box} box: it is not a plain checkbox, or a button or a link "
        "shares its block",
        box=box_name(box),
    )


class GrokPage:
    """The Grok settings page in one browser tab."""

    def __init__(self, page: Page, site: XSite, timeout_ms: float = 20_000) -> None:
        self.page = page
        self.site = site
        self.timeout_ms = timeout_ms
        self._http_trouble: Reason | None = None
        #: What that trouble was, in words ("HTTP 503", Chromium's "the connection was cut"),
        #: and whether X answered it (an error of X's) or was not reached: see _trouble().
        self._trouble_words = ""
        self._trouble_answered = False
        self._in_flight: set[Request] = set()
        #: Chromium's words for the first of the page's own scripts that failed to come since
        #: the load began ("": none did).
        self._script_failed = ""
        # X's read of the boxes' values: done, and its answer (the page's other reads, for its
        # sidebar say, are not waited for).
        self._query_done = asyncio.Event()
        self._query_done.set()
        self._query_request: Request | None = None  # the one sent since the load began
        self._query_response: Response | None = None
        #: The boxes' values as X's own GraphQL read gave them at the last load (None: no load
        #: yet; a load without that read is PageChanged).
        self.data: dict[Box, bool] | None = None
        # Whether the boxes drawn now are those X drew from `data`: not once a box is clicked
        # (X redraws it at once, before its answer) until the page is loaded again.
        self._drawn_from_data = False
        #: Boxes X's data says are on but the page does not show (after waiting for them).
        self.hidden_on: tuple[Box, ...] = ()
        self._drawn_before: set[Box] = set()  # every box this page has shown
        #: The boxes of the last whole read of a load (open, or an untick's read-back after its
        #: reload), once its boxes were drawn (read_settled); a new dict at each.
        self.settled: dict[Box, BoxState] = {}
        #: The box last clicked whose change X may have made and that was not read back yet
        #: (an untick cut short by a session X ended, a network failure…): None otherwise.
        self.unread_click: Box | None = None
        #: Whether a box was clicked on this page (the click may have reached X).
        self.clicked = False
        page.on("request", self._on_request)
        page.on("requestfinished", self._on_request_done)
        page.on("requestfailed", self._on_request_failed)
        page.on("response", self._on_response)

    def _is_settings_query(self, url: str) -> bool:
        """X's GraphQL read of the boxes' values, on its origin or its `api.` host."""
        path = self.site.api_path_of(url)
        return "/graphql/" in path and path.rsplit("/", 1)[-1] == QUERY

    def _is_data_read(self, request: Request) -> bool:
        """The page itself (its document) or X's read of the boxes' values: what the boxes
        come from, whose failure is the check's.

        X's other reads on the page (its sidebar, badge counts…) do not decide what the boxes
        show, nor do images or analytics: their failure is not the settings'. A box's mutation
        is judged by its own answer (untick) and the read-back.
        """
        if self._is_settings_query(request.url):
            return True
        if request.resource_type != "document" or not self.site.path_of(request.url):
            return False
        try:
            return request.frame == self.page.main_frame
        except PlaywrightError:  # (a request of no frame: not the page's own)
            return False

    def _on_request(self, request: Request) -> None:
        if self._is_data_read(request):
            self._in_flight.add(request)
            if self._is_settings_query(request.url):
                self._query_request = request
                self._query_done.clear()

    def _on_request_done(self, request: Request) -> None:
        self._in_flight.discard(request)
        if request is self._query_request:
            self._query_done.set()

    def _on_request_failed(self, request: Request) -> None:
        if request is self._query_request:
            self._query_done.set()
        if request.resource_type == "script" and not self._script_failed:
            with contextlib.suppress(PlaywrightError):  # (a request of no frame: not the page's)
                if request.frame == self.page.main_frame:
                    failure = browser_error_words(Exception(request.failure or ""))
                    self._script_failed = failure or tr("the connection was cut")
        if request in self._in_flight:
            self._in_flight.discard(request)
            if self._http_trouble is None:
                self._http_trouble = Reason.NETWORK
                self._trouble_words = browser_error_words(Exception(request.failure or ""))
                self._trouble_answered = False

    def _on_response(self, response: Response) -> None:
        if not self._is_data_read(response.request):
            return
        if response.request is self._query_request:
            self._query_response = response
        reason = reason_for_status(response.status)
        if reason is not None and self._http_trouble is not Reason.RATE_LIMITED:
            self._http_trouble = reason
            self._trouble_words = tr("HTTP status {status}", status=response.status)
            self._trouble_answered = True

    def _trouble(self, said: str) -> NetworkTrouble:
        """The failure of the page's data (its document, X's read of the settings): `said`
        (what X's page said of it) with the status X answered ("HTTP 503"), or Chromium's
        words when X was not reached ("the connection was cut, ERR_CONNECTION_RESET")."""
        if self._trouble_words and not self._trouble_answered:
            return NetworkTrouble(self._trouble_words, self._http_trouble)
        if self._trouble_words:
            said = f"{said} ({self._trouble_words})"
        return NetworkTrouble(said, self._http_trouble, x_answered=True)

    async def _bounded(self, call: Awaitable[T]) -> T:
        """A call Playwright gives no time limit (counting, reading, a script, an answer's
        body), given the page's and a browser's answer more (a script run on an element first
        waits for it within the page's time, and times out itself then): past it, the browser
        stopped answering (BrowserNotAnswering)."""
        return await bounded(call, self.timeout_ms / 1000 + ANSWER_TIMEOUT_S)

    async def _unless_browser_stopped(self, error: PlaywrightError) -> None:
        """After a wait that timed out: BrowserNotAnswering when the browser itself no longer
        answers (frozen), so that X is not said slow for a stop on this computer."""
        if "Timeout" in str(error) and not await page_answers(self.page):
            raise BrowserNotAnswering() from error

    async def screenshot(self) -> Screenshot:
        """The whole settings page as PNG (it never shows a password), with its address and the
        time it was taken."""
        png = await self.page.screenshot(full_page=True)
        return Screenshot(png, self.page.url, datetime.now(timezone.utc))

    async def _page_changed(self, detail: str) -> PageChanged:
        try:
            shot: Screenshot | None = await self.screenshot()
        except PlaywrightError:
            shot = None
        return PageChanged(detail, shot)

    async def open(self) -> dict[Box, BoxState]:
        """Load the page and read every box; SessionExpired when X wants us to sign in,
        AccountLocked when it sends us to verify the account.

        A box X's data says is on but the page does not show is waited for a moment (a part
        of the page drawn late); still missing then, it is in `hidden_on`."""
        await self._load(reload=False)
        return await self.read_settled()

    def _raise_if_sent_away(self) -> None:
        """X sent us off its settings: to sign in (the session ended), or to /account/access
        (the account is locked; signing in would not help). Or the network sent us off X
        altogether (a captive portal's page): X was not reached (NetworkTrouble), and that
        page is not X's changed one."""
        if not self.site.path_of(self.page.url):
            raise sent_elsewhere(self.page.url)
        if self.site.is_account_access(self.page.url):
            raise AccountLocked("locked")
        if self.site.is_login(self.page.url):
            raise SessionExpired("signed out")

    async def read_settled(self) -> dict[Box, BoxState]:
        """Every box, once the page has drawn those it should: the boxes this page showed
        before, and those X's data says are on, are waited for (LATE_BOX_WAIT_MS in all)."""
        boxes = await self.read()
        data = self.data or {}
        expected = self._drawn_before | {box for box, on in data.items() if on}
        deadline = asyncio.get_running_loop().time() + LATE_BOX_WAIT_MS / 1000
        while expected - set(boxes):
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0 or not await self._more_boxes_drawn(len(boxes), left):
                break
            boxes = await self.read()
        self._drawn_before |= set(boxes)
        self.hidden_on = tuple(box for box in ALL_BOXES if data.get(box) and box not in boxes)
        self.settled = boxes
        return boxes

    async def _more_boxes_drawn(self, count: int, within_s: float) -> bool:
        """Whether more than `count` boxes are drawn within `within_s` seconds."""
        try:
            await self.page.wait_for_function(
                "([sel, n]) => { const w = document.querySelector(sel); return !!w && "
                "[...w.querySelectorAll('input[type=\"checkbox\"]')]"
                ".filter((el) => el.getClientRects().length > 0).length > n; }",
                arg=[WRAPPER, count],
                timeout=within_s * 1000,
                polling="raf",
            )
        except PlaywrightError:
            return False
        return True

    async def _wait_for_reads(self) -> None:
        """Until X's read of the boxes' values has finished: boxes drawn before X sent their
        values are not read."""
        try:
            await asyncio.wait_for(self._query_done.wait(), self.timeout_ms / 1000)
        except asyncio.TimeoutError:
            if not await page_answers(self.page):
                raise BrowserNotAnswering() from None
            raise XError(tr("X did not send the settings in time"), Reason.TIMEOUT) from None

    async def _read_data(self) -> dict[Box, bool]:
        """The values X's GraphQL read sent, by box (those it holds as true or false).

        The page always makes that read before it draws the boxes (x-reference §2), and it is
        watched from before the page is asked for (the listeners are set in __init__, before
        any load; the browser tells of a request before the answer that draws the boxes can
        come, so no race can hide it): boxes drawn without it being seen were drawn
        from something Consentinel does not know (X renamed the read, or moved it), so they
        cannot be checked against X's data, and are not acted on (PageChanged). Neither are
        they when its answer is not in the form known."""
        response = self._query_response
        if self._query_request is None or response is None:
            raise await self._page_changed(
                tr("the boxes were drawn without X's read of their values ({query})", query=QUERY)
            )
        try:
            body = await self._bounded(response.json())
        except PlaywrightError as exc:
            raise XError(browser_error_words(exc), reason_for_exception(exc)) from exc
        except ValueError:
            body = None
        prefs = _find_key(body, "user_preferences")
        if not isinstance(prefs, dict):
            raise await self._page_changed(
                tr(
                    "X's read of the settings ({query}) is not in the form Consentinel knows",
                    query=QUERY,
                )
            )
        return {
            box: prefs[key] for key, box in DATA_FIELDS.items() if isinstance(prefs.get(key), bool)
        }

    async def _load(self, reload: bool) -> None:
        self._http_trouble = None
        self._trouble_words = ""
        self._trouble_answered = False
        self._in_flight.clear()
        self._script_failed = ""
        self._query_done.set()
        self._query_request = None
        self._query_response = None
        self.data = None
        self._drawn_from_data = False
        try:
            if reload:
                response = await self.page.reload(wait_until="domcontentloaded")
            else:
                response = await self.page.goto(
                    self.site.grok_settings_url, wait_until="domcontentloaded"
                )
        except PlaywrightError as exc:
            await self._unless_browser_stopped(exc)
            raise XError(browser_error_words(exc), reason_for_exception(exc)) from exc
        if not self.site.path_of(self.page.url):
            raise sent_elsewhere(self.page.url)  # (its status is not X's)
        if response is not None and (reason := reason_for_status(response.status)):
            raise NetworkTrouble(
                tr("HTTP status {status}", status=response.status), reason, x_answered=True
            )
        self._raise_if_sent_away()
        deadline = asyncio.get_running_loop().time() + self.timeout_ms / 1000
        state = await self._wait_ready(deadline, any_toast=True)
        if state == "toast":
            if self._http_trouble is not None:
                # X's read of the settings failed, and X says so in words we do not know.
                raise self._trouble(tr("it said something went wrong"))
            state = await self._wait_ready(deadline, any_toast=False)  # a message of its own
        if state in ("signed_out", "locked"):
            self._raise_if_sent_away()  # (its path, on X's origin only)
        if state == "signed_out":
            raise SessionExpired("signed out")
        if state == "locked":
            raise AccountLocked("locked")
        if state == "went_wrong":
            raise self._trouble(tr("it said something went wrong"))
        await self._wait_for_reads()
        if self._http_trouble is not None:
            # The boxes were drawn, but from a failed read: their values cannot be trusted.
            raise self._trouble(tr("it failed to send the settings"))
        self.data = await self._read_data()
        self._drawn_from_data = True

    async def _wait_ready(self, deadline: float, *, any_toast: bool) -> str | None:
        """What the page came to (_READY_JS's state) by `deadline`; what it means when it came
        to nothing, raised."""
        left_ms = max(1.0, (deadline - asyncio.get_running_loop().time()) * 1000)
        try:
            handle = await self.page.wait_for_function(
                _READY_JS,
                arg=[WRAPPER, list(_WENT_WRONG), any_toast],
                timeout=left_ms,
                polling="raf",
            )
            ready = await handle.json_value()
        except PlaywrightError as exc:
            if reason_for_exception(exc) is Reason.BROWSER_CRASHED:
                # The browser went away (killed, crashed): not X being slow or changed.
                raise XError(browser_error_words(exc), Reason.BROWSER_CRASHED) from exc
            # A browser that no longer answers (frozen) lets no page come: not X's doing.
            await self._unless_browser_stopped(exc)
            if self._http_trouble is not None:
                raise self._trouble(tr("it failed to send the settings")) from exc
            self._raise_if_sent_away()
            if self._in_flight:
                # X is still sending the settings: slow, not changed.
                raise XError(tr("X did not send the settings in time"), Reason.TIMEOUT) from exc
            if "Timeout" in str(exc):
                # Its script or data may never have come because X went away.
                if trouble := await trouble_reaching(self.page, self.site):
                    raise trouble from exc
                if self._script_failed:
                    # The page's own script never came (a network back only half-way, after
                    # a sleep; a firewall): what it would draw is unknown, not changed.
                    raise NetworkTrouble(
                        tr("X's page came without its script ({why})", why=self._script_failed)
                    ) from exc
                raise await self._page_changed(await self._why_never_ready()) from exc
            raise XError(browser_error_words(exc), reason_for_exception(exc)) from exc
        state = ready.get("state") if isinstance(ready, dict) else None
        return str(state) if state else None

    async def _why_never_ready(self) -> str:
        """What the page showed instead of the settings Consentinel knows: boxes outside the
        frame it looks for (X changed the page's structure), or none at all."""
        try:
            boxes = await self._bounded(self.page.locator('input[type="checkbox"]').count())
        except PlaywrightError:
            boxes = 0
        if boxes:
            return tr("the page shows boxes, but not in the Grok settings' frame Consentinel knows")
        return tr("the Grok settings never appeared")

    async def _read_raw(self) -> list[dict[str, Any]]:
        """Every checkbox the wrapper shows (_READ_JS); PageChanged when the page's section
        holds any other control that can be on or off (a setting X added that Consentinel
        does not read: "all unticked" would be false while it stays on)."""
        try:
            found = await self._bounded(
                self.page.evaluate(_PAGE_READ_JS, [WRAPPER, list(DELETE_HISTORY_TEXTS)])
            )
        except PlaywrightError:
            # The page went elsewhere while it was read (X sent us to sign in): said so.
            self._raise_if_sent_away()
            raise
        found = found if isinstance(found, dict) else {}
        if found.get("wrappers") != 1:
            raise await self._page_changed(tr("the Grok settings wrapper is missing or repeated"))
        others = found.get("others")
        if isinstance(others, list) and others:
            raise await self._page_changed(unread_settings_problem(others))
        raw = found.get("boxes")
        items = [dict(item) for item in raw] if isinstance(raw, list) else []
        for item in items:
            item["safe"] = bool(item.get("safe"))  # (not said: not safe)
        return items

    def _identified(self, raw: list[dict[str, Any]]) -> list[Box]:
        """identify_boxes, and every box safe to click (nothing pressable in its block), or
        PageChanged (with its screenshot)."""
        boxes = identify_boxes(raw)
        for box, item in zip(boxes, raw, strict=True):
            if not item.get("safe"):
                raise PageChanged(_refused_click(box))
        return boxes

    async def read(self) -> dict[Box, BoxState]:
        """Every box on the page now, identified by all three signals, each as X's data of
        this load says it is (PageChanged otherwise)."""
        states = await self._drawn()
        if not self._drawn_from_data or self.data is None:
            return states
        problem = data_disagreement(states, self.data)
        # A page drawn from what it had before (a cache), redrawn from X's answer a moment
        # later, agrees then: looked at again for a moment before it is said changed.
        deadline = asyncio.get_running_loop().time() + DATA_AGREEMENT_WAIT_MS / 1000
        while problem is not None and asyncio.get_running_loop().time() < deadline:
            await self.page.wait_for_timeout(DATA_AGREEMENT_POLL_MS)
            states = await self._drawn()
            problem = data_disagreement(states, self.data)
        if problem is not None:
            raise await self._page_changed(problem)
        return states

    async def _drawn(self) -> dict[Box, BoxState]:
        """Every box as the page draws it now, identified by all three signals."""
        raw = await self._read_raw()
        try:
            boxes = self._identified(raw)
        except PageChanged as exc:
            raise await self._page_changed(exc.detail) from None
        return {
            box: BoxState(box, bool(item["checked"]), bool(item["disabled"]))
            for box, item in zip(boxes, raw, strict=True)
        }

    async def _input_for(self, box: Box) -> Locator:
        """The input of this box, identified again just before we touch it."""
        raw = await self._read_raw()
        try:
            boxes = self._identified(raw)
        except PageChanged as exc:
            raise await self._page_changed(exc.detail) from None
        if box not in boxes:
            raise await self._page_changed(tr("the {box} box is missing", box=box_name(box)))
        # By its help id, which identify_boxes checked (CHECKBOX_<n>_LABEL), not by its rank
        # among the inputs shown: an input the read counts and the click would not (hidden by
        # its style, say) cannot move the click to the next box.
        help_id = str(raw[boxes.index(box)]["describedby"])
        target = self.page.locator(WRAPPER).locator(
            f'input[type="checkbox"][aria-describedby="{help_id}"]:visible'
        )
        if await self._bounded(target.count()) != 1:
            raise await self._page_changed(
                tr("the help id {id} is not on exactly one box", id=help_id)
            )
        return target

    async def _safe_click(self, target: Locator, box: Box) -> None:
        """Click only a checkbox whose own block holds no delete button."""
        safe = await self._bounded(
            target.evaluate(_SAFE_TARGET_JS, [WRAPPER, list(DELETE_HISTORY_TEXTS)])
        )
        if not safe:
            raise await self._page_changed(_refused_click(box))
        self.unread_click = box  # (a click that fails half-way may still have reached X)
        self.clicked = True
        self._drawn_from_data = False  # (X redraws the box before it answers)
        await target.click()

    async def untick(self, box: Box) -> UntickOutcome:
        """Click a ticked box, wait for X's answer, reload, and read the box back."""
        self.unread_click = None
        target = await self._input_for(box)
        if not await target.is_checked():
            state = (await self.read()).get(box)
            return UntickOutcome(box, state, state is not None and not state.checked, None, False)
        status, cut = await self._click_for_answer(target, box, MUTATIONS[box])
        if status is not None and 400 <= status < 500:
            self.unread_click = None  # X refused it (signed out, rate limited…): nothing changed
        if status == 429:
            raise NetworkTrouble(tr("X is rate limiting"), Reason.RATE_LIMITED)
        toast = await self._went_wrong_shown()
        await self._load(reload=True)
        after = (await self.read_settled()).get(box)
        self.unread_click = None
        confirmed = after is not None and not after.checked
        return UntickOutcome(box, after, confirmed, status, toast, cut)

    async def _click_for_answer(
        self, target: Locator, box: Box, operation: str
    ) -> tuple[int | None, str]:
        """Click the box and wait for X's answer to its change: its status, or None with why
        none came — the request failed (the connection cut: Chromium's words, at once, not
        after the whole wait), or "" when no answer came in time. Either way the click stays
        unread (X may have made the change): the reload that follows says."""

        def is_mutation(request: Request) -> bool:
            body = request.post_data or ""
            return request.method == "POST" and (operation in request.url or operation in body)

        heard: asyncio.Future[Response | str] = asyncio.get_running_loop().create_future()
        sent: list[Request] = []

        def on_request(request: Request) -> None:
            if is_mutation(request):
                sent.append(request)

        def on_response(response: Response) -> None:
            if not heard.done() and is_mutation(response.request):
                heard.set_result(response)

        def on_failed(request: Request) -> None:
            if not heard.done() and is_mutation(request):
                heard.set_result(browser_error_words(Exception(request.failure or "")))

        self.page.on("request", on_request)
        self.page.on("response", on_response)
        self.page.on("requestfailed", on_failed)
        try:
            try:
                await self._safe_click(target, box)
            except PlaywrightError as exc:
                if "Timeout" not in str(exc):
                    raise XError(browser_error_words(exc), reason_for_exception(exc)) from exc
                # A browser that stopped mid-click may have sent the change: it stays unread.
                await self._unless_browser_stopped(exc)
                if not sent:
                    self.unread_click = None  # its target never became clickable: not clicked
                return None, ""
            try:
                answer = await asyncio.wait_for(heard, self.timeout_ms / 1000)
            except asyncio.TimeoutError:
                # No answer from X, or none from a browser that stopped.
                if not await page_answers(self.page):
                    raise BrowserNotAnswering() from None
                return None, ""
        finally:
            self.page.remove_listener("request", on_request)
            self.page.remove_listener("response", on_response)
            self.page.remove_listener("requestfailed", on_failed)
        if isinstance(answer, str):
            return None, answer or tr("the connection was cut")
        return answer.status, ""

    async def _went_wrong_shown(self) -> bool:
        toasts = self.page.locator('[data-testid="toast"], [role="alert"]')
        texts = await self._bounded(toasts.all_inner_texts())
        return any(w in normalize(t) for t in texts for w in _WENT_WRONG)
