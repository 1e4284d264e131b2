"""Request checks that come before anything reads a request.

``BodyTypeMiddleware`` is the first middleware: it refuses with 415 every
request body that no endpoint here reads.  Django 1.11's multipart parser
has unfixed CVEs (an endless loop on a base64 part, CVE-2022-23833; a temp
file per part, CVE-2023-24580), and the CSRF check parses a POST form before
any view can refuse it, so the refusal must come first.

``ScrubSecretsMiddleware`` runs only with ``DEBUG`` on: the debug page shows
local variables, settings and request headers, and must not show the signing
key, a Redis or database password, or the session and CSRF cookies.
"""
from __future__ import unicode_literals

import re

from django.conf import settings
from django.http import JsonResponse

READABLE_BODIES = ("application/json", "application/x-www-form-urlencoded")
MASK = "********************"


class BodyTypeMiddleware(object):

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        content_type = request.META.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        if request.body and content_type not in READABLE_BODIES:
            return JsonResponse({
                "error": "unsupported_media_type",
                "detail": "Bodies here are %s; not %s." % (" or ".join(READABLE_BODIES), content_type or "untyped"),
            }, status=415)
        return self.get_response(request)


def secrets_of(request):
    """Every value a response must never show."""
    values = [settings.SECRET_KEY]
    for url in getattr(settings, "REDIS_URLS", []):
        values += re.findall(r"//[^:/@]*:([^@/]+)@", url)
    values += [db.get("PASSWORD") for db in settings.DATABASES.values()]
    values += list(request.COOKIES.values())
    return [value for value in values if value and len(value) >= 4]


class ScrubSecretsMiddleware(object):

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code >= 400 and not response.streaming:
            content = response.content
            for secret in secrets_of(request):
                content = content.replace(secret.encode("utf-8"), MASK.encode("ascii"))
            response.content = content
        return response
