"""The sign-in flow behind `POST /1.1/onboarding/task.json`: one subtask at a time, as X does."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import Any

from consentinel.core.totp import DEFAULT_PERIOD as TOTP_PERIOD
from consentinel.core.totp import step_code
from consentinel.simx.scenario import BEFORE_PASSWORD
from consentinel.simx.state import AccountTruth, Flow, World

USERNAME = "LoginEnterUserIdentifierSSO"
ALTERNATE = "LoginEnterAlternateIdentifierSubtask"
PASSWORD = "LoginEnterPassword"
TWO_FACTOR = "LoginTwoFactorAuthChallenge"
ACID = "LoginAcid"
ARKOSE = "ArkoseLogin"
DENY = "DenyLoginSubtask"
SUCCESS = "LoginSuccessSubtask"
#: A step the reference does not list (the `new_step` challenge) [invented].
NEW_STEP = "LoginEnterDateOfBirth"

_CHALLENGE_SUBTASK = {
    "unusual_activity_username": ALTERNATE,
    "unusual_activity_email": ALTERNATE,
    "captcha": ARKOSE,
    "two_factor": TWO_FACTOR,
    "email_code": ACID,
    "sms_code": ACID,
    "refuse": DENY,
    "new_step": NEW_STEP,
}


@dataclass
class FlowReply:
    """What task.json answers: JSON, plus a session to set as cookies on success."""

    body: dict[str, Any]
    status: int = 200
    session_token: str | None = None
    #: How the server fails instead of answering (http_500, connection_reset, hang).
    fault: str | None = None
    headers: dict[str, str] | None = None


def _subtask(flow: Flow, subtask_id: str, **extra: Any) -> FlowReply:
    flow.steps.append(subtask_id)
    return FlowReply(
        {
            "flow_token": flow.token,
            "status": "success",
            "subtasks": [{"subtask_id": subtask_id, **extra}],
        }
    )


def _asked(reply: FlowReply) -> str | None:
    """The step X's reply asks for next (None: none, as after an error)."""
    subtasks = reply.body.get("subtasks") or []
    return str(subtasks[0]["subtask_id"]) if subtasks else None


def _error(code: int, message_key: str) -> FlowReply:
    return FlowReply({"errors": [{"code": code, "message_key": message_key}]}, status=400)


class SignInFlow:
    def __init__(self, world: World) -> None:
        self.world = world

    def start(self, redirect: str, *, elsewhere: bool = False) -> FlowReply:
        flow = Flow(
            token=f"g;{secrets.token_hex(12)}:-{int(time.time() * 1000)}",
            redirect=redirect or "/home",
            elsewhere=elsewhere,
        )
        with self.world.lock:
            self.world.flows[flow.token] = flow
        return _subtask(flow, USERNAME)

    def answer(self, body: dict[str, Any]) -> FlowReply:
        flow = self.world.flows.get(str(body.get("flow_token", "")))
        inputs = body.get("subtask_inputs") or []
        if flow is None or not inputs or not isinstance(inputs[0], dict):
            return _error(366, "flow_expired")
        given = inputs[0]
        subtask = given.get("subtask_id")
        if not flow.steps or subtask != flow.steps[-1]:
            return _error(366, "flow_expired")
        text = str((given.get("enter_text") or given.get("enter_password") or {}).get("text", ""))
        handler = {
            USERNAME: self._username,
            ALTERNATE: self._alternate,
            PASSWORD: self._password,
            TWO_FACTOR: self._two_factor,
            ACID: self._email_code,
            ARKOSE: self._captcha,
        }.get(subtask)
        if handler is None:
            return _error(366, "flow_expired")
        return handler(flow, text)

    def sign_in_elsewhere(self, identifier: str, password: str) -> str:
        """Someone signs in from another device: the username step, then this password, as a
        browser sends them; X counts it as it counts any. Returns what X made of it, as
        `record_attempt` names it ("wrong_password", "success", "locked"…), or the step X
        asked for instead of the next answer (a puzzle, a code)."""
        with self.world.lock:
            recorded = len(self.world.attempts)
        reply = self.start("/home", elsewhere=True)
        token = reply.body["flow_token"]
        for subtask, key, text in (
            (USERNAME, "enter_text", identifier),
            (PASSWORD, "enter_password", password),
        ):
            if _asked(reply) != subtask:
                break
            given = {"subtask_id": subtask, key: {"text": text}}
            reply = self.answer({"flow_token": token, "subtask_inputs": [given]})
        with self.world.lock:
            new = [a for a in self.world.attempts[recorded:] if a["elsewhere"]]
        if new:
            return str(new[-1]["outcome"])
        return _asked(reply) or "error"

    # -- steps ----------------------------------------------------------------------------------
    def _truth(self, flow: Flow) -> AccountTruth:
        truth = self.world.account(flow.handle or "")
        assert truth is not None
        return truth

    def _username(self, flow: Flow, text: str) -> FlowReply:
        truth = self.world.find_by_identifier(text)
        if truth is None:
            flow.steps.append("unknown_account")
            self.world.record_attempt(text.strip().lstrip("@") or None, "unknown_account", flow)
            flow.steps.pop()
            return _error(399, "unknown_account")
        if failed := self._fault_at(flow, "username", truth):
            return failed
        if "refuse_handle" in truth.spec.challenges:
            # X blocks the sign-in at the handle, with the code it gives a handle it does not
            # know and other words (twscrape #222, twikit #276).
            flow.steps.append("handle_refused")
            self.world.record_attempt(truth.spec.handle, "handle_refused", flow)
            flow.steps.pop()
            return _error(399, "incorrect")
        flow.handle = truth.spec.handle
        flow.pending = list(truth.spec.challenges)
        return self._next(flow)

    def _next(self, flow: Flow) -> FlowReply:
        """The next challenge due at this point of the flow, or the password, or success."""
        truth = self._truth(flow)
        if truth.locked and flow.password_ok and "lock" not in flow.pending:
            flow.pending.append("lock")  # locked since: the password leads to /account/access
        for challenge in list(flow.pending):
            if (challenge in BEFORE_PASSWORD) != (not flow.password_ok):
                continue
            flow.pending.remove(challenge)
            if challenge == "lock":
                flow.steps.append("locked")
                self.world.record_attempt(flow.handle, "locked", flow)
                return FlowReply(
                    {"flow_token": flow.token, "status": "success", "redirect": "/account/access"}
                )
            if challenge == "captcha":
                reply = _subtask(flow, ARKOSE)
                self.world.record_attempt(flow.handle, "captcha", flow)
                return reply
            if challenge == "refuse":
                reply = _subtask(flow, DENY)
                self.world.record_attempt(flow.handle, "refused", flow)
                return reply
            if challenge in ("email_code", "sms_code"):
                truth.email_code = f"{secrets.randbelow(10**6):06d}"
            if challenge == "sms_code":  # the same step, its code sent to the phone on file
                phone = "".join(ch for ch in truth.spec.phone or "" if ch.isdigit())
                return _subtask(flow, ACID, variant="sms", phone_hint=phone[-2:])
            if challenge == "unusual_activity_email":
                return _subtask(flow, ALTERNATE, variant="email")
            if challenge == "unusual_activity_username":
                return _subtask(flow, ALTERNATE, variant="username")
            return _subtask(flow, _CHALLENGE_SUBTASK[challenge])
        if not flow.password_ok:
            return _subtask(flow, PASSWORD, username=truth.spec.handle)
        return self._success(flow)

    def _alternate(self, flow: Flow, text: str) -> FlowReply:
        if failed := self._fault_at(flow, "unusual_activity"):
            return failed
        spec = self._truth(flow).spec
        variant = "email" if "unusual_activity_email" in spec.challenges else "username"
        answer = text.strip().lstrip("@").lower()
        digits = "".join(ch for ch in answer if ch.isdigit())
        accepted = set()
        if spec.phone:
            accepted.add("".join(ch for ch in spec.phone if ch.isdigit()))
        if variant == "username":
            accepted.add(spec.handle.lower())
        elif spec.email:
            accepted.add(spec.email.lower())
        if answer in accepted or (digits and digits in accepted):
            return self._next(flow)
        flow.steps.append("unusual_activity_failed")
        self.world.record_attempt(flow.handle, "unusual_activity_failed", flow)
        flow.steps.pop()
        return _error(399, "incorrect")

    def _fault_at(
        self, flow: Flow, step: str, truth: AccountTruth | None = None
    ) -> FlowReply | None:
        """X fails its answer at this step (the account's `signin_faults`; `truth`: the
        account, before the flow knows it), before it looks at what was typed; recorded as
        "<step>_fault". None: it answers as usual."""
        truth = truth or self._truth(flow)
        fault = truth.spec.signin_faults.get(step)
        if fault is None:
            return None
        flow.steps.append(f"{step}_fault")
        self.world.record_attempt(truth.spec.handle, f"{step}_fault", flow)
        flow.steps.pop()
        if fault == "rate_limit":  # [inferred] as on its settings page: 15 minutes
            return FlowReply(
                {
                    "errors": [
                        {
                            "code": 88,
                            "message": "Rate limit exceeded.",
                            "message_key": "rate_limited",
                        }
                    ]
                },
                status=429,
                headers={
                    "x-rate-limit-remaining": "0",
                    "x-rate-limit-reset": str(int(time.time()) + 900),
                },
            )
        if fault == "went_wrong":  # [inferred] an error of X's own, not about what was typed
            return _error(131, "went_wrong")
        if fault == "not_authenticated":  # [inferred] an error in other words, not "Incorrect"
            return _error(32, "not_authenticated")
        return FlowReply({}, fault=fault)

    def _password(self, flow: Flow, text: str) -> FlowReply:
        truth = self._truth(flow)
        if failed := self._fault_at(flow, "password"):
            return failed
        if text != truth.spec.password:
            flow.steps.append("wrong_password")
            self.world.record_attempt(flow.handle, "wrong_password", flow)
            flow.steps.pop()
            self._count_failure(truth)
            return _error(114, "wrong_password")
        flow.password_ok = True
        return self._next(flow)

    def _count_failure(self, truth: AccountTruth) -> None:
        """One more failure in a row (a wrong password, or a wrong code at the 2FA or email/SMS
        step): at `lock_after_failures`, X locks the account (x-reference §4: "repeated
        failures"). This attempt still hears its error; the lock shows from the next sign-in
        past the password, and on every signed-in page."""
        limit = truth.spec.lock_after_failures
        with self.world.lock:
            truth.failures_in_a_row += 1
            if limit and truth.failures_in_a_row >= limit:
                truth.locked = True

    def _two_factor(self, flow: Flow, text: str) -> FlowReply:
        truth = self._truth(flow)
        if failed := self._fault_at(flow, "two_factor"):
            return failed
        secret = "".join((truth.spec.totp_secret or "").split()).upper()
        code = text.strip()
        now_step = int(self.world.x_time() // TOTP_PERIOD)  # (by X's clock)
        step = None
        for candidate in (now_step - 1, now_step, now_step + 1):  # one step of drift either way
            if code and secret and step_code(secret, candidate) == code:
                step = candidate
        if step is None or step in truth.used_totp_steps:
            flow.steps.append("two_factor_failed")
            self.world.record_attempt(flow.handle, "two_factor_failed", flow)
            flow.steps.pop()
            self._count_failure(truth)
            return _error(truth.spec.wrong_code_error, "incorrect")
        truth.used_totp_steps.add(step)
        return self._next(flow)

    def _email_code(self, flow: Flow, text: str) -> FlowReply:
        truth = self._truth(flow)
        if fault := self._fault_at(flow, "email_code"):
            return fault
        if not truth.email_code or text.strip() != truth.email_code:
            failed = (
                "sms_code_failed" if "sms_code" in truth.spec.challenges else "email_code_failed"
            )
            flow.steps.append(failed)
            self.world.record_attempt(flow.handle, failed, flow)
            flow.steps.pop()
            self._count_failure(truth)
            return _error(truth.spec.wrong_code_error, "incorrect")
        truth.email_code = None
        return self._next(flow)

    def _captcha(self, flow: Flow, text: str) -> FlowReply:
        # The puzzle frame posts a token only after a real click inside it (a person's).
        if not text.startswith("arkose-solved:"):
            return _error(236, "incorrect")
        return self._next(flow)

    def _success(self, flow: Flow) -> FlowReply:
        assert flow.handle is not None
        token, _session = self.world.new_session(flow.handle)
        with self.world.lock:
            self._truth(flow).failures_in_a_row = 0
        reply = _subtask(flow, SUCCESS)
        self.world.record_attempt(flow.handle, "success", flow)
        reply.body["redirect"] = flow.redirect
        reply.session_token = token
        with self.world.lock:
            self.world.flows.pop(flow.token, None)
        return reply
