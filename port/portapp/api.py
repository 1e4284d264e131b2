"""``GET/PUT /api/live/``: read and change the live value (JWT or session auth)."""
import json

from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from portapp import live_value

# The value is pushed to every open /live/ socket in one frame; keep it small.
MAX_VALUE_BYTES = 64 * 1024


def _error(code, detail):
    return Response({"error": code, "detail": detail}, status=status.HTTP_400_BAD_REQUEST)


class LiveValueView(APIView):
    def get(self, request):
        return Response({"value": live_value.current_value()})

    def put(self, request):
        # Malformed JSON never gets here: DRF answers 400 "JSON parse error".
        data = request.data
        if not hasattr(data, "get") or "value" not in data:
            return _error("missing_value", 'Send a JSON object like {"value": 42}.')
        value = data.get("value")
        if value is None:
            return _error("null_value", "value must not be null.")
        if len(json.dumps(value)) > MAX_VALUE_BYTES:
            return _error("value_too_large", f"value must encode to at most {MAX_VALUE_BYTES} bytes of JSON.")
        live_value.set_value(value)
        return Response({"value": value})
