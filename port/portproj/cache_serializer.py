"""A JSON serializer for Django's Redis cache.

Django's ``RedisCache`` pickles values, and unpickling runs code: whoever
can write to Redis could then run code in every process that reads the
cache.  The cache holds only the live value (JSON already) and counters, so
JSON loses nothing.  Integers stay plain Redis integers, as in Django's own
serializer, so that ``cache.incr`` keeps working.
"""
import json


class JSONSerializer:
    def dumps(self, obj):
        if type(obj) is int:
            return obj
        return json.dumps(obj, separators=(",", ":")).encode("utf-8")

    def loads(self, data):
        try:
            return int(data)
        except ValueError:
            return json.loads(data)
