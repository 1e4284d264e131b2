"""Create the documented demo users.  For development machines only."""
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

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
    help = f"Create (or reset) the demo users alice, adam, bob and admin (password {DEMO_PASSWORD!r})."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create demo users with DEBUG off: they have a public password.")
        User = get_user_model()
        for username, is_admin in DEMO_USERS:
            user, created = User.objects.get_or_create(username=username)
            user.set_password(DEMO_PASSWORD)
            user.is_active = True
            user.is_staff = user.is_superuser = is_admin
            user.save()
            self.stdout.write(f"{'created' if created else 'reset'} demo user {username}")
        self.stdout.write(f"password for all of them: {DEMO_PASSWORD}")
