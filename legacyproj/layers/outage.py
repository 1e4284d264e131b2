"""Waiting out a Redis outage: retry with a capped back-off, log it once.

Shared by ``runworker`` (its receive loop) and the interface server's reply
reader (``legacyproj.layers.reader``): both block on Redis for ever, and both
must serve again within about a second of Redis coming back.
"""
from __future__ import absolute_import, unicode_literals

import logging
import time

import redis

logger = logging.getLogger("django.channels")

REDIS_DOWN = (redis.ConnectionError, redis.TimeoutError)

FIRST_DELAY = 0.1
MAX_DELAY = 1.0


def until_reachable(call):
    """``call()``, retried until it raises no connection error."""
    delay, down_since = FIRST_DELAY, None
    while True:
        try:
            result = call()
        except REDIS_DOWN as exc:
            if down_since is None:
                down_since = time.time()
                logger.warning("Channel layer unreachable (%s); retrying until it answers", exc)
            time.sleep(delay)
            delay = min(delay * 2, MAX_DELAY)
            continue
        if down_since is not None:
            logger.info("Channel layer reachable again after %.1fs", time.time() - down_since)
        return result
