# -*- coding: utf-8 -*-
"""The tutorial's examples, declared once for both stacks.

Everything that lists the examples is derived from ``EXAMPLES`` or checked
against it by a test: the demo page's panels (``templates/demo/index.html``
renders one per entry and ``static/demo/demo.js`` drives them all with one
component), the routing of the Channels 1.x project (``legacyproj/routing.py``)
and of the Channels 4 port (``port/portproj/routing.py``), and README's
examples table.  Plain data, importable on Python 2.7 and 3.12 alike: this
package is a Django app of both projects, and neither imports the other.

``auth`` tells the page how to connect: ``none``, ``session`` (the login
cookie travels with the handshake) or ``token`` (``?token=<JWT>`` is
appended).
"""
from __future__ import unicode_literals

# The token a ``token`` snippet shows until the page has one (demo.js
# replaces it with the current token).
TOKEN_PLACEHOLDER = "PASTE_A_JWT_HERE"

# The tutorial's console snippets, as printed in it: only the URL changed,
# from the hard-coded ws://127.0.0.1:8000/chat/ to this page's host and the
# panel's path.  (Its comment "the path doesn't matter for routing" is left
# out: here every example has its own path and any other path is refused.)
_SNIPPET = """socket = new WebSocket("ws://" + location.host + "{path}");
socket.onmessage = function(e) {{
    console.log(e.data);
}}
socket.onopen = function() {{
    socket.send("hello world");
}}
// Call onopen directly if socket is already open
if (socket.readyState == WebSocket.OPEN) socket.onopen();
"""

# The token version from the section 在channels类视图中使用token认证.  It sends
# a JavaScript object, which the browser turns into the text
# "[object Object]"; the live consumer answers any frame, so it still works.
_TOKEN_SNIPPET = """socket = new WebSocket("ws://" + location.host +
    "{path}?token=%s");
socket.onmessage = function (e) {{
    console.log(e.data);
    // socket.send("test")
}}
socket.onopen = function () {{
    socket.send({send});
}}
// Call onopen directly if socket is already open
if (socket.readyState == WebSocket.OPEN) socket.onopen();
""" % TOKEN_PLACEHOLDER

_TOKEN_REFUSAL = ("The token is missing, malformed, expired or names an unknown user. "
                  "Start the server with WS_AUTH_EXPLAIN_FAILURES=1 to be told which.")


class Example(object):
    """One example of the tutorial: where it lives, how the page shows it."""

    def __init__(self, key, path, title, section, auth, behaviour, module, test, refusal="",
                 binary=False, live_value=False, send='"hello world"'):
        self.key = key
        self.path = path
        self.title = title
        # The tutorial's section heading.
        self.section = section
        self.auth = auth
        # What a client sees: README's table and the panel's description.
        self.behaviour = behaviour
        # Where the consumer and its tests are, in the legacy project; the
        # port mirrors them under port/ (port/portapp/consumers/<name>.py).
        self.module = module
        self.test = test
        # What a refusal without explanation (close code 1006) most likely means.
        self.refusal = refusal
        # Whether the endpoint answers binary frames (the panel offers "as bytes").
        self.binary = binary
        # Whether the panel shows and changes the live value (PUT /api/live/).
        self.live_value = live_value
        template = _TOKEN_SNIPPET if auth == "token" else _SNIPPET
        self.snippet = template.format(path=path, send=send)

    @property
    def port_module(self):
        return "port/portapp/consumers/%s" % self.module.rsplit("/", 1)[1]

    @property
    def port_test(self):
        return "port/portapp/tests/%s" % self.test.rsplit("/", 1)[1]

    @property
    def url(self):
        """The path as a client writes it (``/live/?token=JWT``)."""
        return self.path + ("?token=JWT" if self.auth == "token" else "")


EXAMPLES = [
    Example("echo", "/echo/", "Echo", "最简单的例子", "none",
            "every text frame back verbatim, a binary frame back as the same bytes",
            "chatapp/consumers/echo.py", "chatapp/tests/test_echo.py", binary=True),
    Example("chat", "/chat/", "Group chat", "利用组的概念", "none",
            "every member gets `[user] T` for each text `T`",
            "chatapp/consumers/chat.py", "chatapp/tests/test_chat.py"),
    Example("session", "/chat/session/", "Session chat", "channels的认证", "session",
            "logged-in users only; text reaches the users whose name starts with the same letter, verbatim",
            "chatapp/consumers/session_chat.py", "chatapp/tests/test_session_chat.py",
            refusal="Not logged in (or the page's Origin is not allowed): log in above, then open again."),
    Example("jwt", "/chat/jwt/", "JWT chat", "Json Web Token认证", "token",
            "token holders only; text `T` from `U` reaches every member as `[U] T`",
            "chatapp/consumers/jwt_chat.py", "chatapp/tests/test_jwt_chat.py", refusal=_TOKEN_REFUSAL),
    Example("class", "/class/", "Class echo", "使用类视图", "none",
            "a class-based consumer echoing text and bytes",
            "chatapp/consumers/class_echo.py", "chatapp/tests/test_class_echo.py", binary=True),
    Example("live", "/live/", "Live value", "在channels类视图中使用token认证", "token",
            'any frame gets `{"text": <live value>}`; every change is pushed at once',
            "chatapp/consumers/live.py", "chatapp/tests/test_live.py", refusal=_TOKEN_REFUSAL,
            live_value=True, send="{'test':'hello world'}"),
]

PATHS = [example.path for example in EXAMPLES]


def markdown_table():
    """README's examples table: every example, where it lives on each stack."""
    def link(path):
        return "[`%s`](%s)" % (path.split("/", 1)[1] if path.startswith("port/") else path, path)
    rows = ["| path | tutorial section | what you see | Channels 1.x consumer | its tests | Channels 4 port |",
            "|---|---|---|---|---|---|"]
    for example in EXAMPLES:
        rows.append("| `ws %s` | %s | %s | %s | %s | %s |" % (
            example.url, example.section, example.behaviour, link(example.module), link(example.test),
            link(example.port_module)))
    return "\n".join(rows)
