from __future__ import unicode_literals

import pytest


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The live value lives in the cache, which TestCase does not roll back.
    from django.core.cache import cache
    cache.clear()
    yield
    cache.clear()
