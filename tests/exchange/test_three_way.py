"""The three-way merge of a record: one-sided changes are taken, two-sided ones listed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zorgkoppel.core.errors import ValidationError
from zorgkoppel.exchange.three_way import (
    DeleteGuard,
    FieldConflict,
    merge_deletion,
    merge_record,
)

BASE = {"id": "w1", "name": "Samir", "phone": "0470 11 22 33", "dutch_level": "A2",
        "updated_at": "2026-12-01T08:00:00+00:00"}

records = st.dictionaries(st.sampled_from(["name", "phone", "city", "level"]),
                          st.one_of(st.none(), st.integers(0, 3), st.sampled_from("abc")),
                          max_size=4)


def test_two_people_changing_different_fields_both_keep_their_change():
    ours = {**BASE, "phone": "0470 99 88 77", "updated_at": "2026-12-02T09:00:00+00:00"}
    theirs = {**BASE, "dutch_level": "B1", "updated_at": "2026-12-02T10:00:00+00:00"}
    merged = merge_record(BASE, ours, theirs)
    assert merged.record["phone"] == "0470 99 88 77" and merged.record["dutch_level"] == "B1"
    assert merged.taken == ("dutch_level",) and merged.conflicts == ()


def test_the_same_field_changed_differently_is_a_conflict_and_ours_stays():
    ours = {**BASE, "phone": "0470 00 00 01"}
    theirs = {**BASE, "phone": "0470 00 00 02"}
    merged = merge_record(BASE, ours, theirs)
    assert merged.record["phone"] == "0470 00 00 01"
    assert merged.conflicts == (FieldConflict("phone", "0470 11 22 33", "0470 00 00 01",
                                              "0470 00 00 02"),)


def test_a_note_text_changed_on_both_sides_keeps_both_texts():
    base = {"id": "n1", "text": "Samir kwam op tijd."}
    ours = {"id": "n1", "text": "Samir kwam op tijd en hielp in de keuken."}
    theirs = {"id": "n1", "text": "Samir kwam op tijd; gesprek over vervoer."}
    merged = merge_record(base, ours, theirs, text_fields={"text"})
    assert merged.record["text"] == ours["text"] and merged.conflicts == ()
    assert merged.addenda == (FieldConflict("text", base["text"], ours["text"], theirs["text"]),)


def test_without_an_agreed_version_every_difference_is_a_conflict():
    merged = merge_record(None, {"name": "A", "city": "Gent"}, {"name": "B", "city": "Gent"},
                          text_fields={"name"})
    assert [c.field for c in merged.conflicts] == ["name"] and merged.taken == ()


def test_bookkeeping_fields_never_conflict():
    merged = merge_record(BASE, {**BASE, "updated_at": "x"}, {**BASE, "updated_at": "y"})
    assert merged.conflicts == () and merged.taken == ()


@given(base=records, ours=records)
def test_nothing_changed_on_their_side_keeps_ours_exactly(base, ours):
    merged = merge_record(base, ours, base)
    assert merged.record == ours and merged.conflicts == () and merged.taken == ()


@given(base=records, theirs=records)
def test_nothing_changed_on_our_side_takes_theirs_exactly(base, theirs):
    merged = merge_record(base, base, theirs)
    assert {k: v for k, v in merged.record.items() if v is not None} == {
        k: v for k, v in theirs.items() if v is not None}
    assert merged.conflicts == ()


@given(base=records, ours=records, theirs=records)
def test_conflicts_are_the_same_seen_from_either_side(base, ours, theirs):
    one = {c.field for c in merge_record(base, ours, theirs).conflicts}
    other = {c.field for c in merge_record(base, theirs, ours).conflicts}
    assert one == other


def test_a_tombstone_removes_only_an_unchanged_record():
    assert merge_deletion(BASE, {**BASE, "updated_at": "later"}).remove
    changed = merge_deletion(BASE, {**BASE, "phone": "0470 55 55 55"})
    assert not changed.remove and changed.conflict
    assert not merge_deletion(BASE, None).remove and not merge_deletion(BASE, None).conflict
    assert merge_deletion(None, BASE).conflict  # never agreed: nobody knows


def test_a_mass_deletion_is_refused_unless_allowed():
    guard = DeleteGuard(held={"workers": 100, "notes": 1000})
    guard.add("workers", 20)  # exactly 20 %: allowed
    guard.add("notes", 50)  # exactly 50: allowed
    assert guard.problems() == []
    guard.add("workers")
    with pytest.raises(ValidationError) as caught:
        guard.check(allowed=False)
    assert "21 of the 100 records of workers" in caught.value.text()
    guard.check(allowed=True)
    guard.add("notes")
    assert [p.field for p in guard.problems()] == ["notes", "workers"]
