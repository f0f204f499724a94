"""`{% load kept %}{% kept key "part" %}…{% endkept %}`: a part of a page rendered once and kept in the pictures'
cache, for as long as the data it shows is unchanged.

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
        name = f"html:{self.part.resolve(context)}:{key}"
        found = cache.get(name)
        if found is None:
            found = self.nodelist.render(context)
            cache.set(name, str(found))
        return mark_safe(found)  # the template's own rendering, kept as it was made


@register.tag
def kept(parser: Parser, token: Token) -> KeptNode:
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError('kept takes two arguments: the key and the part\'s name ("figures")')
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2]))
