"""Text from clients, made safe to show in one line."""
from __future__ import unicode_literals

import re

# C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text):
    """``text`` with every control character written out as ``\\uXXXX``.

    A chat line ``ok\\n[alice] hi`` would otherwise read like a line from
    alice, and a path with a newline would split a log line in two.
    """
    return CONTROL.sub(lambda match: "\\u%04x" % ord(match.group()), text)
