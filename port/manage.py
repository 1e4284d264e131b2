#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portproj.settings")
    from portproj.secret_key_check import exit_if_secret_key_unsafe
    exit_if_secret_key_unsafe()
    from portproj.redis_check import exit_if_redis_unreachable
    exit_if_redis_unreachable()
    from django.core.management import execute_from_command_line
    execute_from_command_line(sys.argv)
