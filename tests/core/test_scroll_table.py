"""`{% scroll_table %}` puts a table in a focusable region named by its caption, or by the label given."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template, TemplateSyntaxError


def render(text: str, **context) -> str:
    return Template("{% load tables %}" + text).render(Context(context))


def test_it_names_the_region_by_the_caption():
    html = render(
        '{% scroll_table %}<table><caption class="visually-hidden">Möten <b>per</b> &amp; {{ name }}</caption>'
        "<tr><td>1</td></tr></table>{% endscroll_table %}",
        name='"Arjeplog"',
    )
    assert html == (
        '<div class="table-scroll" role="region" aria-label="Möten per &amp; &quot;Arjeplog&quot;" tabindex="0">'
        '<table><caption class="visually-hidden">Möten <b>per</b> &amp; &quot;Arjeplog&quot;</caption>'
        "<tr><td>1</td></tr></table></div>"
    )


def test_it_names_a_table_without_caption_by_the_label():
    html = render("{% scroll_table label %}<table><tr><td>1</td></tr></table>{% endscroll_table %}", label="Svar <1>")
    assert html.startswith('<div class="table-scroll" role="region" aria-label="Svar &lt;1&gt;" tabindex="0"><table>')


def test_it_refuses_a_table_with_neither():
    with pytest.raises(TemplateSyntaxError, match="no caption"):
        render("{% scroll_table %}<table><tr><td>1</td></tr></table>{% endscroll_table %}")


def test_every_table_of_the_templates_scrolls_in_its_own_region():
    """A table the test data keeps narrow may be wide with real data: every one is in {% scroll_table %}."""
    unwrapped = []
    for path in sorted((Path(settings.BASE_DIR) / "samverkan").rglob("templates/**/*.html")):
        text = path.read_text()
        for match in re.finditer(r"<table\b", text):
            opened = text.rfind("{% scroll_table", 0, match.start())
            closed = text.rfind("{% endscroll_table %}", 0, match.start())
            if opened == -1 or closed > opened:
                unwrapped.append(f"{path.relative_to(settings.BASE_DIR)}:{text.count(chr(10), 0, match.start()) + 1}")
    assert not unwrapped, "tables outside {% scroll_table %}: " + ", ".join(unwrapped)
