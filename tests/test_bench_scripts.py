"""Every benchmark script still imports: a rename in the apps (an enum, a model) must not leave `make bench`
broken until someone runs it. Importing runs no benchmark (`__main__` only) and connects to no database."""

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
SCRIPTS = sorted(p.stem for p in BENCH.glob("bench_*.py"))


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_benchmark_script_imports(script):
    done = subprocess.run([sys.executable, "-c", f"import {script}"], cwd=BENCH, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
