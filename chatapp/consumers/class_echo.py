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
* Because ``http_user`` reads the login cookie, the handshake must come from
  a page of this site (``site_session_only``), checked in ``raw_connect``
  before it joins any group; a logged-in socket closes when its login ends.

Channels 2+: ``WebsocketConsumer`` keeps one instance per connection, groups
are joined with ``async_to_sync(self.channel_layer.group_add)``.
"""
from __future__ import unicode_literals

from channels.generic.websockets import WebsocketConsumer

from chatapp.handshake import site_session_only
from chatapp.socket_lifetime import ends_with_socket, join_session_groups


class ClassEchoConsumer(WebsocketConsumer):
    http_user = True
    strict_ordering = False

    def connection_groups(self, **kwargs):
        return ["test"]

    @site_session_only
    def raw_connect(self, message, **kwargs):
        return super(ClassEchoConsumer, self).raw_connect(message, **kwargs)

    def connect(self, message, **kwargs):
        self.message.reply_channel.send({"accept": True})
        if message.user.is_authenticated:
            join_session_groups(message, message.user, message.http_session.session_key)

    @ends_with_socket
    def raw_disconnect(self, message, **kwargs):
        return super(ClassEchoConsumer, self).raw_disconnect(message, **kwargs)

    def receive(self, text=None, bytes=None, **kwargs):
        self.send(text=text, bytes=bytes)
