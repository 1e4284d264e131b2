"""Refuse WebSocket paths that no example serves.

Without this, Channels 1.x's default connect consumer accepts *any* path and
then silently drops every frame, which looks like a hung server.
"""
from __future__ import unicode_literals


def ws_reject(message):
    message.reply_channel.send({"close": True})
