"""``manage.py runworker`` that outlives a Redis restart.

Channels 1.1's worker calls ``receive_many`` outside of any ``try``: the first
``redis.ConnectionError`` (Redis restarting, a network blip) ends the worker
thread, and with it a single-threaded ``runworker`` process, for good.  This
command is Channels' own, except that the worker's channel layer waits the
outage out with a capped back-off and then carries on.  Messages that a
consumer was sending at the moment of the outage are lost (logged).
"""
from __future__ import unicode_literals

import logging
import time

import redis
from channels import DEFAULT_CHANNEL_LAYER, channel_layers
from channels.management.commands import runworker

logger = logging.getLogger("django.channels")

REDIS_DOWN = (redis.ConnectionError, redis.TimeoutError)


class ReconnectingLayer(object):
    """A Channels layer wrapper whose ``receive_many`` retries until Redis answers.

    The back-off is capped at ``max_delay`` so that a worker serves again
    within about a second of Redis coming back.
    """

    first_delay = 0.1
    max_delay = 1.0

    def __init__(self, layer):
        self._layer = layer

    def __getattr__(self, name):
        return getattr(self._layer, name)

    def __str__(self):
        return str(self._layer)

    def receive_many(self, channels, block=False):
        delay, down_since = self.first_delay, None
        while True:
            try:
                result = self._layer.receive_many(channels, block=block)
            except REDIS_DOWN as exc:
                if down_since is None:
                    down_since = time.time()
                    logger.warning("Channel layer unreachable (%s); retrying until it answers", exc)
                time.sleep(delay)
                delay = min(delay * 2, self.max_delay)
                continue
            if down_since is not None:
                logger.info("Channel layer reachable again after %.1fs", time.time() - down_since)
            return result


class Command(runworker.Command):
    help = "Run a Channels worker that survives Redis restarts."

    def handle(self, *args, **options):
        alias = options.get("layer") or DEFAULT_CHANNEL_LAYER
        layer = channel_layers[alias]
        if not isinstance(layer, ReconnectingLayer):
            channel_layers.set(alias, ReconnectingLayer(layer))
        super(Command, self).handle(*args, **options)
