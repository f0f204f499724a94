"""Import problems in the reader's language, always as FILE:LINE: field: what is wrong.

The Swedish web shows them in Swedish, a visitor who chose English sees English, and the command line
(where nothing chooses a language) speaks the product's LANGUAGE_CODE, Swedish.
"""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from samverkan.sources.indicators.models import IndicatorValue

BAD_YEAR = "indicator,municipality,year,value,n,source\nAlkoholkonsumenter årskurs 9,2506,20x4,38.5,26,CAN 2024\n"
OTHER_HEADER = "indikator;kommun;år;värde\nAlkoholkonsumenter årskurs 9;2506;2024;38,5\n"


def upload(client, text: str):
    file = SimpleUploadedFile("fel.csv", text.encode(), "text/csv")
    return client.post(reverse("import_upload", args=["indicators"]), {"file": file})


def problems(response) -> list[str]:
    return [str(problem) for problem in response.context["problems"]]


def test_it_shows_the_swedish_web_a_bad_value_in_swedish(client, world):
    client.force_login(world.alice)
    response = upload(client, BAD_YEAR)
    assert response.status_code == 400
    assert problems(response) == ["fel.csv:2: year: '20x4' är inte ett år"]
    assert "<code>fel.csv:2: year: &#x27;20x4&#x27; är inte ett år</code>" in response.content.decode()
    assert not IndicatorValue.objects.exists()


def test_it_names_the_header_row_in_swedish(client, world):
    client.force_login(world.alice)
    response = upload(client, OTHER_HEADER)
    expected = "fel.csv:1: rubrikrad: kolumnerna ska vara indicator,municipality,year,value,n,source"
    assert problems(response) == [expected]


def test_it_shows_a_visitor_who_chose_english_the_problems_in_english(client, world, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(world.alice)
    response = upload(client, BAD_YEAR)
    assert problems(response) == ["fel.csv:2: year: '20x4' is not a year"]


def test_it_prints_the_problems_in_the_products_language_on_the_command_line(world, tmp_path):
    path = tmp_path / "fel.csv"
    path.write_text(BAD_YEAR, encoding="utf-8")
    err = io.StringIO()
    translation.deactivate()  # as in a command-line process: no visitor chose a language
    with pytest.raises(CommandError):
        call_command("import_indicators", str(path), stdout=io.StringIO(), stderr=err)
    assert err.getvalue().splitlines() == ["fel.csv:2: year: '20x4' är inte ett år"]
