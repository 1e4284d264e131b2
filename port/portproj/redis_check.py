"""Whether ``REDIS_URL`` points at a Redis that answers.

Without this check channels_redis and Django's Redis cache connect lazily:
daphne would start, accept sockets and only then fail inside a consumer
with a ``ConnectionError`` traceback.  ``portproj.preflight`` runs it
before Django sets anything up.
"""
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
            return f"{redact(url)} is not a redis:// URL"
        try:
            redis.Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout).ping()
        except (redis.RedisError, ValueError) as exc:
            # redis-py puts the URL's host in its messages, never the password.
            return f"Redis at {redact(url)} is unreachable ({redact(str(exc))})"
    return None
