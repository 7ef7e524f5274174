"""Run a command with folders mounted read-only, as in a read-only container image.

A private mount namespace (`unshare --user --map-root-user --mount`) bind-mounts each folder read-only
over itself for that command only; nothing changes outside it. Even root cannot write there, which plain
file modes would not guarantee. `supported()` says whether this kernel and sandbox allow it.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

# sh -c SCRIPT sh N DIR1 … DIRN CMD …: mount the N folders read-only, then exec the command
SCRIPT = (
    'n=$1; shift; while [ "$n" -gt 0 ]; do '
    'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" || exit 97; shift; n=$((n - 1)); done; '
    'exec "$@"'
)


def wrap(cmd: list[str], folders: list[Path]) -> list[str]:
    return ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", SCRIPT, "sh",
            str(len(folders)), *(str(f) for f in folders), *cmd]  # fmt: skip


@functools.cache
def supported() -> bool:
    if not shutil.which("unshare"):
        return False
    with tempfile.TemporaryDirectory() as folder:
        probe = ["sh", "-c", 'touch "$0/x" 2>/dev/null && exit 0 || exit 42', folder]
        done = subprocess.run(wrap(probe, [Path(folder)]), capture_output=True, timeout=30)
        return done.returncode == 42 and not os.path.exists(os.path.join(folder, "x"))


def snapshot(root: Path, skip: tuple[str, ...] = ()) -> dict[str, tuple[int, int]]:
    """Every file and folder under `root` with its size and mtime: two equal snapshots mean nothing was
    written (the check that also holds where read-only mounts are not available)."""
    out: dict[str, tuple[int, int]] = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in skip]
        for name in dirs + files:
            path = os.path.join(folder, name)
            st = os.lstat(path)
            out[os.path.relpath(path, root)] = (st.st_size, st.st_mtime_ns)
    return out
