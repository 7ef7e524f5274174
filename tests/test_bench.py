"""`bench` (assistant/bench.py): the shared-Assistant throughput run checks its answers; no timing here."""

from __future__ import annotations

from assistant.bench import _shared

CASES = [
    {"question": "Hvor nyttige var risikovurderingene fra BHT?"},
    {"question": "Og blant de minste bedriftene?", "history": ["Hvor nyttige er generelle helsekontroller?"]},
    {"question": "Ble resultatene vektet?"},
]


def test_sixteen_threads_give_the_answers_one_thread_gives(assistant):
    expected = [assistant.ask(c["question"], c.get("history") or []).answer for c in CASES]
    per_second, wrong = _shared(assistant, CASES, expected, threads=16, repeat=6)
    assert wrong == 0 and per_second > 0


def test_a_differing_answer_is_counted(assistant):
    expected = [assistant.ask(c["question"], c.get("history") or []).answer for c in CASES]
    expected[2] = "noe annet"
    _per_second, wrong = _shared(assistant, CASES, expected, threads=4, repeat=2)
    assert wrong == 2
