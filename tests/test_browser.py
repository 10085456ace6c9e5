"""End to end in a real browser: `streamlit run app.py` driven by headless Debian chromium over the
Chrome DevTools Protocol (plain websockets; no selenium/playwright needed).

Needs the real index at the default data home and /usr/bin/chromium; skipped otherwise.
Screenshots go to screenshots/ (git-ignored). Set LENTERA_UPDATE_DOCS_SCREENSHOT=1 to also refresh
docs/screenshot.png (the README picture: the answer to the flagship question).
"""
from __future__ import annotations

import base64
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "screenshots"
DOCS_SHOT = ROOT / "docs" / "screenshot.png"
CITATION = re.compile(r"\[\d+\]\s*(UU \d+/\d{4}|KUHP|PP \d+/\d{4}) Pasal \d+")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, timeout: float, proc: subprocess.Popen, what: str) -> str:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                return r.read().decode()
        except OSError as e:
            last = e
            time.sleep(0.3)
    raise TimeoutError(f"{what}: {url} not answering after {timeout}s ({last})")


def _stop(proc: subprocess.Popen) -> None:
    """Stop a process we started in its own session, with its children (chromium renderers)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=5)


# ------------------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    from index.store import current_version
    from ingest.corpus import data_home

    home = data_home()
    if current_version(home) is None:
        pytest.skip(f"no index in {home}; build it with `make index` or `lentera build`")
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing (apt-get install chromium)")
    port = _free_port()
    log = open(tmp_path_factory.mktemp("streamlit") / "streamlit.log", "w+")
    env = dict(os.environ, LENTERA_HOME=str(home))
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", "app.py",
            "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
            "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
        ],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        _wait_http(f"http://127.0.0.1:{port}/_stcore/health", 60, proc, "streamlit")
        yield f"http://127.0.0.1:{port}/"
    finally:
        _stop(proc)
        log.seek(0)
        out = log.read()
        log.close()
        if "Traceback" in out:
            print(out[-4000:])


class Page:
    """The least of the DevTools protocol: call a method, evaluate JS, wait for a condition."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.n = 0

    def call(self, method: str, **params):
        self.n += 1
        self.ws.send(json.dumps({"id": self.n, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv(timeout=60))
            if msg.get("id") == self.n:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def eval(self, expr: str):
        r = self.call("Runtime.evaluate", expression=expr, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"JS error in {expr!r}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def wait_for(self, expr: str, timeout: float = 45, what: str = "") -> object:
        """Poll `expr` until truthy; errors while the page is still loading count as not yet."""
        guarded = f"(() => {{ try {{ return ({expr}); }} catch (e) {{ return false; }} }})()"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            v = self.eval(guarded)
            if v:
                return v
            time.sleep(0.25)
        text = self.eval("document.body ? document.body.innerText.slice(0, 3000) : ''")
        raise TimeoutError(f"timed out waiting for {what or expr}; page text:\n{text}")

    def goto(self, url: str) -> None:
        self.call("Page.navigate", url=url)

    def text(self) -> str:
        return self.eval("document.body.innerText")

    def html(self) -> str:
        return self.eval("document.documentElement.outerHTML")

    def screenshot(self, path: Path) -> Path:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path


@pytest.fixture(scope="module")
def browser(tmp_path_factory, app_url):
    port = _free_port()
    profile = tmp_path_factory.mktemp("chromium-profile")
    proc = subprocess.Popen(
        [
            str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
            f"--user-data-dir={profile}", f"--remote-debugging-port={port}", "--window-size=1280,2000",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        _wait_http(f"http://127.0.0.1:{port}/json/version", 30, proc, "chromium")
        yield port
    finally:
        _stop(proc)


@pytest.fixture
def page(browser):
    with urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{browser}/json/new?about:blank", method="PUT")) as r:
        target = json.loads(r.read())
    from websockets.sync.client import connect

    try:
        with connect(target["webSocketDebuggerUrl"], max_size=None, open_timeout=10) as ws:
            p = Page(ws)
            p.call("Page.enable")
            p.call("Runtime.enable")
            p.call("Emulation.setDeviceMetricsOverride", width=1280, height=2000, deviceScaleFactor=1, mobile=False)
            # a script the page ran by accident would bump this counter instead of opening a dialog
            p.call("Page.addScriptToEvaluateOnNewDocument", source="window.__xss = 0; window.alert = function () { window.__xss += 1; };")
            yield p
    finally:
        urllib.request.urlopen(f"http://127.0.0.1:{browser}/json/close/{target['id']}").close()


def _wait_app(page: Page) -> None:
    page.wait_for("!!document.querySelector('input[aria-label=\"Pertanyaan\"], input[aria-label=\"Kutipan pasal\"]')",
                  what="the app to render its input")


def _wait_idle(page: Page) -> None:
    """Streamlit shows a 'running' status widget while the script runs."""
    time.sleep(0.3)
    page.wait_for("!document.querySelector('[data-testid=\"stStatusWidget\"]')", what="the script run to finish")


def _save_small_png(src: Path, dst: Path) -> None:
    """The README copy: a 256-colour PNG (the page is mostly flat colour, so it stays sharp)."""
    from PIL import Image

    dst.parent.mkdir(exist_ok=True)
    with Image.open(src) as im:
        im.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(dst, optimize=True)


# ------------------------------------------------------------------------------------- tests
def test_typing_a_question_shows_cited_articles(page, app_url):
    page.goto(app_url)
    _wait_app(page)
    page.eval("document.querySelector('input[aria-label=\"Pertanyaan\"]').focus()")
    page.call("Input.insertText", text="anak 13 tahun membully temannya, sanksinya apa?")
    for kind in ("keyDown", "keyUp"):
        page.call("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter", windowsVirtualKeyCode=13, nativeVirtualKeyCode=13)
    page.wait_for(f"new RegExp({json.dumps(CITATION.pattern)}).test(document.body.innerText)", what="a citation")
    _wait_idle(page)
    text = page.text()
    assert CITATION.search(text), text[:2000]
    assert "Sumber yang dikutip" in text or "Kutipan terdekat" in text
    assert page.eval("document.querySelectorAll('mark').length") > 0
    assert "q=anak+13+tahun" in page.eval("location.search") or "q=anak%2013" in page.eval("location.search")
    shot = page.screenshot(SHOTS / "tanya.png")
    assert shot.stat().st_size > 10_000
    if os.environ.get("LENTERA_UPDATE_DOCS_SCREENSHOT") == "1":
        _save_small_png(shot, DOCS_SHOT)
        assert DOCS_SHOT.stat().st_size < 300_000


def test_shareable_link_runs_the_question(page, app_url):
    page.goto(app_url + "?q=" + urllib.parse.quote("berapa lama anak boleh ditahan?"))
    page.wait_for("/UU 11\\/2012 Pasal \\d+/.test(document.body.innerText)", what="UU 11/2012 citation")
    _wait_idle(page)
    # open the first "Baca pasal lengkap": the whole article with its Penjelasan
    page.eval("Array.from(document.querySelectorAll('summary')).find(s => s.innerText.includes('Baca pasal lengkap')).click()")
    page.wait_for("Array.from(document.querySelectorAll('details[open]')).some(d => d.innerText.includes('Penjelasan'))",
                  what="the full article")
    time.sleep(0.5)
    page.screenshot(SHOTS / "tanya-link.png")


def test_cari_pasal_link(page, app_url):
    page.goto(app_url + "?pasal=" + urllib.parse.quote("pasal 76c uu 35/2014"))
    page.wait_for("document.body.innerText.includes('turut serta melakukan Kekerasan terhadap Anak')", what="Pasal 76C text")
    _wait_idle(page)
    assert "UU 35/2014 Pasal 76C" in page.text()
    page.screenshot(SHOTS / "cari-pasal.png")


def test_hostile_question_is_inert(page, app_url):
    payload = "<img src=x onerror=alert(1)> [klik](javascript:alert(1)) <script>alert(2)</script>"
    page.goto(app_url + "?q=" + urllib.parse.quote(payload))
    page.wait_for("document.body.innerText.includes('Pertanyaan: <img src=x onerror=alert(1)>')", what="the question echoed as text")
    _wait_idle(page)
    dom = page.html()
    assert "&lt;img src=x onerror=alert(1)&gt;" in dom
    assert '<img src="x"' not in dom
    assert page.eval("document.querySelectorAll('img[src=\"x\"], img[onerror]').length") == 0
    assert page.eval("document.querySelectorAll('a[href^=\"javascript\"]').length") == 0
    assert page.eval("Array.from(document.scripts).filter(s => s.textContent.includes('alert(2)')).length") == 0
    assert "[klik](javascript:alert(1))" in page.text()
    time.sleep(0.5)
    assert page.eval("window.__xss") == 0
    page.screenshot(SHOTS / "hostile.png")
