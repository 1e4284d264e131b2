"""``manage.py set_live_value VALUE``: change the live value and push it.

VALUE is read as the demo page reads its field: JSON when it parses (``42``,
``true``, ``{"a": 1}``), text otherwise, so ``set_live_value 42`` and
``PUT /api/live/ {"value": 42}`` push the same number.  ``--json`` insists
on JSON, ``--text`` keeps VALUE as text (``--text 42`` is the string ``"42"``).
"""
import json

from channels.layers import InMemoryChannelLayer, get_channel_layer
from django.core.management.base import BaseCommand, CommandError

from portapp import live_value


class Command(BaseCommand):
    help = "Set the live value (cache key 'test') and push it to every /live/ socket."

    def add_arguments(self, parser):
        parser.add_argument("value", help="the new value: JSON when it parses (42, true, {...}), else text")
        kind = parser.add_mutually_exclusive_group()
        kind.add_argument("--json", action="store_const", const="json", dest="kind", help="VALUE must be JSON")
        kind.add_argument("--text", action="store_const", const="text", dest="kind",
                          help="VALUE is text, even if it looks like JSON")

    def handle(self, *args, **options):
        if isinstance(get_channel_layer(), InMemoryChannelLayer):
            # Reporting success here would be a lie: the in-memory layer and the
            # local-memory cache live inside the server process.
            raise CommandError(
                "The in-memory channel layer and local-memory cache cannot be reached "
                "from another process, so nobody would see this change. Run the server "
                "and this command with REDIS_URL set, or use PUT /api/live/ on the running server.")
        value = parse(options["value"], options["kind"])
        if value is None:
            raise CommandError("The live value must not be null.")
        live_value.set_value(value)
        self.stdout.write(f"live value set to {json.dumps(value)}")


def parse(text, kind):
    if kind == "text":
        return text
    try:
        return json.loads(text)
    except ValueError as exc:
        if kind == "json":
            raise CommandError(f"VALUE is not valid JSON: {exc}")
        return text
