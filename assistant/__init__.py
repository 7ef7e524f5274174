"""Barometerassistenten: answers plain-Norwegian questions about NHOs Arbeidsmiljøbarometer 2021."""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["Assistant", "Answer"]

if TYPE_CHECKING:
    from .pipeline import Assistant
    from .types import Answer


def __getattr__(name: str):
    # lazy: `python -m assistant build` must not load the models it is about to build for
    if name == "Assistant":
        from .pipeline import Assistant

        return Assistant
    if name == "Answer":
        from .types import Answer

        return Answer
    raise AttributeError(name)
