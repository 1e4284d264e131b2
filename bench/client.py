"""The load generator: a minimal asyncio WebSocket client and the two loads.

One event loop drives every connection, so the client costs the same for
every shape (it shares the 2 cores with the servers).  Text frames only,
32 bytes unless told, masked as RFC 6455 requires of clients.
"""
from __future__ import division, unicode_literals

import asyncio
import base64
import os
import struct
import time

PAYLOAD = "x" * 32
CONNECT_CONCURRENCY = 20  # Twisted listens with a backlog of 50
READ_TIMEOUT = 5.0


class Closed(Exception):
    pass


class Connection(object):

    def __init__(self, reader, writer):
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, address, path):
        host, port = address.rsplit(":", 1)
        reader, writer = await asyncio.open_connection(host, int(port))
        key = base64.b64encode(os.urandom(16)).decode("ascii")
        writer.write(("GET %s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % (path, address, key))
                     .encode("ascii"))
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), READ_TIMEOUT)
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            writer.close()
            raise Closed("handshake refused: %r" % head.split(b"\r\n", 1)[0])
        return cls(reader, writer)

    def send(self, text, opcode=0x1):
        payload = text.encode("utf-8")
        length = len(payload)
        if length < 126:
            header = struct.pack("!BB", 0x80 | opcode, 0x80 | length)
        else:
            header = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, length)
        mask = os.urandom(4)
        key = int.from_bytes((mask * (length // 4 + 1))[:length], "big")
        masked = (int.from_bytes(payload, "big") ^ key).to_bytes(length, "big")
        self.writer.write(header + mask + masked)

    async def recv(self):
        """The next text frame; answers pings, raises Closed on a close."""
        while True:
            first, second = await self.reader.readexactly(2)
            length = second & 0x7f
            if length == 126:
                length = struct.unpack("!H", await self.reader.readexactly(2))[0]
            elif length == 127:
                length = struct.unpack("!Q", await self.reader.readexactly(8))[0]
            payload = await self.reader.readexactly(length)
            opcode = first & 0x0f
            if opcode == 0x8:
                raise Closed("closed by the server")
            if opcode == 0x9:
                self.send(payload.decode("latin-1"), opcode=0xA)
            elif opcode in (0x1, 0x2):
                return payload.decode("utf-8")

    def close(self):
        self.writer.close()


async def open_many(address, path, count):
    gate = asyncio.Semaphore(CONNECT_CONCURRENCY)

    async def one():
        async with gate:
            return await Connection.open(address, path)
    return await asyncio.gather(*[one() for _ in range(count)])


async def echo(address, connections, seconds, warmup=5):
    """Closed loop: each connection sends a frame as soon as the previous
    one came back.  After ``warmup`` round trips on every connection, returns
    (round trips completed in ``seconds``, their latencies)."""
    sockets = await open_many(address, "/echo/", connections)
    latencies, warmed, started, until = [], [0], asyncio.Event(), [0.0]

    async def loop(ws):
        for _ in range(warmup):
            ws.send(PAYLOAD)
            await asyncio.wait_for(ws.recv(), READ_TIMEOUT)
        warmed[0] += 1
        await started.wait()
        while time.perf_counter() < until[0]:
            sent = time.perf_counter()
            ws.send(PAYLOAD)
            if await asyncio.wait_for(ws.recv(), READ_TIMEOUT) != PAYLOAD:
                raise AssertionError("a reply that is not the echo of its frame")
            latencies.append(time.perf_counter() - sent)

    try:
        tasks = [asyncio.ensure_future(loop(ws)) for ws in sockets]
        while warmed[0] < connections and not any(task.done() for task in tasks):
            await asyncio.sleep(0.01)
        until[0] = time.perf_counter() + seconds
        started.set()
        await asyncio.gather(*tasks)
    finally:
        for ws in sockets:
            ws.close()
    return len(latencies), latencies


async def broadcast(address, receivers, in_flight, seconds, grace=3.0):
    """``receivers`` members of /chat/ plus a sender who keeps ``in_flight``
    broadcasts on their way for ``seconds``.  Returns (expected deliveries,
    delivered, seconds from the first send to the last delivery, latencies)."""
    sockets = await open_many(address, "/chat/", receivers + 1)
    sender, members = sockets[0], sockets[1:]
    sent_at, latencies, seen = {}, [], [set() for _ in members]
    last = [0.0]

    async def receive(ws, into):
        while True:
            text = await ws.recv()
            number = int(text.rsplit(" ", 1)[1])
            if number not in into:
                into.add(number)
                last[0] = time.perf_counter()
                latencies.append(last[0] - sent_at[number])

    readers = [asyncio.ensure_future(receive(ws, into)) for ws, into in zip(members, seen)]
    first = time.perf_counter()
    sent = settled = 0
    try:
        while time.perf_counter() < first + seconds:
            while sent - settled < in_flight:
                sent_at[sent] = time.perf_counter()
                sender.send("b %d" % sent)
                sent += 1
            try:
                await asyncio.wait_for(sender.recv(), READ_TIMEOUT)
            except asyncio.TimeoutError:
                pass  # lost on its way back to the sender: send the next
            settled += 1
        expected = sent * receivers
        deadline = time.perf_counter() + grace
        while sum(len(into) for into in seen) < expected and time.perf_counter() < deadline:
            await asyncio.sleep(0.01)
    finally:
        for task in readers:
            task.cancel()
        await asyncio.gather(*readers, return_exceptions=True)
        for ws in sockets:
            ws.close()
    return expected, sum(len(into) for into in seen), max(last[0], first + 1e-6) - first, latencies
