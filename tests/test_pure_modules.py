"""The pure modules (the import-linter contract "The pure modules import no Django" in pyproject.toml) import
without Django: each is imported, with the modules of a package, in a Python started for them where Django cannot
be imported and no settings are named. import-linter reads the imports; this runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = "The pure modules import no Django"

# Django made unimportable: `import django…` raises ImportError in the child. Each module named is imported with
# the modules of its package, in one child for all (a Python started for each took seconds of the suite), and
# what each one raised is printed: a module that fails leaves no half of itself behind for the next one.
IMPORT_WITHOUT_DJANGO = """
import importlib, json, pkgutil, sys, traceback
sys.modules["django"] = None
errors = {}
for name in sys.argv[1:]:
    try:
        module = importlib.import_module(name)
        for info in pkgutil.walk_packages(getattr(module, "__path__", []), module.__name__ + "."):
            importlib.import_module(info.name)
        errors[name] = ""
    except Exception:
        errors[name] = traceback.format_exc()
print(json.dumps(errors))
"""


def pure_modules() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    return next(contract["source_modules"] for contract in contracts if contract["name"] == CONTRACT)


def import_without_django(*modules: str) -> dict[str, str]:
    """What importing each module raised (its traceback), "" for none."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_WITHOUT_DJANGO, *modules],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def imported() -> dict[str, str]:
    return import_without_django(*pure_modules())


@pytest.mark.parametrize("module", pure_modules())
def test_it_imports_the_pure_module_without_django(module, imported):
    assert imported[module] == ""


def test_it_fails_a_module_that_imports_django():
    errors = import_without_django("samverkan.core.forms", "samverkan.core.numbers")
    assert "import of django halted" in errors["samverkan.core.forms"]
    assert errors["samverkan.core.numbers"] == ""


def test_it_lists_the_parsers_of_every_source():
    sources = ROOT / "samverkan" / "sources"
    parsers = {f"samverkan.sources.{path.parent.name}.parse" for path in sources.glob("*/parse.py")}
    assert parsers <= set(pure_modules())


def test_it_lists_the_one_way_to_write_a_figure():
    assert "samverkan.core.numbers" in pure_modules()
