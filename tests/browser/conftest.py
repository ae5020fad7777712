"""Real-browser fixtures: Debian's Chromium driven by Playwright, at a phone's size.

Playwright downloads no browser here: it launches /usr/bin/chromium. Its sync API keeps an
event loop in the test thread, so Django's ORM there needs DJANGO_ALLOW_ASYNC_UNSAFE while a
browser is open (the live server answers from its own thread).
"""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import caches
from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
SERIOUS = {"serious", "critical"}
# Every page carries this comment last: it names the view (see base.html).
VIEW_NAME = "document.documentElement.nextSibling && document.documentElement.nextSibling.data"
REPORT_CSP = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error("CSP violation: " + event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture(scope="package")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: install Debian's chromium package (make test does).")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """The cache table outlives each test's flush: start every test with no counts."""
    caches["default"].clear()
    yield
    caches["default"].clear()


class Watched:
    """A page and what went wrong on it: console errors, CSP violations, foreign requests."""

    def __init__(self, page, origin):
        self.page = page
        self.origin = origin
        self.errors = []
        self.foreign = []
        self.axe_checked = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("request", self._request)
        page.add_init_script(REPORT_CSP)

    def _console(self, message):
        if message.type == "error":
            self.errors.append(message.text)

    def _request(self, request):
        if not request.url.startswith((self.origin, "data:", "blob:")):
            self.foreign.append(request.url)

    def view_name(self) -> str:
        return (self.page.evaluate(VIEW_NAME) or "").strip()

    def check_accessibility(self, label: str) -> None:
        results = Axe().run(self.page)
        serious = [
            f"{violation['id']} ({violation['impact']}): "
            + "; ".join(node["target"][0] for node in violation["nodes"][:3])
            for violation in results.response["violations"]
            if violation["impact"] in SERIOUS
        ]
        assert not serious, f"axe on {label}: {serious}"
        self.axe_checked.append(label)

    def assert_clean(self, allowed=()) -> None:
        errors = [error for error in self.errors if not any(part in error for part in allowed)]
        assert not errors, errors
        assert not self.foreign, self.foreign


@pytest.fixture
def watched(browser, live_server):
    """A new phone-sized page with JavaScript on; fails the test on any console error."""
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, accept_downloads=True
    )
    context.set_default_timeout(15_000)
    page = Watched(context.new_page(), live_server.url)
    yield page
    context.close()


@pytest.fixture
def watched_without_js(browser, live_server):
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, java_script_enabled=False, accept_downloads=True
    )
    context.set_default_timeout(15_000)
    page = Watched(context.new_page(), live_server.url)
    yield page
    context.close()
