"""Reading an Answer in tests: its first paragraph, where the asked figure must stand («lead»)."""

from __future__ import annotations


def lead(answer) -> str:
    return answer.answer.strip().split("\n\n")[0]
