# -*- coding: utf-8 -*-
"""Channel routing: one block per example of the tutorial, in its order.

Channels 1.x routes on the *channel* (``websocket.connect`` / ``receive`` /
``disconnect``) and filters on message keys such as ``path`` (the query
string is not part of it).  The Channels 2+ equivalent is
``URLRouter([path("echo/", EchoConsumer.as_asgi()), ...])``.
"""
from channels.routing import connect_consumer, route, route_class

from chatapp.consumers import chat, class_echo, echo, jwt_chat, live, session_chat, unrouted

channel_routing = [
    # 最简单的例子: echo.  The tutorial routes receive only; connect falls to
    # Channels' accept-all default, named here so the catch-all below
    # does not refuse it.
    route("websocket.connect", connect_consumer, path=r"^/echo/$"),
    route("websocket.receive", echo.ws_message, path=r"^/echo/$"),

    # 利用组的概念: everybody in group "chat"
    route("websocket.connect", chat.ws_add, path=r"^/chat/$"),
    route("websocket.receive", chat.ws_message, path=r"^/chat/$"),
    route("websocket.disconnect", chat.ws_disconnect, path=r"^/chat/$"),

    # channels的认证: logged-in users, grouped by first letter
    route("websocket.connect", session_chat.ws_add, path=r"^/chat/session/$"),
    route("websocket.receive", session_chat.ws_message, path=r"^/chat/session/$"),
    route("websocket.disconnect", session_chat.ws_disconnect, path=r"^/chat/session/$"),

    # Json Web Token认证: ?token=<JWT>, group "chat-jwt"
    route("websocket.connect", jwt_chat.ws_add, path=r"^/chat/jwt/$"),
    route("websocket.receive", jwt_chat.ws_message, path=r"^/chat/jwt/$"),
    route("websocket.disconnect", jwt_chat.ws_disconnect, path=r"^/chat/jwt/$"),

    # 使用类视图: one class for all three channels
    route_class(class_echo.ClassEchoConsumer, path=r"^/class/$"),

    # 在channels类视图中使用token认证: the live value, pushed on change
    live.LiveConsumer.as_route(path=r"^/live/$"),

    # Any other path: refuse the handshake instead of accepting into a void.
    route("websocket.connect", unrouted.ws_reject),
]
