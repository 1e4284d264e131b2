"""Refuse WebSocket paths that no example serves.

Without this, Channels 1.x's default connect consumer accepts *any* path and
then silently drops every frame, which looks like a hung server.
"""
from __future__ import unicode_literals

from chatapp.handshake import refuse


def ws_reject(message):
    refuse(message, "unknown_path", "No example is served here.")
