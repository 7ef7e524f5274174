"""Norwegian number formatting.

>>> pct(46.0), pct(11.97), pct(-0.36), mean(3.9), count(16861), count(1713)
('46 %', '11,97 %', '-0,36 %', '3,9', '16 861', '1 713')
"""

from __future__ import annotations


def _num(value: float, decimals: int | None = None) -> str:
    if decimals is None:
        decimals = 0 if float(value).is_integer() else len(f"{value}".split(".")[1].rstrip("0"))
    text = f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",")
    return text


def pct(value: float) -> str:
    return f"{_num(value)} %"


def mean(value: float) -> str:
    return _num(value, 1)


def count(value: float) -> str:
    return _num(value, 0)


def fmt(value: float, unit: str) -> str:
    if unit == "pct":
        return pct(value)
    if unit == "mean":
        return mean(value)
    return count(value)


def n_text(n: str | None) -> str:
    """The base as printed: '336' or a range '27–33'."""
    if not n:
        return ""
    n = n.replace("-", "–")
    try:
        return count(float(n))
    except ValueError:
        return n
