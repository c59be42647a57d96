"""Fixtures for the browser tests: Debian's Chromium, launched once, driven by Playwright.

Playwright never downloads a browser here: the tests use /usr/bin/chromium from the
Debian package `chromium` (`make browser` installs it). Without it the tests fail when
the environment variable CI is set and are skipped otherwise.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path(os.environ.get("RK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PROJECT = Path(__file__).resolve().parents[2]
ARTIFACTS = PROJECT / "test-artifacts" / "browser"
TIMEOUT_MS = 15_000


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    if not CHROMIUM.is_file() or not os.access(CHROMIUM, os.X_OK):
        message = (
            f"{CHROMIUM} is missing: the browser tests need Debian's Chromium "
            "(`apt-get install -y --no-install-recommends chromium`, or `make browser`)"
        )
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@dataclass
class Traffic:
    """What the browser asked for and what went wrong while a test ran."""

    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # HTTP >= 400, failed loads, JS errors

    def foreign(self) -> list[str]:
        return [url for url in self.requests if urlsplit(url).hostname != "127.0.0.1"]


@pytest.fixture()
def traffic() -> Traffic:
    return Traffic()


def _failed(traffic: Traffic, request) -> None:
    """A load that failed counts, except one the browser cancelled itself (ERR_ABORTED: the
    page was left, e.g. by a click, before a late fetch such as its icon's ended)."""
    if request.failure != "net::ERR_ABORTED":
        traffic.failures.append(f"failed {request.url} ({request.failure})")


@pytest.fixture()
def page(browser, traffic):
    """A fresh page in a German-speaking browser (the site's default language)."""
    context = browser.new_context(
        locale="de-DE", viewport={"width": 1280, "height": 900}, java_script_enabled=True
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.on("request", lambda request: traffic.requests.append(request.url))
    context.on("requestfailed", lambda request: _failed(traffic, request))
    context.on(
        "response",
        lambda response: response.status >= 400
        and traffic.failures.append(f"{response.status} {response.url}"),
    )
    opened = context.new_page()
    opened.on("pageerror", lambda error: traffic.failures.append(f"script error {error}"))
    yield opened
    context.close()


@pytest.fixture(scope="session")
def base_url(server) -> str:
    return f"http://127.0.0.1:{server.port}"


@pytest.fixture(scope="session")
def shots() -> Path:
    """test-artifacts/browser/ under the project root (git-ignored), emptied once per session."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("*.png"):
        old.unlink()
    return ARTIFACTS
