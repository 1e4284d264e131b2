# -*- coding: utf-8 -*-
"""Echo and group chat through the real ``manage.py runserver`` and real sockets."""
from __future__ import unicode_literals

from harness.sockets import OPCODE_BINARY, Socket, refusal_status


def test_echo_text_unicode_binary_and_one_mebibyte(runserver):
    with Socket(runserver.url, "/echo/") as ws:
        for text in ["hello world", "你好，世界 ✓"]:
            ws.send(text)
            assert ws.recv() == text
        ws.send_binary(b"\x00\x01\xfe\xff")
        assert ws.recv_data() == (OPCODE_BINARY, b"\x00\x01\xfe\xff")
        big = "0123456789abcdef" * (1 << 16)
        ws.send(big)
        assert ws.recv() == big


def test_empty_frame_gets_no_reply_from_daphne(runserver):
    # The consumer echoes {"text": ""}; daphne 1.4 only sends truthy text/bytes,
    # so an empty frame never comes back.  The next frame still does.
    with Socket(runserver.url, "/echo/") as ws:
        ws.send("")
        ws.send("after")
        assert ws.recv() == "after"


def test_unknown_path_is_refused_with_403(runserver):
    assert refusal_status(runserver.url, "/no-such-example/") == 403


def test_chat_among_three_clients(runserver):
    clients = [Socket(runserver.url, "/chat/") for _ in range(3)]
    try:
        for index, sender in enumerate(clients):
            sender.send("from %d" % index)
            for receiver in clients:
                assert receiver.recv() == "[user] from %d" % index
    finally:
        for ws in clients:
            ws.close()
