"""Credentials endpoints, throttled per client address and per username.

``POST /api-token-auth/``, ``/api-token-refresh/`` and the login form each
count attempts in Django's cache (Redis in the Redis shape, so the count
holds across every daphne and worker): ``AUTH_RATE_PER_ADDRESS`` per client
address and ``AUTH_RATE_PER_USERNAME`` per username, whatever the outcome.
Over either, the answer is 429 with ``Retry-After``.  Failures on one
username from one address never slow down another user's login from
another address.
"""
from __future__ import unicode_literals

import hashlib
import math

import jwt
import six
from django.conf import settings
from django.http import HttpResponse
from rest_framework.exceptions import Throttled
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import exception_handler as drf_exception_handler


class CredentialThrottle(SimpleRateThrottle):
    """Counts attempts on one credentials endpoint (``scope``) per key."""

    def __init__(self, scope):
        self.scope = scope
        super(CredentialThrottle, self).__init__()

    def key_of(self, request):
        raise NotImplementedError

    def get_cache_key(self, request, view):
        key = self.key_of(request)
        if key is None:
            return None
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
        return "throttle-%s-%s-%s" % (self.scope, type(self).__name__, digest)


class PerAddress(CredentialThrottle):
    def get_rate(self):
        return settings.AUTH_RATE_PER_ADDRESS

    def key_of(self, request):
        return self.get_ident(request)


class PerUsername(CredentialThrottle):
    def get_rate(self):
        return settings.AUTH_RATE_PER_USERNAME

    def key_of(self, request):
        username = username_of(request)
        return username.lower() if username else None


def username_of(request):
    """The username an attempt is for: the form's, or the refreshed token's."""
    data = getattr(request, "data", None) or request.POST
    username = data.get("username")
    if username is None and data.get("token"):
        try:
            username = jwt.decode(data.get("token"), verify=False).get("username")
        except jwt.InvalidTokenError:
            return None
    return username if isinstance(username, six.string_types) else None


def throttles(scope):
    return [PerAddress(scope), PerUsername(scope)]


def throttled_wait(request, scope):
    """Seconds to wait if this attempt is over a limit (counting it), else None."""
    waits = [throttle.wait() for throttle in throttles(scope) if not throttle.allow_request(request, None)]
    return int(math.ceil(max(waits))) if waits else None


def too_many_attempts(wait):
    response = HttpResponse("Too many attempts: try again in %d seconds.\n" % wait, status=429,
                            content_type="text/plain; charset=utf-8")
    response["Retry-After"] = "%d" % wait
    return response


def exception_handler(exc, context):
    """DRF's handler, with the API's error shape for a throttled request."""
    response = drf_exception_handler(exc, context)
    if isinstance(exc, Throttled) and response is not None:
        response.data = {"error": "throttled", "detail": response.data["detail"]}
    return response
