"""ASGI's ``receive_twisted`` for a layer whose client blocks (redis-py).

daphne's reply reader asks for one message at a time and must never block the
reactor.  A daemon thread does the blocking read, a batch at a time, only
when the reactor asks (so that replies wait in the layer, where ``backlog``
sees them, not in this process), and hands the batch over with
``callFromThread``; the reactor then takes message after message from it
without a thread switch.  Redis outages are waited out in the thread.
"""
from __future__ import absolute_import, unicode_literals

import threading
from collections import deque

from six.moves import queue
from twisted.internet import defer
from twisted.python.failure import Failure

from legacyproj.layers.outage import until_reachable


class ThreadedReader(object):

    def __init__(self, receive_batch):
        """``receive_batch(channel)``: a list of ``(channel, message)``, in
        order, empty when nothing came within the layer's blocking timeout."""
        self.receive_batch = receive_batch
        self.received = deque()
        self.requests = queue.Queue()
        self.thread = None

    def receive(self, channel):
        """A Deferred for the next ``(channel, message)`` on ``channel``, or
        ``(None, None)`` when nothing came (daphne's reader asks again)."""
        if self.received:
            return defer.succeed(self.received.popleft())
        if self.thread is None:
            self.thread = threading.Thread(target=self.run, name="reply-reader")
            self.thread.daemon = True  # blocked in a read: must not hold up exit
            self.thread.start()
        deferred = defer.Deferred()
        self.requests.put((channel, deferred))
        return deferred

    def run(self):
        # Imported here: the layer is also used by processes without a
        # reactor (runworker, manage.py commands), which must not install one.
        from twisted.internet import reactor
        while True:
            channel, deferred = self.requests.get()
            try:
                batch = until_reachable(lambda: self.receive_batch(channel))
            except Exception:
                reactor.callFromThread(deferred.errback, Failure())
            else:
                reactor.callFromThread(self.deliver, deferred, batch)

    def deliver(self, deferred, batch):
        self.received.extend(batch)
        deferred.callback(self.received.popleft() if self.received else (None, None))
