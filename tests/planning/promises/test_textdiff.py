"""What changed between two versions, word by word: pure functions."""

from __future__ import annotations

from samverkan.planning.promises.textdiff import Piece, TextChange, texts_diff, word_diff


def test_it_marks_inserted_and_deleted_words():
    pieces = word_diff("Polisen agerar mot trafikproblemen.", "Polisen agerar mot buskörningen i byarna.")
    assert pieces == (
        Piece("equal", "Polisen agerar mot "),
        Piece("delete", "trafikproblemen."),
        Piece("insert", "buskörningen i byarna."),
    )


def test_it_rebuilds_both_texts_from_the_pieces():
    old, new = "En två tre fyra", "En tre fem fyra sex"
    pieces = word_diff(old, new)
    assert "".join(p.text for p in pieces if p.kind != "insert") == old
    assert "".join(p.text for p in pieces if p.kind != "delete") == new


def test_it_lists_unchanged_changed_added_and_removed_texts():
    changes = texts_diff(["A", "B c", "D"], ["A", "B e", "F", "G"])
    assert [change.kind for change in changes] == ["unchanged", "changed", "changed", "added"]
    assert changes[0] == TextChange("unchanged", (Piece("equal", "A"),))
    assert changes[3] == TextChange("added", (Piece("insert", "G"),))
    assert texts_diff(["A", "B"], ["A"])[1] == TextChange("removed", (Piece("delete", "B"),))


def test_it_finds_no_change_in_equal_lists():
    assert all(change.kind == "unchanged" for change in texts_diff(["A", "B"], ["A", "B"]))
