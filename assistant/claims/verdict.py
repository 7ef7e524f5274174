"""A claim's verdict, and the thresholds the judges share for how well a report sentence fits a claim."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MIN_PROSE_FIT = 0.5  # share of the claim's content words a report sentence must hold to speak to it
MIN_STATEMENT_FIT = 0.7  # … and to support a claim without a figure by itself (two words at least)
NO_FIGURE = "jeg finner ikke et tall i rapporten som svarer til påstanden."


@dataclass
class Verdict:
    verdict: str  # supported | contradicted | partly | not_in_report
    lead: str
    corrected: str | None = None
    figure: dict[str, Any] | None = None
    reason: str = ""  # why, for a caller that may look further: no_figure | group | unit | wave | source
    fit: float = 1.0  # how well the figure it rests on matches the claim (prose: share of its words found)
