"""The sentences under the main window's table that sum up a check: its accounts counted by
kind, as the tray and the journal count them (every box off, need you, could not be checked),
a few of a kind named; one cause shared by every account not done; what X had switched back
on, what its page does not show (X's doing: not counted with those that need the person); a
cancelled check, how far it had gone and what it had switched off. In the window's catalogue
("MainWindow"), where they always were."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from consentinel.core.events import AccountResult, RunResult
from consentinel.core.listing import FEW, in_words
from consentinel.core.status import Box, Reason, Tally, outcome_key, tally_of
from consentinel.gui.dialog_words import box_name, outcome_name

translate = QCoreApplication.translate


def _cancelled(result: RunResult) -> str:
    """How far the check had gone: the accounts checked before the Cancel keep their
    results in their rows; the others keep their last ones, but for those whose check was
    cut short after it had begun unticking at X (core/account_check): what it switched off,
    and a box X may have switched off unread, are said, as their rows show them."""
    total = len(result.accounts)
    done = sum(1 for a in result.accounts if a.reason is not Reason.CANCELLED)
    switched, unread = cut_short(result)
    if done == 0 and (switched or unread):
        text = translate(
            "MainWindow", "The check was cancelled before any account's check was over."
        )
    elif done == 0:
        text = translate("MainWindow", "The check was cancelled before any account was checked.")
    elif done == total:
        text = translate(
            "MainWindow",
            "The check was cancelled once every account was checked: the rows say what "
            "was found, and the journal has it all.",
        )
    elif done == 1:
        text = translate(
            "MainWindow",
            "The check was cancelled after 1 of {n} accounts: its row says what was "
            "found, and the journal has it all.",
        )
    else:
        text = translate(
            "MainWindow",
            "The check was cancelled after {done} of {n} accounts: their rows say what was "
            "found, and the journal has it all.",
        )
    text = text.replace("{done}", str(done)).replace("{n}", str(total))
    if switched:
        text += " " + _switched_before_the_cancel(switched)
    if unread:
        text += " " + _stopped_while_unticking(unread)
    return text


def cut_short(
    result: RunResult,
) -> tuple[list[tuple[str, tuple[Box, ...]]], list[tuple[str, Box]]]:
    """The checks cancelled after they had begun unticking: the boxes each switched off and
    read back off, and the box each was unticking when stopped (X may have switched it off)."""
    switched: list[tuple[str, tuple[Box, ...]]] = []
    unread: list[tuple[str, Box]] = []
    for a in result.accounts:
        if a.reason is not Reason.CANCELLED:
            continue
        off = tuple(box for box, c in a.settings.items() if c.before and c.after is False)
        if off:
            switched.append((a.handle, off))
        unread += [(a.handle, box) for box, c in a.settings.items() if c.before and c.after is None]
    return switched, unread


def _switched_before_the_cancel(switched: list[tuple[str, tuple[Box, ...]]]) -> str:
    if len(switched) == 1:
        ((handle, boxes),) = switched
        one = translate("MainWindow", "Before the cancel, it switched off {boxes} on @{handle}.")
        return one.replace("{boxes}", in_words([box_name(b) for b in boxes])).replace(
            "{handle}", handle
        )
    # French sets a space before ";" (the catalogue's own, non-breaking).
    between = translate("MainWindow", "; ")
    accounts = in_words([f"@{handle} ({_boxes(boxes)})" for handle, boxes in switched], between)
    several = translate("MainWindow", "Before the cancel, it switched off boxes on {accounts}.")
    return several.replace("{accounts}", accounts)


def _stopped_while_unticking(unread: list[tuple[str, Box]]) -> str:
    if len(unread) == 1:
        ((handle, box),) = unread
        one = translate(
            "MainWindow",
            "It was stopped while unticking {box} on @{handle}: X may have switched it off; "
            "the next check reads it again.",
        )
        return one.replace("{box}", box_name(box)).replace("{handle}", handle)
    several = translate(
        "MainWindow",
        "It was stopped while unticking boxes that X may have switched off: {accounts}. The "
        "next check reads them again.",
    )
    return several.replace("{accounts}", in_words([f"@{h} ({box_name(b)})" for h, b in unread]))


def _boxes(boxes: tuple[Box, ...]) -> str:
    return ", ".join(box_name(b) for b in boxes)


def run_summary(result: RunResult) -> str:
    """The last check's summary under the table, in the window's language: its accounts
    counted by kind (_counted_by_kind), or the one cause none could be checked for; then what
    X did, which the person cannot undo (boxes it had switched back on, boxes it keeps on
    unseen)."""
    if result.cancelled:
        return _cancelled(result)
    if any(a.removed for a in result.accounts):  # (removed during their checks: not said)
        kept = tuple(a for a in result.accounts if not a.removed)
        if not kept:
            return ""
        result = dataclasses.replace(result, accounts=kept)
    total = len(result.accounts)
    # An account where X keeps a box on without showing it is not one with every box off,
    # whatever its page shows; nor is it one the person can do anything for: its own sentence
    # (_hidden_words) says it, after those that need the person.
    good = sum(1 for a in result.accounts if _done(a))
    hidden = [a for a in result.accounts if a.hidden_on]
    if good == total:
        text = (
            translate("MainWindow", "The account was checked: every box you chose is off.")
            if total == 1
            else translate("MainWindow", "All {n} accounts checked: every box you chose is off.")
        )
    elif total == 1 and result.accounts[0].all_off:  # (X keeps a box on unseen)
        # (What X keeps on, and that nothing can switch it off for now, is said after.)
        text = translate("MainWindow", "The account was checked, but not every box is off.")
    elif total == 1:
        text = translate(
            "MainWindow",
            "The check did not end with every box off. Select or hover the status to read why.",
        )
    elif all(a.all_off for a in result.accounts):  # (X keeps boxes on unseen on some)
        text = translate("MainWindow", "All {n} accounts checked: every box X's page shows is off.")
    else:
        text = _counted_by_kind(result)
    text = text.replace("{good}", str(good)).replace("{n}", str(total))
    text = _one_cause(result) or text
    # French sets a space before ";" (the catalogue's own, non-breaking).
    between = translate("MainWindow", "; ")
    reverted = [a for a in result.accounts if a.reverted_by_x and a.all_off]
    if reverted:
        switched = in_words([f"@{a.handle} ({_boxes(a.reverted_by_x)})" for a in reverted], between)
        again = (
            translate("MainWindow", "X had switched a box back on: {accounts}. It is off again.")
            if sum(len(a.reverted_by_x) for a in reverted) == 1
            else translate(
                "MainWindow", "X had switched boxes back on: {accounts}. They are off again."
            )
        )
        text += " " + again.replace("{accounts}", switched)
    if hidden:
        text += " " + _hidden_words(hidden)
    return text


def _hidden_words(hidden: list[AccountResult]) -> str:
    """What it means that X keeps boxes on that its page does not show: on, for now, with
    nothing that can switch them off, until X shows them (each row's column says which)."""
    shown = tuple(b for b in Box if any(b in a.hidden_on for a in hidden))
    if len(hidden) > FEW:
        many = (
            translate(
                "MainWindow",
                "X hides {box}, still on, on {count} accounts: it is switched off once X shows it.",
            )
            if len(shown) == 1
            else translate(
                "MainWindow",
                "X keeps some boxes ({box}) on for {count} accounts without showing them: "
                "Consentinel will switch them off once X shows them.",
            )
        )
        return many.replace("{box}", _boxes(shown)).replace("{count}", str(len(hidden)))
    if len(shown) == 1:
        one = translate(
            "MainWindow",
            "X keeps {box} on for {accounts} without showing it on its page: it cannot be "
            "switched off for now. Consentinel will switch it off as soon as X shows it.",
        )
        accounts = in_words([f"@{a.handle}" for a in hidden])
        return one.replace("{box}", _boxes(shown)).replace("{accounts}", accounts)
    # French sets a space before ";" (the catalogue's own, non-breaking).
    between = translate("MainWindow", "; ")
    where = between.join(f"@{a.handle} ({_boxes(a.hidden_on)})" for a in hidden)
    several = translate(
        "MainWindow",
        "X keeps boxes on without showing them on its page: {accounts}. They cannot be "
        "switched off for now; Consentinel will switch them off as soon as X shows them.",
    )
    return several.replace("{accounts}", where)


def _done(account: AccountResult) -> bool:
    """Every box the person chose is off: none X keeps on unseen (AccountResult.hidden_on)."""
    return account.all_off and not account.hidden_on


def _row_words(result: AccountResult) -> str:
    """An account's status as its row says it (the clock, for a 2FA code refused for it; X
    not reached or failing, for a check stopped by the network)."""
    return outcome_name(
        result.status,
        result.reason,
        clock_off=result.clock_offset_s is not None,
        x_answered=result.network_x_answered,
    )


def _kind(account: AccountResult) -> Tally | None:
    """How the account is counted, as the tray and the journal's "Check finished" count it;
    None for one with every box off but one X keeps on unseen (said by _hidden_words)."""
    kind = tally_of(outcome_key(account.status, account.reason, account.hidden_on))
    return None if kind is Tally.HIDDEN_ON else kind


def _named(account: AccountResult) -> str:
    """The account and its status as its row says it (French sets a space before the colon)."""
    words = translate("MainWindow", "@{handle}: {status}")
    return words.replace("{handle}", account.handle).replace("{status}", _row_words(account))


def _part(kind: Tally, count: int, total: int) -> str:
    """One kind's count in the summary's words ("13 need you"); when every account checked is
    of that kind, as a person says it ("all need you", "both need you"), not the number the
    sentence has just said ("Checked 10 accounts: 10 need you"). (None could be checked: a
    sentence of its own, _none_checked.)"""
    if count == total and total > 1 and kind in _EVERY:
        both, every = _EVERY[kind]
        return translate("MainWindow", str(both if total == 2 else every))
    one, many = _PARTS[kind]
    words = translate("MainWindow", str(one if count == 1 else many))
    return words.replace("{count}", str(count))


#: Each kind's count, for one account and for more (French agrees in number). (The accounts
#: where X keeps a box on unseen are counted by their own sentence: _hidden_words.)
_PARTS: dict[Tally, tuple[object, object]] = {
    Tally.OFF: (
        QT_TRANSLATE_NOOP("MainWindow", "1 off"),
        QT_TRANSLATE_NOOP("MainWindow", "{count} off"),
    ),
    Tally.WOULD_FIX: (
        QT_TRANSLATE_NOOP("MainWindow", "1 would be fixed"),
        QT_TRANSLATE_NOOP("MainWindow", "{count} would be fixed"),
    ),
    Tally.NEED_YOU: (
        QT_TRANSLATE_NOOP("MainWindow", "1 needs you"),
        QT_TRANSLATE_NOOP("MainWindow", "{count} need you"),
    ),
    Tally.NOT_CHECKED: (
        QT_TRANSLATE_NOOP("MainWindow", "1 could not be checked"),
        QT_TRANSLATE_NOOP("MainWindow", "{count} could not be checked"),
    ),
    Tally.CANCELLED: (
        QT_TRANSLATE_NOOP("MainWindow", "1 cancelled"),
        QT_TRANSLATE_NOOP("MainWindow", "{count} cancelled"),
    ),
}


#: Each kind when every account checked is of it, for two accounts and for more (French
#: agrees in number: "les deux", "tous"). Only those _counted_by_kind can meet: every box off
#: is said by run_summary itself, a cancelled check by _cancelled, and none checked by
#: _none_checked ("Checked 10 accounts: none could be checked" said they were and were not).
_EVERY: dict[Tally, tuple[object, object]] = {
    Tally.WOULD_FIX: (
        QT_TRANSLATE_NOOP("MainWindow", "both would be fixed"),
        QT_TRANSLATE_NOOP("MainWindow", "all would be fixed"),
    ),
    Tally.NEED_YOU: (
        QT_TRANSLATE_NOOP("MainWindow", "both need you"),
        QT_TRANSLATE_NOOP("MainWindow", "all need you"),
    ),
}


def _none_checked(total: int, named: str) -> str:
    """Several accounts, none of which could be checked, for causes of their own (one cause
    shared is _one_cause's): `named` is the parenthesis naming them, or ""."""
    if total == 2:
        text = translate("MainWindow", "Neither account could be checked{named}.")
    else:
        text = translate("MainWindow", "None of the {n} accounts could be checked{named}.")
    return text.replace("{n}", str(total)).replace("{named}", named)


def _counted_by_kind(result: RunResult) -> str:
    """A check of several accounts that did not end with every box off, counted by kind as
    the tray counts it ("Checked 30 accounts: 6 off, 13 need you, 9 could not be checked"):
    a list of 22 handles with their states was a three-line wall. Those of a kind are named,
    with their rows' words, only when they are few (core/listing FEW); the table sorts those
    that need the person first, and the tray's "Show the accounts that need you" filters them.
    X slowing checks down, or a changed page, is no step of the person's: such accounts could
    not be checked, and are tried again at the next check."""
    by_kind: dict[Tally, list[AccountResult]] = {kind: [] for kind in _PARTS}
    for account in result.accounts:
        kind = _kind(account)
        if kind is not None:
            by_kind[kind].append(account)
    # French sets a space before ";" (the catalogue's own, non-breaking).
    between = translate("MainWindow", "; ")
    parts = []
    total = len(result.accounts)
    for kind, accounts in by_kind.items():
        if not accounts:
            continue
        named = (
            [_named(a) for a in accounts]
            if kind in (Tally.NEED_YOU, Tally.NOT_CHECKED) and len(accounts) <= FEW
            else []
        )
        if kind is Tally.NOT_CHECKED:
            named.append(translate("MainWindow", "tried again at the next check"))
        inside = f" ({between.join(named)})" if named else ""
        if kind is Tally.NOT_CHECKED and len(accounts) == total:
            text = _none_checked(total, inside)
            break
        parts.append(_part(kind, len(accounts), total) + inside)
    else:
        text = translate("MainWindow", "Checked {n} accounts: {parts}.").replace(
            "{parts}", ", ".join(parts)
        )
    to_read = len(by_kind[Tally.NEED_YOU]) + len(by_kind[Tally.NOT_CHECKED])
    if to_read == 1:
        text += " " + translate("MainWindow", "Select it to read why.")
    elif to_read:
        text += " " + translate("MainWindow", "Select one to read why.")
    return text


def _one_cause(result: RunResult) -> str | None:
    """When every account not done stopped for one cause that kept it from X (no browser,
    the keyring, the network), the summary says it, rather than sending the person to each
    row to read the same sentence. Not when no account could be checked: the row selected
    (one always is, refresh_accounts) says that cause on the line above, and the summary said
    it again under it."""
    from consentinel.core.status import RETRY_SOON_REASONS
    from consentinel.gui.row_hints import window_advice

    failed = [a for a in result.accounts if not a.all_off]
    # (X not reached and X failing are one reason, two causes: each row says its own.)
    causes = {(a.reason, a.network_x_answered) for a in failed}
    if not failed or len(causes) != 1:
        return None
    reason = failed[0].reason
    if reason not in RETRY_SOON_REASONS:
        return None
    total = len(result.accounts)
    if len(failed) == total:
        if total == 1:
            return translate("MainWindow", "@{handle} could not be checked.").replace(
                "{handle}", failed[0].handle
            )
        return translate("MainWindow", "No account could be checked.")
    cause = _after_colon(window_advice(reason, failed[0].message))
    if len(failed) == 1:
        text = translate(
            "MainWindow", "1 of {n} accounts could not be checked ({accounts}): {cause}"
        )
    else:
        text = translate(
            "MainWindow", "{bad} of {n} accounts could not be checked ({accounts}): {cause}"
        )
    text = text.replace("{bad}", str(len(failed))).replace("{n}", str(total))
    text = text.replace("{accounts}", in_words([f"@{a.handle}" for a in failed]))
    return text.replace("{cause}", cause)


def _after_colon(sentence: str) -> str:
    """A sentence set after a colon begins in lower case ("…checked: could not reach X"),
    unless it begins with a name (Consentinel, X) or an acronym."""
    first = sentence.split(" ", 1)[0]
    if first in ("Consentinel", "X") or first[1:2].isupper():
        return sentence
    return sentence[:1].lower() + sentence[1:]
