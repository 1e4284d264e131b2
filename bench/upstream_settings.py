"""legacyproj's settings with the channel layers as Channels 1.x ships them.

The "before" column of bench/broadcast_loss.py: asgi_redis's and asgiref's
default capacities, and asgi_redis's own group send.
"""
from __future__ import unicode_literals

from legacyproj.settings import *  # noqa: F401,F403
from legacyproj.settings import CHANNEL_LAYERS, REDIS_URLS

CHANNEL_LAYERS = {
    "default": {
        "BACKEND": "asgi_redis.RedisChannelLayer" if REDIS_URLS else "asgiref.inmemory.ChannelLayer",
        "CONFIG": {"hosts": REDIS_URLS} if REDIS_URLS else {},
        "ROUTING": CHANNEL_LAYERS["default"]["ROUTING"],
    },
}
