# -*- coding: utf-8 -*-
"""Echo and group chat through the real ``manage.py runserver`` and real sockets."""
from __future__ import unicode_literals

import pytest
import websocket


def connect(runserver, path, **kwargs):
    return websocket.create_connection("ws://%s%s" % (runserver.url, path), timeout=10, **kwargs)


def test_echo_text_unicode_binary_and_one_mebibyte(runserver):
    ws = connect(runserver, "/echo/")
    try:
        for text in ["hello world", "你好，世界 ✓"]:
            ws.send(text)
            assert ws.recv() == text
        ws.send_binary(b"\x00\x01\xfe\xff")
        opcode, data = ws.recv_data()
        assert (opcode, data) == (websocket.ABNF.OPCODE_BINARY, b"\x00\x01\xfe\xff")
        big = "0123456789abcdef" * (1 << 16)
        ws.send(big)
        assert ws.recv() == big
    finally:
        ws.close()


def test_empty_frame_gets_no_reply_from_daphne(runserver):
    # The consumer echoes {"text": ""}; daphne 1.4 only sends truthy text/bytes,
    # so an empty frame never comes back.  The next frame still does.
    ws = connect(runserver, "/echo/")
    try:
        ws.send("")
        ws.send("after")
        assert ws.recv() == "after"
    finally:
        ws.close()


def test_unknown_path_is_refused_with_403(runserver):
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        connect(runserver, "/no-such-example/")
    assert refused.value.status_code == 403


def test_chat_among_three_clients(runserver):
    clients = [connect(runserver, "/chat/") for _ in range(3)]
    try:
        for index, sender in enumerate(clients):
            sender.send("from %d" % index)
            for receiver in clients:
                assert receiver.recv() == "[user] from %d" % index
    finally:
        for ws in clients:
            ws.close()
