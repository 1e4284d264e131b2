# -*- coding: utf-8 -*-
"""使用类视图 — the class-based consumer (``ws /class/``).

``route_class`` routes all three WebSocket channels to one class; each
message builds a new instance, so nothing survives on ``self`` between
frames (use ``channel_session`` for that).

* ``http_user = True`` copies the login session's user into the channel
  session on connect (it implies ``channel_session_user``).
* ``raw_connect`` adds the socket to ``connection_groups()`` before calling
  ``connect()``, and ``raw_disconnect`` removes it.
* ``strict_ordering = True`` would run frames of one socket strictly in
  order, parking early ones on a wait channel; the tutorial leaves it off.

Channels 2+: ``WebsocketConsumer`` keeps one instance per connection, groups
are joined with ``async_to_sync(self.channel_layer.group_add)``.
"""
from __future__ import unicode_literals

from channels.generic.websockets import WebsocketConsumer


class ClassEchoConsumer(WebsocketConsumer):
    http_user = True
    strict_ordering = False

    def connection_groups(self, **kwargs):
        return ["test"]

    def connect(self, message, **kwargs):
        self.message.reply_channel.send({"accept": True})

    def receive(self, text=None, bytes=None, **kwargs):
        self.send(text=text, bytes=bytes)
