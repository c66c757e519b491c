"""A check's sentence: the French agrees with one unticked box or several."""

from __future__ import annotations

import pytest

from consentinel.core.check_messages import success_message
from consentinel.core.french_typography import typeset
from consentinel.core.status import Box, Status

ONE = [Box.TRAINING]
TWO = [Box.TRAINING, Box.MEMORY]
THREE = [Box.TRAINING, Box.PERSONALIZATION, Box.MEMORY]


@pytest.mark.parametrize(
    ("boxes", "english", "french"),
    [
        (ONE, "Unticked and read back off: Training.", "Case décochée, puis relue décochée"),
        (TWO, "Both unticked and read back off: Training, Memory.", "Les deux cases décochées"),
        (THREE, "All unticked and read back off: Training,", "Toutes les cases décochées"),
    ],
)
def test_the_words_agree_with_the_number_of_boxes(
    monkeypatch: pytest.MonkeyPatch, boxes: list[Box], english: str, french: str
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    assert success_message(Status.FIXED, boxes, []).startswith(english)
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    said = success_message(Status.FIXED, boxes, [])
    assert said.startswith(typeset(french)), said


@pytest.mark.parametrize(
    ("boxes", "english", "french"),
    [
        (
            ONE,
            "A box X shows ticked but disabled: Training (X does this for accounts under 18); "
            "Consentinel cannot change it.",
            "Case que X affiche cochée mais désactivée : Entraînement (X le fait pour les "
            "comptes de moins de 18 ans) ; Consentinel ne peut pas la modifier.",
        ),
        (
            [Box.TRAINING, Box.PERSONALIZATION],
            "Boxes X shows ticked but disabled: Training, Personalization (X does this for "
            "accounts under 18); Consentinel cannot change them.",
            "Cases que X affiche cochées mais désactivées : Entraînement, Personnalisation (X le "
            "fait pour les comptes de moins de 18 ans) ; Consentinel ne peut pas les modifier.",
        ),
    ],
)
def test_boxes_x_shows_disabled_are_said_for_one_or_several(
    monkeypatch: pytest.MonkeyPatch, boxes: list[Box], english: str, french: str
) -> None:
    from consentinel.cli.terminal import reason_words
    from consentinel.core.check_messages import box_disabled_message
    from consentinel.core.status import Reason

    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    assert box_disabled_message(boxes) == english
    # The status's words, also said where the number is not known (`account list`): none.
    assert reason_words(Reason.BOX_DISABLED) == "X does not allow unticking"
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert box_disabled_message(boxes) == typeset(french)
    assert reason_words(Reason.BOX_DISABLED) == "X ne permet pas de décocher"


def test_a_journaled_check_of_disabled_boxes_is_said_again_for_one_or_several(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Read in another language than the check's, its sentence is made again from the entry:
    from the boxes it names, or, in an entry written before it named them, from its boxes read
    ticked and disabled that the account keeps off."""
    from consentinel.core.check_sentences import check_sentence
    from consentinel.core.events import AccountResult, BoxChange
    from consentinel.core.status import Reason

    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    locked = BoxChange(True, True, disabled=True)
    settings = {Box.TRAINING: locked, Box.PERSONALIZATION: locked}
    result = AccountResult(
        "pia", Status.ERROR, Reason.BOX_DISABLED, settings=settings, disabled_on=(Box.TRAINING,)
    )
    payload = result.to_json()
    assert check_sentence(payload, "pia", THREE).startswith("A box X shows ticked but disabled")
    older = {k: v for k, v in payload.items() if k != "disabled_on"}
    assert check_sentence(older, "pia", THREE).startswith(
        "Boxes X shows ticked but disabled: Training, Personalization ("
    )
    assert check_sentence(older, "pia", ONE).startswith("A box X shows ticked but disabled")


def test_a_sentence_in_another_language_is_said_again_only_when_nothing_is_lost(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Read in English, checks journaled in French: said again in English when the entry
    holds all their sentence said (made again in French, it is the sentence word for word);
    else kept as written, with its language: X's words (a label its page showed, its answer)
    are in no other field."""
    from consentinel.core.check_messages import box_name, hidden_on_message, reason_message
    from consentinel.core.check_sentences import sentence_for_reader
    from consentinel.core.events import AccountResult, BoxChange
    from consentinel.core.status import Reason

    def journaled(result: AccountResult) -> dict[str, object]:
        return {**result.to_json(), "message_lang": "fr"}

    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    label = "box 1 has an unknown label, “Allow xAI to use your data”, expected Training"
    changed = journaled(
        AccountResult(
            "pia",
            Status.ERROR,
            Reason.PAGE_CHANGED,
            message=reason_message(Reason.PAGE_CHANGED, "pia", label),
        )
    )
    failing = journaled(
        AccountResult(
            "pia",
            Status.ERROR,
            Reason.NETWORK,
            message=reason_message(Reason.NETWORK, "pia", "X answered 500"),
        )
    )
    fixed_text = success_message(Status.FIXED, ONE, [], (Box.TRAINING,))
    fixed = journaled(
        AccountResult(
            "pia",
            Status.FIXED,
            settings={Box.TRAINING: BoxChange(True, False)},
            message=f"{fixed_text} {hidden_on_message([Box.MEMORY])}",
            reverted_by_x=(Box.TRAINING,),
            hidden_on=(Box.MEMORY,),
        )
    )
    left_on = {Box.TRAINING: BoxChange(True, True), Box.PERSONALIZATION: BoxChange(False, False)}
    sticky = journaled(
        AccountResult(
            "pia",
            Status.ERROR,
            Reason.SAVE_FAILED,
            settings=left_on,
            message=reason_message(Reason.SAVE_FAILED, "pia", box_name(Box.TRAINING)),
        )
    )
    slow = journaled(
        AccountResult(
            "pia", Status.ERROR, Reason.TIMEOUT, message=reason_message(Reason.TIMEOUT, "pia")
        )
    )

    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    said = sentence_for_reader(changed, "pia", THREE)
    assert (said.text, said.written_in) == (changed["message"], "fr")
    assert "Allow xAI to use your data" in said.text
    said = sentence_for_reader(failing, "pia", THREE)
    assert (said.text, said.written_in) == (failing["message"], "fr")
    assert "X answered 500" in said.text
    assert sentence_for_reader(fixed, "pia", THREE) == (
        "X had switched Training back on. Unticked and read back off: Training. X keeps Memory "
        "on without showing it on its page to this account: it cannot be switched off for now. "
        "Consentinel will switch it off as soon as X shows it.",
        None,
    )
    assert sentence_for_reader(sticky, "pia", THREE) == (
        "X did not keep the change after two tries: Training.",
        None,
    )
    assert sentence_for_reader(slow, "pia", THREE) == (
        "X took too long to answer. The next check tries again; if this keeps happening, check "
        "this computer's internet connection, VPN or proxy.",
        None,
    )
    # In the reader's language: as it is. In a language this version does not speak: as
    # written, whatever it says.
    assert sentence_for_reader({**slow, "message_lang": "en"}, "pia", THREE) == (
        slow["message"],
        None,
    )
    assert sentence_for_reader({**slow, "message_lang": "de"}, "pia", THREE) == (
        slow["message"],
        "de",
    )


def test_what_the_sign_in_said_of_its_step_is_said_again_in_another_language() -> None:
    """A check journaled in French whose sign-in stopped at a step it said something of (the
    saved 2FA secret no code can be made from; a scheduled check waiting after X refused the
    saved secret's code): read in English, its sentence is made again with that detail, from
    the code its entry keeps; an entry written before the code was kept, without it."""
    from datetime import datetime, timezone

    from consentinel.core.check_messages import (
        TOTP_NOT_VALID,
        TOTP_REFUSED,
        held_message,
        reason_message,
    )
    from consentinel.core.check_sentences import check_sentence, sentence_for_reader
    from consentinel.core.events import AccountResult, NotRetried
    from consentinel.core.i18n import speaking
    from consentinel.core.status import Reason

    since = datetime(2026, 12, 4, 9, 30, tzinfo=timezone.utc)
    with speaking("fr"):
        not_valid = AccountResult(
            "pia",
            Status.NEEDS_USER,
            Reason.TWO_FACTOR,
            message=reason_message(Reason.TWO_FACTOR, "pia", TOTP_NOT_VALID),
            detail_code=TOTP_NOT_VALID,
        )
        held = AccountResult(
            "pia",
            Status.NEEDS_USER,
            Reason.TWO_FACTOR,
            message=held_message(Reason.TWO_FACTOR, "pia", since, detail=TOTP_REFUSED),
            not_retried=NotRetried(since),
            detail_code=TOTP_REFUSED,
        )
    entries = [{**r.to_json(), "message_lang": "fr"} for r in (not_valid, held)]
    with speaking("en"):
        assert check_sentence(entries[0], "pia", THREE) == reason_message(
            Reason.TWO_FACTOR, "pia", TOTP_NOT_VALID
        )
        assert check_sentence(entries[1], "pia", THREE) == held_message(
            Reason.TWO_FACTOR, "pia", since, detail=TOTP_REFUSED
        )
        # The journal window: nothing lost, so said in the reader's language.
        assert sentence_for_reader(entries[0], "pia", THREE).written_in is None
        older = {k: v for k, v in entries[0].items() if k != "detail_code"}
        assert check_sentence(older, "pia", THREE) == reason_message(Reason.TWO_FACTOR, "pia")
        assert sentence_for_reader(older, "pia", THREE).written_in == "fr"
        # A code this version does not know is no detail: the reason's words alone.
        unknown = {**entries[0], "detail_code": "something_new"}
        assert check_sentence(unknown, "pia", THREE) == reason_message(Reason.TWO_FACTOR, "pia")


def test_a_clock_off_x_s_is_said_again_in_another_language() -> None:
    """A check journaled in French that stopped because X refused the code made by this
    computer's clock, 5 minutes behind X's: read in English (the window, the scheduled check in
    the other language), it still says the clock, by how much, and to set it right, and never
    to save the 2FA secret again (it was right)."""
    from consentinel.core.check_messages import reason_message
    from consentinel.core.check_sentences import check_sentence
    from consentinel.core.clock_offset import clock_off_detail
    from consentinel.core.events import AccountResult
    from consentinel.core.i18n import speaking
    from consentinel.core.status import Reason

    detail = clock_off_detail(-300)
    with speaking("fr"):
        stopped = AccountResult(
            "pia",
            Status.NEEDS_USER,
            Reason.TWO_FACTOR,
            message=reason_message(Reason.TWO_FACTOR, "pia", detail),
            detail_code=detail,
        )
    entry = {**stopped.to_json(), "message_lang": "fr"}
    with speaking("en"):
        said = check_sentence(entry, "pia", THREE)
        assert said == reason_message(Reason.TWO_FACTOR, "pia", detail)
        assert "5 minutes behind" in said, said


def test_a_check_cancelled_after_an_untick_is_said_again_with_what_it_did(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Cancelled after it had begun unticking, a check's entry has the boxes as it left them:
    read in another language, its sentence is made again from them, what it switched off and
    read back, and the box it was unticking when stopped, which X may have switched off."""
    from consentinel.core.check_messages import cancelled_message
    from consentinel.core.check_sentences import sentence_for_reader
    from consentinel.core.events import AccountResult, BoxChange
    from consentinel.core.status import Reason

    def journaled(message: str, settings: dict[Box, BoxChange]) -> dict[str, object]:
        result = AccountResult(
            "pia", Status.ERROR, Reason.CANCELLED, settings=settings, message=message,
            reverted_by_x=(Box.TRAINING,),
        )  # fmt: skip
        return {**result.to_json(), "message_lang": "fr"}

    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    off, on = BoxChange(True, False), BoxChange(True, True)
    done = journaled(
        cancelled_message([Box.TRAINING], (Box.TRAINING,)),
        {Box.TRAINING: off, Box.PERSONALIZATION: on},
    )
    unread = journaled(
        cancelled_message([Box.TRAINING], (Box.TRAINING,), Box.PERSONALIZATION),
        {Box.TRAINING: off, Box.PERSONALIZATION: BoxChange(True, None)},
    )
    assert str(done["message"]).endswith("Entraînement. La vérification a été annulée.")

    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    assert sentence_for_reader(done, "pia", THREE) == (
        "X had switched Training back on. Unticked and read back off: Training. The check was "
        "cancelled.",
        None,
    )
    assert sentence_for_reader(unread, "pia", THREE) == (
        "X had switched Training back on. Unticked and read back off: Training. Stopped while "
        "unticking Personalization: X may have switched it off; the next check reads it again.",
        None,
    )


def test_a_refused_saved_2fa_secret_is_said_with_how_to_put_it_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """X's 399 at the code step says "wrong code" and "held back" alike: the person is told
    that the secret may be right, and how to put it back, in English and in French."""
    from consentinel.core.check_messages import TOTP_REFUSED, reason_message
    from consentinel.core.status import Reason

    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    said = reason_message(Reason.TWO_FACTOR, "alice", TOTP_REFUSED)
    assert said.startswith("X refused the code made from the saved 2FA secret"), said
    assert "also when it holds sign-ins back for a while, so the secret may be right" in said
    assert "put it back with `consentinel account set-totp alice --use-again`" in said
    assert "else save the right one with `consentinel account set-totp alice`." in said
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    said = reason_message(Reason.TWO_FACTOR, "alice", TOTP_REFUSED)
    assert said.startswith("X a refusé le code produit par le secret 2FA enregistré"), said
    assert typeset("aussi quand il retient les connexions pendant un temps") in said, said
    assert "en service avec `consentinel account set-totp alice --use-again`" in said, said


@pytest.mark.parametrize(
    ("x_answered", "detail", "en", "fr"),
    [
        (
            False,
            "X's address could not be found (no internet, or a DNS problem), ERR_NAME_NOT_RESOLVED",
            "Could not reach X from this computer: X's address could not be found (no "
            "internet, or a DNS problem). Check this computer's internet connection, VPN or "
            "proxy; the next check tries again. (ERR_NAME_NOT_RESOLVED)",
            "Impossible de joindre X depuis cet ordinateur : X's address could not be found "
            "(no internet, or a DNS problem). Vérifiez la connexion internet, le VPN ou le "
            "proxy de cet ordinateur ; la prochaine vérification réessaiera. "
            "(ERR_NAME_NOT_RESOLVED)",
        ),
        (
            True,
            "HTTP status 503",
            "X answered with an error: HTTP status 503. The trouble is on X's side; the next "
            "check tries again.",
            "X a répondu par une erreur : HTTP status 503. Le problème vient de X ; la "
            "prochaine vérification réessaiera.",
        ),
        (  # X not reached, its cause in the entry's language: said again in another
            False,
            "",
            "Could not reach X from this computer. Check this computer's internet connection, "
            "VPN or proxy; the next check tries again.",
            "Impossible de joindre X depuis cet ordinateur. Vérifiez la connexion internet, le "
            "VPN ou le proxy de cet ordinateur ; la prochaine vérification réessaiera.",
        ),
        (  # an entry of an earlier version said again in another language: who failed unknown
            None,
            "",
            "Could not reach X, or X answered with an error. The next check tries again.",
            "Impossible de joindre X, ou X a répondu par une erreur. La prochaine vérification "
            "réessaiera.",
        ),
    ],
)
def test_a_network_stop_says_which_side_failed_and_why(
    monkeypatch: pytest.MonkeyPatch, x_answered: bool | None, detail: str, en: str, fr: str
) -> None:
    """This computer's network (Chromium's error, DNS, a proxy) and X's own error are said
    apart, the cause after a colon: never in brackets around a cause with brackets of its own
    ("(… (no internet, or a DNS problem), …)")."""
    from consentinel.core.check_messages import reason_message
    from consentinel.core.status import Reason

    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    said = reason_message(Reason.NETWORK, "ana", detail, x_answered=x_answered)
    assert said == en
    assert "((" not in said and "), " not in said.split(":")[0]
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    said = reason_message(Reason.NETWORK, "ana", detail, x_answered=x_answered)
    assert said == typeset(fr)


def test_a_network_entry_keeps_who_failed_and_its_sentence_made_again_says_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A NETWORK check's entry says whether X answered with an error or was not reached (only
    a NETWORK check's), so that its sentence made again in another language says which, and
    what to do; an entry of an earlier version, which did not say, is said as either."""
    from consentinel.core.check_messages import x_answered_in
    from consentinel.core.check_sentences import check_sentence
    from consentinel.core.events import AccountResult
    from consentinel.core.status import Reason

    failing = AccountResult("ana", Status.ERROR, Reason.NETWORK, x_answered=True).to_json()
    unreached = AccountResult("ana", Status.ERROR, Reason.NETWORK).to_json()
    slow = AccountResult("ana", Status.ERROR, Reason.TIMEOUT).to_json()
    older = {key: value for key, value in unreached.items() if key != "x_answered"}
    assert (failing["x_answered"], unreached["x_answered"], "x_answered" in slow) == (
        True,
        False,
        False,
    )
    assert [x_answered_in(p) for p in (failing, unreached, older)] == [True, False, None]
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    assert check_sentence(failing, "ana", THREE) == (
        "X answered with an error. The trouble is on X's side; the next check tries again."
    )
    assert check_sentence(unreached, "ana", THREE) == (
        "Could not reach X from this computer. Check this computer's internet connection, VPN "
        "or proxy; the next check tries again."
    )
    assert check_sentence(older, "ana", THREE) == (
        "Could not reach X, or X answered with an error. The next check tries again."
    )


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_chromium_code_ends_the_sentence_apart_and_the_window_leaves_it_out(
    monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """X not reached or too slow: what happened, what to do next, then Chromium's code in
    brackets (for whoever helps; the journal keeps it); the window's words leave it out."""
    from consentinel.core.check_messages import reason_message, without_net_code
    from consentinel.core.i18n import tr
    from consentinel.core.status import Reason

    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    refused = reason_message(Reason.NETWORK, "ana", tr("the connection was refused") + ", ERR_X_Y")
    slow = reason_message(Reason.TIMEOUT, "ana", tr("no answer in time") + ", ERR_TIMED_OUT")
    bare = reason_message(Reason.NETWORK, "ana", "ERR_BLOCKED_BY_CLIENT")
    for said, code in (
        (refused, "ERR_X_Y"),
        (slow, "ERR_TIMED_OUT"),
        (bare, "ERR_BLOCKED_BY_CLIENT"),
    ):
        assert said.endswith(f". ({code})"), said
        assert said.count("ERR_") == 1 and ", ERR_" not in said, said
        assert without_net_code(said) == said.removesuffix(f" ({code})")
    what_to_do = {"en": "VPN or proxy", "fr": "le VPN ou le proxy"}[lang]
    assert all(what_to_do in said for said in (refused, slow, bare))
    assert without_net_code(refused).startswith(
        typeset(
            {
                "en": "Could not reach X from this computer: the connection was refused. ",
                "fr": "Impossible de joindre X depuis cet ordinateur : la connexion a été "
                "refusée. ",
            }[lang]
        )
    )


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "remove it with `consentinel account remove ghost` and add it again as X spells it "
            "with `consentinel account add HANDLE`.",
        ),
        (
            "fr",
            "supprimez-le avec `consentinel account remove ghost` et ajoutez-le de nouveau tel "
            "que X l'écrit avec `consentinel account add HANDLE`.",
        ),
    ],
)
def test_an_account_x_does_not_know_is_given_the_commands_to_remove_and_add_it(
    monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    """As every other sentence of the command line gives the exact command, not only "remove
    the account and add it again"."""
    from consentinel.core.check_messages import reason_message
    from consentinel.core.status import Reason

    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    assert said in reason_message(Reason.UNKNOWN_ACCOUNT, "ghost")
