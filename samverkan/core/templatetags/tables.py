"""`{% load tables %}{% scroll_table %}<table>…</table>{% endscroll_table %}`: a table wider than the window scrolls
in its own box instead of widening the page (WCAG 2.1's reflow, 1.4.10).

The box is a focusable region, so it can be scrolled with the keyboard, named by the table's caption, or by the
label given (`{% scroll_table _("Signatories") %}`) when the table has none.
"""

from __future__ import annotations

import html
import re

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe

register = template.Library()

CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.DOTALL | re.IGNORECASE)


def caption_text(rendered: str) -> str:
    """The plain text of the first caption in `rendered`, "" when there is none."""
    found = CAPTION.search(rendered)
    return " ".join(html.unescape(strip_tags(found.group(1))).split()) if found else ""


class ScrollTableNode(template.Node):
    def __init__(self, nodelist: NodeList, label: FilterExpression | None) -> None:
        self.nodelist = nodelist
        self.label = label

    def render(self, context: template.Context) -> str:
        rendered = self.nodelist.render(context)
        label = str(self.label.resolve(context)) if self.label is not None else caption_text(rendered)
        if not label:
            raise template.TemplateSyntaxError("scroll_table: the table has no caption; give a label")
        return format_html(
            '<div class="table-scroll" role="region" aria-label="{}" tabindex="0">{}</div>', label, mark_safe(rendered)
        )


@register.tag
def scroll_table(parser: Parser, token: Token) -> ScrollTableNode:
    bits = token.split_contents()
    if len(bits) > 2:
        raise template.TemplateSyntaxError("scroll_table takes at most one argument: the label")
    label = parser.compile_filter(bits[1]) if len(bits) == 2 else None
    nodelist = parser.parse(("endscroll_table",))
    parser.delete_first_token()
    return ScrollTableNode(nodelist, label)
