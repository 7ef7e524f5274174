"""Read a respondent file (CSV, Parquet, SPSS .sav) into columns of plain Python values.

Every reader returns the same `RawTable`; a file that cannot be read (wrong format, truncated, a row
with too few fields) raises `ReadError` with a Norwegian message. Nothing here knows the codebook.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMATS = {
    ".csv": "csv",
    ".txt": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".sav": "sav",
    ".zsav": "sav",
}


class ReadError(ValueError):
    """The file could not be read; the message is Norwegian and says what to do."""

    def __init__(self, message: str, row: int | None = None):
        super().__init__(message)
        self.row = row


@dataclass
class RawTable:
    columns: list[str]
    rows: list[list[Any]]  # one list per data row, values None | int | float | str
    value_labels: dict[str, dict[Any, str]] = field(default_factory=dict)  # SPSS: column → {value: label}


def plain(value: Any) -> Any:
    """None for blanks and NaN; whole floats as int; strings stripped (a blank string is None).

    >>> plain(3.0), plain(float("nan")), plain("  "), plain(" Ja "), plain(2.5)
    (3, None, None, 'Ja', 2.5)
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() else value
    if isinstance(value, int):
        return value
    if hasattr(value, "item"):  # numpy scalars
        return plain(value.item())
    text = str(value).strip()
    return text or None


def read_table(path: Path) -> RawTable:
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ReadError(
            f"Ukjent filtype «{path.suffix or path.name}». Bruk CSV (.csv), Parquet (.parquet) eller SPSS (.sav)."
        )
    if not path.is_file():
        raise ReadError(f"Fant ikke filen «{path}».")
    return {"csv": _read_csv, "parquet": _read_parquet, "sav": _read_sav}[kind](path)


def _read_csv(path: Path) -> RawTable:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ReadError("CSV-filen er ikke UTF-8. Lagre den som CSV UTF-8 og prøv igjen.") from err
    if not text.strip():
        raise ReadError("Filen er tom.")
    header_line = text.splitlines()[0]
    delimiter = max([",", ";", "\t"], key=header_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [h.strip() for h in next(reader)]
        rows: list[list[Any]] = []
        for row in reader:
            if not row:
                continue  # a blank line
            if len(row) != len(header):
                raise ReadError(
                    f"Rad {len(rows) + 1} har {len(row)} felt, men overskriften har {len(header)}. "
                    "Filen kan være avkuttet eller ha feil skilletegn.",
                    row=len(rows) + 1,
                )
            rows.append([plain(v) for v in row])
    except csv.Error as err:
        raise ReadError(
            f"CSV-filen kunne ikke leses etter rad {len(rows)} ({err}). Filen kan være avkuttet."
        ) from err
    return RawTable(header, rows)


def _read_parquet(path: Path) -> RawTable:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError) as err:
        raise ReadError("Parquet-filen kunne ikke leses. Filen kan være avkuttet eller skadet.") from err
    columns = [str(c) for c in table.column_names]
    values = [table.column(i).to_pylist() for i in range(table.num_columns)]
    rows = [[plain(col[r]) for col in values] for r in range(table.num_rows)]
    return RawTable(columns, rows)


def _read_sav(path: Path) -> RawTable:
    try:
        import pyreadstat
    except ImportError as err:  # a dependency of the project; missing only in a broken install
        raise ReadError("SPSS-filer krever pakken pyreadstat (`pip install pyreadstat`).") from err
    try:
        frame, meta = pyreadstat.read_sav(str(path), apply_value_formats=False, user_missing=False)
    except Exception as err:  # pyreadstat raises its own and OS errors for damaged files
        raise ReadError("SPSS-filen kunne ikke leses. Filen kan være avkuttet eller skadet.") from err
    columns = [str(c) for c in frame.columns]
    rows = [[plain(v) for v in rec] for rec in frame.itertuples(index=False, name=None)]
    labels = {
        str(col): {plain(k): str(v) for k, v in mapping.items()}
        for col, mapping in (meta.variable_value_labels or {}).items()
    }
    return RawTable(columns, rows, labels)
