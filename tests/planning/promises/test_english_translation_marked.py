"""A promise's English translation on the staff page says what it is and is marked as English (lang="en")."""

from __future__ import annotations

import re

from django.urls import reverse

from samverkan.planning.promises import services
from tests.planning.promises.conftest import draft


def test_it_labels_the_english_translation_and_marks_it_english(client, world):
    promise_set = draft(world.arjeplog, world.alice)
    services.promise_add(
        promise_set=promise_set,
        text="Polisen möter allmänheten.",
        text_en="The police meet the public.",
        by=world.alice,
    )
    client.force_login(world.alice)
    html = client.get(reverse("promise_set", args=[promise_set.pk])).content.decode()
    assert re.search(r'Engelsk översättning: <span lang="en">The police meet the public\.</span>', html)
    # In its form too: the text area of the translation is English.
    assert re.search(r'<textarea[^>]*lang="en"[^>]*>\s*The police meet the public\.</textarea>', html)
