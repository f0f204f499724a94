"""Where a category belongs in Brå's tree, without a database."""

from __future__ import annotations

from samverkan.sources.bra.taxonomy import ROOT, category_parents, tree_order


def test_it_places_common_labels_by_the_built_in_tree():
    assert category_parents(["Klotter"], indented={}, known={}) == {
        "Klotter": "12 kap. Skadegörelsebrott",
        "12 kap. Skadegörelsebrott": "Brott mot brottsbalken",
        "Brott mot brottsbalken": ROOT,
        ROOT: None,
    }


def test_it_places_an_unknown_label_under_the_total():
    assert category_parents(["Våldtäkt"], indented={}, known={}) == {"Våldtäkt": ROOT, ROOT: None}


def test_it_prefers_indentation_then_the_stored_tree_then_the_built_in_one():
    known = {"Våldtäkt": "Sexualbrott", "Sexualbrott": "3-7 kap. Brott mot person"}
    parents = category_parents(["Våldtäkt", "Klotter"], indented={"Klotter": "Skadegörelse"}, known=known)
    assert parents["Våldtäkt"] == "Sexualbrott"
    assert parents["Sexualbrott"] == "3-7 kap. Brott mot person"
    assert parents["Klotter"] == "Skadegörelse"
    assert parents["Skadegörelse"] == "12 kap. Skadegörelsebrott"


def test_it_never_makes_a_category_its_own_ancestor():
    parents = category_parents(["A", "B"], indented={"B": "A"}, known={"A": "B"})
    assert parents == {"B": "A", "A": ROOT, ROOT: None}


def test_it_keeps_the_total_at_the_root():
    assert category_parents([ROOT], indented={ROOT: "Brott mot brottsbalken"}, known={}) == {ROOT: None}


def test_it_orders_the_tree_depth_first_with_chapters_by_number():
    parents = category_parents(
        ["Klotter", "Misshandel", "8 kap. Stöld, rån m.m.", "Narkotikastrafflagen"], indented={}, known={}
    )
    assert [path[-1] for path in tree_order(parents)] == [
        ROOT,
        "Brott mot brottsbalken",
        "3-7 kap. Brott mot person",
        "Misshandel",
        "8 kap. Stöld, rån m.m.",
        "12 kap. Skadegörelsebrott",
        "Klotter",
        "Brott mot specialstraffrättsliga författningar",
        "Narkotikastrafflagen",
    ]
    assert tree_order(parents)[3] == (ROOT, "Brott mot brottsbalken", "3-7 kap. Brott mot person", "Misshandel")
