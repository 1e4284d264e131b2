"""Whether ``REDIS_URL`` points at a Redis that answers.

Without this check asgi_redis connects lazily: daphne would start, accept
sockets and only then die deep inside a worker thread with a
``ConnectionError`` traceback.  ``legacyproj.preflight`` runs it before
Django sets anything up.
"""
from __future__ import unicode_literals

import os
import re


def redis_urls(value=None):
    """The comma-separated ``REDIS_URL`` as a list (several = sharded)."""
    if value is None:
        value = os.environ.get("REDIS_URL", "")
    return [url.strip() for url in value.split(",") if url.strip()]


def redact(url):
    """The URL with any password replaced, fit for a log or an error."""
    return re.sub(r"//([^:/@]*):[^@/]*@", r"//\1:***@", url)


def check_redis(urls, timeout=2.0):
    """Return ``None`` when every URL answers PING, else the first problem."""
    import redis

    for url in urls:
        if not url.startswith(("redis://", "rediss://", "unix://")):
            return "%s is not a redis:// URL" % redact(url)
        try:
            redis.StrictRedis.from_url(
                url, socket_connect_timeout=timeout, socket_timeout=timeout).ping()
        except (redis.RedisError, ValueError) as exc:
            return "Redis at %s is unreachable (%s)" % (redact(url), exc)
    return None
