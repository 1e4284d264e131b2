# -*- coding: utf-8 -*-
"""在channels类视图中使用token认证 — the live value (``ws /live/?token=``).

A class consumer authenticated by token, wired with ``.as_route()``.  Every
frame is answered with ``{"text": <current value>}``; every change of the
value is pushed to group ``live`` by ``chatapp.live_value.set_value`` (from
``PUT /api/live/`` or ``manage.py set_live_value``).  Nothing blocks: the
tutorial's ``while True: ... time.sleep(1)`` loop is gone.

Authentication runs in ``raw_connect`` (``TokenAuthConsumerMixin``), not in
``connect()`` as in the tutorial, because ``raw_connect`` has already joined
``connection_groups()`` by the time ``connect()`` runs.
"""
from __future__ import unicode_literals

from channels.generic.websockets import WebsocketConsumer

from chatapp import live_value
from chatapp.ws_authentication import TokenAuthConsumerMixin


class LiveConsumer(TokenAuthConsumerMixin, WebsocketConsumer):
    strict_ordering = False

    def connection_groups(self, **kwargs):
        return [live_value.GROUP]

    def receive(self, text=None, bytes=None, **kwargs):
        self.message.reply_channel.send(live_value.frame(live_value.current_value()))
