"""The sentences under the main window's table that sum up a check: the accounts that need the
person (a code, a captcha, a password, an error), named first, then how many have every box
off, one cause shared by every account not done, what X had switched back on, what its page
does not show (X's doing: not counted with those that need the person); a cancelled check,
how far it had gone and what it had switched off. Long lists name a few and count the rest.
In the window's catalogue ("MainWindow"), where they always were."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication

from consentinel.core.events import AccountResult, RunResult
from consentinel.core.listing import FEW, in_words
from consentinel.core.status import Box, Reason
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
    """The last check's summary under the table, in the window's language: first the accounts
    that need a look, named; then, in a few words, the ones every box is off on; then what X
    did, which the person cannot undo (boxes it had switched back on, boxes it keeps on
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
        text = _need_a_look(result)
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


#: How many accounts that need the person the summary names before it counts the others: each
#: of them is one the person must act on (a 2FA code, a captcha, a refused password), and one
#: left unnamed was one nobody looked at (three named of 30 left a refused password out).
NAMED_FIRST = 8


def _row_words(result: AccountResult) -> str:
    """An account's status as its row says it (the clock, for a 2FA code refused for it)."""
    return outcome_name(result.status, result.reason, clock_off=result.clock_offset_s is not None)


def _need_a_look(result: RunResult) -> str:
    """The accounts of a check that did not end with every box off, named with their status
    as their rows say it, before what went well: those are the person's to look at. Not
    those where X keeps a box on unseen: nobody can switch it off for now (_hidden_words)."""
    failed = [a for a in result.accounts if not a.all_off]
    names = in_words([f"@{a.handle} ({_row_words(a)})" for a in failed], few=NAMED_FIRST)
    text = (
        translate(
            "MainWindow", "1 of {n} accounts needs a look: {accounts}. Select it to read why."
        )
        if len(failed) == 1
        else translate(
            "MainWindow", "{bad} of {n} accounts need a look: {accounts}. Select one to read why."
        )
    )
    text = text.replace("{bad}", str(len(failed))).replace("{accounts}", names)
    others = len(result.accounts) - len(failed)
    if others == 0:
        return text
    if any(a.hidden_on for a in result.accounts):
        # X keeps some boxes on unseen on some of the others: what its page shows is off.
        rest = (
            translate("MainWindow", "Every box X's page shows is off on the other account.")
            if others == 1
            else translate("MainWindow", "Every box X's page shows is off on the other {good}.")
        )
    elif others == 1:
        rest = translate("MainWindow", "Every box you chose is off on the other account.")
    else:
        rest = translate("MainWindow", "Every box you chose is off on the other {good}.")
    return f"{text} {rest.replace('{good}', str(others))}"


def _one_cause(result: RunResult) -> str | None:
    """When every account not done stopped for one cause that kept it from X (no browser,
    the keyring, the network), the summary says it, rather than sending the person to each
    row to read the same sentence."""
    from consentinel.core.status import RETRY_SOON_REASONS
    from consentinel.gui.row_hints import window_advice

    failed = [a for a in result.accounts if not a.all_off]
    reasons = {a.reason for a in failed}
    if not failed or len(reasons) != 1:
        return None
    reason = failed[0].reason
    if reason not in RETRY_SOON_REASONS:
        return None
    cause = window_advice(reason, failed[0].message)
    total = len(result.accounts)
    if len(failed) == total:
        text = (
            translate("MainWindow", "The account could not be checked: {cause}")
            if total == 1
            else translate("MainWindow", "No account could be checked: {cause}")
        )
    elif len(failed) == 1:
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
