"""The organisation as a typed tree: units with parents and children, the regulations, the
sources, and the regional part (``generator.model.regional``).

Pure: built from validated records only, no I/O. Ordering and derived facts live here; the words
pages say for them live in the plan (``generator.plan.labels``), the years in
``generator.model.timeline``, how sure we are in ``generator.model.confidence``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from generator.content.records import FileRecord, Records, file_key
from generator.model.regional import Regional
from generator.schema import (
    ConsolidatedText,
    LegalBasis,
    Regulation,
    RelationKind,
    Source,
    Unit,
    UnitStatus,
)


@dataclass(frozen=True)
class Organisation:
    """The whole content: unit tree, regulation registry, sources and regional secretariats."""

    units: dict[str, Unit]
    """Every central unit, active and former, in display order."""
    regulations: dict[str, Regulation]
    """By year, kind and number."""
    sources: dict[str, Source]
    children: dict[str, tuple[str, ...]] = field(default_factory=dict)
    regional: Regional = field(default_factory=lambda: Regional({}, {}))
    texts: dict[str, ConsolidatedText] = field(default_factory=dict)
    """Consolidated (unofficial) texts, by regulation id."""
    files: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """The content file of each record, as the loader named it (``Records.files``)."""

    @classmethod
    def build(cls, records: Records) -> Organisation:
        """Assemble the tree from validated records (ids unique, parents exist, no cycles)."""
        units = {u.id: u for u in sorted(records.units, key=lambda u: u.display_order)}
        children: dict[str, list[str]] = {uid: [] for uid in units}
        for unit in units.values():
            if unit.induk is not None:
                children[unit.induk].append(unit.id)
        regulations = sorted(records.regulations, key=lambda r: (r.tahun, r.jenis.value, r.nomor))
        return cls(
            units=units,
            regulations={r.id: r for r in regulations},
            sources=dict(records.sources),
            children={uid: tuple(kids) for uid, kids in children.items()},
            regional=Regional.build(records.regions, records.structures),
            texts={t.peraturan: t for t in records.texts},
            files=records.files,
        )

    def file_of(self, record: FileRecord) -> str:
        """The content file a record was read from, e.g. 'content/unit/biro-umum.yml'."""
        return self.files[file_key(record)]

    # --- the tree ---------------------------------------------------------------------------

    @property
    def root(self) -> Unit:
        """The Sekretariat Jenderal, the top of the tree."""
        return next(
            u for u in self.units.values() if u.induk is None and u.status is UnitStatus.ACTIVE
        )

    def parent(self, unit: Unit) -> Unit | None:
        return self.units[unit.induk] if unit.induk else None

    def ancestors(self, unit: Unit) -> list[Unit]:
        """From the top of the tree down to the unit's parent."""
        chain = []
        current = self.parent(unit)
        while current is not None:
            chain.append(current)
            current = self.parent(current)
        return chain[::-1]

    def children_of(self, unit: Unit, *, active: bool | None = True) -> list[Unit]:
        """Direct sub-units in display order; ``active=None`` includes dissolved ones."""
        kids = [self.units[k] for k in self.children[unit.id]]
        if active is None:
            return kids
        return [k for k in kids if (k.status is UnitStatus.ACTIVE) == active]

    def listed_children(self, unit: Unit) -> list[Unit]:
        """The sub-units a unit's page lists: the active ones, or for a former unit those that
        were dissolved with it."""
        return self.children_of(unit, active=not unit.is_former)

    def walk(self, unit: Unit | None = None, depth: int = 0) -> Iterator[tuple[Unit, int]]:
        """Active units depth-first from ``unit`` (default: the root), with their depth."""
        unit = unit or self.root
        yield unit, depth
        for child in self.children_of(unit):
            yield from self.walk(child, depth + 1)

    def former_units(self) -> list[Unit]:
        return sorted(
            (u for u in self.units.values() if u.status is UnitStatus.DISSOLVED),
            key=lambda u: u.nama.casefold(),
        )

    def successors(self, unit: Unit) -> list[Unit]:
        return [self.units[s] for s in unit.digantikan_oleh]

    def predecessors(self, unit: Unit) -> list[Unit]:
        """Dissolved units that this unit replaced."""
        return [u for u in self.former_units() if unit.id in u.digantikan_oleh]

    # --- the regulations --------------------------------------------------------------------

    def governed_by(self, regulation: Regulation) -> list[Unit]:
        """Units that name the regulation as legal basis or quote it."""
        return sorted(
            (
                u
                for u in self.units.values()
                if any(b.peraturan == regulation.id for b in u.dasar_hukum)
                or any(p.peraturan == regulation.id for p in u.ketentuan)
            ),
            key=lambda u: (
                u.status is not UnitStatus.ACTIVE,
                len(self.ancestors(u)),
                u.display_order,
            ),
        )

    def incoming(self, regulation: Regulation) -> list[tuple[Regulation, RelationKind, str | None]]:
        """Regulations that amend, enact, implement or revoke this one."""
        return [
            (other, relation.jenis, relation.pasal)
            for other in self.regulations.values()
            for relation in other.hubungan
            if relation.peraturan == regulation.id
        ]

    def changed_by(
        self, regulation: Regulation
    ) -> list[tuple[Regulation, RelationKind, str | None]]:
        """Regulations that amend, revoke or enact this one: what a reader checks before citing
        it (a Perppu in force is in force as the law that enacted it)."""
        return [
            (other, kind, pasal)
            for other, kind, pasal in self.incoming(regulation)
            if kind in (RelationKind.AMENDS, RelationKind.REVOKES, RelationKind.ENACTS)
        ]

    def basis_for(self, unit: Unit, regulation: Regulation) -> LegalBasis | None:
        """The unit's legal-basis entry naming this regulation, if any (it carries its confidence)."""
        return next((b for b in unit.dasar_hukum if b.peraturan == regulation.id), None)
