"""GET/PUT /api/live/ and manage.py set_live_value."""
import json

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from portapp import live_value
from portapp.management.commands.set_live_value import parse
from portapp.tests.helpers import good_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return get_user_model().objects.create_user("alice", password="pw")


@pytest.fixture
def member():
    """A channel in group "live", as an open /live/ socket's would be."""
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(live_value.GROUP, channel)
    return channel


def pushed(channel):
    """The frames the layer holds for ``channel``."""
    layer, frames = get_channel_layer(), []
    while not layer.channels.get(channel, None) is None and not layer.channels[channel].empty():
        frames.append(async_to_sync(layer.receive)(channel)["text"])
    return frames


def put(api, body, content_type="application/json"):
    return api.put("/api/live/", body, content_type=content_type)


def test_jwt_put_sets_pushes_and_get_reads(user, member):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="JWT " + good_token(user))
    response = put(api, json.dumps({"value": 42}))
    assert (response.status_code, response.json()) == (200, {"value": 42})
    assert pushed(member) == [json.dumps({"text": 42})]
    assert api.get("/api/live/").json() == {"value": 42}


def test_session_put_works_too(user):
    api = APIClient()
    api.login(username="alice", password="pw")
    assert put(api, json.dumps({"value": "via session"})).status_code == 200
    assert live_value.current_value() == "via session"


def test_session_put_needs_the_csrf_token(user):
    api = APIClient(enforce_csrf_checks=True)
    api.login(username="alice", password="pw")
    assert put(api, json.dumps({"value": 1})).status_code == 403


def test_anonymous_and_bad_tokens_are_401(user, member):
    api = APIClient()
    assert put(api, json.dumps({"value": 1})).status_code == 401
    for header in ["JWT garbage", "JWT " + good_token(user, exp=1), "JWT a b", "Bearer " + good_token(user)]:
        api.credentials(HTTP_AUTHORIZATION=header)
        assert put(api, json.dumps({"value": 1})).status_code == 401, header
    assert live_value.current_value() is None
    assert pushed(member) == []


@pytest.mark.parametrize("body, expected", [
    ("{not json", "JSON parse error"),
    (json.dumps({"other": 1}), "missing_value"),
    (json.dumps([1, 2]), "missing_value"),
    (json.dumps({"value": None}), "null_value"),
    (json.dumps({"value": "x" * (65 * 1024)}), "value_too_large"),
    ('{"value": ' + "[" * 70 + "]" * 70 + "}", "nested deeper"),
    ("[" * 60000 + "]" * 60000, "nested deeper"),  # RecursionError in json
])
def test_bad_bodies_are_400_with_a_reason_and_change_nothing(user, member, body, expected):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="JWT " + good_token(user))
    live_value.set_value("kept")
    pushed(member)
    response = put(api, body)
    assert response.status_code == 400, body[:40]
    assert expected in json.dumps(response.json()), body[:40]
    assert live_value.current_value() == "kept"
    assert pushed(member) == []


def test_set_live_value_refuses_under_the_in_memory_layer():
    with pytest.raises(CommandError) as refused:
        call_command("set_live_value", "5")
    assert "REDIS_URL" in str(refused.value)
    assert live_value.current_value() is None


@pytest.mark.parametrize("text, kind, value", [
    ("42", None, 42), ('{"a": 1}', None, {"a": 1}), ("hello", None, "hello"), ("42", "text", "42"),
    ("true", "json", True),
])
def test_set_live_value_reads_its_value_as_the_page_does(text, kind, value):
    assert parse(text, kind) == value


def test_set_live_value_json_must_be_json():
    with pytest.raises(CommandError, match="VALUE is not valid JSON"):
        parse("hello", "json")
