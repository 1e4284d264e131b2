"""Text that is safe to show or log, whoever wrote it."""
import re

# C0, DEL, C1 and the two Unicode line separators: they would start a new
# line, move the cursor or reset a terminal when shown or logged.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def escape_controls(text):
    """``text`` with every control character written as ``\\uXXXX``."""
    return _CONTROL.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
