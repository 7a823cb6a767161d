"""`stukken serve` in a real browser: headless Chromium, driven over the DevTools protocol
(CDP) on a websocket. Open the agenda, edit a title in agenda.yaml, see the new title
without reloading by hand; break the YAML, see the message; fix it, see the document.

Chromium and the preview both listen on 127.0.0.1 only and are stopped by their fixtures;
every wait has a timeout."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

import chromium
from conftest import AGENDA_YAML
from vergaderstukken.commands.serve import Voorvertoning

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AGENDA = "meetings/2024-01-24/agenda.yaml"
TYPO = AGENDA_YAML.replace(
    "  - titel: Rondvraag", "  - titel: Rondvraag\n    doel: [besluitvorming"
)
TYPO_MESSAGE = f"{AGENDA}:13: ongeldige YAML: een '[' of '{{' is hier niet goed gesloten"
TIMEOUT = 20  # seconds for anything the browser should show (a busy, shared machine)

# CI installs Chromium (.ci/run): there a missing browser is a failure, not a skip.
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).is_file() and not os.environ.get("CI"), reason="chromium is not installed"
)


class Tab:
    """One page of the browser, spoken to over its DevTools websocket."""

    def __init__(self, websocket_url: str) -> None:
        import websocket  # websocket-client

        # Chromium refuses DevTools connections that carry a foreign Origin header.
        self.socket = websocket.create_connection(websocket_url, timeout=10, suppress_origin=True)
        self.ids = itertools.count(1)

    def call(self, method: str, **params: object) -> dict:
        """Send a command; its result (events that arrive meanwhile are skipped)."""
        number = next(self.ids)
        self.socket.send(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == number:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return message["result"]

    def evaluate(self, expression: str) -> object:
        """The value of a JavaScript expression in the page (None while it reloads)."""
        result = self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        return None if "exceptionDetails" in result else result["result"].get("value")

    def body_text(self) -> str:
        return str(self.evaluate("document.body ? document.body.innerText : ''") or "")

    def wait_for_text(self, wanted: str) -> str:
        """The page's text once it contains `wanted` (fails after TIMEOUT seconds)."""
        deadline = time.monotonic() + TIMEOUT
        shown = ""
        while time.monotonic() < deadline:
            shown = self.body_text()
            if wanted in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{wanted!r} not shown within {TIMEOUT} s; the page shows:\n{shown}")

    def close(self) -> None:
        self.socket.close()


@pytest.fixture
def browser(tmp_path):
    """Headless Chromium on a free loopback port; the factory opens tabs. Always stopped."""
    profile = tmp_path / "chromium-profiel"
    command = [
        CHROMIUM,
        *chromium.FLAGS,  # headless, no network of its own, a free debugging port
        "--remote-debugging-address=127.0.0.1",
        f"--user-data-dir={profile}",
        "about:blank",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tabs: list[Tab] = []
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.is_file() and port_file.read_text().strip()):
            if time.monotonic() > deadline or process.poll() is not None:
                raise AssertionError("Chromium did not open its DevTools port")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])

        def open_tab() -> Tab:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/json/new?about:blank", method="PUT"
            )
            with urllib.request.urlopen(request, timeout=10) as response:
                target = json.load(response)
            tab = Tab(target["webSocketDebuggerUrl"])
            tabs.append(tab)
            return tab

        yield open_tab
    finally:
        for tab in tabs:
            tab.close()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture
def preview(workspace):
    with Voorvertoning(workspace(), poort=0, adres="127.0.0.1", pdf=False) as running:
        yield running


def save(preview: Voorvertoning, content: str) -> None:
    (preview.root / AGENDA).write_text(content, encoding="utf-8")


def test_the_open_page_follows_every_save(browser, preview):
    tab = browser()
    tab.call("Page.enable")
    tab.call("Page.navigate", url=preview.url + "agenda")
    shown = tab.wait_for_text("Dijkversterking")
    assert "Agenda Regionaal Overleg Water" in shown
    assert "Voorvertoning · overzicht" in shown
    # The house font came from the server, not from a file:// address the page cannot use.
    loaded = tab.evaluate(
        "document.fonts.ready.then(() => [...document.fonts]"
        ".filter(f => f.status === 'loaded').map(f => f.family + ' ' + f.weight))"
    )
    assert "Lato normal" in loaded and "Lato bold" in loaded

    # A mark in the page: gone after a reload, which the page does by itself.
    tab.evaluate("window.stukkenMerk = 'voor de wijziging'")
    save(preview, AGENDA_YAML.replace("Dijkversterking", "Dijkversterking Noordoost"))
    tab.wait_for_text("Dijkversterking Noordoost")
    assert tab.evaluate("typeof window.stukkenMerk") == "undefined"

    save(preview, TYPO)
    shown = tab.wait_for_text("Fout in de werkmap")
    assert TYPO_MESSAGE in shown
    assert "Dijkversterking" not in shown

    save(preview, AGENDA_YAML)
    shown = tab.wait_for_text("Dijkversterking")
    assert "Fout in de werkmap" not in shown
    assert "Noordoost" not in shown
