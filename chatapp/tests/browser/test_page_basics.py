"""Accessible basics of the demo page, and the picture of it in the README.

``DOCS_SCREENSHOT=1`` makes test_screenshot_of_a_session_in_use also write
docs/screenshot.png (the README's picture); every run writes the same picture
to artifacts/browser/demo-page.png.
"""
from __future__ import unicode_literals

import os
import shutil

from selenium.webdriver.common.keys import Keys

from chatapp.tests.browser.conftest import artifact_path
from chatapp.tests.browser.page import DemoPage, wait_until
from harness.processes import ROOT

UNLABELLED = """
return Array.from(document.querySelectorAll('input:not([type=hidden]), textarea'))
  .filter(function (field) { return field.labels.length === 0; })
  .map(function (field) { return field.outerHTML; });
"""


def test_every_field_has_a_label(new_browser, runserver):
    page = DemoPage(new_browser(), runserver.base_url)
    assert page.driver.execute_script(UNLABELLED) == []


def test_narrow_window_has_no_sideways_scrolling_and_works_by_keyboard(new_browser, runserver):
    page = DemoPage(new_browser(width=360, height=800), runserver.base_url)
    assert page.driver.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth")

    echo = page.panel("/echo/")
    # Keyboard only: Enter on the focused Open button, then type and press Enter.
    echo.find("[data-action=open]").send_keys(Keys.ENTER)
    echo.wait_state("open")
    echo.find("input[name=text]").send_keys(Keys.END, " by keyboard", Keys.ENTER)
    echo.wait_received("hello world by keyboard")
    echo.find("[data-action=close]").send_keys(Keys.ENTER)
    echo.wait_state("closed")


def test_copy_snippet_puts_the_tutorial_code_with_the_token_on_the_clipboard(new_browser, runserver):
    page = DemoPage(new_browser(), runserver.base_url)
    page.log_in_and_wait("bob")
    live = page.panel("/live/")
    live.find("details.snippet summary").click()
    snippet = live.find("[data-role=snippet]").text
    token = page.find("#token").get_attribute("value")
    assert '"/live/?token=%s");' % token in snippet
    assert "socket.send({'test':'hello world'});" in snippet
    live.find("[data-action=copy]").click()
    status = page.wait_text("#panel-live [data-role=copy-status]", "Copied")
    assert "console" in status


def test_screenshot_of_a_session_in_use(new_browser, runserver):
    browser = new_browser(width=1280, height=1700)
    page = DemoPage(browser, runserver.base_url)
    page.log_in_and_wait("alice")
    for path, text in (("/echo/", "hello world"), ("/chat/jwt/", "hi from the demo page")):
        panel = page.panel(path)
        panel.open()
        panel.send(text)
        panel.wait_received(text if path == "/echo/" else "[alice] " + text)
    page.panel("/live/").open()
    page.find("#live-new-value").send_keys(Keys.END, "\n")
    page.wait_text("[data-role=live-status]", "Set to")
    page.panel("/chat/session/").open()
    page.driver.execute_script("window.scrollTo(0, 0); document.activeElement.blur();")
    wait_until(page.driver, lambda: page.driver.execute_script("return document.fonts.status") == "loaded",
               "fonts never loaded")

    path = artifact_path("demo-page.png")
    assert browser.screenshot(path)
    if os.environ.get("DOCS_SCREENSHOT"):
        shutil.copy(path, os.path.join(ROOT, "docs", "screenshot.png"))
