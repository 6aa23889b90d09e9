"""Practice in a real browser: deploy/serve.py on loopback, headless Chromium, a chat reply.

The test starts `serve.py` on 127.0.0.1 and a free port, opens the page in
headless Chromium driven by Selenium (chromedriver from the same Debian
packages, no download), waits until the practice session has drawn its queue,
answers the first chat, and finds the reply in the session's log. A
screenshot goes to the test's folder (its path is printed).

What the browser shows is read from the terminal output the page receives: a
script, installed before the page's own, copies every binary websocket
message (the bytes textual-serve sends to xterm.js) into `window.__hxScreen`.
xterm.js draws on a canvas, so the text is not in the page's DOM.

Nothing leaves the machine: Chromium resolves every host name but 127.0.0.1 to
nothing (`--host-resolver-rules`; the page asks for a web font), and runs with
its background networking, updates and sync turned off. Skipped, with the
reason, when Chromium, chromedriver, selenium or textual-serve is missing
(`.ci/run` installs them; see docs/practice-in-browser.md).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.deploy.kit import DEPLOY, REPO

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
DEADLINE_S = 40.0
REPLY = "Hello Tom, could you give me your full name please"


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return "Chromium is not installed (Debian: apt-get install chromium chromium-driver)"
    if not Path(CHROMEDRIVER).exists():
        return "chromedriver is not installed (Debian: apt-get install chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the selenium package is not installed (pip install -e '.[browser]')"
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        return "textual-serve is not installed (pip install -e '.[web]')"
    return None


pytestmark = pytest.mark.skipif(_missing() is not None, reason=_missing() or "")

ANSI = re.compile(
    r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]"
)

# Installed before the page's scripts: keep a copy of what the terminal is sent.
SCREEN_TAP = """
(() => {
  const Native = window.WebSocket;
  const decoder = new TextDecoder();
  window.__hxScreen = "";
  function Tapped(url, protocols) {
    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    socket.addEventListener("message", (event) => {
      if (typeof event.data !== "string") {
        const text = window.__hxScreen + decoder.decode(event.data, {stream: true});
        window.__hxScreen = text.slice(-400000);
      }
    });
    return socket;
  }
  Tapped.prototype = Native.prototype;
  for (const name of ["CONNECTING", "OPEN", "CLOSING", "CLOSED"]) Tapped[name] = Native[name];
  window.WebSocket = Tapped;
})();
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def until(condition: Callable[[], Any], what: str, timeout: float = DEADLINE_S) -> Any:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def chat_at_once(target: Path) -> Path:
    """The default scenario, with its first chat (Tom, locked out) at minute 0."""
    shutil.copytree(REPO / "scenarios" / "en-northwind-monday", target)
    toml = target / "scenario.toml"
    text = toml.read_text(encoding="utf-8")
    text, count = re.subn(
        r'(id = "tom-lockout"(?:\n.*?)*?\n)at_minute = [0-9.]+', r"\1at_minute = 0", text, count=1
    )
    assert count == 1, "the bundled scenario changed: tom-lockout has no at_minute"
    toml.write_text(text, encoding="utf-8")
    return target


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """serve.py on 127.0.0.1 and a free port; the URL and the logs folder. Stopped afterwards,
    with every practice session it started (they share its process group)."""
    port = free_port()
    logs = tmp_path / "logs"
    scenario = chat_at_once(tmp_path / "scenario")
    process = subprocess.Popen(
        [sys.executable, str(DEPLOY / "serve.py"), "--port", str(port), "--logs", str(logs),
         "--scenario", str(scenario), "--lang", "en"],
        stdout=subprocess.DEVNULL,
        stderr=open(tmp_path / "serve.log", "w"),  # noqa: SIM115 (closed with the process)
        start_new_session=True,
    )  # fmt: skip
    try:
        until(lambda: _listening(port) or process.poll() is not None, "serve.py to listen", 20)
        assert process.poll() is None, (tmp_path / "serve.log").read_text()
        yield f"http://127.0.0.1:{port}/", logs
    finally:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(process.pid, sig)
                process.wait(5)
                break
            except ProcessLookupError:
                break
            except subprocess.TimeoutExpired:
                continue


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        return True
    except OSError:
        return False


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--window-size=1400,1000",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(
        options=options, service=Service(CHROMEDRIVER, log_output=str(tmp_path / "driver.log"))
    )
    try:
        driver.set_page_load_timeout(30)
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": SCREEN_TAP})
        yield driver
    finally:
        driver.quit()


def screen_text(driver: Any) -> str:
    return ANSI.sub("", driver.execute_script("return window.__hxScreen || ''"))


def type_echoed(driver: Any, keyboard: Any, keys: str, echo: str) -> None:
    """Type `keys` and wait until the page receives `echo` drawn after them. A person types
    a word at a time; Selenium sends a whole reply at once, and on a cold start (CI's first
    run) those keys reached the guard as one burst and the reply was never sent (stop 32)."""
    driver.execute_script("window.__hxScreen = ''")
    keyboard.send_keys(keys)
    until(lambda: echo in screen_text(driver), f"{echo!r} drawn in the reply box")


def records(logs: Path) -> list[dict[str, Any]]:
    found = []
    for log in logs.glob("*.jsonl"):
        for line in log.read_text(encoding="utf-8").splitlines():
            try:
                found.append(json.loads(line))
            except ValueError:
                continue  # a line being written
    return found


def test_a_student_answers_a_chat_in_the_browser(
    server: tuple[str, Path], browser: Any, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    url, logs = server
    browser.get(url)
    until(lambda: "Queue" in (s := screen_text(browser)) and "T-1001" in s, "the queue to render")
    until(lambda: "Tom Fischer" in screen_text(browser), "Tom's chat to arrive")
    keyboard = browser.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
    keyboard.send_keys(Keys.F4)
    until(lambda: "▶ Conversations" in screen_text(browser), "the reply box to take the keys")
    for word in REPLY.split(" "):
        type_echoed(browser, keyboard, word + " ", word)
    keyboard.send_keys(Keys.ENTER)

    def reply_logged() -> bool:
        return any(
            r["type"] == "message_sent" and REPLY in r["data"].get("text", "")
            for r in records(logs)
        )

    try:
        until(reply_logged, "the reply in the session's log")
    except AssertionError:
        said = [r["data"] for r in records(logs) if r["type"] == "message_sent"]
        screen = screen_text(browser)[-600:]
        raise AssertionError(f"no reply logged; messages: {said}; screen: {screen!r}") from None
    until(lambda: f"You: {REPLY[:20]}" in screen_text(browser), "the reply on screen")
    header = next(r for r in records(logs) if r["type"] == "log.header")
    assert header["data"]["mode"] == "practice"
    assert header["data"]["key_kind"] != "exam-centre"
    shot = tmp_path / "practice-in-browser.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")
