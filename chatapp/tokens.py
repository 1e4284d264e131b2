"""What a token says of its user, so that it ends when its user changes.

djangorestframework-jwt's payload names the user by ``username`` and
``user_id``; nothing ties it to the account as it is now, so a token kept
working after logout, a password change, deactivation, and even after the
account was deleted and a new one made under the same name.  The payload
here adds ``auth``: the same salted hash of the password hash that Django
keeps in a login session to end it when the password changes
(``get_session_auth_hash``).  ``chatapp.ws_authentication.check_user``
compares it (and ``user_id``) on every request, handshake and refresh.

Channels 2+ with djangorestframework-simplejwt: ``CHECK_REVOKE_TOKEN`` does
the same with its ``hash_password`` claim.
"""
from __future__ import unicode_literals

from rest_framework_jwt.utils import jwt_payload_handler

AUTH_CLAIM = "auth"


def auth_hash(user):
    return user.get_session_auth_hash()


def payload_for(user):
    """``JWT_PAYLOAD_HANDLER``: drf-jwt's payload plus the ``auth`` claim."""
    payload = jwt_payload_handler(user)
    payload[AUTH_CLAIM] = auth_hash(user)
    return payload
