"""Start-up stays light: the heavy libraries load with the first PDF or spreadsheet, not with the site."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("scipy", "weasyprint", "openpyxl")


def test_it_starts_without_the_heavy_libraries():
    code = (
        "import os, sys, django; os.environ['DJANGO_SETTINGS_MODULE'] = 'samverkan.settings'; django.setup();"
        "import samverkan.urls;"
        f"print(','.join(name for name in {HEAVY!r} if name in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == ""
