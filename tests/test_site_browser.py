"""The public website in a real browser: axe-core finds no WCAG 2.1 A/AA violation on any
page, the pages reflow on a phone (and so at 400 % zoom), nothing is fetched from
outside the site, and the search box finds a decision by a word from its text.

Debian's Chromium (headless, through the DevTools protocol: tests/chromium.py) opens the
site from a local http.server on 127.0.0.1; axe-core comes from npm (package.json at the
repository's root, `npm install`), its axe.min.js injected into every page.
"""

from __future__ import annotations

import http.server
import os
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

import chromium
from conftest import REPO, write_files
from test_publiceer import FILES
from vergaderstukken.commands.publiceer import publiceer

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = [
    # CI installs both (.ci/run, make test): there a missing one is a failure, not a skip.
    pytest.mark.skipif(
        not chromium.available() and not os.environ.get("CI"),
        reason="Chromium (/usr/bin/chromium) ontbreekt",
    ),
    pytest.mark.skipif(
        not AXE.is_file() and not os.environ.get("CI"), reason="axe-core ontbreekt: npm install"
    ),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = write_files(tmp_path_factory.mktemp("site") / "werkmap", FILES)
    return publiceer(root).folder


@pytest.fixture(scope="module")
def server(site) -> Iterator[str]:
    """The site on a local web server in a thread, stopped when the module is done."""
    handler = partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[chromium.Browser]:
    opened = chromium.Browser()
    try:
        yield opened
    finally:
        opened.close()


def pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def axe_violations(browser: chromium.Browser) -> list[str]:
    if not browser.evaluate("typeof window.axe === 'object'"):
        browser.evaluate(AXE.read_text(encoding="utf-8"))
    return browser.evaluate(
        f"axe.run(document, {{runOnly: {{type: 'tag', values: {TAGS}}}}}).then(r => r.violations.map("
        "v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')).join(', ')))",
        wait=True,
    )


def test_every_page_has_no_axe_violation_on_a_desktop_and_on_a_phone(site, server, browser):
    found = {}
    for width, height in [(1280, 900), (320, 640)]:  # 320 px: a phone, or 1280 px at 400 %
        browser.viewport(width, height)
        for page in pages(site):
            browser.open(server + page)
            violations = axe_violations(browser)
            if violations:
                found[f"{page} @ {width}px"] = violations
            overflow = browser.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                found[f"{page} @ {width}px"] = [f"scrolls sideways by {overflow}px"]
    assert found == {}
    assert len(pages(site)) == 6


def test_the_pages_fetch_nothing_from_outside_the_site(site, server, browser):
    browser.requests.clear()
    for page in pages(site):
        browser.open(server + page)
    assert browser.requests
    assert [url for url in browser.requests if not url.startswith(server)] == []
    assert server + "assets/fonts/Lato-Regular.ttf" in browser.requests


def test_the_search_box_finds_a_decision_by_a_word_from_its_text(site, server, browser):
    browser.viewport(1280, 900)
    browser.open(server + "zoeken.html")
    browser.evaluate(
        "document.getElementById('zoekterm').value = 'vastgesteld';"
        "document.querySelector('form.zoeken').requestSubmit()"
    )
    links = browser.until(
        "Array.from(document.querySelectorAll('#zoekresultaten li a')).map(a => a.href)"
        ".filter(Boolean).length && "
        "Array.from(document.querySelectorAll('#zoekresultaten li a')).map(a => a.href)"
    )
    assert server + "2024-01-24/index.html" in links
    heading = browser.evaluate("document.querySelector('#zoekresultaten h2').textContent")
    assert heading.endswith("voor ‘vastgesteld’")
    excerpt = browser.evaluate("document.querySelector('#zoekresultaten li p').innerHTML")
    assert "<mark>vastgesteld</mark>" in excerpt
    assert axe_violations(browser) == []
    # a result opens the meeting's page, relative to the site wherever it is served
    browser.open(links[0])
    assert browser.evaluate("document.querySelector('h1').textContent").startswith(
        "Vergadering ROW"
    )


def test_a_search_for_a_redacted_name_shows_it_nowhere(server, browser):
    """Pagefind may still match a short word of the page (the 'e' of 'sub e'), never the
    name: it is in no page, so in no index."""
    for name in ["Eijbersen", "Jorrit", "Zeemeeuw"]:
        browser.open(server + f"zoeken.html?q={name}")
        heading = browser.until("document.querySelector('#zoekresultaten h2')?.textContent")
        assert heading.endswith(f"voor ‘{name}’")
        shown = browser.evaluate("document.querySelector('#zoekresultaten ol')?.textContent || ''")
        assert name.lower() not in shown.lower()


def test_the_skip_link_is_the_first_stop_and_focus_is_visible(server, browser):
    browser.open(server + "index.html")
    browser.send(
        "Input.dispatchKeyEvent", type="keyDown", key="Tab", code="Tab", windowsVirtualKeyCode=9
    )
    browser.send(
        "Input.dispatchKeyEvent", type="keyUp", key="Tab", code="Tab", windowsVirtualKeyCode=9
    )
    assert browser.evaluate("document.activeElement.textContent") == "Naar de inhoud"
    outline = browser.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    top = browser.evaluate("document.activeElement.getBoundingClientRect().top")
    assert outline == "solid" and top >= 0
