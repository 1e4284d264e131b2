# -*- coding: utf-8 -*-
"""channels的认证 — chat among users with the same initial (``ws /chat/session/``).

The Django login session (cookie ``sessionid`` on the handshake) is copied
into the channel session by ``@channel_session_user_from_http``; later frames
carry no cookies, and ``@channel_session_user`` reads the user back.

What changed from the tutorial:

* An anonymous socket is refused.  The tutorial accepted it and then failed
  on ``message.user.username[0]`` (an empty username) in every consumer.
* ``site_session_only`` refuses a foreign ``Origin`` (scheme, host and port),
  and a session named in the URL: a page on another site could otherwise
  open this socket with the visitor's cookie (cross-site WebSocket
  hijacking).  Channels' own ``allowed_hosts_only`` compares the host only.
* The socket closes when its user logs out, is deactivated or changes their
  password (``chatapp.socket_lifetime``).
* ``websocket.disconnect`` also arrives for refused sockets; it must not fail.
* The group name is built from a safe character (see ``group_for``).

Channels 2+: ``AuthMiddlewareStack`` fills ``scope["user"]`` and
``AllowedHostsOriginValidator`` wraps the application.
"""
from __future__ import unicode_literals

import re

from channels import Group
from channels.auth import channel_session_user, channel_session_user_from_http

from chatapp.consumers.frames import text_of
from chatapp.handshake import refuse, site_session_only
from chatapp.socket_lifetime import ends_with_socket, join_session_groups


def group_for(user):
    """``chat-<first letter of the username>``.

    Channel layer group names may hold only ASCII letters, digits, ``-``,
    ``_`` and ``.``; Django usernames may start with ``@``, ``+`` or any
    letter, so other characters become their code point (``chat-u00e9``).
    """
    first = user.get_username()[0]
    if not re.match(r"^[A-Za-z0-9_.-]$", first):
        first = "u%04x" % ord(first)
    return "chat-%s" % first


@site_session_only
@channel_session_user_from_http
def ws_add(message):
    if not message.user.is_authenticated:
        return refuse(message, "not_logged_in", "This chat needs a login session.")
    message.reply_channel.send({"accept": True})
    Group(group_for(message.user)).add(message.reply_channel)
    join_session_groups(message, message.user, message.http_session.session_key)


@channel_session_user
def ws_message(message):
    text = text_of(message)
    if text is not None and message.user.is_authenticated:
        Group(group_for(message.user)).send({"text": text})


@channel_session_user
@ends_with_socket
def ws_disconnect(message):
    if message.user.is_authenticated:
        Group(group_for(message.user)).discard(message.reply_channel)
