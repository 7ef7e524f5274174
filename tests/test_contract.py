"""The contracts checked from outside: answer JSON, Python API, CLI (ask, --json, --jsonl, eval), threads."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEYS = {
    "question",
    "route",
    "answerable",
    "answer",
    "sources",
    "sql",
    "data",
    "chart",
    "caveats",
    "latency_ms",
}


def _check_shape(d: dict) -> None:
    assert KEYS <= set(d)
    assert d["route"] in ("data", "text", "none")
    assert isinstance(d["answerable"], bool) and isinstance(d["answer"], str) and d["answer"]
    assert isinstance(d["caveats"], list) and isinstance(d["latency_ms"], int | float)
    for s in d["sources"]:
        assert {"label", "section", "page", "quote"} <= set(s)
    if d["route"] == "data":
        assert isinstance(d["sql"], str) and d["sql"].startswith("SELECT")
        assert isinstance(d["data"], list) and d["data"]
        assert d["chart"] is None or d["chart"]["$schema"].startswith(
            "https://vega.github.io/schema/vega-lite"
        )
    json.dumps(d, ensure_ascii=False)  # serialisable


def test_python_api_shapes(assistant):
    for q in [
        "Hvor nyttig var tilsyn med veiledning fra Arbeidstilsynet?",
        "Ble resultatene vektet?",
        "Hvor stor andel av bedriftene har en HR-ansvarlig?",
    ]:
        _check_shape(assistant.ask(q).to_dict())


def test_data_answer_numbers_come_from_rows(assistant):
    d = assistant.ask("Hvor nyttige var risikovurderingene fra BHT?").to_dict()
    assert d["route"] == "data" and "Tabell 6" in [s["label"] for s in d["sources"]]
    values = {r["option"]: r["value"] for r in d["data"]}
    assert values["Nyttig"] == 50 and values["Svært nyttig"] == 14
    assert "50 %" in d["answer"] and "14 %" in d["answer"] and "N = 905" in d["answer"]


def test_one_instance_serves_many_threads(assistant):
    questions = [
        "Hvor nyttige var risikovurderingene fra BHT?",
        "Ble resultatene vektet?",
        "Hvor mange bedrifter fra Oslo svarte?",
        "Hvor stor andel av bedriftene har ingen ansatte på hjemmekontor?",
    ] * 6
    expected = {q: assistant.ask(q).answer for q in set(questions)}
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda q: (q, assistant.ask(q).answer), questions))
    for q, a in answers:
        assert a == expected[q]


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_cli_ask_json_and_history(built):
    out = _cli(
        "ask",
        "--json",
        "Og blant de minste bedriftene?",
        "--history",
        "Hvor nyttige er generelle helsekontroller fra bedriftshelsetjenesten?",
    )
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    _check_shape(d)
    assert "55 %" in d["answer"]


def test_cli_ask_plain(built):
    out = _cli("ask", "Hvor mange bedrifter svarte på undersøkelsen i november 2021?")
    assert out.returncode == 0 and "1 713" in out.stdout and "Kilder:" in out.stdout


def test_cli_jsonl(built, tmp_path):
    lines = [
        {"id": "a", "question": "Ble resultatene vektet?", "history": []},
        {
            "id": "b",
            "question": "Hva med risikovurderinger?",
            "history": ["Hvor mange syns arbeidsmiljøkartlegging fra BHT er nyttig?"],
        },
        {"id": "c", "question": ""},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\nikke json\n", encoding="utf-8"
    )
    out = _cli("ask", "--jsonl", str(path))
    assert out.returncode == 0, out.stderr
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", "c", None]
    for r in rows[:3]:
        _check_shape(r)
    assert "50 %" in rows[1]["answer"]
    assert "ikke gyldig JSON" in rows[3]["error"]


def test_cli_eval(built, tmp_path):
    path = tmp_path / "set.yaml"
    path.write_text(
        "- id: x1\n  question: Hvor mange bedrifter fra Oslo svarte?\n  expect_numbers: [217]\n  expect_sources: [Tabell 9]\n"
        "- id: x2\n  question: Hva var sykefraværsprosenten i 2021?\n  answerable: false\n",
        encoding="utf-8",
    )
    out = _cli("eval", str(path))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "accuracy 1.000 (2/2)"
