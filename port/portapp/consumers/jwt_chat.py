"""Json Web Token认证 — group chat for token holders (``ws /chat/jwt/?token=``).

``TokenAuthMiddleware`` (in ``portproj/routing.py``) refuses the handshake
unless the token is good and puts its user in ``scope["user"]``, so the
consumer only runs for good tokens.  ``TokenSocketMixin`` closes the socket
when the token expires or its user changes.  The group is joined in
``connect()``, after the check, never through ``groups = [...]``.
"""
from channels.generic.websocket import AsyncWebsocketConsumer

from portapp.consumers.frames import chat_line, text_of
from portapp.ws_authentication import TokenSocketMixin

GROUP = "chat-jwt"


class JwtChatConsumer(TokenSocketMixin, AsyncWebsocketConsumer):
    async def connect(self):
        await self.accept()
        await self.join(GROUP)

    async def receive(self, text_data=None, bytes_data=None):
        text = await text_of(self, text_data, bytes_data)
        if text is not None:
            # The tutorial sent "[user] %s" whoever spoke; the token names them.
            line = chat_line(self.scope["user"].get_username(), text)
            await self.channel_layer.group_send(GROUP, {"type": "chat.message", "text": line})

    async def chat_message(self, event):
        await self.send(text_data=event["text"])
