"""app.py with the fake engine edge of tests/fake_engine.py installed, for the browser tests:
`streamlit run tests/e2e_fake_app.py`. Questions other than the fake ones reach the real Assistant."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

if __name__ == "__main__":  # Streamlit runs it as a script; pytest's doctest collection only imports it
    HERE = Path(__file__).resolve().parent
    sys.path.insert(0, str(HERE))
    import fake_engine

    fake_engine.install()
    runpy.run_path(str(HERE.parent / "app.py"), run_name="__main__")
