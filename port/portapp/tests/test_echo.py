"""最简单的例子: /echo/."""
import pytest

from portapp.tests.helpers import open_socket, socket

# Channels closes stale database connections around every message.
pytestmark = pytest.mark.django_db(transaction=True)


async def test_text_comes_back_verbatim():
    echo = await open_socket("/echo/")
    for text in ["hello world", "你好，世界 ✓", "x" * (1 << 20)]:
        await echo.send_to(text_data=text)
        assert await echo.receive_from() == text


async def test_binary_comes_back_as_the_same_bytes():
    # The tutorial's consumer raised KeyError here: binary frames have no "text".
    echo = await open_socket("/echo/")
    await echo.send_to(bytes_data=b"\x00\xff\x10binary")
    assert await echo.receive_from() == b"\x00\xff\x10binary"


async def test_an_empty_frame_is_echoed_empty():
    # daphne writes only non-empty frames, so a real client gets nothing
    # (test_real_daphne); the consumer itself answers.
    echo = await open_socket("/echo/")
    # (send_to() refuses an empty frame, so the message is sent as such.)
    await echo.send_input({"type": "websocket.receive", "text": ""})
    assert await echo.receive_output() == {"type": "websocket.send", "text": ""}


async def test_unknown_path_is_refused():
    connected, _ = await socket("/no-such-example/").connect()
    assert not connected
