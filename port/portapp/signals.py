"""Tell open sockets when the login they hold changes.

A socket that holds a login checks it again when its user is saved or
deleted (``user.changed`` to group ``user-<pk>``): a password change, a
deactivation or a deletion closes a token socket at once, with the code of
the failure, and a session socket with ``session_ended``.  A logout
ends the sockets opened with that session (``session.ended``, close 4011).

Sent after the transaction commits, so that the socket's check reads the new
state.  Only changes that go through the ORM's ``save()``/``delete()`` (the
admin, ``changepassword``, ``set_password`` + ``save``) send a signal; a
``QuerySet.update()`` does not, and such a socket lives until its token
expires.
"""
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.contrib.auth.signals import user_logged_out
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from portapp.ws_security import session_group, user_group


def _send_after_commit(group, event_type):
    def send():
        async_to_sync(get_channel_layer().group_send)(group, {"type": event_type})
    transaction.on_commit(send)


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
@receiver(post_delete, sender=settings.AUTH_USER_MODEL)
def user_changed(sender, instance, update_fields=None, **kwargs):
    # Every login saves last_login; that changes nothing a socket relies on.
    if update_fields is not None and set(update_fields) == {"last_login"}:
        return
    _send_after_commit(user_group(instance.pk), "user.changed")


@receiver(user_logged_out)
def session_ended(sender, request, user, **kwargs):
    session_key = request.session.session_key
    if session_key:
        _send_after_commit(session_group(session_key), "session.ended")
