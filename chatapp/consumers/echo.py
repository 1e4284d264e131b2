# -*- coding: utf-8 -*-
"""最简单的例子 — the echo consumer (``ws /echo/``).

Only ``websocket.receive`` is routed.  The handshake is accepted by the
default ``websocket.connect`` consumer that runserver and runworker add
(``Router.check_default``); Channels 2+ has no such default, there you accept
in ``connect()`` yourself.
"""
from __future__ import unicode_literals


def ws_message(message):
    # The article replies with message.content['text'] only, which raises
    # KeyError on a binary frame: those carry "bytes" instead of "text".
    if "text" in message.content:
        message.reply_channel.send({"text": message.content["text"]})
    else:
        message.reply_channel.send({"bytes": message.content["bytes"]})
