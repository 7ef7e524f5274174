"""Disclosure control for computed tables: primary and complementary cell suppression.

A table is a set of cells keyed `(group, item, column)`: `group` is a tuple of background codes (one per
breakdown variable), `column` an option code or `BASE` (the number who answered). Rules:

1. primary: a cell counting 1 to `min_cell - 1` respondents is hidden; a hidden base hides its whole row;
2. complementary: every *line* — the option cells of one row, or one column of cells along one breakdown
   variable with the other coordinates fixed (its sum is known from a coarser table or the total) — holds
   either no hidden cell or at least two, so no hidden cell is the difference of a known sum and shown
   cells. The extra cell is the smallest non-zero one, preferring cells that are not alone in a line.
Repeated until nothing changes. Which cells are primary is not reported (that would say they are small).

>>> cells = {((1,), "", 1): 2, ((1,), "", 2): 40, ((1,), "", 3): 9, ((1,), "", BASE): 51}
>>> sorted(k[2] for k in protect(cells, 5))
[1, 3]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable

BASE = "n"
Key = tuple[tuple[int, ...], str, Hashable]


def _lines(cells: dict[Key, int], option_lines: bool) -> list[list[Key]]:
    lines: dict[tuple, list[Key]] = defaultdict(list)
    for key in cells:
        group, item, col = key
        if option_lines and col != BASE:
            lines[("row", group, item)].append(key)
        for d in range(len(group)):
            rest = group[:d] + (None,) + group[d + 1 :]
            lines[("dim", d, rest, item, col)].append(key)
    return [v for v in lines.values()]


def protect(cells: dict[Key, int], min_cell: int, option_lines: bool = True) -> set[Key]:
    """The keys to hide. `cells` holds only rows whose base is above zero (empty groups are not shown).
    `option_lines=False` when only bases are shown (means)."""
    hidden = {k for k, v in cells.items() if 0 < v < min_cell}
    lines = _lines(cells, option_lines)
    alone = {line[0] for line in lines if len(line) == 1}
    rows: dict[tuple, list[Key]] = defaultdict(list)
    for key in cells:
        rows[(key[0], key[1])].append(key)

    def cost(k: Key) -> tuple:
        return (k in alone, cells[k] == 0, cells[k], repr(k))

    changed = True
    while changed:
        changed = False
        for (group, item), keys in rows.items():
            if (group, item, BASE) in hidden and not all(k in hidden for k in keys):
                hidden.update(keys)
                changed = True
        for line in lines:
            shown = [k for k in line if k not in hidden]
            if len(line) - len(shown) == 1 and shown:
                hidden.add(min(shown, key=cost))
                changed = True
    return hidden
