"""The query page in a real Chromium (Debian's /usr/bin/chromium, driven by Playwright; no browser download):
pick an example, run it, see rows, follow a result link to its resource page.

Set ``SCREENSHOTS_DIR`` to also save the pictures used in docs/screenshots/.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

from playwright import sync_api  # noqa: E402  (installed by the test extra)


@pytest.fixture(scope="module", autouse=True)
def chromium_is_installed():
    """No silent skip: scripts/test.sh installs Debian's chromium, and these tests must run."""
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium (scripts/test.sh does)"


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def screenshot(page, name: str) -> None:
    directory = os.environ.get("SCREENSHOTS_DIR")
    if directory:
        page.screenshot(path=str(Path(directory) / name), full_page=False)


def test_run_an_example_and_follow_a_result_link(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(server + "/query")
    page.select_option("#examples", "01-draft-objective-7-actions")
    assert "objective/7" in page.input_value("#query")
    page.click("#run")
    page.wait_for_selector("table.results tbody tr")
    rows = page.locator("table.results tbody tr")
    assert rows.count() == 8
    assert "8 rows" in page.text_content("#status")
    screenshot(page, "query-page.png")
    link = page.locator("table.results tbody a").first
    href = link.get_attribute("href")
    assert href.startswith("/id/document/gcm-zero-draft-plus/objective/7/action/")
    link.click()
    page.wait_for_selector("h1")
    assert "objective 7, action" in page.text_content("h1")
    assert page.url.endswith(".html")
    screenshot(page, "resource-page.png")
    assert errors == []
    page.close()


def test_errors_are_shown_in_plain_words(server, browser):
    page = browser.new_page()
    page.goto(server + "/query")
    page.fill("#query", "SELECT * WHERE { ?s ?p ")
    page.click("#run")
    page.wait_for_selector("#error:not([hidden])")
    assert "syntax error" in page.text_content("#error").lower()
    page.fill("#query", "DELETE DATA { <a:a> <a:b> <a:c> }")
    page.click("#run")
    # a selector, not wait_for_function: the page's Content-Security-Policy forbids eval
    page.wait_for_selector("#error:has-text('read-only')")
    page.close()


def test_truncation_note_and_downloads(server, browser):
    page = browser.new_page(accept_downloads=True)
    page.goto(server + "/query")
    page.fill("#query", "SELECT * WHERE { ?s ?p ?o }")
    page.click("#run")
    page.wait_for_selector("#note:not([hidden])")
    assert "truncated" in page.text_content("#note")
    with page.expect_download() as csv_download:
        page.click("#download-csv")
    text = Path(csv_download.value.path()).read_text()
    assert sorted(text.splitlines()[0].split(",")) == ["o", "p", "s"], text[:300]
    with page.expect_download() as json_download:
        page.click("#download-json")
    assert '"vars"' in Path(json_download.value.path()).read_text()
    page.close()
