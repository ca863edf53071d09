"""Headless Chromium for the view tests, driven over the DevTools protocol.

The browser runs with networking disabled (a dead proxy and a resolver that
maps every host to NOTFOUND), so a page that tried to fetch anything from
the internet would fail, and :attr:`Page.requests` records what it tried.

Use the ``chromium`` fixture (session scope: one browser per test session);
register it in a test module with ``pytest_plugins = ["browser"]``. Without
Chromium or ``websocket-client`` the tests are skipped with the reason, and
with ``CI=true`` they fail instead.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

BINARIES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio", "--no-default-browser-check",
    "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
    "--remote-debugging-port=0", "--window-size=1400,900",
)


class BrowserError(RuntimeError):
    """A DevTools call failed or a page did not get ready in time."""


class Chromium:
    """One headless Chromium process and its browser-level DevTools websocket."""

    def __init__(self, binary: str, timeout: float = 20.0) -> None:
        import websocket  # websocket-client

        self.profile = tempfile.mkdtemp(prefix="kg-chromium-")
        self.proc = subprocess.Popen([binary, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        url = self._devtools_url(timeout)
        self.ws = websocket.create_connection(url, timeout=timeout, suppress_origin=True,
                                              enable_multithread=False)
        self._id = 0
        self.events: list[dict[str, Any]] = []

    def _devtools_url(self, timeout: float) -> str:
        assert self.proc.stderr is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.proc.stderr.readline()
            if not line and self.proc.poll() is not None:
                break
            found = re.search(r"DevTools listening on (ws://\S+)", line)
            if found:
                return found.group(1)
        self.close()
        raise BrowserError("Chromium did not start its DevTools endpoint")

    def call(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float = 30.0) -> dict[str, Any]:
        """Send one DevTools command and return its result (events seen meanwhile are kept)."""
        self._id += 1
        msg: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.ws.send(json.dumps(msg))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)
        raise BrowserError(f"{method}: no answer in {timeout} s")

    def new_page(self, width: int = 1400, height: int = 900) -> "Page":
        """A new tab with Page, Runtime, Network and Log events enabled."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        for domain in ("Page", "Runtime", "Network", "Log"):
            page.call(f"{domain}.enable")
        page.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        return page

    def close(self) -> None:
        try:
            if getattr(self, "ws", None):
                self.ws.close()
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            shutil.rmtree(self.profile, ignore_errors=True)


class Page:
    """One tab: navigate, evaluate, screenshot, and what it requested or threw."""

    def __init__(self, browser: Chromium, session: str) -> None:
        self.browser = browser
        self.session = session
        self._mark = 0

    def call(self, method: str, params: dict | None = None) -> dict[str, Any]:
        return self.browser.call(method, params, self.session)

    def _events(self, method: str) -> list[dict[str, Any]]:
        return [e["params"] for e in self.browser.events[self._mark:]
                if e.get("sessionId") == self.session and e.get("method") == method]

    @property
    def requests(self) -> list[str]:
        """URLs the page asked for since the last :meth:`open`."""
        return [e["request"]["url"] for e in self._events("Network.requestWillBeSent")]

    @property
    def errors(self) -> list[str]:
        """Uncaught exceptions and error log entries (CSP violations, failed loads) since :meth:`open`."""
        out = [json.dumps(e["exceptionDetails"], ensure_ascii=False)[:500] for e in self._events("Runtime.exceptionThrown")]
        out += [e["entry"].get("text", "") for e in self._events("Log.entryAdded") if e["entry"].get("level") == "error"]
        return out

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        res = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in res:
            raise BrowserError(f"{expression}: {res['exceptionDetails'].get('text')}")
        return res["result"].get("value")

    def open(self, url: str, ready: str = "document.readyState === 'complete'", timeout: float = 30.0) -> float:
        """Navigate to ``url`` and wait until ``ready`` is true; return the seconds it took."""
        self._mark = len(self.browser.events)
        t0 = time.monotonic()
        self.call("Page.navigate", {"url": url})
        while time.monotonic() - t0 < timeout:
            try:
                if self.evaluate(f"!!({ready})"):
                    return time.monotonic() - t0
            except BrowserError:
                pass  # the new document is not there yet
            time.sleep(0.05)
        raise BrowserError(f"{url}: not ready after {timeout} s ({ready})")

    def screenshot(self, path: Path) -> Path:
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        path.write_bytes(base64.b64decode(data))
        return path


def find_chromium() -> str | None:
    """Path of a Chromium/Chrome binary, or None."""
    env = os.environ.get("KG_CHROMIUM")
    if env:
        return env
    return next((p for p in map(shutil.which, BINARIES) if p), None)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Chromium]:
    """One headless, network-less Chromium for the whole session."""
    binary = find_chromium()
    if binary is None:
        _unavailable("no chromium binary (apt-get install -y chromium fonts-noto-cjk, or set KG_CHROMIUM)")
    try:
        import websocket  # noqa: F401
    except ImportError:
        _unavailable("websocket-client is not installed (pip install websocket-client)")
    browser = Chromium(binary)  # type: ignore[arg-type]
    try:
        yield browser
    finally:
        browser.close()
