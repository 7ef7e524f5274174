"""Norwegian number formatting.

>>> pct(46.0), pct(11.97), pct(-0.36), mean(3.9), count(16861), count(1713)
('46 %', '11,97 %', '-0,36 %', '3,9', '16 861', '1 713')
"""

from __future__ import annotations


def _decimals(value: float) -> int:
    """The decimals a value was given with (46.0 → 0, 11.97 → 2)."""
    return 0 if float(value).is_integer() else len(f"{value}".split(".")[1].rstrip("0"))


def _num(value: float, decimals: int | None = None) -> str:
    if decimals is None:
        decimals = _decimals(value)
    text = f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",")
    return text


def pct(value: float) -> str:
    return f"{_num(value)} %"


def points(va: float, vb: float) -> str:
    """The distance between two shares, to the precision they were given in.

    >>> points(11.97, 10.5), points(65, 55)
    ('1,47 prosentpoeng', '10 prosentpoeng')
    """
    decimals = max(_decimals(va), _decimals(vb))
    return f"{_num(round(abs(va - vb), decimals), decimals)} prosentpoeng"


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
