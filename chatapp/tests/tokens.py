"""Good tokens for unit tests, from djangorestframework-jwt's own handlers."""
from __future__ import unicode_literals

from rest_framework_jwt.settings import api_settings


def good_token(user, **changes):
    payload = api_settings.JWT_PAYLOAD_HANDLER(user)
    payload.update(changes)
    return api_settings.JWT_ENCODE_HANDLER(payload)
