"""DRF's JSON parser, with nesting too deep for Python a 400 instead of a 500."""
from __future__ import unicode_literals

from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super(JSONParser, self).parse(stream, media_type, parser_context)
        except RuntimeError:  # RecursionError on Python 3, a plain RuntimeError on 2.7
            raise ParseError("JSON parse error - nested too deeply.")
