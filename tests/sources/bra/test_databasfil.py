from __future__ import annotations

from decimal import Decimal

from samverkan.sources.bra.models import CrimeCategory
from tests.sources.bra.helpers import DATABASFIL, NORRBOTTEN, figures, import_bra


def parent_of(name: str) -> str | None:
    parent = CrimeCategory.objects.get(name=name).parent
    return None if parent is None else parent.name


def test_it_stores_a_semicolon_separated_utf8_export(world):
    out, _err = import_bra(str(DATABASFIL))
    assert out.splitlines()[-1] == "imported: 5 created, 0 updated, 0 skipped"
    assert figures("2506") == {
        ("Totalt antal brott", 2025, "jan-jun"): (151, Decimal("5875.50"), True),
        ("Våldtäkt", 2025, "jan-jun"): (None, None, True),
        ("Misshandel", 2025, "jan-jun"): (12, Decimal("466.90"), True),
        ("Narkotikastrafflagen", 2025, "jan-jun"): (8, Decimal("311.30"), True),
    }
    assert figures("00") == {("Totalt antal brott", 2025, "jan-jun"): (731206, Decimal("6929.80"), True)}


def test_it_takes_the_tree_from_the_indentation(world):
    import_bra(str(DATABASFIL))
    assert parent_of("Våldtäkt") == "3-7 kap. Brott mot person"
    assert parent_of("3-7 kap. Brott mot person") == "Brott mot brottsbalken"
    assert parent_of("Narkotikastrafflagen") == "Brott mot specialstraffrättsliga författningar"
    assert parent_of("Brott mot specialstraffrättsliga författningar") == "Totalt antal brott"
    assert parent_of("Totalt antal brott") is None


def test_it_takes_the_tree_from_the_common_labels_without_indentation(world):
    import_bra(str(NORRBOTTEN))
    assert parent_of("Klotter") == "12 kap. Skadegörelsebrott"
    assert parent_of("12 kap. Skadegörelsebrott") == "Brott mot brottsbalken"
    assert parent_of("Misshandel") == "3-7 kap. Brott mot person"


def test_it_keeps_an_indented_parent_when_a_flat_export_follows(world):
    import_bra(str(DATABASFIL))
    import_bra(str(NORRBOTTEN))
    assert parent_of("Våldtäkt") == "3-7 kap. Brott mot person"
    assert CrimeCategory.objects.filter(name="Totalt antal brott").count() == 1
