"""``manage.py set_live_value VALUE``: change the live value and push it."""
import json

from channels.layers import InMemoryChannelLayer, get_channel_layer
from django.core.management.base import BaseCommand, CommandError

from portapp import live_value


class Command(BaseCommand):
    help = "Set the live value (cache key 'test') and push it to every /live/ socket."

    def add_arguments(self, parser):
        parser.add_argument("value", help="the new value (a string, or JSON with --json)")
        parser.add_argument("--json", action="store_true", dest="as_json",
                            help="parse VALUE as JSON (numbers, objects, ...)")

    def handle(self, *args, **options):
        if isinstance(get_channel_layer(), InMemoryChannelLayer):
            # Reporting success here would be a lie: the in-memory layer and the
            # local-memory cache live inside the server process.
            raise CommandError(
                "The in-memory channel layer and local-memory cache cannot be reached "
                "from another process, so nobody would see this change. Run the server "
                "and this command with REDIS_URL set, or use PUT /api/live/ on the running server.")
        value = options["value"]
        if options["as_json"]:
            try:
                value = json.loads(value)
            except ValueError as exc:
                raise CommandError(f"VALUE is not valid JSON: {exc}")
        if value is None:
            raise CommandError("The live value must not be null.")
        live_value.set_value(value)
        self.stdout.write(f"live value set to {json.dumps(value)}")
