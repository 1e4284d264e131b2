"""最简单的例子 — the echo consumer (``ws /echo/``).

Channels 1.x accepted the handshake with a default ``websocket.connect``
consumer and routed only ``websocket.receive``; Channels 4 has no default:
``AsyncWebsocketConsumer.connect()`` accepts.  A binary frame comes back as
bytes (the tutorial's ``message.content['text']`` raised KeyError on it).

An empty frame is echoed as an empty frame, but daphne 4.2 (like daphne 1.4)
writes only truthy ``text``/``bytes``, so a real client gets no reply to it.
"""
from channels.generic.websocket import AsyncWebsocketConsumer


class EchoConsumer(AsyncWebsocketConsumer):
    async def receive(self, text_data=None, bytes_data=None):
        await self.send(text_data=text_data, bytes_data=bytes_data)
