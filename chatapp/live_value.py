"""The live value: the tutorial's ``cache.get('test')``, pushed to group ``live``.

The tutorial polled it from inside ``receive()`` with ``while True: ...
time.sleep(1)``, which holds a worker per open socket forever (Channels 1.x
workers run one consumer at a time) and sends nothing until the loop ends,
because sends inside a consumer are buffered until it returns.  Here whoever
changes the value pushes it to every member at once, and no consumer waits.
"""
from __future__ import unicode_literals

import json

from channels import Group
from django.core.cache import cache

CACHE_KEY = "test"
GROUP = "live"


def current_value():
    return cache.get(CACHE_KEY)


def frame(value):
    return {"text": json.dumps({"text": value})}


def set_value(value):
    cache.set(CACHE_KEY, value, None)  # None: never expires
    # In Channels 1.x an HTTP view runs inside the http.request consumer, so a
    # plain send would wait for the response to finish; push it now.
    Group(GROUP).send(frame(value), immediately=True)
