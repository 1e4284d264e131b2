"""``manage.py set_live_value VALUE``: change the live value and push it."""
from __future__ import unicode_literals

import json

from channels import DEFAULT_CHANNEL_LAYER, channel_layers
from django.core.management.base import BaseCommand, CommandError

from chatapp import live_value


class Command(BaseCommand):
    help = "Set the live value (cache key 'test') and push it to every /live/ socket."

    def add_arguments(self, parser):
        parser.add_argument("value", help="the new value (a string, or JSON with --json)")
        parser.add_argument("--json", action="store_true", dest="as_json",
                            help="parse VALUE as JSON (numbers, objects, ...)")

    def handle(self, *args, **options):
        if channel_layers[DEFAULT_CHANNEL_LAYER].local_only():
            # Reporting success here would be a lie: the in-memory layer and the
            # local-memory cache live inside the runserver process.
            raise CommandError(
                "The in-memory channel layer and local-memory cache cannot be reached "
                "from another process, so nobody would see this change. Run the server "
                "and this command with REDIS_URL set, or use PUT /api/live/ on the running server.")
        value = options["value"]
        if options["as_json"]:
            try:
                value = json.loads(value)
            except ValueError as exc:
                raise CommandError("VALUE is not valid JSON: %s" % exc)
        if value is None:
            raise CommandError("The live value must not be null.")
        live_value.set_value(value)
        self.stdout.write("live value set to %s" % json.dumps(value))
