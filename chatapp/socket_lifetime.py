"""A socket ends with what let it in: its token, its user, its login session.

A Channels 1.x consumer only runs when a frame arrives, so a socket that
never sends would outlive its token, its user's deactivation or password
change, or a logout, and keep receiving every broadcast.  The way to reach a
socket from anywhere in 1.x is a ``Group``, so at connect each socket joins:

* ``jwt-user-<id>`` or ``session-user-<id>``: changes to the user (saved
  through the ORM: admin, API, ``manage.py shell``) close these sockets at
  once, from a signal in whatever process made the change;
* ``jwt-exp-<second>``: the interface server (``legacyproj.server``) sends a
  close to each second's group once it has passed, so a token socket closes
  within about a second of its token's ``exp``;
* ``session-<hash of the session key>``: logging out closes the sockets of
  that login.

The close is an error frame and a close code after accept (``expired_token``
4006, ``inactive_user`` 4009, ``unknown_user`` 4008, ``invalid_token`` 4010
for a changed password, ``session_ended`` 4011), sent at once
(``immediately=True``), so broadcasts sent after it never reach the socket.
The groups a socket joined are kept in its channel session and left on
disconnect, when the channel session is deleted too.

Under the in-memory layer a change made in another process (``manage.py
shell`` beside ``runserver``) cannot reach the server's sockets; tokens still
end at their next frame or their ``exp``.  Channels 2+: the consumer itself
holds a timer and receives the events it subscribes to.
"""
from __future__ import unicode_literals

import hashlib
import json
import time
from functools import wraps

from channels import Group
from django.contrib.auth import get_user_model, user_logged_out
from django.db.models.signals import post_delete, post_save, pre_save

from chatapp.handshake import message_in

SESSION_GROUPS_KEY = "lifetime_groups"
SESSION_ENDED = 4011


def closing_frame(code, detail, close_code):
    return {"text": json.dumps({"error": code, "detail": detail}), "close": close_code}


def user_group(kind, user_id):
    return "%s-user-%s" % (kind, user_id)


def expiry_group(exp):
    return "jwt-exp-%d" % int(exp)


def session_group(session_key):
    return "session-%s" % hashlib.sha256(session_key.encode("utf-8")).hexdigest()[:40]


def join(message, *groups):
    """Add the socket to ``groups`` and remember them for its disconnect."""
    for name in groups:
        Group(name).add(message.reply_channel)
    session = message.channel_session
    session[SESSION_GROUPS_KEY] = list(session.get(SESSION_GROUPS_KEY, [])) + list(groups)


def join_token_groups(message, user, exp):
    join(message, user_group("jwt", user.pk), *([expiry_group(exp)] if exp else []))


def join_session_groups(message, user, session_key):
    join(message, user_group("session", user.pk), session_group(session_key))


def ends_with_socket(func):
    """For ``websocket.disconnect`` consumers that use a channel session:
    leave the groups above and delete the channel session."""
    @wraps(func)
    def inner(*args, **kwargs):
        message = message_in(args)
        try:
            return func(*args, **kwargs)
        finally:
            for name in message.channel_session.get(SESSION_GROUPS_KEY, []):
                Group(name).discard(message.reply_channel)
            message.channel_session.flush()
    return inner


def close_group(name, frame):
    Group(name).send(frame, immediately=True)


_last_swept = {}


def close_expired_sockets(channel_layer, now=None):
    """Housekeeping for the interface server: close the sockets of every
    ``jwt-exp-<second>`` group whose second has passed since the last call."""
    now = int(now if now is not None else time.time())
    first = _last_swept.get(id(channel_layer), now - 1) + 1
    frame = closing_frame("expired_token", "Signature has expired.", 4006)
    for second in range(first, now + 1):
        channel_layer.send_group(expiry_group(second - 1), frame)
    _last_swept[id(channel_layer)] = now


def _remember_account(sender, instance, **kwargs):
    previous = sender.objects.filter(pk=instance.pk).values_list("password", flat=True).first() \
        if instance.pk else None
    instance._lifetime_password = previous


def _account_saved(sender, instance, created, **kwargs):
    if created:
        return
    if not instance.is_active:
        _close_user(instance.pk, closing_frame("inactive_user", "User account is disabled.", 4009))
    elif getattr(instance, "_lifetime_password", instance.password) != instance.password:
        _close_user(instance.pk, closing_frame("invalid_token", "The password has changed.", 4010))


def _account_deleted(sender, instance, **kwargs):
    _close_user(instance.pk, closing_frame("unknown_user", "User doesn't exist.", 4008))


def _close_user(user_id, token_frame):
    close_group(user_group("jwt", user_id), token_frame)
    close_group(user_group("session", user_id),
                closing_frame("session_ended", "The login session has ended.", SESSION_ENDED))


def _logged_out(sender, request, user, **kwargs):
    session_key = getattr(request, "session", None) and request.session.session_key
    if session_key:
        close_group(session_group(session_key),
                    closing_frame("session_ended", "The login session has ended.", SESSION_ENDED))


def connect_signals():
    User = get_user_model()
    pre_save.connect(_remember_account, sender=User, dispatch_uid="lifetime-remember")
    post_save.connect(_account_saved, sender=User, dispatch_uid="lifetime-saved")
    post_delete.connect(_account_deleted, sender=User, dispatch_uid="lifetime-deleted")
    user_logged_out.connect(_logged_out, dispatch_uid="lifetime-logout")
