"""`python -m assistant bench`: answer latency (batch, p50/p95), answers per second (one thread, and one
Assistant shared by 16 threads), cold start, build time and memory. `bench --app`: the app's answers per
second with 10 headless-Chromium sessions at once (assistant/appload.py).

Targets (DESIGN.md): p50 ≤ 20 ms, p95 ≤ 100 ms, first answer of a fresh process ≤ 3 s, build ≤ 60 s,
resident memory ≤ 500 MB. Timings are printed, never asserted: machines are noisy.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SET = ROOT.parent / "shared" / "eval" / "dev.yaml"
FALLBACK = [
    {"question": "Hvor mange bedrifter svarte på undersøkelsen?"},
    {"question": "Hvor nyttige var risikovurderingene fra BHT?"},
    {"question": "Ble resultatene vektet?"},
    {"question": "Og blant de minste bedriftene?", "history": ["Hvor nyttige er generelle helsekontroller?"]},
]


def _cold_start() -> float:
    code = (
        "import time; t=time.perf_counter(); from assistant import Assistant; a=Assistant(); "
        "a.ask('Hvor mange bedrifter svarte på undersøkelsen?'); print(time.perf_counter()-t)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def _build_time() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, ASSISTANT_DATA_DIR=str(Path(tmp) / "build"))
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "assistant", "build"], cwd=ROOT, env=env, capture_output=True, check=True
        )
        return time.perf_counter() - t


def _machine() -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())  # the machine may be shared: say how busy it was
    return (
        f"maskin: {os.cpu_count()} kjerner, {platform.machine()}, Python {platform.python_version()}, "
        f"{dt.date.today().isoformat()}, belastning (load average 1/5/15 min) {load}"
    )


def _cases(path: str | None) -> list[dict]:
    src = Path(path) if path else DEFAULT_SET
    return yaml.safe_load(src.read_text(encoding="utf-8")) if src.exists() else FALLBACK


def _shared(
    assistant, cases: list[dict], expected: list[str], threads: int, repeat: int
) -> tuple[float, int]:
    """Answers per second from one Assistant shared by `threads` threads, and how many answers differed
    from the same question answered alone (there must be none)."""
    work = [i for _ in range(repeat) for i in range(len(cases))]

    def one(i: int) -> bool:
        c = cases[i]
        return assistant.ask(c["question"], c.get("history") or []).answer == expected[i]

    t = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        same = list(pool.map(one, work))
    return len(work) / (time.perf_counter() - t), same.count(False)


def run_bench(path: str | None, repeat: int, threads: int = 16) -> int:
    from . import Assistant

    machine = _machine()  # before the run: the load average must not count the bench itself
    cases = _cases(path)
    assistant = Assistant()
    expected = [assistant.ask(c["question"], c.get("history") or []).answer for c in cases]  # and warm-up
    times: list[float] = []
    for _ in range(repeat):
        for c in cases:
            t = time.perf_counter()
            assistant.ask(c["question"], c.get("history") or [])
            times.append((time.perf_counter() - t) * 1000)
    per_second, wrong = _shared(assistant, cases, expected, threads, repeat)
    times.sort()
    p50 = statistics.median(times)
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(machine)
    print(f"spørsmål: {len(cases)} × {repeat} = {len(times)} svar")
    print(f"svartid p50 {p50:.1f} ms (mål ≤ 20), p95 {p95:.1f} ms (mål ≤ 100), maks {times[-1]:.1f} ms")
    print(f"svar per sekund: {1000 * len(times) / sum(times):.0f} med én tråd, {per_second:.0f} fra én "
          f"Assistant delt av {threads} tråder")  # fmt: skip
    if wrong:
        print(f"FEIL: {wrong} svar fra {threads} tråder var ikke like svaret på samme spørsmål alene")
    print(f"minne (maks RSS) {rss_mb:.0f} MB (mål ≤ 500)")
    cold = _cold_start()
    print(f"kaldstart til første svar {cold:.2f} s (mål ≤ 3)")
    build = _build_time()
    print(f"bygg fra null {build:.1f} s (mål ≤ 60)")
    return 1 if wrong else 0


def run_app_bench(path: str | None, sessions: int, per_session: int) -> int:
    """The app's answers per second: `sessions` headless-Chromium sessions on one Streamlit server."""
    from .appload import app_throughput, chromium_missing

    missing = chromium_missing()
    if missing:
        print(f"Fant ikke Chromium ({missing}).", file=sys.stderr)
        return 1
    questions = [c["question"] for c in _cases(path) if not c.get("history")]
    machine = _machine()
    r = app_throughput(questions, sessions, per_session)
    print(machine)
    print(f"appen: {sessions} nettleserøkter samtidig, {per_session} spørsmål hver: {r['answers']} svar på "
          f"{r['seconds']:.1f} s = {r['per_second']:.2f} svar per sekund")  # fmt: skip
    print(
        f"tid fra spørsmål til ferdig tegnet svar i nettleseren: p50 {r['p50']:.1f} s, p95 {r['p95']:.1f} s"
    )
    print(f"serverens CPU-tid per svar {r['server_cpu_ms_per_answer']:.0f} ms (resten brukte nettleserne)")
    print(f"serverens minne (RSS) etterpå {r['server_rss_mb']:.0f} MB")
    return 0
