"""Reading settings from the environment: the few parsers settings.py needs."""
import os


def env_bool(name, default=False):
    """``1``/``true``/``yes``/``on`` (any case) is true; unset is ``default``."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def env_list(name, default):
    """A comma-separated list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default
