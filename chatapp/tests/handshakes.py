"""Handshakes as a browser on a page of this site sends them.

The login comes from Django's own test client, as a real ``sessionid``
cookie: ``WSClient.login`` stores its login in a *channel* session, which
this project keeps apart from login sessions on purpose.
"""
from __future__ import unicode_literals

from channels.test import WSClient
from django.conf import settings
from django.test import Client

HOST = "127.0.0.1:8000"
ORIGIN = "http://" + HOST


def site_headers(origin=ORIGIN, host=HOST, cookie=None):
    headers = [[b"host", host.encode("latin1")]]
    if origin is not None:
        headers.append([b"origin", origin.encode("latin1")])
    if cookie is not None:
        headers.append([b"cookie", cookie.encode("latin1")])
    return headers


class SiteClient(WSClient):
    """A ``WSClient`` logged in (or not) through ``/accounts/login/``'s session."""

    def __init__(self, username=None, password="pw"):
        super(SiteClient, self).__init__()
        self.session_key = None
        if username:
            http = Client()
            assert http.login(username=username, password=password)
            self.session_key = http.cookies[settings.SESSION_COOKIE_NAME].value

    def handshake(self, path, origin=ORIGIN, host=HOST, query=""):
        """Send ``websocket.connect`` and return the server's answer."""
        cookie = "%s=%s" % (settings.SESSION_COOKIE_NAME, self.session_key) if self.session_key else None
        self.send_and_consume("websocket.connect", {"headers": site_headers(origin, host, cookie),
                                                    "query_string": query},
                              path=path, check_accept=False)
        return self.receive(json=False)
