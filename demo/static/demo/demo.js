/* The demo page: an account box (session login + JWT) and one SocketPanel per
 * tutorial example.  Plain ES2015, no build step: Chromium runs it as served.
 *
 * Every panel is the same component; the template says how it connects
 * (data-path, data-auth) and what a bare refusal most likely means
 * (data-refusal).  The live-value panel adds a small extension on top.
 */
(function () {
  "use strict";

  // ----- HTTP ---------------------------------------------------------------

  // The CSRF cookie is HttpOnly (manage.py check --deploy asks for it), so
  // the token comes from the login form of this page, and then from the page
  // each login and logout leads to: Django rotates the token at login.
  const loginForm = document.querySelector("#login-form input[name=csrfmiddlewaretoken]");
  let currentCsrfToken = loginForm ? loginForm.value : "";

  function csrfToken() {
    return currentCsrfToken;
  }

  function takeCsrfToken(response) {
    return response.text().then(function (html) {
      const match = html.match(/name=["']csrfmiddlewaretoken["'] value=["']([^"']+)/);
      if (match) currentCsrfToken = match[1];
      return response;
    });
  }

  /* fetch() a JSON API; resolves {ok, status, data} for any HTTP answer. */
  function requestJson(method, url, body, headers) {
    const allHeaders = Object.assign({
      "Accept": "application/json",
      "Content-Type": "application/json",
      "X-CSRFToken": csrfToken()
    }, headers || {});
    return fetch(url, {
      method: method,
      credentials: "same-origin",
      headers: allHeaders,
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.text().then(function (text) {
        let data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = {detail: text.slice(0, 200)}; }
        return {ok: response.ok, status: response.status, data: data};
      });
    });
  }

  /* The human part of a DRF / djangorestframework-jwt error body. */
  function errorText(data) {
    if (!data) return "no details";
    if (data.detail) return String(data.detail);
    if (data.non_field_errors) return data.non_field_errors.join(" ");
    return JSON.stringify(data);
  }

  function clock(date) {
    return date.toTimeString().slice(0, 8);
  }

  // ----- JWT ----------------------------------------------------------------

  /* The payload of a JWT (not verified: only the server can), or null. */
  function jwtPayload(token) {
    const parts = token.split(".");
    if (parts.length !== 3) return null;
    try {
      const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
      const json = decodeURIComponent(Array.prototype.map.call(atob(base64), function (c) {
        return "%" + ("0" + c.charCodeAt(0).toString(16)).slice(-2);
      }).join(""));
      return JSON.parse(json);
    } catch (e) {
      return null;
    }
  }

  /* Why a token is unusable as far as the browser can tell, or "". */
  function tokenProblem(token) {
    if (!token) return "You have no token: log in above (or paste one).";
    const payload = jwtPayload(token);
    if (!payload) return "The token is not a JWT.";
    if (payload.exp && payload.exp * 1000 <= Date.now()) {
      return "Your token expired at " + clock(new Date(payload.exp * 1000)) + ": log in again for a new one.";
    }
    return "";
  }

  // ----- Account: session login and token -----------------------------------

  class Account {
    constructor(root) {
      this.root = root;
      this.username = root.dataset.username || "";
      this.tokenField = root.querySelector("#token");
      this.tokenStatus = root.querySelector("#token-status");
      this.sessionStatus = root.querySelector("#session-status");
      this.error = root.querySelector("#account-error");
      this.listeners = [];

      // Keep the token across reloads of this tab only.
      this.tokenField.value = sessionStorage.getItem("legacyproj.token") || "";
      this.tokenField.addEventListener("input", () => this.tokenChanged());

      const form = root.querySelector("#login-form");
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        this.login(form.elements.username.value, form.elements.password.value);
      });
      root.querySelector("#logout").addEventListener("click", () => this.logout());

      // The status line says when the token runs out, so keep it current.
      setInterval(() => this.renderToken(), 1000);
      this.renderToken();
    }

    get token() {
      return this.tokenField.value.trim();
    }

    onChange(listener) {
      this.listeners.push(listener);
    }

    tokenChanged() {
      sessionStorage.setItem("legacyproj.token", this.token);
      this.renderToken();
      this.listeners.forEach((listener) => listener(this));
    }

    setToken(token) {
      this.tokenField.value = token;
      this.tokenChanged();
    }

    renderToken() {
      const token = this.token;
      const problem = token ? tokenProblem(token) : "";
      let text = "No token.";
      if (problem) {
        text = problem;
      } else if (token) {
        const payload = jwtPayload(token);
        text = "Token for " + (payload.username || "?");
        if (payload.exp) {
          const left = Math.round((payload.exp * 1000 - Date.now()) / 1000);
          text += ", valid until " + clock(new Date(payload.exp * 1000)) + " (" + left + " s left).";
        }
      }
      if (this.tokenStatus.textContent !== text) this.tokenStatus.textContent = text;
      this.tokenStatus.classList.toggle("bad", Boolean(problem));
    }

    showError(text) {
      this.error.textContent = text;
      this.error.hidden = !text;
    }

    setUser(username) {
      this.username = username;
      this.sessionStatus.textContent = username
        ? "Logged in as " + username + " (session)."
        : "Not logged in.";
    }

    /* Get a token with the credentials, then log the session in with them. */
    login(username, password) {
      this.showError("");
      this.sessionStatus.textContent = "Logging in…";
      return requestJson("POST", "/api-token-auth/", {username: username, password: password})
        .then((answer) => {
          if (!answer.ok) {
            throw new Error("Login failed: wrong username or password (" + errorText(answer.data) + ")");
          }
          this.setToken(answer.data.token);
          const form = new URLSearchParams();
          form.set("username", username);
          form.set("password", password);
          form.set("next", "/");
          form.set("csrfmiddlewaretoken", csrfToken());
          return fetch("/accounts/login/", {method: "POST", credentials: "same-origin", body: form})
            .then(takeCsrfToken);
        })
        .then((response) => {
          // Django's LoginView redirects on success and re-renders the form on failure.
          if (!response.redirected) throw new Error("The token was issued but the session login was refused.");
          this.setUser(username);
        })
        .catch((error) => {
          this.setUser(this.username);
          this.showError(error.message);
        });
    }

    logout() {
      this.showError("");
      const form = new URLSearchParams();
      form.set("csrfmiddlewaretoken", csrfToken());
      return fetch("/accounts/logout/", {method: "POST", credentials: "same-origin", body: form})
        .then(takeCsrfToken)
        .then(() => {
          this.setUser("");
          this.setToken("");
        })
        .catch((error) => this.showError("Logout failed: " + error.message));
    }
  }

  // ----- SocketPanel: one WebSocket endpoint ---------------------------------

  const CLOSE_MEANINGS = {
    1000: "normal closure",
    1001: "going away",
    1006: "abnormal closure, no close frame",
    1011: "server error"
  };
  const LOG_LIMIT = 200;

  function describeBytes(buffer) {
    const bytes = new Uint8Array(buffer);
    const hex = Array.prototype.slice.call(bytes, 0, 32).map(function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join(" ");
    return "[" + bytes.length + " bytes] " + hex + (bytes.length > 32 ? " …" : "");
  }

  class SocketPanel {
    constructor(root, account) {
      this.root = root;
      this.account = account;
      this.path = root.dataset.path;
      this.auth = root.dataset.auth;
      this.refusal = root.dataset.refusal || "";
      this.socket = null;
      this.opened = false;     // did the handshake succeed?
      this.explained = null;   // the server's {"error", "detail"} frame, if any
      this.messageListeners = [];
      this.openListeners = [];

      this.stateLabel = root.querySelector("[data-role=state]");
      this.errorBox = root.querySelector("[data-role=error]");
      this.logList = root.querySelector("[data-role=log]");
      this.openButton = root.querySelector("[data-action=open]");
      this.closeButton = root.querySelector("[data-action=close]");
      this.sendForm = root.querySelector("[data-role=send-form]");
      this.sendButton = this.sendForm.querySelector("button[type=submit]");

      this.openButton.addEventListener("click", () => this.open());
      this.closeButton.addEventListener("click", () => this.close());
      this.sendForm.addEventListener("submit", (event) => {
        event.preventDefault();
        const binary = this.sendForm.elements.binary;
        this.send(this.sendForm.elements.text.value, Boolean(binary && binary.checked));
      });
      this.setupSnippet();
    }

    url() {
      const scheme = location.protocol === "https:" ? "wss://" : "ws://";
      let url = scheme + location.host + this.path;
      if (this.auth === "token") url += "?token=" + encodeURIComponent(this.account.token);
      return url;
    }

    setState(state, text) {
      this.stateLabel.dataset.state = state;
      this.stateLabel.textContent = text || state;
      const busy = state === "connecting" || state === "open" || state === "closing";
      this.openButton.disabled = busy;
      this.closeButton.disabled = !busy || state === "closing";
      this.sendButton.disabled = state !== "open";
    }

    showError(text) {
      this.errorBox.textContent = text;
      this.errorBox.hidden = !text;
      if (text) this.log("error", text);
    }

    log(kind, text) {
      const labels = {out: ["sent", "→"], in: ["received", "←"], event: ["event", "•"], error: ["error", "!"]};
      const item = document.createElement("li");
      item.className = kind;
      item.innerHTML = '<span class="sr-only"></span><span class="arrow" aria-hidden="true"></span>' +
        '<time></time> <span class="text"></span>';
      item.querySelector(".sr-only").textContent = labels[kind][0] + ": ";
      item.querySelector(".arrow").textContent = labels[kind][1];
      item.querySelector("time").textContent = clock(new Date());
      item.querySelector(".text").textContent = text;
      this.logList.appendChild(item);
      while (this.logList.children.length > LOG_LIMIT) this.logList.removeChild(this.logList.firstChild);
      this.logList.scrollTop = this.logList.scrollHeight;
    }

    open() {
      if (this.socket) return;
      this.showError("");
      this.explained = null;
      this.opened = false;
      // Known before the server says so: an absent or expired token.
      const problem = this.auth === "token" ? tokenProblem(this.account.token) : "";
      const socket = new WebSocket(this.url());
      socket.binaryType = "arraybuffer";
      this.socket = socket;
      this.setState("connecting");
      this.log("event", "connecting to " + this.path);

      socket.onopen = () => {
        this.opened = true;
        this.setState("open");
        this.log("event", "open");
        this.openListeners.forEach((listener) => listener());
      };
      socket.onmessage = (event) => this.received(event.data);
      socket.onclose = (event) => {
        this.socket = null;
        this.closed(event.code, event.reason, problem);
      };
    }

    received(data) {
      if (typeof data !== "string") {
        this.log("in", describeBytes(data));
        return;
      }
      this.log("in", data);
      // An explained failure: {"error": ..., "detail": ...} right before the close.
      try {
        const frame = JSON.parse(data);
        if (frame && typeof frame === "object" && frame.error) this.explained = frame;
      } catch (e) { /* plain text */ }
      this.messageListeners.forEach((listener) => listener(data));
    }

    closed(code, reason, problem) {
      const meaning = CLOSE_MEANINGS[code] || (code >= 4000 ? "application code" : "");
      const codeText = "close code " + code + (meaning ? " (" + meaning + ")" : "");
      this.log("event", "closed, " + codeText + (reason ? ": " + reason : ""));
      if (this.explained) {
        this.setState("refused", "refused, " + code);
        // Sent on a refused handshake (WS_AUTH_EXPLAIN_FAILURES) or when the
        // token expires while the socket is open.
        this.showError("The server closed it: " + this.explained.error + " — " +
          (this.explained.detail || "") + " (" + codeText + ")");
      } else if (!this.opened) {
        this.setState("refused", "refused, " + code);
        // A close before accept is an HTTP 403; the browser reports only 1006.
        this.showError("The server refused the handshake (HTTP 403, seen here as " + codeText + "). " +
          (problem || this.refusal));
      } else if (code >= 4000) {
        this.setState("closed", "closed, " + code);
        this.showError("Closed by the server with " + codeText + ".");
      } else {
        this.setState("closed", "closed, " + code);
      }
    }

    send(text, binary) {
      if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return;
      if (binary) {
        const bytes = new TextEncoder().encode(text);
        this.socket.send(bytes);
        this.log("out", describeBytes(bytes.buffer));
      } else {
        this.socket.send(text);
        this.log("out", text);
      }
    }

    close() {
      if (!this.socket) return;
      this.setState("closing");
      this.socket.close(1000);
    }

    onMessage(listener) {
      this.messageListeners.push(listener);
    }

    onOpen(listener) {
      this.openListeners.push(listener);
    }

    /* The snippet shows the current token and can be copied. */
    setupSnippet() {
      const code = this.root.querySelector("[data-role=snippet]");
      const status = this.root.querySelector("[data-role=copy-status]");
      const placeholder = document.getElementById("account").dataset.tokenPlaceholder;
      const original = code.textContent;
      const render = () => {
        code.textContent = this.account.token ? original.replace(placeholder, this.account.token) : original;
      };
      this.account.onChange(render);
      render();
      this.root.querySelector("[data-action=copy]").addEventListener("click", () => {
        copyText(code).then(
          () => { status.textContent = "Copied: paste it into the browser console."; },
          () => { status.textContent = "Selected: press Ctrl+C to copy."; });
      });
    }
  }

  /* Copy an element's text.  The Clipboard API exists only in secure contexts
   * (not on http://another-host/) and may be refused; then the old way: select
   * it and ask for a copy, which leaves it selected for Ctrl+C at worst. */
  function copyText(element) {
    const fallback = function () {
      const range = document.createRange();
      range.selectNodeContents(element);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      if (!document.execCommand("copy")) throw new Error("copy refused");
    };
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(element.textContent).catch(fallback);
    }
    return new Promise(function (resolve) { fallback(); resolve(); });
  }

  // ----- The live value: shown from the socket, changed with PUT /api/live/ ----

  /* JSON when it parses (42, true, {"a": 1}), the raw text otherwise. */
  function parseValue(text) {
    try { return JSON.parse(text); } catch (e) { return text; }
  }

  function attachLive(panel, account) {
    const root = panel.root.querySelector("[data-role=live]");
    const output = root.querySelector("[data-role=live-value]");
    const status = root.querySelector("[data-role=live-status]");
    const form = root.querySelector("[data-role=live-form]");

    // Any frame is answered with the current value: ask as soon as we are in.
    panel.onOpen(() => panel.send("get"));
    panel.onMessage((data) => {
      let frame;
      try { frame = JSON.parse(data); } catch (e) { return; }
      if (frame && typeof frame === "object" && "text" in frame) {
        output.textContent = typeof frame.text === "string" ? frame.text : JSON.stringify(frame.text);
        output.dataset.updated = String(Date.now());
      }
    });

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const value = parseValue(form.elements.value.value);
      // The token when there is one, else the session (with its CSRF token).
      const token = account.token;
      const headers = token ? {"Authorization": "JWT " + token} : {};
      const via = token ? "the JWT" : "the session";
      status.classList.remove("bad");
      status.textContent = "Sending…";
      requestJson("PUT", "/api/live/", {value: value}, headers).then((answer) => {
        if (answer.ok) {
          status.textContent = "Set to " + JSON.stringify(answer.data.value) + " with " + via +
            "; every open /live/ socket gets it now.";
        } else {
          status.classList.add("bad");
          status.textContent = "PUT /api/live/ refused (HTTP " + answer.status + ", with " + via + "): " +
            errorText(answer.data);
        }
      }, (error) => {
        status.classList.add("bad");
        status.textContent = "PUT /api/live/ failed: " + error.message;
      });
    });
  }

  // ----- Start ----------------------------------------------------------------

  const account = new Account(document.getElementById("account"));
  const panels = {};
  document.querySelectorAll("[data-panel]").forEach(function (root) {
    const panel = new SocketPanel(root, account);
    panels[root.dataset.path] = panel;
    if (root.querySelector("[data-role=live]")) attachLive(panel, account);
  });
  // For the console: demo.panels["/echo/"].open(), demo.account.token, ...
  window.demo = {account: account, panels: panels};
}());
