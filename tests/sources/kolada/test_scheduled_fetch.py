"""The scheduled Kolada fetch asks for the product's key figures, every stored municipality and the country, for the
last three years before today's."""

from __future__ import annotations

import datetime

from samverkan.core import clock
from samverkan.organisations.models import Municipality
from samverkan.sources.kolada.kpis import KPIS
from samverkan.sources.kolada.tasks import kolada_url


def test_it_asks_for_the_key_figures_of_every_municipality_for_the_last_three_years(world):
    today = clock.today()
    url = kolada_url(today=today)

    kpis, codes, years = url.removeprefix("https://api.kolada.se/v2/data/kpi/").split("/")[::2]
    assert set(kpis.split(",")) == set(KPIS)
    assert set(codes.split(",")) == {"0000", *(m.code for m in Municipality.objects.all())}
    assert years.split(",") == [str(today.year - 3), str(today.year - 2), str(today.year - 1)]
    assert kolada_url(today=today + datetime.timedelta(days=366)).endswith(
        f"year/{today.year - 2},{today.year - 1},{today.year}"
    )
