"""asgiref's in-memory layer (runserver): telling how many messages wait, and
(the default) handing each message over the moment it is sent.

asgiref 1.1's ``receive`` ignores ``block``, so Channels' worker threads find
an empty layer, sleep 10 ms and ask again, and daphne 1.4, seeing no
``twisted`` extension, polls for replies every 50 ms: the latency floor of
runserver and ~6 % of a core while idle.  ``ChannelLayer`` keeps the storage,
capacity and expiry of asgiref's layer and adds the two waits that were
missing: a blocking ``receive`` that a send wakes, and ``receive_twisted``
(ASGI's Twisted extension), whose Deferred a send fires in the reactor.
``StockChannelLayer`` is asgiref's layer as it ships (``CHANNELS_STOCK=1``).
"""
from __future__ import absolute_import, unicode_literals

import threading
import time

from asgiref.inmemory import ChannelLayer as BaseChannelLayer


class StockChannelLayer(BaseChannelLayer):

    def backlog(self, channel):
        """How many messages wait on ``channel`` (its length, here in memory)."""
        return len(self._channels.get(channel, ()))


class ChannelLayer(StockChannelLayer):

    extensions = StockChannelLayer.extensions + ["twisted"]

    # A blocking receive returns empty after this long, as asgi_redis's does
    # after its BLPOP timeout: the worker loop then simply asks again.
    block_timeout = 5.0

    def __init__(self, **kwargs):
        super(ChannelLayer, self).__init__(**kwargs)
        # One condition per set of channels that threads block on (the worker
        # threads all listen on the same set), so that a send wakes one
        # thread that can take the message, never one that cannot.
        self._arrivals = {}
        # The reactor's pending receive_twisted: its channels and Deferred.
        self._twisted_names = frozenset()
        self._twisted_pending = None
        self._cleaned = 0.0

    def _names(self, channels):
        return frozenset(self.non_local_name(channel) for channel in channels)

    def send(self, channel, message):
        super(ChannelLayer, self).send(channel, message)
        name = self.non_local_name(channel)
        with self.thread_lock:
            for names, arrival in self._arrivals.items():
                if name in names:
                    arrival.notify()
        if name in self._twisted_names:
            from twisted.internet import reactor
            reactor.callFromThread(self._fire_twisted)

    def _clean_expired(self):
        # asgiref walks every channel and every group member on each
        # receive (51 members: 51 x 51 steps per broadcast); expiry is a
        # matter of seconds, so once a second is enough.
        now = time.time()
        if now - self._cleaned >= 1.0:
            self._cleaned = now
            super(ChannelLayer, self)._clean_expired()

    def receive(self, channels, block=False):
        names = self._names(channels)
        deadline = time.time() + self.block_timeout
        while True:
            channel, message = super(ChannelLayer, self).receive(channels)
            if channel is not None or not block or time.time() >= deadline:
                return channel, message
            with self.thread_lock:
                # Checked again under the lock a send takes to notify, so
                # that no message can slip in between the look and the wait.
                if not any(self._channels.get(name) for name in names):
                    arrival = self._arrivals.setdefault(names, threading.Condition(self.thread_lock))
                    arrival.wait(max(0.0, deadline - time.time()))

    def receive_twisted(self, channels):
        """A Deferred that fires (in the reactor thread) with the next
        ``(channel, message)`` on ``channels``.  One caller at a time: the
        interface server's reply reader."""
        from twisted.internet import defer
        assert self._twisted_pending is None, "receive_twisted is already waiting"
        # Watch first, then look: a send after the look finds the watch set.
        self._twisted_names = self._names(channels)
        received = self.receive(channels)
        if received[0] is not None:
            self._twisted_names = frozenset()
            return defer.succeed(received)
        self._twisted_pending = (channels, defer.Deferred())
        return self._twisted_pending[1]

    def _fire_twisted(self):
        if self._twisted_pending is None:
            return  # a wake-up for a message already taken
        channels, deferred = self._twisted_pending
        received = self.receive(channels)
        if received[0] is not None:
            self._twisted_pending, self._twisted_names = None, frozenset()
            deferred.callback(received)
