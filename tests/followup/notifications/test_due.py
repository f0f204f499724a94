"""The pure selection: frequencies, what was sent and the digest's grouping."""

from __future__ import annotations

from samverkan.followup.notifications.due import (
    IMMEDIATELY,
    NEVER,
    WEEKLY,
    Notice,
    group_by_kind,
    select,
)

A = Notice(kind="a", key="a:1", title="A", detail="", path="/a/1/")
B = Notice(kind="b", key="b:1", title="B", detail="", path="/b/1/")
C = Notice(kind="c", key="c:1", title="C", detail="", path="/c/1/")
FREQUENCIES = {"a": IMMEDIATELY, "b": WEEKLY, "c": NEVER}


def test_it_sends_immediate_notices_and_keeps_weekly_ones_for_the_digest():
    selection = select([A, B, C], frequencies=FREQUENCIES, sent=set(), digest=False)
    assert (selection.immediate, selection.digest, selection.already_sent) == ([A], [], 0)
    selection = select([A, B, C], frequencies=FREQUENCIES, sent=set(), digest=True)
    assert (selection.immediate, selection.digest, selection.already_sent) == ([A], [B], 0)


def test_it_counts_what_was_sent_before_and_sends_it_not_again():
    selection = select([A, B], frequencies=FREQUENCIES, sent={("a", "a:1"), ("b", "b:1")}, digest=True)
    assert (selection.immediate, selection.digest, selection.already_sent) == ([], [], 2)


def test_it_groups_in_the_order_of_the_kinds_leaving_out_empty_ones():
    assert group_by_kind([B, A, C], ["c", "x", "a", "b"]) == [("c", [C]), ("a", [A]), ("b", [B])]
