"""Reading an Answer in tests: its first paragraph, where the asked figure must stand («lead»)."""

from __future__ import annotations


def lead(answer) -> str:
    return answer.answer.strip().split("\n\n")[0]


def first_line(answer) -> str:
    """The answer's first line: the verdict or the figure it leads with."""
    return answer.answer.split("\n")[0]
