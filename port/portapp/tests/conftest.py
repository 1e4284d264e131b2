import pytest
from channels.layers import channel_layers


@pytest.fixture(autouse=True)
def _fresh_cache_and_layer():
    # The live value and the throttles live in the cache, and groups in the
    # layer; neither is rolled back with the database.
    from django.core.cache import cache
    cache.clear()
    channel_layers.backends.clear()
    yield
    cache.clear()
    channel_layers.backends.clear()
