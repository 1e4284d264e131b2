"""``CHANNEL_SESSION_ENGINE``: channel sessions in the cache, apart from logins.

Channels 1.x keeps a socket's channel session with ``SESSION_ENGINE`` unless
told otherwise: one ``django_session`` row per handshake (refused ones too),
never deleted, and keyed so that the row of a token socket worked as an HTTP
``sessionid`` cookie for that user.  Here they live in the cache under their
own prefix, expire with the longest a socket may live, and are deleted when
the socket closes (``chatapp.socket_lifetime.ends_with_socket``).
"""
from __future__ import unicode_literals

from django.contrib.sessions.backends import cache

# daphne closes a socket after websocket_timeout, the layer's group_expiry.
LIFETIME = 86400


class SessionStore(cache.SessionStore):
    cache_key_prefix = "legacyproj.channel_session."

    def get_expiry_age(self, **kwargs):
        return LIFETIME
