"""JSON from outside, read strictly: every way it can be malformed is a ValueError with its reason.

Python's json module takes the last of two equal keys in an object, and fails with RecursionError on
nesting deeper than it reads. Here a key that comes twice is refused (which of its values is meant
is unknown), and too deep nesting is a ValueError like any other malformed JSON.
"""

from __future__ import annotations

import json

from samverkan.core.lazytext import _

DUPLICATE_KEY = _("the key {key!r} appears twice in one object")
TOO_DEEP = _("nested too deeply")


def _object(pairs: list[tuple[str, object]]) -> dict:
    result: dict = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(DUPLICATE_KEY.format(key=key))
        result[key] = value
    return result


def loads(text: str) -> object:
    try:
        return json.loads(text, object_pairs_hook=_object)
    except RecursionError as error:
        raise ValueError(str(TOO_DEEP)) from error
