"""JSON from outside is read strictly: a key twice and nesting too deep are malformed JSON like any other."""

from __future__ import annotations

import pytest

from samverkan.core import strict_json


def test_it_reads_json():
    assert strict_json.loads('{"values": [{"id": 1}], "next": null}') == {"values": [{"id": 1}], "next": None}


@pytest.mark.usefixtures("in_english")
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"id": 1, "id": 2}', "the key 'id' appears twice in one object"),
        ('[{"a": {"b": 1, "b": 1}}]', "the key 'b' appears twice in one object"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ("", "Expecting value: line 1 column 1 (char 0)"),
    ],
)
def test_it_refuses_malformed_json_with_its_reason(text, reason):
    with pytest.raises(ValueError) as refused:
        strict_json.loads(text)
    assert str(refused.value) == reason
