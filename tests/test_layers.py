"""The layers of docs/architecture.md, kept by the import-linter contracts in pyproject.toml."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    # lint-imports reads ./pyproject.toml and puts its working directory first on the path, so the
    # package it analyses is the one beside that file.
    return subprocess.run([LINT_IMPORTS, "--no-cache", "--no-logo"], cwd=cwd, capture_output=True, text=True)


def test_every_import_points_down_the_layers():
    run = lint_imports(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr


def test_an_import_pointing_up_breaks_the_contract(tmp_path):
    shutil.copytree(ROOT / "gonghui", tmp_path / "gonghui", ignore=shutil.ignore_patterns("__pycache__", "static"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / "gonghui" / "org" / "upward.py").write_text("from gonghui.members.models import Member  # noqa\n")
    run = lint_imports(tmp_path)
    assert run.returncode != 0
    assert "gonghui.org is not allowed to import gonghui.members" in run.stdout
    assert "gonghui.org.upward -> gonghui.members.models" in run.stdout
