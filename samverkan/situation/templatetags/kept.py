"""`{% load kept %}{% kept key "part" %}…{% endkept %}`: a part of a page rendered once and kept in the pictures'
cache, for as long as the data it shows is unchanged. `{% kept_each rows "part" as row %}…{% endkept_each %}`: the
part once per item of `rows`, each kept under the item's own `key` (a regional row: a write in one municipality
renders that one's row again), with one read of the cache for them all.

The key is a version_key (situation.selectors): it names the place, the period, the audience, the language and
the data versions, so every write that can change the part gives it a new key. An empty key (a baseline, which
never changes, or a PDF) renders the part every time. Nothing in the part may depend on who reads it beyond what
the key names: forms and their CSRF tokens stay outside it.
"""

from __future__ import annotations

from django import template
from django.core.cache import caches
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.utils.safestring import SafeString, mark_safe

from samverkan.situation.selectors import PICTURES

register = template.Library()


def _html_name(part: object, key: str) -> str:
    """The name in the pictures' cache of a part's HTML kept under `key`."""
    return f"html:{part}:{key}"


class KeptNode(template.Node):
    def __init__(self, nodelist: NodeList, key: FilterExpression, part: FilterExpression) -> None:
        self.nodelist = nodelist
        self.key = key
        self.part = part

    def render(self, context: template.Context) -> SafeString:
        key = self.key.resolve(context)
        if not key:
            return self.nodelist.render(context)
        cache = caches[PICTURES]
        name = _html_name(self.part.resolve(context), key)
        found = cache.get(name)
        if found is None:
            found = self.nodelist.render(context)
            cache.set(name, str(found))
        return mark_safe(found)  # the template's own rendering, kept as it was made


class KeptEachNode(template.Node):
    def __init__(self, nodelist: NodeList, items: FilterExpression, part: FilterExpression, name: str) -> None:
        self.nodelist = nodelist
        self.items = items
        self.part = part
        self.name = name

    def render(self, context: template.Context) -> SafeString:
        items = list(self.items.resolve(context))
        part = self.part.resolve(context)
        names = [_html_name(part, item.key) if item.key else "" for item in items]
        cache = caches[PICTURES]
        found = cache.get_many([name for name in names if name])
        parts: list[str] = []
        made: dict[str, str] = {}
        for item, name in zip(items, names, strict=True):
            html = found.get(name) if name else None
            if html is None:
                with context.push({self.name: item}):
                    html = str(self.nodelist.render(context))
                if name:
                    made[name] = html
            parts.append(html)
        if made:
            cache.set_many(made)
        return mark_safe("".join(parts))  # the template's own rendering, kept as it was made


@register.tag
def kept(parser: Parser, token: Token) -> KeptNode:
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError('kept takes two arguments: the key and the part\'s name ("figures")')
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2]))


@register.tag
def kept_each(parser: Parser, token: Token) -> KeptEachNode:
    bits = token.split_contents()
    if len(bits) != 5 or bits[3] != "as":
        raise template.TemplateSyntaxError('kept_each takes the items, the part\'s name and a name: rows "row" as row')
    nodelist = parser.parse(("endkept_each",))
    parser.delete_first_token()
    return KeptEachNode(nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2]), bits[4])
