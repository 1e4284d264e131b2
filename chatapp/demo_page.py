# -*- coding: utf-8 -*-
"""What the demo page at ``/`` shows: one panel per example of the tutorial.

The template renders one panel per entry and ``chatapp/static/chatapp/demo.js``
drives every panel with the same component, so adding an example here is all
the page needs.  ``auth`` tells the component how to connect: ``none``,
``session`` (the login cookie travels with the handshake) or ``token``
(``?token=<JWT>`` is appended).
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


class Endpoint(object):
    def __init__(self, key, path, title, section, auth, description, refusal="",
                 binary=False, send="\"hello world\""):
        self.key = key
        self.path = path
        self.title = title
        self.section = section
        self.auth = auth
        self.description = description
        # What a refusal without explanation (close code 1006) most likely means.
        self.refusal = refusal
        # Whether the endpoint answers binary frames (the panel offers "as bytes").
        self.binary = binary
        template = _TOKEN_SNIPPET if auth == "token" else _SNIPPET
        self.snippet = template.format(path=path, send=send)


_TOKEN_REFUSAL = ("The token is missing, malformed, expired or names an unknown user. "
                  "Start the server with WS_AUTH_EXPLAIN_FAILURES=1 to be told which.")

ENDPOINTS = [
    Endpoint("echo", "/echo/", "Echo", "最简单的例子", "none",
             "Every text frame comes back verbatim, a binary frame as the same bytes.",
             binary=True),
    Endpoint("chat", "/chat/", "Group chat", "利用组的概念", "none",
             "Everybody on /chat/ gets [user] T for each text T."),
    Endpoint("session", "/chat/session/", "Session chat", "channels的认证", "session",
             "Needs the login session. Text reaches the users whose name starts "
             "with the same letter as yours, verbatim.",
             refusal="Not logged in (or the page's Origin is not in ALLOWED_HOSTS): "
                     "log in above, then open again."),
    Endpoint("jwt", "/chat/jwt/", "JWT chat", "Json Web Token认证", "token",
             "Needs a token. Every token holder gets [U] T for each text T from user U.",
             refusal=_TOKEN_REFUSAL),
    Endpoint("class", "/class/", "Class echo", "使用类视图", "none",
             "A WebsocketConsumer class: echoes text and bytes.", binary=True),
    Endpoint("live", "/live/", "Live value", "在channels类视图中使用token认证", "token",
             "Needs a token. Any frame gets {\"text\": value}; every change of the "
             "value is pushed to every open page at once.",
             refusal=_TOKEN_REFUSAL, send="{'test':'hello world'}"),
]
