"""使用类视图 — the class-based consumer (``ws /class/``).

The tutorial's ``MyConsumer``: Channels 1.x built a new instance per message
(``route_class``), copied the login into the channel session with
``http_user = True``, and joined ``connection_groups()`` in ``raw_connect``.
Channels 4 keeps one instance per connection, ``AuthMiddlewareStack`` (in
``portproj/routing.py``, behind ``OriginCheck``) fills ``scope["user"]``,
``groups`` replaces ``connection_groups()`` and is joined before
``connect()`` runs, and ``strict_ordering`` is gone: frames of one socket are
handled in order.  A logged-in socket closes when its session logs out.
"""
from channels.generic.websocket import AsyncWebsocketConsumer

from portapp.ws_security import AuthenticatedSocketMixin


class ClassEchoConsumer(AuthenticatedSocketMixin, AsyncWebsocketConsumer):
    groups = ["test"]

    async def connect(self):
        await self.accept()
        await self.join_session_group()

    async def receive(self, text_data=None, bytes_data=None):
        await self.send(text_data=text_data, bytes_data=bytes_data)

    async def test_message(self, event):
        """What is sent to group ``test`` reaches every open /class/ socket."""
        await self.send(text_data=event["text"])
