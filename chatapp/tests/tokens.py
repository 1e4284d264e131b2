"""Tokens for tests: good ones from djangorestframework-jwt, bad ones by hand."""
from __future__ import unicode_literals

import calendar
import datetime

import jwt
from django.conf import settings
from rest_framework_jwt.settings import api_settings


def payload_for(user, **changes):
    payload = api_settings.JWT_PAYLOAD_HANDLER(user)
    payload.update(changes)
    return payload


def good_token(user, **changes):
    return api_settings.JWT_ENCODE_HANDLER(payload_for(user, **changes))


def encode(payload, key=None, algorithm="HS256"):
    token = jwt.encode(payload, settings.SECRET_KEY if key is None else key, algorithm=algorithm)
    return token.decode("ascii") if isinstance(token, bytes) else token


def epoch(moment):
    return calendar.timegm(moment.utctimetuple())


def expired_token(user):
    return good_token(user, exp=datetime.datetime.utcnow() - datetime.timedelta(seconds=5))


def failure_cases(user, inactive_user):
    """(name, query string, expected error code) for every refusal class."""
    payload = payload_for(user)
    no_username = dict(payload)
    del no_username["username"]
    good = good_token(user)
    return [
        ("missing token", "", "missing_token"),
        ("empty token", "token=", "missing_token"),
        ("garbage", "token=garbage", "malformed_token"),
        ("truncated", "token=" + good[:len(good) // 2], "malformed_token"),
        ("other secret", "token=" + encode(payload, key="not-the-secret"), "bad_signature"),
        ("alg none", "token=" + encode(payload, key="", algorithm="none"), "bad_algorithm"),
        ("other algorithm", "token=" + encode(payload, algorithm="HS512"), "bad_algorithm"),
        ("expired", "token=" + expired_token(user), "expired_token"),
        ("no username", "token=" + encode(no_username), "invalid_payload"),
        ("username not a string", "token=" + encode(dict(payload, username=["alice"])), "invalid_payload"),
        ("unknown user", "token=" + encode(dict(payload, username="nobody")), "unknown_user"),
        ("inactive user", "token=" + good_token(inactive_user), "inactive_user"),
        ("other parameter", "access_token=" + good, "missing_token"),
        ("two different tokens", "token=%s&token=%s" % (good, good_token(inactive_user)), "ambiguous_token"),
    ]
