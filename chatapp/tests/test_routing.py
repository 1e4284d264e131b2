"""The routing serves exactly the paths ``demo/examples.py`` declares."""
from __future__ import unicode_literals

from channels.test import ChannelTestCase
from django.contrib.auth import get_user_model

from chatapp.tests.handshakes import SiteClient
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
        client = SiteClient("alice" if example.auth == "session" else None)
        query = "token=" + good_token(self.user) if example.auth == "token" else ""
        return client.handshake(path or example.path, query=query)

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
