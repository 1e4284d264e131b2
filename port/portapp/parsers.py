"""DRF's JSON parser, with a nesting limit.

Python's ``json`` recurses once per level: a 128 KiB body of ``[[[[...`` raises
RecursionError, which DRF's parser does not catch (a 500).  Here that, and
any document nested deeper than :data:`MAX_DEPTH`, is a 400 parse error.
"""
from rest_framework import parsers
from rest_framework.exceptions import ParseError

MAX_DEPTH = 64


def nesting_depth(value):
    """How many arrays and objects deep ``value`` goes (without recursing)."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            item = item.values()
        elif not isinstance(item, list):
            continue
        deepest = max(deepest, depth)
        pending.extend((child, depth + 1) for child in item)
    return deepest


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        too_deep = ParseError(f"JSON parse error - nested deeper than {MAX_DEPTH} levels.")
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise too_deep
        if nesting_depth(data) > MAX_DEPTH:
            raise too_deep
        return data
