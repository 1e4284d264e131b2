"""Plain HTTP for the tests: login cookies, CSRF and JSON, via urllib."""
from __future__ import absolute_import, unicode_literals

import functools
import json
import re

from six.moves import http_client, http_cookiejar, urllib


class WebClient(object):
    """One browser-like cookie jar against one server address.

    ``source`` picks the client's own address (any 127.x.y.z works on
    Linux): a second client address for the per-address throttles.  Every
    response body is kept in ``WebClient.answers`` for the tests that check
    no response ever shows a secret.
    """

    answers = []

    def __init__(self, address, source=None):
        self.base = "http://%s" % address
        self.last_headers = None
        self.cookies = http_cookiejar.CookieJar()
        handlers = [urllib.request.HTTPCookieProcessor(self.cookies)]
        if source:
            handlers.append(_SourceAddressHandler(source))
        self.opener = urllib.request.build_opener(*handlers)

    def request(self, method, path, body=None, headers=None):
        """Return (status, body text); HTTP errors are answers, not exceptions."""
        request = urllib.request.Request(self.base + path, data=body, headers=headers or {})
        request.get_method = lambda: method
        try:
            response = self.opener.open(request, timeout=10)
        except urllib.error.HTTPError as error:
            response = error
        body = response.read().decode("utf-8", "replace")
        WebClient.answers.append(body)
        self.last_headers = response.info()  # of the last answer: Retry-After, ...
        return response.getcode(), body

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

    def form(self, path, fields, page=None):
        """POST ``fields`` as the form on ``page`` (default: ``path``) would,
        CSRF token included; returns (status, body text)."""
        status, html = self.request("GET", page or path)
        csrf = re.search(r"name=['\"]csrfmiddlewaretoken['\"] value=['\"]([^'\"]+)", html).group(1)
        body = urllib.parse.urlencode(dict(fields, csrfmiddlewaretoken=csrf)).encode("utf-8")
        return self.request("POST", path, body,
                            {"Content-Type": "application/x-www-form-urlencoded", "Referer": self.base + "/"})

    def login(self, username, password):
        """Log in through the real /accounts/login/ form; True when it worked."""
        self.form("/accounts/login/", {"username": username, "password": password})
        return self.cookie("sessionid") is not None

    def logout(self):
        """Log out as the demo page does (a POST with the page's CSRF token)."""
        return self.form("/accounts/logout/", {}, page="/")[0]

    def admin_set_password(self, admin, admin_password, username, new_password):
        """Change ``username``'s password through /admin/ as ``admin``; True when it worked."""
        if not self.login(admin, admin_password):
            return False
        status, changelist = self.request("GET", "/admin/auth/user/?q=" + urllib.parse.quote(username))
        user_id = re.search(r'/admin/auth/user/(\d+)/change/', changelist).group(1)
        path = "/admin/auth/user/%s/password/" % user_id
        status, page = self.form(path, {"password1": new_password, "password2": new_password,
                                        "usable_password": "true"})
        return status == 200 and "errorlist" not in page

    def token(self, username, password):
        status, body = self.json("POST", "/api-token-auth/", {"username": username, "password": password})
        assert status == 200, body
        return body["token"]


class _SourceAddressHandler(urllib.request.HTTPHandler):
    def __init__(self, source):
        urllib.request.HTTPHandler.__init__(self)
        self.source = source

    def http_open(self, request):
        return self.do_open(functools.partial(http_client.HTTPConnection, source_address=(self.source, 0)), request)
