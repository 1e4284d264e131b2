"""What the chat consumers share: they relay text, and say so to binary frames."""
from __future__ import unicode_literals

from chatapp.escaping import printable

TEXT_ONLY = "[error] chat accepts text frames only"


def text_of(message):
    """The frame's text; for a binary frame, tell the sender and return None.

    The tutorial's consumers read ``message.content['text']`` and raised
    KeyError in the worker on a binary frame.
    """
    text = message.content.get("text")
    if text is None:
        message.reply_channel.send({"text": TEXT_ONLY})
    return text


def printable_text_of(message):
    """``text_of``, for chats that prefix each line with its sender: a line
    break in the text must not start a line that looks like someone else's."""
    text = text_of(message)
    return None if text is None else printable(text)
