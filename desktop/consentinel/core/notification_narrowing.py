"""A journaled notification about several accounts with one account's part taken out (that
account's history erased, core/journal_erasure): what remains is about the others alone.

Its `accounts` lose the account, its `covers` the entries emptied with it, and its words are
said again of the others, as the notification would have said them: only when saying them of
every account it named gives back its words to the letter (so the builder and what it was fed
are known: the boxes hidden come from the run's own checks). Otherwise (words an earlier
version wrote, a kind whose words hold what the journal does not keep, such as since when X
was out of reach) they are dropped: the reader then gets what it was about, in their own
language (notification_words), never a count or a name that is no longer true.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from consentinel.core.accounts import handle_key
from consentinel.core.i18n import SUPPORTED, speaking
from consentinel.core.status import Box

#: Words said of some accounts (their handles, as the notification named them).
_Words = Callable[[Sequence[str]], str | None]


def narrowed_payload(
    payload: Mapping[str, Any],
    key: str,
    hidden_on: Mapping[str, tuple[Box, ...]],
    emptied: Collection[int],
) -> dict[str, Any]:
    """`payload` (a notification naming the account `key` among others) without it.
    `hidden_on`: the boxes hidden of each account (by handle_key) in the notification's run;
    `emptied`: the entries the erasure empties."""
    named = [str(handle) for handle in payload.get("accounts") or ()]
    kept = [handle for handle in named if handle_key(handle) != key]
    out = {name: value for name, value in payload.items() if name != "message"}
    out["accounts"] = kept
    covers = payload.get("covers")
    if isinstance(covers, list):
        out["covers"] = [entry for entry in covers if entry not in emptied]
    lang = payload.get("message_lang")
    message = payload.get("message")
    out.pop("message_lang", None)
    if isinstance(lang, str) and lang in SUPPORTED and isinstance(message, str):
        with speaking(lang):
            for words in _builders(str(payload.get("kind")), hidden_on):
                if words(named) == message:
                    again = words(kept)
                    if again is not None:
                        out["message"], out["message_lang"] = again, lang
                    break
    return out


def _builders(kind: str, hidden_on: Mapping[str, tuple[Box, ...]]) -> list[_Words]:
    """The ways a notification of `kind` can have been worded, each of some accounts."""
    from consentinel.core import notify

    if kind == notify.NotificationKind.PAGE_CHANGED.value:
        return [lambda handles: notify.page_changed_notice(list(handles)).body]
    if kind == notify.NotificationKind.HIDDEN_ON.value:
        return [lambda handles: _hidden_on_words(handles, hidden_on)]
    if kind == notify.NotificationKind.ACCOUNTS_MISSING.value:
        return [_missing_words(list_empty=True), _missing_words(list_empty=False)]
    return []


def _missing_words(*, list_empty: bool) -> _Words:
    """The words of accounts missing from the list, the list being empty or not."""
    from consentinel.core.notify import accounts_missing_notice

    def words(handles: Sequence[str]) -> str:
        return accounts_missing_notice(handles, list_empty=list_empty).body

    return words


def _hidden_on_words(
    handles: Sequence[str], hidden_on: Mapping[str, tuple[Box, ...]]
) -> str | None:
    """The words of boxes X keeps on unseen for `handles`, each with the boxes its check found
    hidden in that run; None when a check does not say."""
    from consentinel.core.events import AccountResult
    from consentinel.core.notify import hidden_on_notice
    from consentinel.core.status import Status

    if not handles or any(not hidden_on.get(handle_key(handle)) for handle in handles):
        return None
    results = [
        AccountResult(handle, Status.OPTED_OUT, hidden_on=hidden_on[handle_key(handle)])
        for handle in handles
    ]
    return hidden_on_notice(results).body
