"""A real WebSocket client (websocket-client) that returns text as text.

websocket-client 0.59 (the last for Python 2) returns text frames as UTF-8
``str`` on 2.7 and ``str`` on 3.x; tests compare unicode everywhere.
"""
from __future__ import absolute_import, unicode_literals

import json
import struct

import six
import websocket

WebSocketBadStatusException = websocket.WebSocketBadStatusException
OPCODE_BINARY = websocket.ABNF.OPCODE_BINARY
OPCODE_TEXT = websocket.ABNF.OPCODE_TEXT
OPCODE_CLOSE = websocket.ABNF.OPCODE_CLOSE


class Socket(object):
    def __init__(self, address, path, timeout=10, **kwargs):
        self.ws = websocket.create_connection("ws://%s%s" % (address, path), timeout=timeout, **kwargs)

    def send(self, text):
        self.ws.send(text)

    def send_binary(self, data):
        self.ws.send_binary(data)

    def recv(self):
        data = self.ws.recv()
        if isinstance(data, six.binary_type) and six.PY2:
            return data.decode("utf-8")
        return data

    def recv_json(self):
        return json.loads(self.recv())

    def recv_data(self):
        return self.ws.recv_data()

    def recv_close_code(self):
        """Read up to the server's close frame and return its status code.

        Frame by frame, without websocket-client's automatic close reply: the
        server may have gone by then."""
        while True:
            frame = self.ws.recv_frame()
            if frame.opcode == OPCODE_CLOSE:
                return struct.unpack("!H", frame.data[:2])[0]

    def settimeout(self, seconds):
        self.ws.settimeout(seconds)

    def close(self):
        self.ws.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


def refusal_status(address, path, **kwargs):
    """The HTTP status of a refused handshake (None when it was accepted)."""
    try:
        Socket(address, path, **kwargs).close()
    except WebSocketBadStatusException as refused:
        return refused.status_code
    return None
