"""The demo page at / in real headless Chromium, against a real runserver.

Each browser has its own profile, so its own session cookie: one user each.
"""
from __future__ import unicode_literals

import time
import uuid

import pytest

from chatapp.tests.browser.chrome import OTHER_HOST
from chatapp.tests.browser.page import DemoPage, wait_until
from harness.legacy import DEMO_PASSWORD
from harness.tokens import encode, payload_of
from harness.web import WebClient


def logged_in_page(new_browser, server, username):
    page = DemoPage(new_browser(), server.base_url)
    page.log_in_and_wait(username)
    return page


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


def test_two_users_chat_on_jwt_chat(new_browser, runserver):
    alice = logged_in_page(new_browser, runserver, "alice").panel("/chat/jwt/")
    bob = logged_in_page(new_browser, runserver, "bob").panel("/chat/jwt/")
    alice.open()
    bob.open()

    hello = unique("hello bob")
    alice.send(hello)
    bob.wait_received("[alice] %s" % hello)
    alice.wait_received("[alice] %s" % hello)
    assert hello in alice.log("out")

    reply = unique("hi alice")
    bob.send(reply)
    alice.wait_received("[bob] %s" % reply)

    alice.close()
    assert "close code 1000" in alice.log("event")[-1]


def test_session_chat_reaches_the_same_initial_only(new_browser, runserver):
    alice = logged_in_page(new_browser, runserver, "alice").panel("/chat/session/")
    adam = logged_in_page(new_browser, runserver, "adam").panel("/chat/session/")
    bob = logged_in_page(new_browser, runserver, "bob").panel("/chat/session/")
    for panel in (alice, adam, bob):
        panel.open()

    from_alice = unique("from alice")
    alice.send(from_alice)
    adam.wait_received(from_alice)  # group chat-a, verbatim
    from_adam = unique("from adam")
    adam.send(from_adam)
    alice.wait_received(from_adam)

    # bob's own frame goes round his group chat-b; once it is back, alice's
    # and adam's (sent earlier) would have arrived too if they reached him.
    from_bob = unique("from bob")
    bob.send(from_bob)
    bob.wait_received(from_bob)
    time.sleep(0.3)
    assert bob.log("in") == [from_bob]
    assert from_bob not in alice.log("in") + adam.log("in")


def test_live_value_change_reaches_the_other_page_within_one_second(new_browser, runserver):
    alice = logged_in_page(new_browser, runserver, "alice")
    bob = logged_in_page(new_browser, runserver, "bob")
    for page in (alice, bob):
        page.panel("/live/").open()
        # The panel asks for the current value as soon as it is open.
        wait_until(page.driver, lambda: page.find("[data-role=live-value]").get_attribute("data-updated"),
                   "the live panel never showed the current value")

    value = unique("live")
    field = alice.find("#live-new-value")
    field.clear()
    field.send_keys(value)
    started = time.time()
    # Both clocks are this machine's: Date.now() in each page compares directly.
    sent_at = alice.driver.execute_script(
        "var t = Date.now(); arguments[0].requestSubmit(); return t;",
        alice.find("[data-role=live-form]"))
    bob.wait_text("[data-role=live-value]", value, timeout=5)
    seen_by_python = time.time() - started
    shown_at = int(bob.find("[data-role=live-value]").get_attribute("data-updated"))
    latency = (shown_at - sent_at) / 1000.0
    print("live value: PUT in one page to display in the other %.3f s "
          "(%.3f s including WebDriver polling)" % (latency, seen_by_python))
    assert latency < 1.0
    alice.wait_text("[data-role=live-value]", value)
    assert "with the JWT" in alice.wait_text("[data-role=live-status]", "Set to")


def test_live_value_with_the_session_and_csrf_only(new_browser, runserver):
    page = logged_in_page(new_browser, runserver, "adam")
    page.set_token("")  # no token: the PUT goes with the session cookie + X-CSRFToken
    value = unique("session")
    field = page.find("#live-new-value")
    field.clear()
    field.send_keys(value, "\n")
    assert "with the session" in page.wait_text("[data-role=live-status]", "Set to")
    assert page.driver.execute_script(
        "return fetch('/api/live/', {credentials: 'same-origin'}).then(r => r.json())") == {"value": value}

    page.find("#logout").click()
    page.wait_text("#session-status", "Not logged in.")
    assert page.text("#token-status") == "No token."
    page.panel("/chat/session/").open(expect="refused")


def test_wrong_password_is_a_clear_error(new_browser, runserver):
    page = DemoPage(new_browser(), runserver.base_url)
    page.log_in("alice", "not-the-password")
    error = page.wait_text("#account-error", "wrong username or password")
    assert "Unable to log in with provided credentials" in error
    assert page.text("#session-status") == "Not logged in."
    assert page.text("#token-status") == "No token."
    # Without a login the session chat is refused, and the panel says why.
    session = page.panel("/chat/session/")
    session.open(expect="refused")
    assert "HTTP 403" in session.error() and "Not logged in" in session.error()


def token(server, username, expires_in):
    """The server's own token for ``username``, re-signed (with the harness's
    key, which the server has) to expire ``expires_in`` seconds from now."""
    issued = WebClient(server.url).token(username, DEMO_PASSWORD)
    return encode(dict(payload_of(issued), exp=int(time.time()) + expires_in))


@pytest.mark.parametrize("server_name", ["runserver", "explaining_runserver"])
def test_expired_token_is_a_clear_error(new_browser, request, server_name):
    server = request.getfixturevalue(server_name)
    page = DemoPage(new_browser(), server.base_url)
    page.set_token(token(server, "alice", -60))
    assert "Your token expired at" in page.wait_text("#token-status", "expired")

    for path in ("/chat/jwt/", "/live/"):
        panel = page.panel(path)
        panel.open(expect="refused")
        error = panel.error()
        if server_name == "explaining_runserver":
            # The server says why: a JSON frame, then close code 4006.
            assert "expired_token" in error and "Signature has expired." in error
            assert "close code 4006" in error
        else:
            # A bare refusal is all the browser gets (1006); the page knows the
            # token's expiry and says so.
            assert "HTTP 403" in error and "close code 1006" in error
            assert "Your token expired at" in error

    page.find("[data-role=live-form] button").click()
    status = page.wait_text("[data-role=live-status]", "refused")
    assert "HTTP 401" in status and "Signature has expired." in status


def test_token_expiring_while_the_socket_is_open(new_browser, runserver):
    """Noticed on the next frame, and always explained (the socket is accepted)."""
    page = DemoPage(new_browser(), runserver.base_url)
    page.set_token(token(runserver, "adam", 3))
    chat = page.panel("/chat/jwt/")
    chat.open()
    chat.send("still valid")
    chat.wait_received("[adam] still valid")
    page.wait_text("#token-status", "Your token expired at", timeout=5)
    chat.send("too late")
    chat.wait_state("refused")
    error = chat.error()
    assert "expired_token" in error and "Signature has expired." in error and "close code 4006" in error
    assert "[adam] too late" not in chat.log("in")


def test_echo_class_echo_and_group_chat(new_browser, runserver):
    page = DemoPage(new_browser(), runserver.base_url)
    for path in ("/echo/", "/class/"):
        panel = page.panel(path)
        panel.open()
        panel.send("hello world")
        panel.wait_received("hello world")
        panel.send("héllo", binary=True)
        panel.wait_received("[6 bytes] 68 c3 a9 6c 6c 6f")
        panel.close()

    chat = page.panel("/chat/")
    chat.open()
    chat.send("hello group")
    chat.wait_received("[user] hello group")


def test_page_from_another_host_name(new_browser, runserver):
    """Static files, login, CSRF and the socket URL all follow location.host."""
    other = DemoPage(new_browser(), "http://%s:%d" % (OTHER_HOST, runserver.port))
    assert other.driver.execute_script(
        "return getComputedStyle(document.querySelector('.panels')).display") == "grid"
    other.log_in_and_wait("alice")
    session = other.panel("/chat/session/")
    session.open()  # Origin http://demo.test:PORT is in ALLOWED_HOSTS
    text = unique("from another host")
    session.send(text)
    session.wait_received(text)


def test_daphne_runworker_redis_without_debug(new_browser, redis_deployment):
    """Static files (WhiteNoise), chat and the live value across two workers."""
    alice = logged_in_page(new_browser, redis_deployment, "alice")
    adam = logged_in_page(new_browser, redis_deployment, "adam")
    assert alice.driver.execute_script(
        "return getComputedStyle(document.querySelector('.panels')).display") == "grid"

    chats = [page.panel("/chat/session/") for page in (alice, adam)]
    lives = [page.panel("/live/") for page in (alice, adam)]
    for panel in chats + lives:
        panel.open()
    text = unique("over redis")
    chats[0].send(text)
    chats[1].wait_received(text)

    value = unique("redis live")
    field = adam.find("#live-new-value")
    field.clear()
    field.send_keys(value, "\n")
    alice.wait_text("[data-role=live-value]", value, timeout=1.0)
