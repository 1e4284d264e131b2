"""What the chat consumers share: they relay text, and say so to binary frames."""
from portapp.text import escape_controls

TEXT_ONLY = "[error] chat accepts text frames only"


async def text_of(consumer, text_data, bytes_data):
    """The frame's text; for a binary frame, tell the sender and return None."""
    if text_data is None:
        await consumer.send(text_data=TEXT_ONLY)
    return text_data


def chat_line(username, text):
    """``[U] T``, with control characters in ``T`` written out, not sent.

    A newline or a terminal escape in ``T`` would otherwise forge a second
    line, signed by somebody else, on every member's screen.
    """
    return f"[{username}] {escape_controls(text)}"
