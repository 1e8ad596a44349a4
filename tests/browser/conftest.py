"""Browser tests: Playwright for Python driving Debian's Chromium against Django's live server.

Never a downloaded browser. Chromium missing or the front end not built is a failure, not a
skip: `.ci/run` installs Chromium and `make test` builds static/dist/ first.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

# Playwright's sync API runs an event loop in this thread; the tests' own database work is
# still synchronous, so Django must not refuse it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CONCORDAT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_SCRIPT = settings.BASE_DIR / "static" / "dist" / "js" / "axe.min.js"


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}. Install Debian's chromium package "
            "(apt-get install chromium), as .ci/run does; browser tests never download one."
        )
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: build the front end first (npm run build).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def no_js_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def _describe(violation):
    lines = [f"{violation['id']} ({violation['impact']}): {violation['help']}"]
    for node in violation["nodes"][:5]:
        target = " ".join(str(part) for part in node["target"])
        summary = " ".join(node.get("failureSummary", "").split())
        lines.append(f"    at {target}: {summary}")
    if len(violation["nodes"]) > 5:
        lines.append(f"    ... and {len(violation['nodes']) - 5} more")
    lines.append(f"    see {violation['helpUrl']}")
    return "\n".join(lines)


@pytest.fixture
def axe_check(live_server):
    """axe_check(page): runs axe-core, served by the site itself, on the page as it is now and
    fails the test with every WCAG 2.0/2.1/2.2 A and AA violation."""

    def check(page):
        page.add_script_tag(url=f"{live_server.url}{settings.STATIC_URL}dist/js/axe.min.js")
        results = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        violations = results["violations"]
        if violations:
            report = "\n".join(_describe(v) for v in violations)
            pytest.fail(f"axe found {len(violations)} problem(s) on {page.url}:\n{report}")

    return check
