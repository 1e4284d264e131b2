"""The live value: the tutorial's ``cache.get('test')``, pushed to group ``live``.

The tutorial polled it from inside ``receive()`` with ``while True: ...
time.sleep(1)``.  Here whoever changes the value pushes it to every member
at once, and no consumer waits.  In Channels 4 a ``group_send`` goes out
when it is awaited, so there is no ``immediately=True`` any more.
"""
import json

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache

CACHE_KEY = "test"
GROUP = "live"


def current_value():
    return cache.get(CACHE_KEY)


async def acurrent_value():
    return await cache.aget(CACHE_KEY)


def frame(value):
    return json.dumps({"text": value})


def set_value(value):
    """Store the value and push it to every /live/ socket (sync code: views, commands)."""
    cache.set(CACHE_KEY, value, None)  # None: never expires
    # Encoded once here rather than once per socket.
    async_to_sync(get_channel_layer().group_send)(GROUP, {"type": "live.value", "text": frame(value)})
