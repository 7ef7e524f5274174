"""`python -m assistant bench`: answer latency (batch, p50/p95), cold start, build time and memory.

Targets (DESIGN.md): p50 ≤ 20 ms, p95 ≤ 100 ms, first answer of a fresh process ≤ 3 s, build ≤ 60 s,
resident memory ≤ 500 MB. Timings are printed, never asserted: machines are noisy.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
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


def run_bench(path: str | None, repeat: int) -> int:
    from . import Assistant

    src = Path(path) if path else DEFAULT_SET
    cases = yaml.safe_load(src.read_text(encoding="utf-8")) if src.exists() else FALLBACK
    assistant = Assistant()
    for c in cases:  # warm-up
        assistant.ask(c["question"], c.get("history") or [])
    times: list[float] = []
    for _ in range(repeat):
        for c in cases:
            t = time.perf_counter()
            assistant.ask(c["question"], c.get("history") or [])
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p50 = statistics.median(times)
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"spørsmål: {len(cases)} × {repeat} = {len(times)} svar")
    print(f"svartid p50 {p50:.1f} ms (mål ≤ 20), p95 {p95:.1f} ms (mål ≤ 100), maks {times[-1]:.1f} ms")
    print(f"minne (maks RSS) {rss_mb:.0f} MB (mål ≤ 500)")
    cold = _cold_start()
    print(f"kaldstart til første svar {cold:.2f} s (mål ≤ 3)")
    build = _build_time()
    print(f"bygg fra null {build:.1f} s (mål ≤ 60)")
    return 0
