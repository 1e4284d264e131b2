"""``manage.py runworker`` that outlives a Redis restart.

Channels 1.1's worker loop has two places outside any ``try`` that talk to
Redis: ``receive_many``, and the ``consumer_finished`` signal that sends what
a consumer buffered.  The first ``redis.ConnectionError`` in either (Redis
restarting, a network blip) ends the worker thread, and with it a
single-threaded ``runworker`` process, for good.  This command is Channels'
own, except that receiving waits the outage out with a capped back-off, and a
failed flush is logged and dropped (at-most-once, like the rest of Channels
1.x) instead of raised.
"""
from __future__ import unicode_literals

import logging

from channels import DEFAULT_CHANNEL_LAYER, channel_layers
from channels.management.commands import runworker
from channels.message import pending_message_store
from channels.signals import consumer_finished

from legacyproj.layers.outage import REDIS_DOWN, until_reachable

logger = logging.getLogger("django.channels")


class ReconnectingLayer(object):
    """A Channels layer wrapper whose ``receive_many`` retries until Redis
    answers, serving again within about a second of Redis coming back."""

    def __init__(self, layer):
        self._layer = layer

    def __getattr__(self, name):
        return getattr(self._layer, name)

    def __str__(self):
        return str(self._layer)

    def receive_many(self, channels, block=False):
        return until_reachable(lambda: self._layer.receive_many(channels, block=block))


def flush_or_drop(**kwargs):
    """Channels' sending of a consumer's buffered messages, minus the crash."""
    try:
        pending_message_store.send_and_flush(**kwargs)
    except REDIS_DOWN as exc:
        # Mark the thread as outside a consumer again, as a good flush does.
        pending_message_store.threadlocal.__dict__.pop("messages", None)
        logger.error("Channel layer unreachable (%s): the messages the last consumer sent are lost", exc)


class Command(runworker.Command):
    help = "Run a Channels worker that survives Redis restarts."

    def handle(self, *args, **options):
        alias = options.get("layer") or DEFAULT_CHANNEL_LAYER
        layer = channel_layers[alias]
        if not isinstance(layer, ReconnectingLayer):
            channel_layers.set(alias, ReconnectingLayer(layer))
        if consumer_finished.disconnect(pending_message_store.send_and_flush):
            consumer_finished.connect(flush_or_drop)
        super(Command, self).handle(*args, **options)
