"""Attempts on the credentials endpoints, limited per client address and per username.

``POST /api-token-auth/``, ``/api-token-refresh/`` and the login form count
every attempt, good or bad, in Django's cache (Redis when ``REDIS_URL`` is
set, so the limits hold across processes): ``AUTH_RATE_PER_ADDRESS`` per
client address and ``AUTH_RATE_PER_USERNAME`` per submitted username, over
the last period (``"30/min"``: 30 in any 60 seconds).  A client over a limit
gets 429 with ``Retry-After``.  The two counts are separate, so failures on
one username from one address never throttle another username from another
address; an address over its limit no longer counts against usernames.
"""
import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate):
    """``"30/min"`` -> ``(30, 60)``: attempts per period in seconds (DRF's notation)."""
    count, _, period = rate.partition("/")
    return int(count), PERIODS[period.strip().lower()[0]]


def client_address(request):
    return request.META.get("REMOTE_ADDR") or "unknown"


def _count(kind, value, rate, now):
    """Count an attempt; the seconds until one is allowed again if it is over the limit.

    A sliding window, as DRF's throttles keep it (legacy's): the times of
    the attempts within the last period, oldest first.
    """
    limit, period = parse_rate(rate)
    # A digest: the keys live in Redis, and usernames are the client's text.
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    key = f"auth-attempts:{kind}:{digest}"
    history = [moment for moment in cache.get(key, []) if moment > now - period]
    if len(history) >= limit:
        return max(1, math.ceil(history[0] + period - now))
    cache.set(key, history + [now], timeout=period)
    return None


def attempt(request, username):
    """Count one attempt; ``None`` when it may go ahead, else the seconds to wait."""
    now = time.time()
    wait = _count("address", client_address(request), settings.AUTH_RATE_PER_ADDRESS, now)
    if wait is None and isinstance(username, str) and username:
        wait = _count("username", username, settings.AUTH_RATE_PER_USERNAME, now)
    return wait


def detail(wait):
    return f"Too many attempts: try again in {wait} seconds."
