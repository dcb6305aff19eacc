"""The structure over time, on a small made-up organisation: periods, the structure as of a
year, and how changes are classified."""

from __future__ import annotations

from datetime import date

import pytest

from generator.model.organisation import Organisation
from generator.model.timeline import (
    UNKNOWN,
    ChangeKind,
    Period,
    as_of,
    changes,
    period,
    unit_history,
)
from generator.schema import Confidence, ConfidenceDetail, Unit, UnitKind, UnitStatus

REASON = "Disimpulkan dari daftar unit sesudahnya."


def unit(uid: str, *, former: bool = False, periode: str | None = None, **fields) -> Unit:
    return Unit(
        id=uid,
        nama=uid.replace("-", " ").title(),
        jenis=UnitKind.SECRETARIAT_GENERAL if uid == "setjen" else UnitKind.BUREAU,
        status=UnitStatus.DISSOLVED if former else UnitStatus.ACTIVE,
        periode=periode,
        induk=None if uid == "setjen" else "setjen",
        keyakinan=Confidence.SECONDARY,
        **fields,
    )


def inferred() -> dict[str, ConfidenceDetail]:
    return {"digantikan_oleh": ConfidenceDetail(keyakinan=Confidence.INFERRED, alasan=REASON)}


#: One of each change, ending in 2023, plus a unit without a period and a unit formed in 2024.
UNITS = [
    unit("setjen"),
    unit("tetap"),
    unit("lama", former=True, periode="2020–2023", digantikan_oleh=["penerus"]),
    unit("gabung-a", former=True, periode="2020–2023", digantikan_oleh=["gabungan"]),
    unit("gabung-b", former=True, periode="2020-2023", digantikan_oleh=["gabungan"]),
    unit(
        "pecah",
        former=True,
        periode="2020–2023",
        digantikan_oleh=["pecahan-1", "pecahan-2"],
        rincian_keyakinan=inferred(),
    ),
    unit("bubar", former=True, periode="2020–2023"),
    unit("tanpa-masa", former=True),
    unit("penerus"),
    unit("gabungan"),
    unit("pecahan-1"),
    unit("pecahan-2"),
    unit("bentukan", periode="2024–"),
]


@pytest.fixture
def org() -> Organisation:
    return Organisation(units={u.id: u for u in UNITS}, regulations={}, sources={})


def ids(units: list[Unit]) -> set[str]:
    return {u.id for u in units}


@pytest.mark.parametrize(
    ("text", "ongoing", "expected"),
    [
        ("2020–2023", False, Period(2020, 2023)),
        ("2020 - 2023", False, Period(2020, 2023)),
        ("2024–", True, Period(2024, None, True)),
        ("–2019", False, Period(None, 2019)),
        ("2019", False, Period(2019, 2019)),
        ("2020–2023", True, Period(2020, None, True)),
        (None, True, Period(ongoing=True)),
        ("dulu", False, Period()),
    ],
)
def test_period_is_read_from_periode(text, ongoing, expected):
    assert Period.parse(text, ongoing=ongoing) == expected


def test_unknown_years_are_said_to_be_unknown(org: Organisation):
    assert (period(org.units["tetap"]).since, period(org.units["tetap"]).until) == (
        UNKNOWN,
        "sekarang",
    )
    assert period(org.units["tanpa-masa"]).until == UNKNOWN
    assert (period(org.units["lama"]).since, period(org.units["lama"]).until) == (
        "2020",
        "2023",
    )


def test_structure_before_the_change(org: Organisation):
    expected = {"setjen", "tetap", "lama", "gabung-a", "gabung-b", "pecah", "bubar"}
    assert ids(as_of(org.units, 2021)) == expected
    # Up to its last year a former unit stands; its successors follow from the next year.
    assert ids(as_of(org.units, 2023)) == expected
    assert ids(as_of(org.units, date(2023, 12, 31))) == expected


def test_structure_after_the_change(org: Organisation):
    expected = {"setjen", "tetap", "penerus", "gabungan", "pecahan-1", "pecahan-2", "bentukan"}
    assert ids(as_of(org.units, 2024)) == expected
    assert ids(as_of(org.units, date(2030, 1, 1))) == expected


def test_a_unit_formed_later_is_not_in_earlier_years(org: Organisation):
    assert "bentukan" not in ids(as_of(org.units, 2023))


def test_a_former_unit_without_a_period_is_in_no_year(org: Organisation):
    assert all("tanpa-masa" not in ids(as_of(org.units, year)) for year in range(1990, 2040))


def test_no_year_has_a_unit_and_its_successor(org: Organisation):
    for year in range(2015, 2030):
        present = ids(as_of(org.units, year))
        for u in org.units.values():
            if u.id in present:
                assert not present & set(u.digantikan_oleh), year


def test_changes_are_classified_from_the_links(org: Organisation):
    kinds = {
        (tuple(u.id for u in c.before), tuple(u.id for u in c.after)): c.kind
        for c in changes(org.units)
    }
    assert kinds == {
        (("lama",), ("penerus",)): ChangeKind.RENAMED,
        (("gabung-a", "gabung-b"), ("gabungan",)): ChangeKind.MERGED,
        (("pecah",), ("pecahan-1", "pecahan-2")): ChangeKind.SPLIT,
        (("bubar",), ()): ChangeKind.DISSOLVED,
        (("tanpa-masa",), ()): ChangeKind.DISSOLVED,
        ((), ("bentukan",)): ChangeKind.NEW,
    }


def test_changes_carry_years_new_units_and_link_confidence(org: Organisation):
    by_first = {(c.before or c.after)[0].id: c for c in changes(org.units)}
    split = by_first["pecah"]
    assert split.year == 2023
    assert [u.id for u in split.new] == ["pecahan-1", "pecahan-2"]
    assert {(k.confidence, k.reason, k.uncertain) for k in split.links} == {
        (Confidence.INFERRED, REASON, True)
    }
    renamed = by_first["lama"]
    # Without a detail, a link is as sure as the former unit, and needs no reason.
    assert [(k.confidence, k.reason, k.uncertain) for k in renamed.links] == [
        (Confidence.SECONDARY, None, False)
    ]
    assert by_first["tanpa-masa"].year is None
    assert by_first["bentukan"].year == 2024


def test_a_chain_of_replacements_is_two_changes():
    chain = {
        u.id: u
        for u in [
            unit("setjen"),
            unit("a", former=True, periode="2010–2015", digantikan_oleh=["b"]),
            unit("b", former=True, periode="2016–2023", digantikan_oleh=["c"]),
            unit("c"),
        ]
    }
    found = [([u.id for u in c.before], [u.id for u in c.after], c.kind) for c in changes(chain)]
    assert found == [
        (["b"], ["c"], ChangeKind.RENAMED),
        (["a"], ["b"], ChangeKind.RENAMED),
    ]


def test_a_unit_history_names_both_sides(org: Organisation):
    merged = unit_history(org.units, org.units["gabungan"])
    assert [k.old.id for k in merged.replaced] == ["gabung-a", "gabung-b"]
    assert merged.replaced_by == ()
    assert [c.kind for c in merged.changes] == [ChangeKind.MERGED]
    split = unit_history(org.units, org.units["pecah"])
    assert [k.new.id for k in split.replaced_by] == ["pecahan-1", "pecahan-2"]
    assert unit_history(org.units, org.units["tetap"]).is_empty
