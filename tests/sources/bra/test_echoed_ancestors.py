from __future__ import annotations

from samverkan.sources.bra.models import CrimeCategory, CrimeStatistic
from tests.sources.bra.helpers import NORRBOTTEN, import_bra


def test_it_leaves_out_the_echoed_ancestor_rows(world):
    import_bra(str(NORRBOTTEN))
    stored = set(CrimeStatistic.objects.values_list("category__name", flat=True))
    assert stored == {"Totalt antal brott", "Misshandel", "Klotter"}


def test_it_keeps_the_echoed_ancestors_in_the_tree(world):
    import_bra(str(NORRBOTTEN))
    parent = CrimeCategory.objects.get(name="3-7 kap. Brott mot person").parent
    assert parent is not None and parent.name == "Brott mot brottsbalken"


def test_it_stores_a_missing_leaf_as_missing(world):
    import_bra(str(NORRBOTTEN))
    klotter = CrimeStatistic.objects.get(region_code="2506", year=2023, category__name="Klotter")
    assert (klotter.count, klotter.per_100k) == (None, None)
