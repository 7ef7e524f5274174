"""Build integrity: a manifest of every file the build wrote, checked when the assistant starts.

`build` writes `manifest.json` last, beside what it wrote: each file's size and SHA-256 (every file under
the build folder, whatever wrote it, so new tables or index files are covered without a list here), the
content hash of the sources and the embedder. `ensure_build` checks it at start. A missing, truncated or
changed file leads to a rebuild under the build lock (processes starting together on a damaged build
rebuild once), or, when a rebuild is impossible here (read-only install, sources absent), to one
`BuildError` whose Norwegian message names the command to run. A step that changes a finished build in
place must call `write_manifest` again, or the next start takes the build for damaged.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     folder = Path(tmp)
...     _ = (folder / "a.txt").write_text("hei")
...     print(sorted(write_manifest(folder, "abc", "none")["files"]), problems(folder))
...     _ = (folder / "a.txt").write_text("he")
...     print(problems(folder))
['a.txt'] []
['a.txt har feil størrelse (2 byte, ventet 3)']
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
FORMAT = 1
COMMAND = "`make build` (eller `.venv/bin/python -m assistant build`)"


class BuildError(RuntimeError):
    """The build is missing or damaged and cannot be made usable here. The message is Norwegian, names the
    command to run and is safe to show as it is (CLI: one line on stderr; app: in the page)."""


def _digest(path: Path, sync: bool = False) -> str:
    with path.open("rb") as fh:
        digest = hashlib.file_digest(fh, "sha256").hexdigest()
        if sync:  # the manifest vouches for these bytes: make sure they reached the disk
            os.fsync(fh.fileno())
    return digest


def write_manifest(folder: Path, content_hash: str, embedder: str, **extra: Any) -> dict[str, Any]:
    """Record every file under `folder` (size, SHA-256); written last, atomically, after an fsync."""
    import duckdb  # recorded to explain a database a different DuckDB cannot read

    files = {
        p.relative_to(folder).as_posix(): {"size": p.stat().st_size, "sha256": _digest(p, sync=True)}
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).as_posix() not in (MANIFEST, MANIFEST + ".tmp")
    }
    manifest = {
        "format": FORMAT,
        "content_hash": content_hash,
        "embedder": embedder,
        "duckdb": duckdb.__version__,
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        **extra,
        "files": files,
    }
    tmp = folder / (MANIFEST + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, folder / MANIFEST)
    _sync_dir(folder)
    return manifest


def _sync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_manifest(folder: Path) -> dict[str, Any] | None:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    ok = (
        isinstance(manifest, dict)
        and manifest.get("format") == FORMAT
        and isinstance(manifest.get("files"), dict)
        and manifest["files"]
    )
    return manifest if ok else None


def problems(folder: Path) -> list[str]:
    """What is wrong with the build in `folder` (Norwegian, for the log and the message); empty when
    every file the manifest lists is there with its size and hash."""
    if not folder.is_dir():
        return [f"mappen {folder} finnes ikke"]
    if not (folder / MANIFEST).exists():
        return [f"{MANIFEST} mangler: bygget ble ikke fullført eller er laget av en eldre versjon"]
    manifest = read_manifest(folder)
    if manifest is None:
        return [f"{MANIFEST} er skadet"]
    found: list[str] = []
    for rel, want in sorted(manifest["files"].items()):
        path = folder / rel
        try:
            size = path.stat().st_size
            if size != want.get("size"):
                found.append(f"{rel} har feil størrelse ({size} byte, ventet {want.get('size')})")
            elif _digest(path) != want.get("sha256"):
                found.append(f"{rel} har endret innhold")
        except FileNotFoundError:
            found.append(f"{rel} mangler")
        except OSError as err:
            found.append(f"{rel} kan ikke leses ({err.strerror or err})")
    return found


def sources_missing() -> list[str]:
    """The source files a rebuild needs that are not here (an install may ship only the built files)."""
    from . import knowledge
    from .report import REPORT_PATH

    missing = [p.name for p in (knowledge.KNOWLEDGE / "codebook.yaml", REPORT_PATH) if not p.exists()]
    if not any(knowledge.PUBLISHED.glob("*.csv")):
        missing.append("data/published/*.csv")
    return missing


def lock_path(folder: Path) -> Path:
    """The lock every build of `folder` takes (beside it, so the folder itself can be swapped)."""
    return folder.parent / f".{folder.name}.lock"


def _unwritable(folder: Path) -> str | None:
    """Why a build of `folder` cannot be written here (None when it can), found before the rebuild is
    announced: a read-only install gets one message instead of a promise to rebuild."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        with lock_path(folder).open("a"):
            pass
    except OSError as err:
        return f"{folder.parent} er ikke skrivbar ({err.strerror or err})"
    return None


def _summary(found: list[str]) -> str:
    more = f" og {len(found) - 3} til" if len(found) > 3 else ""
    return "; ".join(found[:3]) + more


def unusable_message(folder: Path, why: str, reason: str) -> str:
    return (
        f"Databasen og søkeindeksen i {folder} mangler eller er skadet ({why}), og de kan ikke bygges på nytt "
        f"her: {reason}. Kjør {COMMAND} i prosjektmappen, der den er skrivbar, og start assistenten på nytt."
    )


def ensure_build(folder: Path) -> Path:
    """`folder` if its build matches its manifest; otherwise rebuild it (once, under the build lock) and
    return it, or raise `BuildError` when that cannot be done here. A build that is intact but older than
    the sources is used as it is: `build` brings it up to date."""
    found = problems(folder)
    if not found:
        return folder
    why = _summary(found)
    missing = sources_missing()
    if missing:
        raise BuildError(unusable_message(folder, why, "kildefilene mangler (" + ", ".join(missing) + ")"))
    unwritable = _unwritable(folder)
    if unwritable:
        raise BuildError(unusable_message(folder, why, unwritable))
    if folder.exists():
        log.warning("Bygget i %s er skadet eller ufullstendig (%s); bygger det på nytt.", folder, why)
    else:
        log.warning("Fant ikke noe bygg i %s; bygger databasen og indeksen (om lag ett minutt).", folder)
    from .build import build  # build imports this module

    try:
        build(out=folder, log=log.info)
    except BuildError as err:
        raise BuildError(unusable_message(folder, why, str(err).rstrip("."))) from err
    except Exception as err:  # whatever stopped the build, the user gets one message, not a traceback
        log.debug("Rebuild failed", exc_info=True)
        raise BuildError(unusable_message(folder, why, f"{type(err).__name__}: {err}")) from err
    left = problems(folder)
    if left:
        raise BuildError(unusable_message(folder, _summary(left), "bygget ble ikke helt etter nytt forsøk"))
    return folder
