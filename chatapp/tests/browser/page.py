"""The demo page as a person uses it: type, click, and wait for what appears.

WebSocket traffic does not hold Chromium's virtual time, so every step waits
explicitly (WebDriverWait) for the page to show its outcome.
"""
from __future__ import unicode_literals

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

WAIT = 10  # seconds; generous for a loaded CI machine, tests finish far sooner

DEMO_PASSWORD = "channels-demo"


def wait_until(driver, condition, message, timeout=WAIT):
    return WebDriverWait(driver, timeout, poll_frequency=0.02).until(lambda _: condition(), message)


class DemoPage(object):
    def __init__(self, browser, base_url):
        self.driver = browser.driver
        self.base_url = base_url
        self.driver.get(base_url + "/")
        wait_until(self.driver, lambda: self.driver.execute_script("return !!window.demo"),
                   "demo.js did not start")

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def text(self, css):
        return self.find(css).text

    def wait_text(self, css, expected, timeout=WAIT):
        """Wait until the element ``css`` contains ``expected``; return its text."""
        wait_until(self.driver, lambda: expected in self.text(css),
                   "%r never showed %r (it shows %r)" % (css, expected, self.text(css)), timeout)
        return self.text(css)

    def log_in(self, username, password=DEMO_PASSWORD):
        self.find("#login-username").clear()
        self.find("#login-username").send_keys(username)
        self.find("#login-password").clear()
        # Enter submits the form, as a keyboard user would.
        self.find("#login-password").send_keys(password, Keys.ENTER)

    def log_in_and_wait(self, username, password=DEMO_PASSWORD):
        self.log_in(username, password)
        self.wait_text("#session-status", "Logged in as %s" % username)
        self.wait_text("#token-status", "Token for %s" % username)

    def set_token(self, token):
        field = self.find("#token")
        field.clear()
        field.send_keys(token)

    def panel(self, path):
        return Panel(self, path)


class Panel(object):
    def __init__(self, page, path):
        self.page = page
        self.driver = page.driver
        self.root = page.find('[data-panel][data-path="%s"]' % path)
        self.path = path

    def find(self, css):
        return self.root.find_element(By.CSS_SELECTOR, css)

    def state(self):
        return self.find("[data-role=state]").get_attribute("data-state")

    def wait_state(self, state):
        wait_until(self.driver, lambda: self.state() == state,
                   "%s never got to %r (it is %r; error: %r)" % (self.path, state, self.state(), self.error()))

    def open(self, expect="open"):
        self.find("[data-action=open]").click()
        self.wait_state(expect)

    def close(self):
        self.find("[data-action=close]").click()
        self.wait_state("closed")

    def send(self, text, binary=False):
        field = self.find("[data-role=send-form] input[name=text]")
        field.clear()
        if binary:
            self.find("[data-role=send-form] input[name=binary]").click()
        field.send_keys(text, Keys.ENTER)
        if binary:
            self.find("[data-role=send-form] input[name=binary]").click()

    def log(self, kind):
        """The texts of the log lines of one kind: in, out, event or error."""
        return self.driver.execute_script(
            "return Array.from(arguments[0].querySelectorAll('[data-role=log] li.' + arguments[1] + ' .text'))"
            ".map(function (node) { return node.textContent; });", self.root, kind)

    def wait_received(self, text):
        wait_until(self.driver, lambda: text in self.log("in"),
                   "%s never received %r (got %r)" % (self.path, text, self.log("in")))

    def error(self):
        box = self.find("[data-role=error]")
        return box.get_attribute("textContent") if box.is_displayed() else ""

    def wait_error(self):
        wait_until(self.driver, self.error, "%s shows no error" % self.path)
        return self.error()
