"""Plain HTTP for integration tests: login cookies, CSRF and JSON, via urllib."""
from __future__ import absolute_import, unicode_literals

import json
import re

from six.moves import http_cookiejar, urllib


class WebClient(object):
    """One browser-like cookie jar against one server address."""

    def __init__(self, address):
        self.base = "http://%s" % address
        self.cookies = http_cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def request(self, method, path, body=None, headers=None):
        """Return (status, body text); HTTP errors are answers, not exceptions."""
        request = urllib.request.Request(self.base + path, data=body, headers=headers or {})
        request.get_method = lambda: method
        try:
            response = self.opener.open(request, timeout=10)
        except urllib.error.HTTPError as error:
            response = error
        return response.getcode(), response.read().decode("utf-8")

    def json(self, method, path, data, headers=None):
        headers = dict(headers or {}, **{"Content-Type": "application/json"})
        body = data if isinstance(data, bytes) else json.dumps(data).encode("utf-8")
        status, text = self.request(method, path, body, headers)
        return status, json.loads(text)

    def cookie(self, name):
        for cookie in self.cookies:
            if cookie.name == name:
                return cookie.value
        return None

    def login(self, username, password):
        """Log in through the real /accounts/login/ form; True when it worked."""
        status, page = self.request("GET", "/accounts/login/")
        csrf = re.search(r"name=['\"]csrfmiddlewaretoken['\"] value=['\"]([^'\"]+)", page).group(1)
        form = urllib.parse.urlencode({"username": username, "password": password,
                                       "csrfmiddlewaretoken": csrf}).encode("ascii")
        self.request("POST", "/accounts/login/", form,
                     {"Content-Type": "application/x-www-form-urlencoded", "Referer": self.base + "/"})
        return self.cookie("sessionid") is not None

    def token(self, username, password):
        status, body = self.json("POST", "/api-token-auth/", {"username": username, "password": password})
        assert status == 200, body
        return body["token"]
