"""在channels类视图中使用token认证 — the live value (``ws /live/?token=``).

Every frame is answered with ``{"text": <current value>}``; every change of
the value is pushed to group ``live`` by ``portapp.live_value.set_value``
(from ``PUT /api/live/`` or ``manage.py set_live_value``).  Nothing waits:
the tutorial's ``while True: ... time.sleep(1)`` loop is gone.

The tutorial authenticated in ``connect()``; a Channels 4 consumer's
``groups`` are joined before ``connect()`` runs, so a refused socket would
have been in group ``live`` for a moment.  Here ``TokenAuthMiddleware``
checks the token before the consumer exists, and ``connect()`` joins.
"""
from channels.generic.websocket import AsyncWebsocketConsumer

from portapp import live_value
from portapp.ws_authentication import TokenSocketMixin


class LiveConsumer(TokenSocketMixin, AsyncWebsocketConsumer):
    async def connect(self):
        await self.accept()
        await self.join(live_value.GROUP)

    async def receive(self, text_data=None, bytes_data=None):
        value = await live_value.acurrent_value()
        await self.send(text_data=live_value.frame(value))

    async def live_value(self, event):
        await self.send(text_data=event["text"])
