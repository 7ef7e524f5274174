"""The app under load: one Streamlit server on localhost, many headless-Chromium sessions at once.

Shared by `python -m assistant bench --app` (the app's answers per second) and tests/test_e2e_load.py
(every session gets its own answer; memory settles). Sessions are Playwright browser contexts in one
Chromium (each its own cookies and websocket, so each its own Streamlit session), driven with asyncio so
they ask at the same moment. Needs the dev dependencies (Playwright) and Debian's Chromium
(`bash .ci/install-browser.sh`); Playwright never downloads a browser here.
"""

from __future__ import annotations

import asyncio
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
TIMEOUT_MS = 90_000
MESSAGE = '[data-testid="stChatMessage"]'
# an answer is complete when its last widget (the thumbs) is drawn, or when it is an error message
DONE = '[data-testid="stFeedback"], [data-testid="stAlert"]'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`streamlit run app.py` on a free localhost port. `wrap` turns the command into another (e.g. one
    run with the project folder mounted read-only); `session_ttl_s` is how long Streamlit keeps the
    state of a session whose browser went away (`server.disconnectedSessionTTL`, default 120 s)."""

    def __init__(self, log_path: Path, env: dict[str, str] | None = None,
                 wrap: Callable[[list[str]], list[str]] | None = None, session_ttl_s: int = 120):  # fmt: skip
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.env = {**os.environ, **(env or {})}
        self.wrap = wrap or (lambda cmd: cmd)
        self.session_ttl_s = session_ttl_s
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
               "--server.port", str(self.port), "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
               "--server.disconnectedSessionTTL", str(self.session_ttl_s)]  # fmt: skip
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("w") as out:
            self.proc = subprocess.Popen(
                self.wrap(cmd), cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT
            )
        try:
            self._wait_healthy()
        except BaseException:
            self.__exit__()
            raise
        return self

    def _wait_healthy(self, seconds: float = 120) -> None:
        assert self.proc is not None
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}:\n{self.log()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"streamlit did not answer within {seconds:.0f} s:\n{self.log()[-3000:]}")

    def __exit__(self, *exc: object) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=15)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def rss_mb(self) -> float:
        """Resident memory of the server process (Linux)."""
        assert self.proc is not None
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024

    def cpu_seconds(self) -> float:
        """CPU time the server process has used so far, user and system (Linux)."""
        assert self.proc is not None
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def metrics(self) -> dict[str, float]:
        """Streamlit's own gauges and counters (`/_stcore/metrics`): active_sessions, session events."""
        with urllib.request.urlopen(f"{self.url}/_stcore/metrics", timeout=5) as response:
            text = response.read().decode()
        out: dict[str, float] = {}
        for line in text.splitlines():
            if line and not line.startswith("#"):
                name, _, value = line.rpartition(" ")
                try:
                    out[name] = float(value)
                except ValueError:
                    pass
        return out

    def wait_sessions(self, count: int, seconds: float) -> float:
        """Wait until Streamlit holds `count` sessions or fewer; the count it ended with."""
        deadline = time.monotonic() + seconds
        while True:
            active = self.metrics().get("active_sessions", 0.0)
            if active <= count or time.monotonic() > deadline:
                return active
            time.sleep(0.5)


# ---------------------------------------------------------------- browser sessions


def chromium_missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing: install it with .ci/install-browser.sh (apt-get install chromium)"
    return None


@dataclass
class Session:
    context: Any
    page: Any
    asked: list[str] = field(default_factory=list)

    async def ask(self, question: str) -> tuple[str, float]:
        """Ask in this session's chat box; the answer's text and the seconds until it was complete."""
        await self.submit(question)
        t0 = time.perf_counter()
        text = await self.answer(len(self.asked))
        return text, time.perf_counter() - t0

    async def submit(self, question: str) -> None:
        box = self.page.get_by_test_id("stChatInputTextArea")
        await box.fill(question)
        await box.press("Enter")
        self.asked.append(question)

    async def answer(self, k: int) -> str:
        """The text of answer number `k` (1-based) once it is complete."""
        message = self.page.locator(MESSAGE).nth(2 * k - 1)
        await message.locator(DONE).first.wait_for()
        return await message.get_by_test_id("stChatMessageContent").inner_text()

    async def lead(self, k: int) -> str:
        """The first paragraph of answer `k` as shown (the answer to exactly what was asked)."""
        message = self.page.locator(MESSAGE).nth(2 * k - 1)
        return await message.locator(
            '[data-testid="stMarkdownContainer"] p, [data-testid="stAlert"]'
        ).first.inner_text()

    async def user_messages(self) -> list[str]:
        texts = (
            await self.page.locator(MESSAGE)
            .filter(has=self.page.get_by_test_id("stChatMessageAvatarUser"))
            .all_inner_texts()
        )
        return [t.replace("face", "", 1).strip() for t in texts]  # the avatar icon's ligature text

    async def close(self) -> None:
        await self.context.close()


async def launch(playwright) -> Any:
    return await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


async def open_session(browser, url: str) -> Session:
    context = await browser.new_context(viewport={"width": 1000, "height": 800}, locale="nb-NO")
    context.set_default_timeout(TIMEOUT_MS)
    page = await context.new_page()
    await page.goto(url, wait_until="domcontentloaded")
    await page.get_by_test_id("stChatInputTextArea").wait_for()
    return Session(context, page)


def plain(text: str) -> str:
    """Markdown lead → the text a reader sees, whitespace normalised (for comparing with the page).

    >>> plain("Om «Risikovurderinger» svarte **50\u00a0%** «Nyttig».")
    'Om «Risikovurderinger» svarte 50 % «Nyttig».'
    """
    text = re.sub(r"\*\*|__|`", "", text)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


# ---------------------------------------------------------------- throughput


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def _throughput(
    server: Server, questions: list[str], sessions: int, per_session: int
) -> dict[str, float]:
    url = server.url
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await launch(p)
        try:
            warm = await open_session(browser, url)
            await warm.ask(questions[0])  # loads the engine once, outside the clock
            await warm.close()
            opened = await asyncio.gather(*(open_session(browser, url) for _ in range(sessions)))

            async def run(i: int, s: Session) -> list[float]:
                out = []
                for j in range(per_session):
                    _text, seconds = await s.ask(questions[(i * per_session + j) % len(questions)])
                    out.append(seconds)
                return out

            t0, cpu0 = time.perf_counter(), server.cpu_seconds()
            latencies = [
                x for xs in await asyncio.gather(*(run(i, s) for i, s in enumerate(opened))) for x in xs
            ]
            wall, cpu = time.perf_counter() - t0, server.cpu_seconds() - cpu0
            await asyncio.gather(*(s.close() for s in opened))
        finally:
            await browser.close()
    return {"answers": len(latencies), "seconds": wall, "per_second": len(latencies) / wall,
            "p50": statistics.median(latencies), "p95": percentile(latencies, 0.95),
            "server_cpu_ms_per_answer": 1000 * cpu / len(latencies)}  # fmt: skip


def app_throughput(questions: list[str], sessions: int = 10, per_session: int = 3) -> dict[str, float]:
    """Answers per second of the app: `sessions` browser sessions at once, each asking `per_session`
    questions in a row (a conversation), timed from the first question to the last complete answer."""
    missing = chromium_missing()
    if missing:
        raise RuntimeError(missing)
    with Server(ROOT / "test-artifacts" / "bench-streamlit.log") as server:
        result = asyncio.run(_throughput(server, questions, sessions, per_session))
        result["server_rss_mb"] = server.rss_mb()
    return result
