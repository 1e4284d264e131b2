"""Fixtures of the browser tests: a real runserver, chromedriver and Chromiums.

When a test fails, every browser it opened saves a screenshot to
``artifacts/browser/<test>-<n>.png`` (and the server log is in the pytest
tmpdir named in the failure) before it is closed.
"""
from __future__ import unicode_literals

import os
import re

import pytest

from chatapp.tests.browser import chrome
from harness import legacy
from harness.legacy import Cluster
from harness.processes import ROOT

ARTIFACTS = os.path.join(ROOT, "artifacts", "browser")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, "report_" + report.when, report)


# The browser tests load the page by another name too.
PAGE_ENV = {"ALLOWED_HOSTS": "127.0.0.1,localhost,%s" % chrome.OTHER_HOST}


def _serve(tmpdir_factory, name, **extra):
    tmpdir = tmpdir_factory.mktemp(name)
    return legacy.runserver(tmpdir, legacy.prepared_env(tmpdir, **dict(PAGE_ENV, **extra)))


@pytest.fixture(scope="session")
def runserver(tmpdir_factory):
    """The server as ``bin/run`` starts it: token failures are bare refusals."""
    process = _serve(tmpdir_factory, "runserver")
    yield process
    process.stop()


@pytest.fixture(scope="session")
def explaining_runserver(tmpdir_factory):
    """WS_AUTH_EXPLAIN_FAILURES on: token failures arrive as a JSON frame + 4xxx."""
    process = _serve(tmpdir_factory, "runserver-explaining", WS_AUTH_EXPLAIN_FAILURES="1")
    yield process
    process.stop()


@pytest.fixture(scope="session")
def redis_deployment(tmpdir_factory):
    """daphne + 2 x runworker on a redis-server, DEBUG off: the production shape.

    With DEBUG on runworker serves static files itself; here WhiteNoise must.
    Yields daphne.
    """
    cluster = Cluster(tmpdir_factory.mktemp("redis-deployment"), env=PAGE_ENV, run_env={"DEBUG": "0"})
    try:
        yield cluster.daphne
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def chromedriver(tmpdir_factory):
    process = chrome.start_chromedriver(tmpdir_factory.mktemp("chromedriver"))
    yield process
    process.stop()


def artifact_path(filename):
    if not os.path.isdir(ARTIFACTS):
        os.makedirs(ARTIFACTS)
    return os.path.join(ARTIFACTS, re.sub(r"[^A-Za-z0-9_.-]+", "_", filename))


def save_screenshots(browsers, name):
    """Screenshots of ``browsers`` in ARTIFACTS, named after ``name``; their paths."""
    paths = []
    for number, browser in enumerate(browsers, 1):
        path = artifact_path("%s-%d.png" % (name, number))
        if browser.screenshot(path):
            paths.append(path)
    return paths


@pytest.fixture
def new_browser(chromedriver, request):
    """``new_browser(width=..., height=...)`` opens one more Chromium (one user)."""
    opened = []

    def open_browser(**size):
        browser = chrome.Browser(chromedriver, **size)
        opened.append(browser)
        return browser

    yield open_browser
    report = getattr(request.node, "report_call", None)
    try:
        if report is not None and report.failed:
            for path in save_screenshots(opened, request.node.name):
                print("screenshot of the failed test: %s" % path)
    finally:
        for browser in opened:
            browser.quit()
