"""End to end: the app served by `streamlit run`, used in headless Chromium (Debian's, driven by Playwright).

Screenshots and the downloaded CSV go to test-artifacts/. CI installs Chromium with .ci/install-browser.sh;
without it this module fails under CI and is skipped locally.
"""

from __future__ import annotations

import csv
import io
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import docx
import pytest
from fake_engine import CLAIM, SUGGESTED, UNSURE

from assistant import settings
from assistant.build import DB_NAME, build

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
TIMEOUT_MS = 60_000
QUESTION = "Hvor nyttig var tilsyn med veiledning fra Arbeidstilsynet?"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, log: Path, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"streamlit did not answer {url} within {seconds:.0f} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not (settings.data_dir() / DB_NAME).exists():
        build(log=lambda _msg: None)
    ARTIFACTS.mkdir(exist_ok=True)
    port = _free_port()
    log = ARTIFACTS / "streamlit.log"
    env = {**os.environ, "ASSISTANT_FEEDBACK_DIR": str(tmp_path_factory.mktemp("feedback"))}
    # app.py behind the fake engine edge (tests/fake_engine.py): the fake's claim check and asking back,
    # every other question answered by the real Assistant
    cmd = [sys.executable, "-m", "streamlit", "run", "tests/e2e_fake_app.py", "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1",
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]  # fmt: skip
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", proc, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing: install it with .ci/install-browser.sh (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


def _open(browser, url: str, width: int, height: int, **options):
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True,
                                  locale="nb-NO", **options)  # fmt: skip
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_role("heading", name="Barometerassistenten").wait_for()
    return context, page


def _ask(page, question: str, index: int = 1, expanders: bool = True):
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    box.press("Enter")
    answer = page.get_by_test_id("stChatMessage").nth(index)
    if expanders:
        answer.locator('[data-testid="stExpander"]').first.wait_for()
    return answer


def _expander(answer, label: str):
    expander = answer.get_by_test_id("stExpander").filter(has_text=label).first
    expander.locator("summary").click()
    return expander


def _screenshot(page, name: str) -> None:
    # Streamlit scrolls inside its own container, so grow the viewport to the content for a whole-page shot.
    scroller = "(document.querySelector('.stMain') || document.scrollingElement)"
    height = page.evaluate(f"() => {scroller}.scrollHeight")
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": width, "height": min(max(height + 120, 600), 6000)})
    page.wait_for_timeout(500)
    page.evaluate(f"() => {scroller}.scrollTo(0, 0)")
    page.wait_for_timeout(200)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_desktop_answer_with_chart_sources_and_csv(browser, server):
    context, page = _open(browser, server, 1280, 900)
    try:
        page.get_by_role("button", name="Ble resultatene vektet?").wait_for()
        _screenshot(page, "start-desktop.png")
        page.set_viewport_size({"width": 1280, "height": 900})

        answer = _ask(page, QUESTION)
        answer.get_by_text("39 %", exact=False).first.wait_for()
        answer.locator(".vega-embed").first.wait_for()
        answer.locator(".vega-embed canvas, .vega-embed svg").first.wait_for()

        sources = _expander(answer, "Kilder")
        sources.get_by_text("Tabell", exact=False).first.wait_for()
        assert "Tabell 3" in sources.inner_text()

        data = _expander(answer, "Data og SQL")
        target = _download(page, data.get_by_role("button", name="Last ned CSV"), ARTIFACTS / "svar.csv")
        rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
        assert rows, "the CSV has a header but no rows"
        assert {"source", "option", "value", "n"} <= set(rows[0])
        assert any(r["source"] == "Tabell 3" and r["value"].startswith("39") for r in rows)

        press = _expander(answer, "Til pressemelding")
        assert "Kilde: NHOs Arbeidsmiljøbarometer 2021" in press.inner_text()
        png = _download(page, press.get_by_role("button", name="Figur som PNG"), ARTIFACTS / "figur.png")
        assert png.read_bytes().startswith(b"\x89PNG")
        _screenshot(page, "answer-desktop.png")
    finally:
        context.close()


def test_phone_width_answer_fits(browser, server):
    context, page = _open(browser, server, 390, 844, is_mobile=True, has_touch=True, device_scale_factor=2)
    try:
        page.get_by_role("button", name="Ble resultatene vektet?").wait_for()
        _screenshot(page, "start-phone.png")
        page.set_viewport_size({"width": 390, "height": 844})
        answer = _ask(page, "Hvor stor andel av bedriftene har ingen ansatte på hjemmekontor?")
        answer.get_by_text("37 %", exact=False).first.wait_for()
        answer.locator(".vega-embed canvas, .vega-embed svg").first.wait_for()
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1, f"the page scrolls sideways by {overflow}px on a phone"
        _screenshot(page, "answer-phone.png")
    finally:
        context.close()


def _download(page, button, target: Path, attempts: int = 3) -> Path:
    """Click a download button and save the file. Twice in CI (3 200 tests, 2 cores) the browser's first
    click started no download within 60 s, though the same run's server was up and the next test passed;
    it never happened in dozens of runs here, idle or loaded. A user would click again, so the test does:
    a button that never downloads still fails, after `attempts` clicks."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(1, attempts + 1):
        button.scroll_into_view_if_needed()
        try:
            with page.expect_download(timeout=TIMEOUT_MS // 2) as info:
                button.click()
            info.value.save_as(target)
            return target
        except PlaywrightTimeout:
            if attempt == attempts:
                raise
    raise AssertionError("unreachable")


def test_claim_check_badge_press_text_and_word(browser, server):
    context, page = _open(browser, server, 1280, 900)
    try:
        answer = _ask(page, CLAIM)
        badge = answer.locator(".stMarkdownBadge").first
        badge.wait_for()
        assert badge.inner_text().endswith("Nei")
        red, green, blue = map(int, re.findall(r"\d+", badge.evaluate("e => getComputedStyle(e).color"))[:3])
        assert red > 2 * green and red > 2 * blue, "the «Nei» badge is not red"
        press = _expander(answer, "Til pressemelding")
        press.get_by_text("av 280 tegn", exact=False).first.wait_for()
        press.get_by_text("13 prosent av bedriftene", exact=False).first.wait_for()  # code blocks render late
        word = _download(page, press.get_by_role("button", name="Last ned som Word"), ARTIFACTS / "svar.docx")
        document = docx.Document(str(word))
        text = "\n".join(p.text for p in document.paragraphs)
        assert "13 prosent" in text and "Kilde: NHOs Arbeidsmiljøbarometer 2021" in text
        assert any("image" in r.reltype for r in document.part.rels.values())
        _screenshot(page, "claim-desktop.png")
        page.set_viewport_size({"width": 1280, "height": 900})
        whole = page.get_by_role("button", name="Samtalen som Word")
        conversation = docx.Document(str(_download(page, whole, ARTIFACTS / "samtale.docx")))
        assert CLAIM in [p.text for p in conversation.paragraphs]
    finally:
        context.close()


def test_suggestion_buttons_ask_their_question(browser, server):
    context, page = _open(browser, server, 1280, 900)
    try:
        answer = _ask(page, UNSURE, expanders=False)
        button = answer.get_by_role("button", name="Produktivitet og hjemmekontor")
        button.wait_for()
        _screenshot(page, "suggestions-desktop.png")
        page.set_viewport_size({"width": 1280, "height": 900})
        button.click()
        page.get_by_test_id("stChatMessage").nth(2).get_by_text(SUGGESTED).wait_for()
        third = page.get_by_test_id("stChatMessage").nth(3)
        third.get_by_text("Produktivitet", exact=False).first.wait_for()
    finally:
        context.close()
