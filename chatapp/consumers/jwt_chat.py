# -*- coding: utf-8 -*-
"""Json Web Token认证 — group chat for token holders (``ws /chat/jwt/?token=``).

``@ws_auth_request_token`` refuses the handshake unless the token is good,
and logs the user into the channel session, so ``@channel_session_user``
knows who sends each frame.  ``@ws_token_still_valid`` closes the socket on
the first frame after the token expires (code 4006).
"""
from __future__ import unicode_literals

from channels import Group
from channels.auth import channel_session_user
from channels.sessions import channel_session

from chatapp.consumers.frames import printable_text_of
from chatapp.socket_lifetime import ends_with_socket
from chatapp.ws_authentication import ws_auth_request_token, ws_token_still_valid

GROUP = "chat-jwt"


@ws_auth_request_token
def ws_add(message):
    message.reply_channel.send({"accept": True})
    Group(GROUP).add(message.reply_channel)


@ws_token_still_valid
@channel_session_user
def ws_message(message):
    text = printable_text_of(message)
    if text is not None:
        # The tutorial sent "[user] %s" whoever spoke; the token names them.
        Group(GROUP).send({"text": "[%s] %s" % (message.user.get_username(), text)})


@channel_session
@ends_with_socket
def ws_disconnect(message):
    # Refused sockets get a disconnect too; discarding a non-member is a no-op.
    Group(GROUP).discard(message.reply_channel)
