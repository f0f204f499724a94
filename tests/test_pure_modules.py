"""The pure modules (the import-linter contract "The pure modules import no Django" in pyproject.toml) import
without Django: each is imported, with the modules of a package, in a fresh Python where Django cannot be
imported and no settings are named. import-linter reads the imports; this runs them."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = "The pure modules import no Django"

# Django made unimportable: `import django…` raises ImportError in the child.
IMPORT_WITHOUT_DJANGO = """
import importlib, pkgutil, sys
sys.modules["django"] = None
module = importlib.import_module(sys.argv[1])
for info in pkgutil.walk_packages(getattr(module, "__path__", []), module.__name__ + "."):
    importlib.import_module(info.name)
"""


def pure_modules() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    return next(contract["source_modules"] for contract in contracts if contract["name"] == CONTRACT)


def import_without_django(module: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    return subprocess.run(
        [sys.executable, "-c", IMPORT_WITHOUT_DJANGO, module],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("module", pure_modules())
def test_it_imports_the_pure_module_without_django(module):
    result = import_without_django(module)
    assert result.returncode == 0, result.stderr


def test_it_fails_a_module_that_imports_django():
    result = import_without_django("samverkan.core.forms")
    assert result.returncode != 0
    assert "import of django halted" in result.stderr


def test_it_lists_the_parsers_of_every_source():
    sources = ROOT / "samverkan" / "sources"
    parsers = {f"samverkan.sources.{path.parent.name}.parse" for path in sources.glob("*/parse.py")}
    assert parsers <= set(pure_modules())


def test_it_lists_the_one_way_to_write_a_figure():
    assert "samverkan.core.numbers" in pure_modules()
