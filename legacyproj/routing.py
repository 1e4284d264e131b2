# -*- coding: utf-8 -*-
"""Channel routing: one block per example of the tutorial, in its order.

Channels 1.x routes on the *channel* (``websocket.connect`` / ``receive`` /
``disconnect``) and filters on message keys such as ``path``.  The Channels 2+
equivalent is ``URLRouter([path("echo/", EchoConsumer.as_asgi()), ...])``.
"""
from channels.routing import connect_consumer, route

from chatapp.consumers import chat, echo, unrouted

channel_routing = [
    # 最简单的例子: echo.  The article routes receive only; connect falls to
    # Channels' accept-all default, named here so the catch-all below
    # does not refuse it.
    route("websocket.connect", connect_consumer, path=r"^/echo/$"),
    route("websocket.receive", echo.ws_message, path=r"^/echo/$"),

    # 利用组的概念: everybody in group "chat"
    route("websocket.connect", chat.ws_add, path=r"^/chat/$"),
    route("websocket.receive", chat.ws_message, path=r"^/chat/$"),
    route("websocket.disconnect", chat.ws_disconnect, path=r"^/chat/$"),

    # Any other path: refuse the handshake instead of accepting into a void.
    route("websocket.connect", unrouted.ws_reject),
]
