"""``portproj.server``'s deadline for each request head, on Twisted's test transport and clock.

The black-box suite shows a handshake that never completes being dropped;
here, to the second, what moves the deadline and what does not.
"""
import logging

import pytest
from django.conf import settings
from twisted.internet.task import Clock
from twisted.internet.testing import StringTransport

from portproj.server import HTTPChannel

GET = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def connection(clock):
    """``(channel, transport)``; Twisted's plain Request never answers, the test finishes it."""
    channel = HTTPChannel()
    channel.callLater = clock.callLater
    transport = StringTransport()
    channel.makeConnection(transport)
    return channel, transport


def test_a_head_sent_byte_by_byte_is_dropped_at_the_deadline(clock, connection, caplog):
    channel, transport = connection
    with caplog.at_level(logging.WARNING, "portproj"):
        for byte in GET[:settings.HANDSHAKE_TIMEOUT_SECONDS - 1]:
            channel.dataReceived(bytes([byte]))
            clock.advance(1)
        assert not transport.disconnected
        clock.advance(1)
    assert transport.disconnected
    assert [record.getMessage() for record in caplog.records] == [
        "No complete request head from 192.168.1.1:54321 within HANDSHAKE_TIMEOUT_SECONDS "
        f"({settings.HANDSHAKE_TIMEOUT_SECONDS}): dropped"]


def test_a_request_being_answered_has_no_deadline_and_the_next_head_does(clock, connection):
    channel, transport = connection
    channel.dataReceived(GET)
    clock.advance(settings.HANDSHAKE_TIMEOUT_SECONDS * 3)
    assert not transport.disconnected
    channel.requests[0].finish()
    assert transport.value().startswith(b"HTTP/1.1 200 ")
    clock.advance(settings.HANDSHAKE_TIMEOUT_SECONDS)
    assert transport.disconnected


def test_a_head_that_came_during_the_previous_answer_is_not_dropped(clock, connection):
    channel, transport = connection
    channel.dataReceived(GET)
    channel.dataReceived(GET)  # pipelined: Twisted holds it until the first is answered
    channel.requests[0].finish()
    clock.advance(settings.HANDSHAKE_TIMEOUT_SECONDS * 3)
    assert not transport.disconnected
    assert len(channel.requests) == 1
