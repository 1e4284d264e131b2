"""Bounded traffic over real sockets, shared by the tests and bench/.

Everything here returns counts, never timings: speed belongs in bench/.
"""
from __future__ import absolute_import, unicode_literals

import socket
import threading
import time

import websocket

from harness.sockets import Socket

TIMEOUTS = (websocket.WebSocketTimeoutException, socket.timeout)
FAILURES = (websocket.WebSocketException, socket.error, socket.timeout)


def connect(url, path, count, timeout=1.0):
    """``count`` sockets, handshakes given 10 s, then ``timeout`` per read."""
    sockets = []
    try:
        for _ in range(count):
            sockets.append(Socket(url, path, timeout=10))
            sockets[-1].settimeout(timeout)
    except Exception:
        close(sockets)
        raise
    return sockets


def close(sockets):
    for ws in sockets:
        ws.close()


def serves_echo(url, timeout=1.0):
    """Whether a new /echo/ socket gets its frame back within ``timeout``."""
    try:
        with Socket(url, "/echo/", timeout=timeout) as ws:
            ws.send("still there?")
            return ws.recv() == "still there?"
    except FAILURES:
        return False


def chat_round(url, members, path="/chat/"):
    """Each of ``members`` new sockets says one thing in the chat.

    Returns how many members heard everybody (they all should).
    """
    clients = connect(url, path, members, timeout=10)
    try:
        for index, sender in enumerate(clients):
            sender.send("from %d" % index)
        expected = set("[user] from %d" % index for index in range(members))
        return sum(set(client.recv() for _ in range(members)) == expected for client in clients)
    finally:
        close(clients)


def collect(ws, expected, until, into):
    """Append text frames from ``ws`` to ``into`` until ``expected`` or ``until()``."""
    while len(into) < expected and time.time() < until():
        try:
            into.append(ws.recv())
        except TIMEOUTS:
            continue
        except FAILURES:
            return


def broadcast(url, receivers=50, in_flight=10, total=60, timeout=60.0, grace=5.0, path="/chat/"):
    """Send ``total`` group messages, ``in_flight`` at a time, to ``receivers`` sockets.

    The sender is a member of the group too and sends the next message each
    time one of its own comes back (or one read times out), so ``in_flight``
    broadcasts are on their way all the time.  Returns ``(expected, delivered)``
    over the receivers; a duplicate is not counted twice.
    """
    deadline = [time.time() + timeout]
    sockets = connect(url, path, receivers + 1)
    sender, receiving = sockets[0], sockets[1:]
    received = [[] for _ in receiving]
    threads = [threading.Thread(target=collect, args=(ws, total, lambda: deadline[0], into))
               for ws, into in zip(receiving, received)]
    try:
        for thread in threads:
            thread.start()
        _send_in_flight(sender, total, in_flight, deadline[0])
        # Once the sender is done, what has not arrived within ``grace`` is lost.
        deadline[0] = min(deadline[0], time.time() + grace)
        for thread in threads:
            thread.join(max(0.0, deadline[0] - time.time()) + 2)
    finally:
        close(sockets)
    return receivers * total, sum(len(set(into)) for into in received)


def _send_in_flight(sender, total, in_flight, until):
    sent = settled = 0
    try:
        while settled < total and time.time() < until:
            while sent < total and sent - settled < in_flight:
                sender.send("broadcast %d" % sent)
                sent += 1
            try:
                sender.recv()
            except TIMEOUTS:
                pass  # lost on the way back to us: stop waiting for it
            settled += 1
    except FAILURES:
        pass  # the server closed the sender (backpressure): the rest is lost


def echo_stream(url, count, interval=0.01, timeout=3.0, path="/echo/", seconds=60.0):
    """Send ``count`` numbered frames one at a time; return how many got no echo.

    After a lost frame the stream carries on over a new socket.  Frames not
    sent within ``seconds`` count as lost.
    """
    lost, ws, until = 0, None, time.time() + seconds
    for number in range(count):
        if time.time() > until:
            lost += count - number
            break
        try:
            if ws is None:
                ws = Socket(url, path, timeout=timeout)
            ws.send("frame %d" % number)
            while ws.recv() != "frame %d" % number:
                pass  # the late echo of a frame already counted as lost
        except FAILURES:
            lost += 1
            if ws is not None:
                ws.close()
            ws = None
        time.sleep(interval)
    if ws is not None:
        ws.close()
    return lost


def echo_streams(url, streams, count, **kwargs):
    """``streams`` concurrent ``echo_stream`` threads; returns their lost counts.

    Call ``.join()`` on the result object to wait for the totals.
    """
    return _Streams(url, streams, count, kwargs)


class _Streams(object):
    def __init__(self, url, streams, count, kwargs):
        self.lost = [0] * streams
        self.threads = [threading.Thread(target=self._run, args=(index, url, count, kwargs))
                        for index in range(streams)]
        for thread in self.threads:
            thread.start()

    def _run(self, index, url, count, kwargs):
        self.lost[index] = echo_stream(url, count, **kwargs)

    def join(self):
        for thread in self.threads:
            thread.join()
        return self.lost
