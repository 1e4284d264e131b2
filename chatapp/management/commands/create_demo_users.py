"""Create the documented demo users.  For development machines only: with
``DEBUG`` off it creates nobody (their password is public) and says so, so
that one release step serves development and production alike."""
from __future__ import unicode_literals

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

# alice and adam share a first letter, so they meet in /chat/session/'s group
# "chat-a"; bob is in "chat-b".  admin can open /admin/.
DEMO_USERS = (
    ("alice", False),
    ("adam", False),
    ("bob", False),
    ("admin", True),
)
DEMO_PASSWORD = "channels-demo"


class Command(BaseCommand):
    help = "Create (or reset) the demo users alice, adam, bob and admin (password %r)." % DEMO_PASSWORD

    def handle(self, *args, **options):
        if not settings.DEBUG:
            self.stdout.write("Skipped the demo users: DEBUG is off, and their password is public.")
            return
        User = get_user_model()
        for username, is_admin in DEMO_USERS:
            user, created = User.objects.get_or_create(username=username)
            user.set_password(DEMO_PASSWORD)
            user.is_active = True
            user.is_staff = user.is_superuser = is_admin
            user.save()
            self.stdout.write("%s demo user %s" % ("created" if created else "reset", username))
        self.stdout.write("password for all of them: %s" % DEMO_PASSWORD)
