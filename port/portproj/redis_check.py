"""Fail fast, with one readable line, when ``REDIS_URL`` points nowhere.

Without this check channels_redis and Django's Redis cache connect lazily:
daphne would start, accept sockets and only then fail inside a consumer with
a ``ConnectionError`` traceback.  manage.py, asgi.py and wsgi.py call it
before Django sets anything up.  (The same check and wording as
``legacyproj/redis_check.py``.)
"""
import os
import re
import sys


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


def exit_if_redis_unreachable():
    urls = redis_urls()
    if not urls:
        return
    problem = check_redis(urls)
    if problem:
        print(
            f"portproj: REDIS_URL is set but {problem}. Start Redis there, fix REDIS_URL, "
            "or unset it to use the in-memory channel layer (one process only).",
            file=sys.stderr,
        )
        sys.exit(2)
