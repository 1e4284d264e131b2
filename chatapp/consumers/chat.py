# -*- coding: utf-8 -*-
"""利用组的概念 — group chat for everybody (``ws /chat/``).

Three function consumers, one per event.  Group sends are buffered until the
consumer returns (Channels 1.x sends on consumer exit); the group itself lives
in the channel layer, so with Redis every worker sees the same members.
Channels 2+: an ``AsyncWebsocketConsumer`` with ``group_add`` in ``connect()``
and ``group_send`` with a ``type`` handler.
"""
from __future__ import unicode_literals

from channels import Group

from chatapp.consumers.frames import printable_text_of

GROUP = "chat"


def ws_add(message):
    message.reply_channel.send({"accept": True})
    Group(GROUP).add(message.reply_channel)


def ws_message(message):
    text = printable_text_of(message)
    if text is not None:
        Group(GROUP).send({"text": "[user] %s" % text})


def ws_disconnect(message):
    Group(GROUP).discard(message.reply_channel)
