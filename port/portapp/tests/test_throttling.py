"""Attempts on the credentials endpoints: per address and per username, 429 with Retry-After."""
import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from portapp.tests.helpers import good_token
from portapp.throttling import parse_rate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def rates(settings):
    settings.AUTH_RATE_PER_ADDRESS = "5/min"
    settings.AUTH_RATE_PER_USERNAME = "3/min"


@pytest.fixture
def user():
    return get_user_model().objects.create_user("alice", password="pw")


def from_address(address):
    return Client(REMOTE_ADDR=address)


def obtain(client, username="alice", password="nope"):
    return client.post("/api-token-auth/", json.dumps({"username": username, "password": password}),
                       content_type="application/json")


def login(client, username="alice", password="nope"):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_rates_read_like_drfs():
    assert parse_rate("30/min") == (30, 60)
    assert parse_rate("10/s") == (10, 1)
    assert parse_rate("100/hour") == (100, 3600)


def test_per_username_across_addresses(user):
    for number in range(3):
        assert obtain(from_address(f"10.0.0.{number}")).status_code == 400
    refused = obtain(from_address("10.0.0.9"), password="pw")
    assert refused.status_code == 429
    assert refused.json()["error"] == "throttled" and refused.json()["detail"]
    assert 1 <= int(refused["Retry-After"]) <= 60
    # The login form counts against the same username.
    assert login(from_address("10.0.0.10"), password="pw").status_code == 429


def test_per_address_across_usernames(user):
    client = from_address("10.0.1.1")
    for number in range(5):
        assert obtain(client, username=f"user{number}").status_code == 400
    assert obtain(client, password="pw").status_code == 429
    assert login(client, password="pw").status_code == 429
    assert "Retry-After" in login(client, password="pw")


def test_failures_on_another_username_from_another_address_never_throttle(user):
    attacker = from_address("10.0.2.1")
    for _ in range(20):
        obtain(attacker, username="bob")
    assert obtain(from_address("10.0.2.2"), password="pw").status_code == 200
    assert login(from_address("10.0.2.3"), password="pw").status_code == 302


def test_refresh_counts_too(user):
    client = from_address("10.0.3.1")
    token = good_token(user)
    statuses = [client.post("/api-token-refresh/", json.dumps({"token": token}), content_type="application/json")
                .status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
