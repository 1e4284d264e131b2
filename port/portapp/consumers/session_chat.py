"""channels的认证 — chat among users with the same initial (``ws /chat/session/``).

Channels 1.x copied the login session into the channel session with
``@channel_session_user_from_http``; Channels 4's ``AuthMiddlewareStack``
puts the user in ``scope["user"]`` for the whole connection.  In
``portproj/routing.py`` the consumer sits behind ``OriginCheck`` (a foreign
or missing Origin is refused: cross-site WebSocket hijacking) and
``LoginRequired`` (anonymous refused: the tutorial indexed an empty
username and crashed).  Logging out closes the socket (4011).
"""
import re

from channels.generic.websocket import AsyncWebsocketConsumer

from portapp.consumers.frames import text_of
from portapp.ws_security import AuthenticatedSocketMixin


def group_for(user):
    """``chat-<first letter of the username>``.

    Channel layer group names may hold only ASCII letters, digits, ``-``,
    ``_`` and ``.``; Django usernames may start with ``@``, ``+`` or any
    letter, so other characters become their code point (``chat-u00e9``).
    """
    first = user.get_username()[0]
    if not re.match(r"^[A-Za-z0-9_.-]\Z", first):
        first = f"u{ord(first):04x}"
    return f"chat-{first}"


class SessionChatConsumer(AuthenticatedSocketMixin, AsyncWebsocketConsumer):
    async def connect(self):
        await self.accept()
        await self.join(group_for(self.scope["user"]))
        await self.join_session_group()

    async def receive(self, text_data=None, bytes_data=None):
        text = await text_of(self, text_data, bytes_data)
        if text is not None:
            await self.channel_layer.group_send(group_for(self.scope["user"]), {"type": "chat.message", "text": text})

    async def chat_message(self, event):
        await self.send(text_data=event["text"])
