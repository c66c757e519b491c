"""An agency's check of 30 accounts as a review ran it against the simulated X, which hides the
Memory box (x-reference.md §2): three need a 2FA code, one a captcha, one's password was
refused, and on the 25 others every box X's page shows is off while X keeps Memory on unseen;
X had switched two of those back on since the check before."""

from __future__ import annotations

from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult, BoxChange, RunResult
from consentinel.core.status import Box, Reason, Status
from tests.gui._app_support import add_account

NEED_THE_PERSON = {
    "client_cafe": (Status.NEEDS_USER, Reason.TWO_FACTOR),
    "nr_sport": (Status.NEEDS_USER, Reason.TWO_FACTOR),
    "nr_data": (Status.NEEDS_USER, Reason.TWO_FACTOR),
    "studio_rouge": (Status.NEEDS_USER, Reason.CAPTCHA),
    "client_auto": (Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD),
}
SWITCHED_BACK = {"lemonde_live": (Box.TRAINING, Box.PERSONALIZATION), "afp_fr": (Box.TRAINING,)}
HELD = [
    *SWITCHED_BACK,
    *(f"nr_{name}" for name in ("politique", "culture", "eco", "intl", "tech", "meteo")),
    *(f"nr_{name}" for name in ("sante", "breaking", "auto", "jeux", "livres")),
    *(f"client_{name}" for name in ("velo", "bio", "hotel", "mode", "tech", "vins", "yoga")),
    "maison_dupont",
    "boulangerie_b",
    "agence_nord",
    "paris_events",
    "nr_data_viz",
]
HANDLES = [*HELD[:9], *NEED_THE_PERSON, *HELD[9:]]


def agency_result(handle: str) -> AccountResult:
    if handle in NEED_THE_PERSON:
        status, reason = NEED_THE_PERSON[handle]
        return AccountResult(handle, status, reason)
    back = SWITCHED_BACK.get(handle, ())
    settings = {box: BoxChange(box in back, False) for box in (Box.TRAINING, Box.PERSONALIZATION)}
    return AccountResult(
        handle,
        Status.FIXED if back else Status.OPTED_OUT,
        settings=settings,
        hidden_on=(Box.MEMORY,),
        reverted_by_x=back,
    )


def agency_check(ctx: AppContext) -> RunResult:
    """The 30 accounts added to `ctx`, and their check's result, in the order checked."""
    assert len(HANDLES) == 30 == len(set(HANDLES))
    for handle in HANDLES:
        add_account(ctx, handle, "pw")
    return RunResult(run_id=1, accounts=tuple(agency_result(h) for h in HANDLES))
