from __future__ import unicode_literals

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase, override_settings
from six import StringIO


class DemoUsersTests(TestCase):
    def run_command(self):
        out = StringIO()
        call_command("create_demo_users", stdout=out)
        return out.getvalue()

    @override_settings(DEBUG=False)
    def test_with_debug_off_nobody_is_created_and_it_says_so(self):
        self.assertIn("Skipped the demo users: DEBUG is off", self.run_command())
        self.assertFalse(get_user_model().objects.exists())

    @override_settings(DEBUG=True)
    def test_with_debug_on_the_documented_users_exist(self):
        self.run_command()
        User = get_user_model()
        self.assertEqual(sorted(User.objects.values_list("username", flat=True)), ["adam", "admin", "alice", "bob"])
        self.assertTrue(User.objects.get(username="admin").is_superuser)
        self.assertTrue(User.objects.get(username="alice").check_password("channels-demo"))
