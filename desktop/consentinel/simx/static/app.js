// simx's client: renders X-like pages after a spinner, the way X's web client does.
(function () {
  "use strict";
  const CFG = window.__SIMX__;
  const T = CFG.texts;
  const C = (name) => "css-175oi2r " + CFG.classes[name];
  // Text inside text (a link in a sentence), inline as X's client draws it.
  const TXT = (name) => "css-1jxf684 " + CFG.classes[name];
  const root = document.getElementById("react-root");
  const BEARER = "Bearer AAAAAAAAAAAAAAAAAAAAANRILgAAAAAAnNwIzUejRCOuH5E6I8xnZz4puTs%3D";

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (key === "style") node.setAttribute("style", value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  const span = (text, cls) => el("span", { class: C(cls || "rowtext") }, text);
  const later = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  function cookie(name) {
    const found = document.cookie.split("; ").find((c) => c.startsWith(name + "="));
    return found ? decodeURIComponent(found.slice(name.length + 1)) : "";
  }

  let toastTimer = null;
  function toast(text) {
    let layer = document.getElementById("layers");
    if (!layer) {
      layer = el("div", { id: "layers" });
      document.body.append(layer);
    }
    layer.replaceChildren(
      el("div", { class: C("toast"), "data-testid": "toast", role: "alert" }, span(text, "rowtext"))
    );
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => layer.replaceChildren(), 8000);
  }

  // `id`: the query id, when the build names the operation otherwise than simx's (settings_query).
  async function gql(operation, variables, method, id) {
    id = id || CFG.queryIds[operation];
    const headers = {
      authorization: BEARER,
      "x-csrf-token": cookie("ct0"),
      "x-twitter-active-user": "yes",
      "x-twitter-auth-type": "OAuth2Session",
      "content-type": "application/json",
    };
    const url = "/i/api/graphql/" + id + "/" + operation;
    if (method === "GET") {
      return fetch(url + "?variables=" + encodeURIComponent(JSON.stringify(variables)), {
        headers, credentials: "include",
      });
    }
    return fetch(url, {
      method: "POST", headers, credentials: "include",
      body: JSON.stringify({ variables, queryId: id }),
    });
  }

  // ---------------------------------------------------------------- frame: nav + column
  const ICONS = {
    home: "M12 1.696L.622 8.807l1.06 1.696L3 9.679V19.5C3 20.881 4.119 22 5.5 22h13c1.381 0 2.5-1.119 2.5-2.5V9.679l1.318.824 1.06-1.696L12 1.696z",
    explore: "M10.25 3.75c-3.59 0-6.5 2.91-6.5 6.5s2.91 6.5 6.5 6.5c1.795 0 3.419-.726 4.596-1.904 1.178-1.177 1.904-2.801 1.904-4.596 0-3.59-2.91-6.5-6.5-6.5z",
    notifications: "M19.993 9.042C19.48 5.017 16.054 2 11.996 2s-7.49 3.021-7.999 7.051L2.866 18H7.1c.463 2.282 2.481 4 4.9 4s4.437-1.718 4.9-4h4.236l-1.143-8.958z",
    messages: "M1.998 5.5c0-1.381 1.119-2.5 2.5-2.5h15c1.381 0 2.5 1.119 2.5 2.5v13c0 1.381-1.119 2.5-2.5 2.5h-15c-1.381 0-2.5-1.119-2.5-2.5v-13z",
    settings: "M10.54 1.75h2.92l1.57 2.36c.11.17.32.25.53.21l2.53-.59 2.17 2.17-.58 2.54c-.05.2.04.41.21.53l2.36 1.57v2.92l-2.36 1.57c-.17.12-.26.33-.21.53l.58 2.54-2.17 2.17-2.53-.59c-.21-.04-.42.04-.53.21l-1.57 2.36h-2.92l-1.58-2.36c-.11-.17-.32-.25-.52-.21l-2.54.59-2.17-2.17.58-2.54c.05-.2-.03-.41-.21-.53l-2.35-1.57v-2.92L4.1 8.97c.18-.12.26-.33.21-.53L3.73 5.9 5.9 3.73l2.54.59c.2.04.41-.04.52-.21l1.58-2.36z",
  };
  const svg = (d, size) => {
    const ns = "http://www.w3.org/2000/svg";
    const s = document.createElementNS(ns, "svg");
    s.setAttribute("viewBox", "0 0 24 24");
    s.setAttribute("width", size || 26);
    s.setAttribute("height", size || 26);
    s.setAttribute("aria-hidden", "true");
    const p = document.createElementNS(ns, "path");
    p.setAttribute("d", d);
    s.append(p);
    return s;
  };
  const LOGO = "M18.244 2.25h3.308l-7.227 8.26 8.502 11.24H16.17l-5.214-6.817L4.99 21.75H1.68l7.73-8.835L1.254 2.25H8.08l4.713 6.231zm-1.161 17.52h1.833L7.084 4.126H5.117z";

  function frame(content, aside) {
    return el("div", { class: C("app") }, nav(),
      el("main", { class: C("main"), role: "main" },
        el("div", { class: C("column"), "data-testid": "primaryColumn" }, content),
        el("div", { class: C("aside"), "data-testid": "sidebarColumn" }, aside || null)));
  }

  // X's settings pages on a wide screen: the settings list ("Section navigation") in the
  // primary column, the page itself in a second one ("Section details", its heading
  // "detail-header"), as X's client draws them.
  function settingsFrame(title, back, content) {
    const row = (text, href) => el("a", { href, class: C("row"), role: "tab" },
      span(text, "rowtext"), el("span", { class: C("chevron") }, "›"));
    const list = el("section", { "aria-labelledby": "root-header", role: "region",
                                 class: C("column") },
      el("div", { class: C("header") }, el("h2", { id: "root-header", class: C("title"),
        role: "heading", "aria-level": "2" }, span(T.settings_title, "title"))),
      el("div", { class: C("field") }, el("input", { type: "text", class: C("fieldinput"),
        "aria-label": T.search_settings, placeholder: T.search_settings })),
      el("div", { role: "tablist" },
        row(T.your_account, "/settings/account"),
        row(T.privacy_title, "/settings/privacy_and_safety"),
        row(T.notifications, "/settings/notifications"),
        row(T.accessibility, "/settings/accessibility_display_and_languages")));
    const detail = el("section", { "aria-labelledby": "detail-header", role: "region",
                                   class: C("column") },
      header(title, back, "detail-header"), ...content);
    return el("div", { class: C("app") }, nav(),
      el("main", { class: C("main"), role: "main" },
        el("div", { class: C("column"), "data-testid": "primaryColumn",
                    style: "width: 390px" }, list),
        el("div", { class: C("column") }, detail)));
  }

  function nav() {
    const handle = (CFG.data && CFG.data.handle) || "";
    const item = (key, href, testid) =>
      el("a", { href, class: C("navitem"), "data-testid": testid, role: "link",
                "aria-label": T[key] }, svg(ICONS[key]), span(T[key], "rowtext"));
    return el("header", { class: C("nav"), role: "banner" },
      el("a", { href: "/home", class: C("logo"), "aria-label": "X" }, svg(LOGO, 30)),
      item("home", "/home", "AppTabBar_Home_Link"),
      item("explore", "/explore", "AppTabBar_Explore_Link"),
      item("notifications", "/notifications", "AppTabBar_Notifications_Link"),
      item("messages", "/messages", "AppTabBar_DirectMessage_Link"),
      item("settings", "/settings/privacy_and_safety", "AppTabBar_Settings_Link"),
      el("a", { href: "/compose/post", class: C("buttonprimary"), role: "link",
                "data-testid": "SideNav_NewTweet_Button" }, span(T.post, "rowtext")),
      el("button", { class: C("row"), "data-testid": "SideNav_AccountSwitcher_Button",
                     "aria-label": "Account menu", type: "button" },
         el("div", { class: C("card") }, span(handle.slice(0, 1).toUpperCase() || "X", "title")),
         el("div", {}, span(handle, "title"), span("@" + handle, "muted"))));
  }

  function header(title, back, id) {
    return el("div", { class: C("header") },
      back ? el("a", { href: back, class: C("link"), "aria-label": "Back",
                       "data-testid": "app-bar-back" }, "←") : null,
      el("h2", { class: C("title"), role: "heading", "aria-level": "2", id: id || null },
         span(title, "title")));
  }

  // ---------------------------------------------------------------- sign-in flow
  let flowToken = null;
  function loginModal(...children) {
    return el("div", { class: C("modal") },
      el("div", { class: C("dialog"), role: "dialog", "aria-modal": "true",
                  "aria-labelledby": "modal-header" },
        el("div", { class: C("logo") }, svg(LOGO, 32)), ...children));
  }
  function field(input, placeholder) {
    return el("label", { class: C("field") }, span(placeholder, "muted"), input);
  }

  // An answer that is not X's JSON (a 500 page) or none at all (the connection cut) reads as
  // {}: handleReply then says X failed.
  async function task(body, query) {
    let json = {};
    try {
      const response = await fetch("/1.1/onboarding/task.json" + (query || ""), {
        method: "POST", credentials: "include",
        headers: { "content-type": "application/json", authorization: BEARER },
        body: JSON.stringify(body),
      });
      json = (await response.json()) || {};
    } catch (e) { json = {}; }
    return json;
  }

  async function answer(subtask, key, text, button) {
    if (button) button.setAttribute("aria-disabled", "true");
    const input = { subtask_id: subtask };
    input[key] = key === "enter_password" ? { password: text, text } : { text, link: "next_link" };
    const reply = await task({ flow_token: flowToken, subtask_inputs: [input] });
    if (button) button.removeAttribute("aria-disabled");
    handleReply(reply);
  }

  function handleReply(reply) {
    if (reply.errors && reply.errors.length) {
      const key = reply.errors[0].message_key;
      toast(T[key] || T.went_wrong);
      return;
    }
    if (reply.redirect && !(reply.subtasks && reply.subtasks.length)) {
      location.assign(reply.redirect);
      return;
    }
    if (!(reply.subtasks && reply.subtasks.length)) {
      // [inferred] X failed (no step in its answer): its client says so, the step stays.
      toast(T.went_wrong);
      return;
    }
    flowToken = reply.flow_token;
    const sub = reply.subtasks[0];
    if (sub.subtask_id === "LoginSuccessSubtask") {
      location.assign(reply.redirect || "/home");
      return;
    }
    const screens = {
      LoginEnterUserIdentifierSSO: usernameScreen,
      LoginEnterAlternateIdentifierSubtask: alternateScreen,
      LoginEnterPassword: passwordScreen,
      LoginTwoFactorAuthChallenge: (s) => codeScreen(s, T.two_factor_title, T.two_factor_text),
      LoginAcid: (s) => s.variant === "sms"
        ? codeScreen(s, T.sms_code_title, T.sms_code_text.replace("{digits}", s.phone_hint))
        : codeScreen(s, T.email_code_title, T.email_code_text),
      ArkoseLogin: captchaScreen,
      DenyLoginSubtask: refusedScreen,
      LoginEnterDateOfBirth: (s) =>
        enterTextScreen(s, T.new_step_title, T.new_step_text, T.new_step_placeholder, "text"),
    };
    root.replaceChildren(screens[sub.subtask_id](sub));
    const first = root.querySelector("input:not([type=hidden]):not([disabled])");
    if (first) first.focus();
  }

  function submitOnEnter(input, go) {
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && input.value) { event.preventDefault(); go(); }
    });
  }

  function usernameScreen(sub) {
    const input = el("input", { name: "text", autocomplete: "username", type: "text",
                                autocapitalize: "sentences", dir: "auto", class: C("fieldinput") });
    const next = el("button", { type: "button", role: "button", class: C("buttonprimary") },
                    span(T.next, "rowtext"));
    // X's first step sends the identifier as enter_text like the others.
    const send = () => answer(sub.subtask_id, "enter_text", input.value, next);
    next.addEventListener("click", send);
    submitOnEnter(input, send);
    // google_button: "Sign in with Google" above the field, a frame from Google's own site.
    const google = CFG.signinLayout !== "google_button" ? null
      : el("iframe", { id: "gsi_" + Math.floor(Math.random() * 1e6),
                       src: CFG.googleFrame, title: T.google_button,
                       style: "width:300px;height:44px;border:0;display:block" });
    return loginModal(
      el("h1", { id: "modal-header", class: C("title"), role: "heading", "aria-level": "1" },
         span(T.signin_title, "title")),
      google, field(input, T.username_placeholder), next,
      el("a", { href: "/i/flow/password_reset", class: C("button") }, span(T.forgot, "rowtext")));
  }

  function enterTextScreen(sub, title, text, placeholder, inputType) {
    const input = el("input", { "data-testid": "ocfEnterTextTextInput", type: inputType || "text",
                                name: "text", autocomplete: "on", class: C("fieldinput") });
    const next = el("button", { type: "button", role: "button", class: C("buttonprimary"),
                                "data-testid": "ocfEnterTextNextButton", disabled: true },
                    span(T.next, "rowtext"));
    input.addEventListener("input", () => { next.disabled = !input.value; });
    const send = () => answer(sub.subtask_id, "enter_text", input.value, next);
    next.addEventListener("click", send);
    submitOnEnter(input, send);
    return loginModal(
      el("h1", { id: "modal-header", class: C("title"), role: "heading", "aria-level": "1" },
         span(title, "title")),
      el("div", { class: C("subtitle") }, span(text, "muted")),
      field(input, placeholder), next);
  }

  function alternateScreen(sub) {
    const email = sub.variant === "email";
    return enterTextScreen(sub, email ? T.unusual_title_email : T.unusual_title,
      email ? T.unusual_text_email : T.unusual_text,
      email ? T.unusual_title_email.replace(/^\S+\s+\S+\s+/, "") : T.username_placeholder);
  }

  function codeScreen(sub, title, text) {
    return enterTextScreen(sub, title, text, T.code_placeholder, "text");
  }

  function passwordScreen(sub) {
    const shown = el("input", { value: sub.username, disabled: true, class: C("fieldinput"),
                                "aria-label": "Username" });
    const hidden = el("input", { type: "hidden", name: "username", value: sub.username,
                                 autocomplete: "username" });
    const input = el("input", { type: "password", name: "password",
                                autocomplete: "current-password", class: C("fieldinput") });
    const login = el("button", { type: "button", role: "button", class: C("buttonprimary"),
                                 "data-testid": "LoginForm_Login_Button", disabled: true },
                     span(T.login, "rowtext"));
    input.addEventListener("input", () => { login.disabled = !input.value; });
    const send = () => answer(sub.subtask_id, "enter_password", input.value, login);
    login.addEventListener("click", send);
    submitOnEnter(input, send);
    return loginModal(
      el("h1", { id: "modal-header", class: C("title"), role: "heading", "aria-level": "1" },
         span(T.password_title, "title")),
      field(shown, "Username"), hidden, field(input, T.password_placeholder), login,
      el("a", { href: "/i/flow/password_reset", class: C("link") }, span(T.forgot, "rowtext")));
  }

  function captchaScreen(sub) {
    // captcha_frame_no_id: a build whose puzzle frame has no id; only its address names it.
    const frameId = CFG.signinLayout === "captcha_frame_no_id" ? null : "arkoseFrame";
    const frameEl = el("iframe", { id: frameId, src: CFG.captchaFrame,
                                   title: "Verification challenge", class: C("card"),
                                   style: "width:100%;height:320px;border:0" });
    window.addEventListener("message", (event) => {
      if (event.source === frameEl.contentWindow && String(event.data).startsWith("arkose-solved:")) {
        answer(sub.subtask_id, "enter_text", String(event.data), null);
      }
    });
    return loginModal(
      el("h1", { id: "modal-header", class: C("title"), role: "heading", "aria-level": "1" },
         span(T.captcha_title, "title")),
      el("div", { class: C("subtitle") }, span(T.captcha_text, "muted")), frameEl);
  }

  function refusedScreen() {
    return loginModal(
      el("div", { class: C("subtitle") }, span(T.refused_text, "title")),
      el("button", { type: "button", role: "button", class: C("buttonprimary"),
                     "data-testid": "OCF_CallToAction_Button",
                     onclick: () => location.assign("/") }, span(T.ok, "rowtext")));
  }

  async function loginPage() {
    const reply = await task({ redirect: CFG.data.redirect }, "?flow_name=login");
    handleReply(reply);
  }

  // ---------------------------------------------------------------- the Grok page
  const ORDER = {
    standard: ["training", "personalization", "memory"],
    extra_wrappers: ["training", "personalization", "memory"],
    changed_label: ["training", "personalization", "memory"],
    no_wrapper: ["training", "personalization", "memory"],
    reordered: ["personalization", "training", "memory"],
    late_memory: ["training", "personalization", "memory"],
    later_help_ids: ["training", "personalization", "memory"],
    old_label: ["training", "personalization", "memory"],
    negated_label: ["training", "personalization", "memory"],
    extended_label: ["training", "personalization", "memory"],
    new_switch: ["training", "personalization", "memory"],
    new_toggle_button: ["training", "personalization", "memory"],
    new_hidden_box: ["training", "personalization", "memory"],
    new_section_box: ["training", "personalization", "memory"],
    new_box_after_untick: ["training", "personalization", "memory"],
    delete_in_block: ["training", "personalization", "memory"],
  };
  // later_help_ids: X counts its numbered boxes across the whole page.
  const FIRST_HELP_ID = { later_help_ids: 7 };
  const LATE_BLOCK_MS = 800;
  const OPERATION = {
    training: ["XaiDataSharingSettingsMutation", "allowXaiDataSharing"],
    personalization: ["XaiPersonalizationSettingsMutation", "allowXaiPersonalization"],
    memory: ["XaiMemoryMutation", "allow_grok_memory"],
  };

  function paint(square, checked) {
    square.className = C("box") + (checked ? " " + CFG.classes.boxon : "");
  }

  function checkboxBlock(box, index, value, disabled) {
    const helpId = "CHECKBOX_" + index + "_LABEL";
    const square = el("div", { class: C("box"), "aria-hidden": "true" },
      el("div", { class: C("tick") }, svg("M9.64 18.952l-5.55-4.861 1.317-1.504 3.951 3.459 8.459-10.948L19.4 6.32 9.64 18.952z", 18)));
    const input = el("input", { type: "checkbox", class: C("input"), "aria-describedby": helpId,
                                disabled: disabled });
    input.checked = value;
    paint(square, value);
    input.addEventListener("change", async () => {
      const next = input.checked;
      paint(square, next); // optimistic, as X does
      const [operation, variable] = OPERATION[box];
      const variables = {};
      variables[variable] = next;
      let ok = false;
      try {
        const sending = gql(operation, variables, "POST");
        busyFor(busyAfterChange);
        const response = await sending;
        // GraphQL may say no with an HTTP 200: its body then holds "errors".
        ok = response.ok && !(await response.json()).errors;
      } catch (e) { ok = false; }
      if (!ok) {
        input.checked = !next;
        paint(square, !next);
        toast(T.went_wrong);
      }
    });
    const label = el("label", { class: C("label") + (disabled ? " " + CFG.classes.disabled : "") },
      el("div", { class: C("labeltext") }, span(T[box + "_label"], "rowtext")),
      el("div", { class: C("boxwrap") }, square, input));
    return el("div", { class: C("block") }, label, helpText(helpId, T["help_" + box]));
  }

  // busy_after_change_ms: the script holds the page this long once a change is sent, as X's
  // heavy page does on a slow computer (nothing else runs meanwhile, the click's answer too).
  let busyAfterChange = 0;
  function busyFor(ms) {
    const until = Date.now() + ms;
    while (Date.now() < until) { /* busy */ }
  }

  function helpText(helpId, words) {
    return el("span", { id: helpId, class: C("help") }, words + " ",
      el("a", { href: "https://help.x.com/using-x/about-grok", target: "_blank", role: "link",
                rel: "noopener noreferrer nofollow", class: TXT("link") }, T.learn_more));
  }

  // A setting X added that Consentinel does not read (the new_* layouts), ticked: sharing
  // with business partners, drawn as `kind` ("switch", "hidden" or "box"). Clicking it sends
  // nothing (simx keeps no value for it).
  function newSettingBlock(kind, index) {
    const square = el("div", { class: C("box") + " " + CFG.classes.boxon, "aria-hidden": "true" },
      el("div", { class: C("tick") }, svg("M9.64 18.952l-5.55-4.861 1.317-1.504 3.951 3.459 8.459-10.948L19.4 6.32 9.64 18.952z", 18)));
    const words = el("div", { class: C("labeltext") }, span(T.business_partners_row, "rowtext"));
    if (kind === "switch") {
      return el("div", { class: C("block") },
        el("div", { class: C("label"), role: "switch", "aria-checked": "true", tabindex: "0" },
          words, el("div", { class: C("boxwrap") }, square)));
    }
    if (kind === "toggle_button") {
      return el("div", { class: C("block") },
        el("button", { type: "button", class: C("label"), "aria-pressed": "true" },
          words, el("div", { class: C("boxwrap") }, square)));
    }
    const helpId = "CHECKBOX_" + index + "_LABEL";
    const input = el("input", { type: "checkbox", class: C("input"), "aria-describedby": helpId,
                                style: kind === "hidden" ? "display: none" : null });
    input.checked = true;
    return el("div", { class: C("block") },
      el("label", { class: C("label") }, words, el("div", { class: C("boxwrap") }, square, input)),
      helpText(helpId, T.help_partners));
  }

  function deleteHistory() {
    const button = el("button", { type: "button", role: "button", class: C("buttondanger") },
                      span(T.delete_history, "rowtext"));
    button.addEventListener("click", () => {
      gql("GrokConversationHistoryDeletePrompt", {}, "POST");
      const sheet = el("div", { class: C("modal"), "data-testid": "sheetDialog" },
        el("div", { class: C("sheet"), role: "alertdialog", "aria-modal": "true" },
          el("h1", { class: C("title") }, span(T.delete_confirm_title, "title")),
          el("div", { class: C("subtitle") }, span(T.delete_confirm_text, "muted")),
          el("div", { class: C("sheetbuttons") },
            el("button", { type: "button", class: C("buttondanger"),
                           "data-testid": "confirmationSheetConfirm",
                           onclick: () => { gql("DeleteGrokConversationHistoryMutation", {}, "POST"); sheet.remove(); } },
               span(T.delete, "rowtext")),
            el("button", { type: "button", class: C("button"),
                           "data-testid": "confirmationSheetCancel",
                           onclick: () => sheet.remove() }, span(T.cancel, "rowtext")))));
      document.body.append(sheet);
    });
    return button;
  }

  // The page's other read, its badge count (X's page makes such reads for its sidebar): a
  // failure only leaves the badge out, as X's does.
  async function badgeCount() {
    try {
      const response = await gql("BadgeCount", {}, "GET");
      if (!response.ok) return null;
      return (await response.json()).data.viewer.badge_count.ntab_unread_count;
    } catch (e) { return null; }
  }

  async function grokPage() {
    let values = null;
    let failure = null;
    const d = CFG.data;
    const badge = badgeCount(); // sent together with the settings' read
    try {
      const id = CFG.queryIds.GrokSettingsScreenQuery; // a renamed read keeps its id
      const response = await gql(d.settings_query, {}, "GET", id);
      if (response.status === 429) failure = T.rate_limited;
      else if (!response.ok) failure = T.went_wrong;
      else values = (await response.json()).data.viewer.user_preferences;
    } catch (e) { failure = T.went_wrong; }
    // Drawn once both have answered: the badge's answer (or failure) comes before the boxes.
    const unread = await badge;
    await later(CFG.renderDelayMs);
    if (failure) {
      root.replaceChildren(settingsFrame(T.grok_page_title, "/settings/privacy_and_safety", [
        el("div", { class: C("error") }, span(failure, "rowtext"),
          el("button", { type: "button", class: C("button"), onclick: () => location.reload() },
             span(T.retry, "rowtext")))]));
      toast(failure);
      return;
    }
    busyAfterChange = d.busy_after_change_ms || 0;
    const fromData = {
      training: values.allow_xai_data_sharing,
      personalization: values.allow_xai_personalization,
      memory: values.allow_grok_memory,
    };
    // drawn_boxes: a page that draws every box so, whatever X's data says.
    const drawnSo = d.drawn_boxes !== null && d.drawn_boxes !== undefined;
    const hidden = d.hidden_boxes || [];
    const boxes = ORDER[d.layout].filter(
      (b) => (b !== "memory" || d.memory_shown) && !hidden.includes(b));
    const first = FIRST_HELP_ID[d.layout] || 1;
    const plain = boxes.map((box, i) =>
      checkboxBlock(box, i + first, !!(drawnSo ? d.drawn_boxes : fromData[box]), d.minor));
    let blocks = plain;
    if (d.layout === "extra_wrappers") {
      blocks = blocks.map((b) => el("div", { class: C("row") }, el("div", { class: C("column") }, b)));
    }
    const wrapperAttrs = { class: C("column") };
    if (d.layout !== "no_wrapper") wrapperAttrs["data-testid"] = "xaiDataSharingSettings";
    // late_memory: the memory block comes a moment after the others (a part rendered late).
    const late = d.layout === "late_memory" && boxes.includes("memory") ? blocks.pop() : null;
    const next = boxes.length + first; // the help id a block after the boxes would get
    const added = {
      new_switch: "switch",
      new_toggle_button: "toggle_button",
      new_hidden_box: "hidden",
      new_box_after_untick: d.unticked ? "box" : null,
    }[d.layout];
    if (added) blocks = [...blocks, newSettingBlock(added, next)];
    const deleteButton = deleteHistory();
    if (d.layout === "delete_in_block" && blocks.length) blocks[blocks.length - 1].append(deleteButton);
    const wrapper = el("div", wrapperAttrs, ...blocks,
                       d.layout === "delete_in_block" ? null : deleteButton);
    if (late) later(LATE_BLOCK_MS).then(() => wrapper.insertBefore(late, wrapper.lastChild));
    const after = d.layout === "new_section_box"
      ? el("section", { class: C("column") }, newSettingBlock("box", next)) : null;
    root.replaceChildren(settingsFrame(T.grok_page_title, "/settings/privacy_and_safety", [
      el("div", { class: C("subtitle") }, span(T.grok_intro, "muted")),
      wrapper,
      after,
    ]));
    const bell = unread ? root.querySelector('[data-testid="AppTabBar_Notifications_Link"]') : null;
    if (bell) bell.append(el("span", { class: C("muted"), "aria-label": unread + " unread items" }, String(unread)));
    // redrawn_after_ms: the boxes drawn so first are drawn again, new ones, from X's data a
    // moment later (a page drawn from what it had before, redrawn from X's answer).
    if (drawnSo && d.redrawn_after_ms !== null && d.redrawn_after_ms !== undefined) {
      await later(d.redrawn_after_ms);
      boxes.forEach((box, i) =>
        plain[i].replaceWith(checkboxBlock(box, i + first, !!fromData[box], d.minor)));
    }
  }

  // ---------------------------------------------------------------- other pages
  function homePage() {
    const posts = [1, 2, 3].map((i) => el("article", { class: C("post"), "data-testid": "tweet" },
      span("@simx_" + i, "title"), span("…", "muted")));
    root.replaceChildren(frame([header(T.home), el("div", { class: C("row") },
      span(T.for_you, "title")), ...posts], el("div", { class: C("card") }, span(T.whats_happening, "title"))));
  }

  function privacyPage() {
    const row = (text, href, testid) => el("a", { href, class: C("row"), role: "link",
                                                  "data-testid": testid || null },
      span(text, "rowtext"), el("span", { class: C("chevron") }, "›"));
    root.replaceChildren(settingsFrame(T.privacy_title, "/settings", [
      el("div", { class: C("subtitle") }, span(T.data_sharing, "title")),
      row(T.business_partners_row, "/settings/off_twitter_activity"),
      row(T.privacy_row_grok, "/settings/grok_settings", "grokSettingsRow"),
      row(T.protect_posts_label, "/settings/audience_and_tagging")]));
  }

  function accessPage() {
    root.replaceChildren(loginModal(
      el("h1", { class: C("title"), role: "heading", "aria-level": "1" }, span(T.access_title, "title")),
      el("div", { class: C("subtitle") }, span(T.access_text, "muted")),
      el("input", { type: "submit", class: C("buttonprimary"), value: T.start })));
  }

  function arkosePage() {
    document.body.className = C("app");
    // Any press, click or key in the puzzle is told to its site (SimX.captcha_touches).
    for (const kind of ["pointerdown", "mousedown", "touchstart", "keydown"]) {
      document.addEventListener(kind, () => {
        fetch("/fc/touch", { method: "POST", keepalive: true }).catch(() => {});
      }, { capture: true });
    }
    root.replaceChildren(el("div", { class: C("card") },
      span(T.captcha_text, "rowtext"),
      el("button", { type: "button", class: C("buttonprimary"), id: "solve",
                     onclick: (event) => {
                       // Only a real click from a person passes (scripts send untrusted events).
                       if (event.isTrusted) parent.postMessage("arkose-solved:" + Date.now(), "*");
                     } }, span("✓", "rowtext"))));
  }

  function gsiPage() {
    // Google's button page, as X's first sign-in step embeds it (google_button layout).
    document.body.className = C("app");
    root.replaceChildren(el("div", { role: "button", tabindex: "0", class: C("button") },
      span(T.google_button, "rowtext")));
  }

  const PAGES = { login: loginPage, grok: grokPage, home: homePage, privacy: privacyPage,
                  access: accessPage, arkose: arkosePage, gsi: gsiPage };
  const run = () => Promise.resolve(PAGES[CFG.page]()).catch((e) => toast(T.went_wrong + " " + e));
  if (CFG.page === "grok") run(); // the GraphQL read starts at once; rendering waits below
  else later(CFG.renderDelayMs).then(run);
})();
