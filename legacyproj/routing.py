# -*- coding: utf-8 -*-
"""Channel routing: one block per example of the tutorial, in its order.

Channels 1.x routes on the *channel* (``websocket.connect`` / ``receive`` /
``disconnect``) and filters on message keys such as ``path`` (the query
string is not part of it).  Each example's routes are listed once, without a
path, and ``include`` puts them under the example's path, so every path is
written once (``demo/examples.py`` declares them; a test holds the two
together).  Paths end in ``\\Z``: ``$`` would also match ``/echo/\\n``.  The
Channels 2+ equivalent is ``URLRouter([path("echo/", EchoConsumer.as_asgi()),
...])``.
"""
from channels.routing import connect_consumer, include, route, route_class

from chatapp.consumers import chat, class_echo, echo, jwt_chat, live, session_chat, unrouted

# 最简单的例子: echo.  The tutorial routes receive only; connect falls to
# Channels' accept-all default, named here so the catch-all below does not
# refuse it.
echo_routes = [
    route("websocket.connect", connect_consumer),
    route("websocket.receive", echo.ws_message),
]

# 利用组的概念: everybody in group "chat"
chat_routes = [
    route("websocket.connect", chat.ws_add),
    route("websocket.receive", chat.ws_message),
    route("websocket.disconnect", chat.ws_disconnect),
]

# channels的认证: logged-in users, grouped by first letter
session_chat_routes = [
    route("websocket.connect", session_chat.ws_add),
    route("websocket.receive", session_chat.ws_message),
    route("websocket.disconnect", session_chat.ws_disconnect),
]

# Json Web Token认证: ?token=<JWT>, group "chat-jwt"
jwt_chat_routes = [
    route("websocket.connect", jwt_chat.ws_add),
    route("websocket.receive", jwt_chat.ws_message),
    route("websocket.disconnect", jwt_chat.ws_disconnect),
]

channel_routing = [
    include(echo_routes, path=r"^/echo/\Z"),
    include(chat_routes, path=r"^/chat/\Z"),
    include(session_chat_routes, path=r"^/chat/session/\Z"),
    include(jwt_chat_routes, path=r"^/chat/jwt/\Z"),
    # 使用类视图: one class for all three channels
    route_class(class_echo.ClassEchoConsumer, path=r"^/class/\Z"),
    # 在channels类视图中使用token认证: the live value, pushed on change
    live.LiveConsumer.as_route(path=r"^/live/\Z"),
    # Any other path: refuse the handshake instead of accepting into a void.
    route("websocket.connect", unrouted.ws_reject),
]
