"""What the chat consumers share: they relay text, and say so to binary frames."""
from __future__ import unicode_literals

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
