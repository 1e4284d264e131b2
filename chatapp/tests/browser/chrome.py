"""Real headless Chromium through WebDriver: Debian's chromium + chromium-driver.

One chromedriver process (started here on a free 127.0.0.1 port, stopped by
its PID) serves every browser of a test run.  Each browser gets a fresh
profile directory; after ``quit()`` any Chromium process still running on
that profile is stopped by its PID, so nothing outlives the test.
"""
from __future__ import unicode_literals

import os
import shutil
import signal
import tempfile
import time

from selenium import webdriver

from harness.processes import free_port, start

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# Another host name for the page, resolved by Chromium alone (no /etc/hosts).
OTHER_HOST = "demo.test"


def start_chromedriver(tmpdir):
    port = free_port()
    return start("chromedriver", [CHROMEDRIVER, "--port=%d" % port, "--allowed-ips=127.0.0.1"],
                 dict(os.environ), tmpdir, port=port)


def chromium_options(profile, width, height):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-dev-shm-usage", "--disable-component-update", "--no-first-run",
        "--user-data-dir=%s" % profile,
        "--window-size=%d,%d" % (width, height),
        "--host-resolver-rules=MAP %s 127.0.0.1" % OTHER_HOST,
    ]:
        options.add_argument(argument)
    return options


def _pids_using(profile):
    """PIDs of the processes whose command line names ``profile``."""
    marker = ("--user-data-dir=%s" % profile).encode("utf-8")
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % entry, "rb") as handle:
                if marker in handle.read().split(b"\0"):
                    pids.append(int(entry))
        except (IOError, OSError):
            pass  # it ended while we looked
    return pids


class Browser(object):
    """One Chromium with its own profile (so its own cookies: one user)."""

    def __init__(self, chromedriver, width=1280, height=1400):
        self.profile = tempfile.mkdtemp(prefix="legacyproj-chromium-")
        try:
            self.driver = webdriver.Remote(
                command_executor="http://127.0.0.1:%d" % chromedriver.port,
                desired_capabilities=chromium_options(self.profile, width, height).to_capabilities())
        except Exception:
            shutil.rmtree(self.profile, ignore_errors=True)
            raise
        self.driver.set_page_load_timeout(30)

    def screenshot(self, path):
        return self.driver.save_screenshot(path)

    def quit(self):
        try:
            self.driver.quit()
        finally:
            self._stop_leftovers()
            shutil.rmtree(self.profile, ignore_errors=True)

    def _stop_leftovers(self):
        deadline = time.time() + 5
        while _pids_using(self.profile) and time.time() < deadline:
            time.sleep(0.1)
        for pid in _pids_using(self.profile):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
