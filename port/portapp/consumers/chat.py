"""利用组的概念 — group chat for everybody (``ws /chat/``).

Channels 1.x: three function consumers (``ws_add`` / ``ws_message`` /
``ws_disconnect``) whose group sends went out when the consumer returned.
Channels 4: one consumer; ``groups`` are joined before ``connect()`` and
left on disconnect, and ``group_send`` goes out at once, to every member's
``chat_message`` handler.
"""
from channels.generic.websocket import AsyncWebsocketConsumer

from portapp.consumers.frames import chat_line, text_of

GROUP = "chat"


class ChatConsumer(AsyncWebsocketConsumer):
    groups = [GROUP]

    async def receive(self, text_data=None, bytes_data=None):
        text = await text_of(self, text_data, bytes_data)
        if text is not None:
            await self.channel_layer.group_send(GROUP, {"type": "chat.message", "text": chat_line("user", text)})

    async def chat_message(self, event):
        await self.send(text_data=event["text"])
