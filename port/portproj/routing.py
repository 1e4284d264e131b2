"""WebSocket routing: one line per example of the tutorial, in its order.

Channels 1.x routed on the *channel* (``websocket.connect`` / ``receive`` /
``disconnect``) with one block per example; Channels 4 routes each path to
one consumer class, and what the legacy decorators did (``@allowed_hosts_only``,
``@channel_session_user_from_http``, ``@ws_auth_request_token``) is
middleware around it, so each line shows how its example authenticates.
The paths are the ones ``demo/examples.py`` declares (a test holds the two
together); ``\\Z`` because ``$`` would also match ``echo/\\n``.
``KnownPathRouter`` refuses every other path (legacy: ``unrouted.ws_reject``).
"""
from channels.auth import AuthMiddlewareStack
from django.urls import re_path

from portapp.consumers import chat, class_echo, echo, jwt_chat, live, session_chat
from portapp.ws_authentication import TokenAuthMiddleware
from portapp.ws_security import KnownPathRouter, LoginRequired, OriginCheck

websocket_urlpatterns = [
    # 最简单的例子: echo
    re_path(r"^echo/\Z", echo.EchoConsumer.as_asgi()),
    # 利用组的概念: everybody in group "chat"
    re_path(r"^chat/\Z", chat.ChatConsumer.as_asgi()),
    # channels的认证: logged-in users, grouped by first letter
    re_path(r"^chat/session/\Z",
            OriginCheck(AuthMiddlewareStack(LoginRequired(session_chat.SessionChatConsumer.as_asgi())))),
    # Json Web Token认证: ?token=<JWT>, group "chat-jwt"
    re_path(r"^chat/jwt/\Z", TokenAuthMiddleware(jwt_chat.JwtChatConsumer.as_asgi())),
    # 使用类视图: one class, group "test"
    re_path(r"^class/\Z", OriginCheck(AuthMiddlewareStack(class_echo.ClassEchoConsumer.as_asgi()))),
    # 在channels类视图中使用token认证: the live value, pushed on change
    re_path(r"^live/\Z", TokenAuthMiddleware(live.LiveConsumer.as_asgi())),
]

websocket_application = KnownPathRouter(websocket_urlpatterns)
