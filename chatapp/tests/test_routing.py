"""The routing serves exactly the paths ``demo/examples.py`` declares."""
from __future__ import unicode_literals

from channels.test import ChannelTestCase, WSClient
from django.contrib.auth import get_user_model

from chatapp.tests.tokens import good_token
from demo.examples import EXAMPLES
from legacyproj.routing import channel_routing

# Near misses of declared paths, and paths nobody declared.
UNDECLARED = ["/", "/nope/", "/echo", "/echo/x", "/echo/\n", "/chat/jwt", "/chat/session/x",
              "/class//", "/live/live/", "//echo/"]


class RoutingTests(ChannelTestCase):
    def setUp(self):
        self.user = get_user_model().objects.create_user("alice", password="pw")

    def connect(self, example, path=None):
        client = WSClient()
        content = {"headers": [[b"origin", b"http://127.0.0.1:8000"], [b"host", b"127.0.0.1:8000"]]}
        if example.auth == "session":
            client.login(username="alice", password="pw")
            content["headers"].append([b"cookie", client.headers["cookie"]])
        if example.auth == "token":
            content["query_string"] = "token=" + good_token(self.user)
        client.send_and_consume("websocket.connect", content, path=path or example.path, check_accept=False)
        return client.receive(json=False)

    def test_every_declared_path_connects(self):
        for example in EXAMPLES:
            self.assertEqual(self.connect(example), {"accept": True}, example.path)

    def test_no_other_path_connects(self):
        for example in EXAMPLES:
            for path in UNDECLARED:
                self.assertEqual(self.connect(example, path), {"close": True}, (example.key, path))

    def test_routing_states_each_declared_path_once(self):
        patterns = [entry.prefixes["path"].pattern if hasattr(entry, "prefixes") else entry.filters["path"].pattern
                    for entry in channel_routing[:-1]]
        self.assertEqual(patterns, [r"^%s\Z" % example.path for example in EXAMPLES])
