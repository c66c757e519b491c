"""The HTML shells simx serves: a spinner and a script, like X's client-rendered pages."""

from __future__ import annotations

import hashlib
import html
import json
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from consentinel.simx.texts import (
    CHANGED_TRAINING_LABEL,
    EXTENDED_TRAINING_LABEL,
    NEGATED_PERSONALIZATION_LABEL,
    OLD_TRAINING_LABEL,
    page_texts,
)

if TYPE_CHECKING:
    from consentinel.simx.server import SimX

#: Semantic names of the styles the client uses; each gets a generated class per build.
CLASS_NAMES = (
    "app",
    "nav",
    "navitem",
    "navicon",
    "main",
    "column",
    "header",
    "title",
    "subtitle",
    "row",
    "rowtext",
    "chevron",
    "block",
    "label",
    "labeltext",
    "boxwrap",
    "box",
    "boxon",
    "tick",
    "input",
    "help",
    "link",
    "button",
    "buttonprimary",
    "buttondanger",
    "dialog",
    "modal",
    "field",
    "fieldinput",
    "toast",
    "spinner",
    "disabled",
    "aside",
    "card",
    "logo",
    "post",
    "sheet",
    "sheetbuttons",
    "error",
    "muted",
)


def class_map(sim: SimX) -> dict[str, str]:
    """Generated class names, different for every server start (like X's builds)."""
    out = {}
    for name in CLASS_NAMES:
        digest = hashlib.sha256(f"{sim.build}:{name}".encode()).hexdigest()
        out[f"C_{name}"] = "r-" + "".join(ch for ch in digest if ch.isalnum())[:7]
    return out


def render_shell(sim: SimX, page: str, language: str, data: dict[str, Any]) -> str:
    texts = page_texts(language)
    if data.get("layout") == "changed_label":
        texts["training_label"] = CHANGED_TRAINING_LABEL
    elif data.get("layout") == "old_label" and language == "en":
        texts["training_label"] = OLD_TRAINING_LABEL
    elif data.get("layout") == "negated_label":
        texts["personalization_label"] = NEGATED_PERSONALIZATION_LABEL.get(
            language, NEGATED_PERSONALIZATION_LABEL["en"]
        )
    elif data.get("layout") == "extended_label":
        texts["training_label"] = EXTENDED_TRAINING_LABEL.get(
            language, EXTENDED_TRAINING_LABEL["en"]
        )
    config = {
        "page": page,
        "lang": language,
        "texts": texts,
        "queryIds": sim.query_ids,
        "renderDelayMs": sim.scenario.render_delay_ms,
        "classes": {k.removeprefix("C_"): v for k, v in class_map(sim).items()},
        "data": data,
        "captchaFrame": f"{sim.captcha_origin}/fc/gc/?lang={quote(language)}",
        "googleFrame": f"{sim.google_origin}/gsi/button?hl={quote(language)}",
        "signinLayout": sim.scenario.signin_layout,
    }
    title = {
        "login": texts["signin_title"],
        "grok": texts["grok_page_title"],
        "privacy": texts["privacy_title"],
        "home": texts["home"],
        "access": texts["access_title"],
        "arkose": texts["captcha_title"],
        "gsi": texts["google_button"],
    }.get(page, "X")
    # "</" cannot appear inside the JSON of a script element.
    blob = json.dumps(config).replace("</", "<\\/")
    direction = "rtl" if language in ("ar", "ar-x-fm", "fa", "he", "ur") else "ltr"
    spinner = f"css-175oi2r {class_map(sim)['C_spinner']}"
    return f"""<!DOCTYPE html>
<html lang="{html.escape(language)}" dir="{direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{html.escape(title)} / X</title>
<link rel="stylesheet" href="/static/app.css?b={sim.build}">
</head>
<body>
<div id="react-root"><div class="{spinner}" role="progressbar" aria-valuemax="1"
 aria-valuemin="0"><svg viewBox="0 0 32 32" width="26" height="26"><circle cx="16" cy="16"
 r="14" fill="none" stroke="#1d9bf0" stroke-width="4" stroke-dasharray="60 30"></circle>
</svg></div></div>
<script>window.__SIMX__ = {blob};</script>
<script src="/static/app.js?b={sim.build}"></script>
</body>
</html>
"""


def styled(body: str) -> bytes:
    return f"<!DOCTYPE html><html><body>{body}</body></html>".encode()
