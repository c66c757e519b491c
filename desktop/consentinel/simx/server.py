"""SimX: a real HTTP server on 127.0.0.1 that imitates X's web pages (see x-reference.md)."""

from __future__ import annotations

import dataclasses
import json
import secrets
import socket
import sys
import threading
import time
from http import HTTPStatus
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from consentinel.simx.flow import SignInFlow
from consentinel.simx.pages import render_shell, styled
from consentinel.simx.scenario import SETTINGS_QUERY, Scenario, SimAccount
from consentinel.simx.state import AccountTruth, Session, World
from consentinel.simx.texts import label_table

#: The Grok page's GraphQL operations and the variable each mutation carries (x-reference §2).
MUTATION_BOXES = {
    "XaiDataSharingSettingsMutation": ("training", "allowXaiDataSharing"),
    "XaiPersonalizationSettingsMutation": ("personalization", "allowXaiPersonalization"),
    "XaiMemoryMutation": ("memory", "allow_grok_memory"),
}
QUERY = SETTINGS_QUERY
#: The Grok page's other GraphQL read: its badge count (X's page makes others, for its sidebar
#: and badges; their failure does not stop it drawing the settings) [inferred].
OTHER_READ = "BadgeCount"
DELETE_PROMPT = "GrokConversationHistoryDeletePrompt"
DELETE_CONFIRM = "DeleteGrokConversationHistoryMutation"
SIGNED_IN_ONLY = ("/home", "/settings/", "/i/api/")
#: What `SimX.change_account` may change while simx runs.
LIVE_FIELDS = frozenset({"challenges", "fault", "signin_faults", "hidden_boxes", "layout"})


class SimX:
    """The simulated X. `with SimX(scenario) as sim:` serves it on a free port of 127.0.0.1."""

    def __init__(self, scenario: Scenario | None = None, *, port: int = 0) -> None:
        self.scenario = scenario or Scenario()
        self.world = World(self.scenario)
        self.flow = SignInFlow(self.world)
        # Like X's builds: query ids and class names change every time the server starts.
        self.query_ids = {
            name: secrets.token_urlsafe(16)[:22]
            for name in (QUERY, OTHER_READ, *MUTATION_BOXES, DELETE_PROMPT, DELETE_CONFIRM)
        }
        self.build = secrets.token_hex(4)
        self._stopping = threading.Event()
        # The answers held back (the hang faults) wait on this until the server stops or a
        # test lets them go (release_hangs): a test then decides when X's wait ends, not a
        # timer racing what the test does meanwhile.
        self._held = threading.Condition()
        self._releases = 0
        #: Set when a settings request is left without an answer (the settings_hang fault).
        self.settings_hanging = threading.Event()
        #: Set when a change was applied and its answer held back (the mutation_hang fault).
        self.mutation_hanging = threading.Event()
        self._port = port
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._captcha_server: ThreadingHTTPServer | None = None
        self._ports = (0, 0)
        self._vanish_after: str | None = None
        self._portal = False

    # -- life ---------------------------------------------------------------------------------
    def start(self) -> SimX:
        handler = type("Handler", (_Handler,), {"sim": self})
        self._server = _Server(("127.0.0.1", self._port), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="simx", daemon=True)
        self._thread.start()
        # X's puzzle comes from another site (iframe.arkoselabs.com), so the browser runs it in
        # a frame of its own, out of the page's reach: here, a second server, which the browser
        # reaches as iframe.arkoselabs.localhost (every *.localhost name is this machine).
        captcha = type("CaptchaHandler", (_CaptchaHandler,), {"sim": self})
        self._captcha_server = _Server(("127.0.0.1", 0), captcha)
        self._captcha_server.daemon_threads = True
        threading.Thread(
            target=self._captcha_server.serve_forever, name="simx-captcha", daemon=True
        ).start()
        # Kept once stopped: a page sent as X goes away (vanish_after) still names them.
        self._ports = (
            int(self._server.server_address[1]),
            int(self._captcha_server.server_address[1]),
        )
        return self

    def stop(self) -> None:
        self._stopping.set()
        with self._held:
            self._held.notify_all()
        for server in (self._server, self._captcha_server):
            if server is not None:
                server.shutdown()
                server.server_close()
        self._server = self._captcha_server = None

    def release_hangs(self) -> None:
        """X gives up on every answer it holds back now (hang, settings_hang, mutation_hang):
        each such request's connection is closed. A fault still set holds the next one."""
        with self._held:
            self._releases += 1
            self._held.notify_all()

    def hold_answer(self) -> None:
        """Hold a request's answer back until the server stops or release_hangs."""
        with self._held:
            seen = self._releases
            self._held.wait_for(lambda: self._stopping.is_set() or self._releases != seen)

    def vanish_after(self, path: str) -> None:
        """X goes away the next time it is asked for this page (a path): it stops listening,
        then sends the page, so the page's script and data never come, as when X's servers
        or the network fail mid-check."""
        self._vanish_after = path

    def captive_portal(self, on: bool = True) -> None:
        """The network between the browser and X sends every request for X to a captive
        portal's page on another site (a train's or a hotel's Wi-Fi, "accept the terms"), as
        portals do: a redirect to `portal_origin`, whatever was asked for."""
        self._portal = on

    def __enter__(self) -> SimX:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None or self._stopping.is_set(), "SimX is not started"
        return self._ports[0]

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def captcha_origin(self) -> str:
        """Where the sign-in's puzzle frame comes from: another site than X's origin."""
        assert self._captcha_server is not None or self._stopping.is_set(), "SimX is not started"
        return f"http://iframe.arkoselabs.localhost:{self._ports[1]}"

    @property
    def google_origin(self) -> str:
        """Where the "Sign in with Google" frame comes from (the `google_button` sign-in
        layout): Google's site, served by the same second server as the puzzle."""
        assert self._captcha_server is not None or self._stopping.is_set(), "SimX is not started"
        return f"http://accounts.google.localhost:{self._ports[1]}"

    @property
    def portal_origin(self) -> str:
        """Where the captive portal (captive_portal) sends the browser: another site."""
        assert self._captcha_server is not None or self._stopping.is_set(), "SimX is not started"
        return f"http://portal.wifi.localhost:{self._ports[1]}"

    # -- truth for tests ----------------------------------------------------------------------
    def truth(self) -> dict[str, Any]:
        return self.world.truth()

    def _acct(self, handle: str) -> AccountTruth:
        truth = self.world.account(handle)
        if truth is None:
            raise KeyError(f"simx has no account @{handle}")
        return truth

    def boxes(self, handle: str) -> dict[str, bool]:
        with self.world.lock:
            return dict(self._acct(handle).boxes)

    def set_box(self, handle: str, box: str, value: bool) -> None:
        with self.world.lock:
            self._acct(handle).boxes[box] = value

    def change_account(self, handle: str, **changes: Any) -> None:
        """X changes how it treats the account from its next request on: a refusal lifted, a
        fault over, a box its page hides, a new build of its page (`challenges`, `fault`,
        `signin_faults`, `hidden_boxes`, `layout`: what X reads at each request or sign-in;
        the other fields are copied
        when the account is made). Checked as a scenario's account is; `reset()` goes back to
        the scenario's."""
        unknown = set(changes) - LIVE_FIELDS
        if unknown:
            raise ValueError(f"SimX.change_account cannot change {sorted(unknown)}.")
        with self.world.lock:
            truth = self._acct(handle)
            truth.spec = dataclasses.replace(truth.spec, **changes)

    def lock_account(self, handle: str) -> None:
        """X locks the account, as it does after activity it finds suspicious (x-reference §1,
        §3): its sessions stay, but every signed-in page sends them to /account/access."""
        with self.world.lock:
            self._acct(handle).locked = True

    def unlock_account(self, handle: str) -> None:
        """Its owner verifies the account on X (at /account/access) [inferred]: its sessions
        work again, and failures in a row count from zero."""
        with self.world.lock:
            truth = self._acct(handle)
            truth.locked = False
            truth.failures_in_a_row = 0

    def sign_in_elsewhere(self, handle: str, password: str) -> str:
        """Someone signs in to the account on another device (not through a browser on these
        pages): X counts a wrong password typed there as any other, up to the account's
        `lock_after_failures`. Returns what X made of it ("wrong_password", "success"…)."""
        return self.flow.sign_in_elsewhere(handle, password)

    def locked(self, handle: str) -> bool:
        with self.world.lock:
            return self._acct(handle).locked

    def signin_attempts(self, handle: str | None = None) -> list[dict[str, Any]]:
        attempts = self.truth()["signin_attempts"]
        if handle is None:
            return list(attempts)
        return [a for a in attempts if (a["handle"] or "").lower() == handle.lower()]

    def mutations(self, handle: str) -> list[dict[str, Any]]:
        return list(self.truth()["accounts"][self._acct(handle).spec.handle]["mutations"])

    def clients(self) -> set[tuple[str, str]]:
        """(User-Agent, Sec-CH-UA) of the requests X's pages and API received: how the browser
        named itself to X."""
        with self.world.lock:
            return set(self.world.clients)

    def pages_shown(self) -> list[tuple[str, str, str]]:
        """(page, language, Accept-Language) of each page X served, in order: "login" is the
        sign-in flow, "home", "privacy", "grok" the signed-in pages."""
        with self.world.lock:
            return list(self.world.pages)

    def captcha_touches(self) -> int:
        """How many times anyone pressed, clicked or typed inside the puzzle frame. Playwright's
        clicks pass the frame's own "is it a person" test, so this is how a test sees that the
        product never touched it."""
        with self.world.lock:
            return self.world.captcha_touches

    def email_code(self, handle: str) -> str | None:
        with self.world.lock:
            return self._acct(handle).email_code

    def delete_presses(self, handle: str | None = None) -> list[str]:
        with self.world.lock:
            accounts = [self._acct(handle)] if handle else list(self.world.accounts.values())
            return [press for a in accounts for press in a.delete_presses]

    def expire_sessions(self) -> None:
        self.world.expire_sessions()

    def add_account(self, account: SimAccount) -> None:
        with self.world.lock:
            self.scenario.accounts.append(account)
            self.world.accounts[account.handle.lower()] = AccountTruth(
                account, dict(account.boxes), account.fail_mutations
            )

    def reset(self) -> None:
        self.world.reset()


_FAVICON = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M18.244 2.25h3.308'
    b"l-7.227 8.26 8.502 11.24H16.17l-5.214-6.817L4.99 21.75H1.68l7.73-8.835L1.254 2.25H8.08"
    b'l4.713 6.231z"/></svg>'
)


#: A captive portal's page (SimX.captive_portal): nothing of X's.
_PORTAL_PAGE = (
    b"<!doctype html><html><head><title>Welcome aboard</title></head><body>"
    b"<h1>Welcome aboard - Wi-Fi</h1><p>Accept the terms to get online.</p>"
    b"<label><input type=checkbox> I accept the terms</label><button>Connect</button>"
    b"</body></html>"
)


class _Server(ThreadingHTTPServer):
    """A browser that closes a connection early (a page left, a favicon no longer wanted) is
    normal traffic, as on X's servers: not a traceback on stderr. Other errors still print."""

    def handle_error(self, request: object, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class _Handler(BaseHTTPRequestHandler):
    sim: SimX
    server_version = "simx"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests read the truth API, not an access log."""

    def date_time_string(self, timestamp: float | None = None) -> str:
        """Every answer's `Date` (send_response writes it) is X's time: the scenario's
        clock_offset_s off the real one."""
        return super().date_time_string(self.sim.world.x_time() if timestamp is None else timestamp)

    # -- plumbing -----------------------------------------------------------------------------
    def _cookies(self) -> dict[str, str]:
        jar = SimpleCookie()
        try:
            jar.load(self.headers.get("Cookie", ""))
        except Exception:  # a malformed cookie header counts as no cookies
            return {}
        return {k: m.value for k, m in jar.items()}

    def _session(self) -> Session | None:
        return self.sim.world.session_for(self._cookies().get("auth_token"))

    def _send(
        self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, value: Any, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(value).encode(), "application/json; charset=utf-8", headers)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.FOUND)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _html(self, page: str, language: str, data: dict[str, Any], status: int = 200) -> None:
        with self.sim.world.lock:
            asked = self.headers.get("Accept-Language", "")
            self.sim.world.pages.append((page, language, asked))
        body = render_shell(self.sim, page, language, data).encode()
        self._send(status, body, "text/html; charset=utf-8")

    def _body(self) -> Any:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            return json.loads(raw or b"{}")
        except json.JSONDecodeError:
            return None

    def _note_client(self) -> None:
        seen = (self.headers.get("User-Agent", ""), self.headers.get("Sec-CH-UA", ""))
        with self.sim.world.lock:
            self.sim.world.clients.add(seen)

    def _latency(self) -> None:
        delay = self.sim.scenario.latency_ms / 1000
        if delay:
            self.sim._stopping.wait(delay)

    def _language(self, session: Session | None) -> str:
        """Signed in: the account's display language. Signed out (the sign-in flow): the `lang`
        cookie X set at the last sign-in on this browser, else the browser's first language."""
        if session is not None:
            truth = self.sim.world.account(session.handle)
            if truth:
                return truth.spec.language
        remembered = self._cookies().get("lang", "")
        if remembered in label_table():
            return remembered
        accept = self.headers.get("Accept-Language", "").lower()
        for language in ("fr", "de"):
            if accept.startswith(language):
                return language
        return "en"

    # -- routes -------------------------------------------------------------------------------
    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        self._latency()
        url = urlsplit(self.path)
        path = url.path
        self.sim.world.requests.append(f"GET {path}")
        if path == self.sim._vanish_after:
            self.sim._vanish_after = None
            self.sim.stop()  # from this handler's own thread: this one answer still goes out
        if path.startswith("/__simx/"):
            return self._control_get(path)
        if self.sim._portal:
            return self._redirect(f"{self.sim.portal_origin}/portal")
        self._note_client()
        if path.startswith("/static/"):
            return self._static(path)
        if path == "/favicon.ico":
            return self._send(200, _FAVICON, "image/svg+xml")
        session = self._session()
        if path in ("/", "/login", "/i/flow/login", "/account/access"):
            return self._public_page(path, url.query, session)
        if path.startswith(SIGNED_IN_ONLY) and session is None:
            if path.startswith("/i/api/"):
                return self._json(
                    401, {"errors": [{"code": 32, "message": "Could not authenticate you."}]}
                )
            return self._redirect(f"/i/flow/login?redirect_after_login={quote(path)}")
        assert session is not None
        if self._locked(session) and not path.startswith("/i/api/"):
            return self._redirect("/account/access")
        if path == "/home":
            return self._html("home", self._language(session), {"handle": session.handle})
        if path == "/settings/privacy_and_safety":
            return self._html("privacy", self._language(session), {"handle": session.handle})
        if path == "/settings/grok_settings":
            return self._grok_page(session)
        if path.startswith("/i/api/graphql/"):
            truth = self.sim.world.account(session.handle)
            operation = path.rsplit("/", 1)[-1]
            if truth is not None and operation == truth.spec.settings_query:
                return self._grok_query(path, session)
            if operation == OTHER_READ:
                return self._other_read(path, session)
        self._send(404, b"Not found", "text/plain")

    def do_POST(self) -> None:
        self._latency()
        url = urlsplit(self.path)
        path = url.path
        self.sim.world.requests.append(f"POST {path}")
        if path.startswith("/__simx/"):
            return self._control_post(path)
        if self.sim._portal:
            return self._redirect(f"{self.sim.portal_origin}/portal")
        self._note_client()
        if path == "/1.1/onboarding/task.json":
            return self._task(url.query)
        if path.startswith("/i/api/graphql/"):
            return self._mutation(path)
        self._send(404, b"Not found", "text/plain")

    # -- pages --------------------------------------------------------------------------------
    def _public_page(self, path: str, query: str, session: Session | None) -> None:
        if path == "/":
            return self._redirect("/home" if session else "/i/flow/login")
        if path == "/login":
            return self._redirect("/i/flow/login")
        if path == "/account/access":
            return self._html("access", self._language(session), {})
        if session is not None:
            return self._redirect("/home")
        redirect = parse_qs(query).get("redirect_after_login", ["/home"])[0]
        if not redirect.startswith("/"):
            redirect = "/home"
        return self._html("login", self._language(None), {"redirect": redirect})

    def _fault(self, truth: AccountTruth) -> bool:
        """Apply the account's Grok-page fault; True when the request was answered by it."""
        return self._fail_with(truth.spec.fault)

    def _fail_with(self, fault: str | None) -> bool:
        """Answer with this fault (http_500, connection_reset, hang); False for any other."""
        if fault == "http_500":
            self._send(500, styled("<h1>Internal Server Error</h1>"), "text/html")
        elif fault == "connection_reset":
            self.connection.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
            )
            self.close_connection = True
            self.connection.close()
        elif fault == "hang":
            self.sim.hold_answer()  # no answer while the server runs (or until released)
            self.close_connection = True
        else:
            return False
        return True

    def _script_cut(self) -> bool:
        """The script_reset fault: the Grok page's own script (asked for by that page) has its
        connection cut; the sign-in's pages get theirs."""
        session = self._session()
        truth = self.sim.world.account(session.handle) if session is not None else None
        if truth is None or truth.spec.fault != "script_reset":
            return False
        asked_by = urlsplit(self.headers.get("Referer") or "").path
        return asked_by == "/settings/grok_settings" and self._fail_with("connection_reset")

    def _locked(self, session: Session) -> bool:
        truth = self.sim.world.account(session.handle)
        return truth is not None and truth.locked

    def _grok_page(self, session: Session) -> None:
        truth = self.sim.world.account(session.handle)
        assert truth is not None
        if self._fault(truth):
            return
        self._html(
            "grok",
            truth.spec.language,
            {
                "handle": truth.spec.handle,
                "memory_shown": truth.spec.memory_shown,
                "hidden_boxes": list(truth.spec.hidden_boxes),
                "minor": truth.spec.minor,
                "layout": truth.spec.layout,
                "drawn_boxes": truth.spec.drawn_boxes,
                "redrawn_after_ms": truth.spec.redrawn_after_ms,
                "settings_query": truth.spec.settings_query,
                "busy_after_change_ms": truth.spec.busy_after_change_ms,
                "unticked": truth.unticked_at is not None,
            },
        )

    def _grok_query(self, path: str, session: Session) -> None:
        truth = self.sim.world.account(session.handle)
        assert truth is not None
        if not self._csrf_ok(session):
            return self._json(
                403,
                {
                    "errors": [
                        {
                            "code": 353,
                            "message": "This request requires a matching csrf cookie and header.",
                        }
                    ]
                },
            )
        if truth.spec.fault == "settings_hang":
            self.sim.settings_hanging.set()
            self.sim.hold_answer()  # no answer while the server runs (or until released)
            self.close_connection = True
            return None
        if truth.spec.fault == "rate_limit":
            return self._json(
                429,
                {"errors": [{"code": 88, "message": "Rate limit exceeded."}]},
                {"x-rate-limit-remaining": "0", "x-rate-limit-reset": str(int(time.time()) + 900)},
            )
        if path.split("/")[4] != self.sim.query_ids[QUERY]:
            return self._json(400, {"errors": [{"message": "Unknown query id"}]})
        self.sim.world.visit_grok_page(truth)
        with self.sim.world.lock:
            boxes = dict(truth.boxes)
        prefs = {
            "allow_xai_data_sharing": boxes["training"],
            "allow_xai_personalization": boxes["personalization"],
            "allow_grok_memory": boxes["memory"],
        }
        self._json(200, {"data": {"viewer": {"user_preferences": prefs}}})

    def _other_read(self, path: str, session: Session) -> None:
        """The page's badge count: nothing to do with the settings, failing as the account's
        `other_read_fault` says."""
        truth = self.sim.world.account(session.handle)
        assert truth is not None
        fault = truth.spec.other_read_fault
        if fault == "rate_limit":
            return self._json(
                429,
                {"errors": [{"code": 88, "message": "Rate limit exceeded."}]},
                {"x-rate-limit-remaining": "0", "x-rate-limit-reset": str(int(time.time()) + 900)},
            )
        if self._fail_with(fault):
            return None
        if not self._csrf_ok(session) or path.split("/")[4] != self.sim.query_ids[OTHER_READ]:
            return self._json(400, {"errors": [{"message": "Bad request"}]})
        self._json(200, {"data": {"viewer": {"badge_count": {"ntab_unread_count": 3}}}})

    def _csrf_ok(self, session: Session) -> bool:
        header = self.headers.get("x-csrf-token", "")
        return bool(header) and header == self._cookies().get("ct0") == session.ct0

    def _mutation(self, path: str) -> None:
        parts = path.split("/")
        if len(parts) != 6:
            return self._json(404, {"errors": [{"message": "Not found"}]})
        query_id, operation = parts[4], parts[5]
        session = self._session()
        if session is None:
            return self._json(
                401, {"errors": [{"code": 32, "message": "Could not authenticate you."}]}
            )
        if not self._csrf_ok(session):
            return self._json(
                403,
                {
                    "errors": [
                        {
                            "code": 353,
                            "message": "This request requires a matching csrf cookie and header.",
                        }
                    ]
                },
            )
        if self.sim.query_ids.get(operation) != query_id:
            return self._json(400, {"errors": [{"message": "Unknown query id"}]})
        truth = self.sim.world.account(session.handle)
        assert truth is not None
        body = self._body()
        variables = body.get("variables") if isinstance(body, dict) else None
        if operation in (DELETE_PROMPT, DELETE_CONFIRM):
            with self.sim.world.lock:
                truth.delete_presses.append("button" if operation == DELETE_PROMPT else "confirmed")
            return self._json(200, {"data": {}})
        box, variable = MUTATION_BOXES[operation]
        record: dict[str, Any] = {"operation": operation, "variables": variables, "at": time.time()}
        if truth.spec.fault == "mutation_reset":  # the connection cut before X applies it
            record["ok"] = False
            truth.mutations.append(record)
            self._fail_with("connection_reset")
            return None
        if not isinstance(variables, dict) or not isinstance(variables.get(variable), bool):
            record["ok"] = False
            truth.mutations.append(record)
            return self._json(400, {"errors": [{"message": "Invalid variables"}]})
        with self.sim.world.lock:
            if truth.spec.minor:
                record["ok"] = False
            elif truth.fail_left > 0:
                truth.fail_left -= 1
                record["ok"] = False
            else:
                record["ok"] = True
                if not truth.spec.sticky_failure:
                    truth.boxes[box] = variables[variable]
                    if variables[variable] is False:
                        truth.unticked_at = time.time()
                        truth.visits_at_untick = truth.visits
            truth.mutations.append(record)
        if truth.spec.fault == "mutation_hang":  # X applied it; its answer never comes
            self.sim.mutation_hanging.set()
            self.sim.hold_answer()
            self.close_connection = True
            return None
        if not record["ok"]:
            errors = {"errors": [{"code": 131, "message": "Internal error"}]}
            if truth.spec.failure_status == 200:
                return self._json(200, {**errors, "data": {}})
            return self._json(500, errors)
        return self._json(200, {"data": {"user_preferences_update": {"result": "Success"}}})

    def _task(self, query: str) -> None:
        body = self._body()
        if body is None:
            return self._json(400, {"errors": [{"code": 366, "message": "Invalid request"}]})
        params = parse_qs(query)
        if params.get("flow_name") == ["login"]:
            reply = self.sim.flow.start(str(body.get("redirect", "/home")))
        else:
            reply = self.sim.flow.answer(body)
        if reply.fault is not None and self._fail_with(reply.fault):
            return None
        headers = {}
        if reply.session_token:
            session = self.sim.world.session_for(reply.session_token)
            assert session is not None
            # Two Set-Cookie headers: send them by hand below.
            headers = {
                "Set-Cookie": f"auth_token={reply.session_token}; Path=/; HttpOnly; SameSite=Lax"
            }
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Set-Cookie", headers["Set-Cookie"])
            self.send_header("Set-Cookie", f"ct0={session.ct0}; Path=/; SameSite=Lax")
            # As X does: the account's language, kept for the signed-out pages that follow.
            truth = self.sim.world.account(session.handle)
            language = truth.spec.language if truth else "en"
            self.send_header("Set-Cookie", f"lang={language}; Path=/; SameSite=Lax")
            data = json.dumps(reply.body).encode()
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return None
        return self._json(reply.status, reply.body, reply.headers)

    # -- static and control -------------------------------------------------------------------
    def _static(self, path: str) -> None:
        name = path.removeprefix("/static/")
        if name not in ("app.js", "app.css"):
            return self._send(404, b"Not found", "text/plain")
        if name == "app.js" and self._script_cut():
            return None
        text = resources.files("consentinel.simx").joinpath("static", name).read_text("utf-8")
        from consentinel.simx.pages import class_map

        for token, generated in class_map(self.sim).items():
            text = text.replace(f"__{token}__", generated)
        kind = "text/css" if name.endswith(".css") else "text/javascript"
        self._send(200, text.encode(), f"{kind}; charset=utf-8")

    def _control_get(self, path: str) -> None:
        if path == "/__simx/truth":
            return self._json(200, self.sim.truth())
        self._json(404, {"error": "unknown control"})

    def _control_post(self, path: str) -> None:
        if path == "/__simx/reset":
            self.sim.reset()
        elif path == "/__simx/expire_sessions":
            self.sim.expire_sessions()
        else:
            return self._json(404, {"error": "unknown control"})
        self._json(200, {"ok": True})


class _CaptchaHandler(_Handler):
    """The other sites X's sign-in pages put frames from: the puzzle provider's (its frame and
    the files it draws with) and Google's "Sign in with Google" button; nothing of X's."""

    def do_GET(self) -> None:
        self._latency()
        url = urlsplit(self.path)
        self.sim.world.requests.append(f"GET captcha {url.path}")
        if url.path.startswith("/static/"):
            return self._static(url.path)
        if url.path == "/fc/gc/":
            language = parse_qs(url.query).get("lang", ["en"])[0]
            return self._html("arkose", language if language in label_table() else "en", {})
        if url.path == "/portal":
            return self._send(200, _PORTAL_PAGE, "text/html; charset=utf-8")
        if url.path == "/gsi/button":
            language = parse_qs(url.query).get("hl", ["en"])[0]
            return self._html("gsi", language if language in label_table() else "en", {})
        self._send(404, b"Not found", "text/plain")

    def do_POST(self) -> None:
        if urlsplit(self.path).path == "/fc/touch":
            with self.sim.world.lock:
                self.sim.world.captcha_touches += 1
            return self._send(204, b"", "text/plain")
        self._send(404, b"Not found", "text/plain")
