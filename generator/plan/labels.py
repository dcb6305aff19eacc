"""Words the pages print for values of the content, where the value itself is not the word."""

from __future__ import annotations

from generator.schema import OfficeHolderStatus, RegulationKind

#: How a source names an acting office holder, before the post: 'Plt. Kepala Biro Logistik'.
OFFICE_HOLDER_STATUS_LABELS: dict[OfficeHolderStatus, str] = {
    OfficeHolderStatus.DEFINITIVE: "",
    OfficeHolderStatus.ACTING: "Plt.",
    OfficeHolderStatus.DAILY: "Plh.",
}

JDIH_KPU = ("JDIH KPU", "https://jdih.kpu.go.id")
BPK_DATABASE = ("basis data peraturan BPK", "https://peraturan.bpk.go.id")

#: Where each kind of regulation is officially published: a regulation page without a confirmed
#: copy of its own links here and says that the reader can search for it there.
REGULATION_DATABASES: dict[RegulationKind, tuple[str, str]] = {
    RegulationKind.PKPU: JDIH_KPU,
    RegulationKind.LAW: BPK_DATABASE,
    RegulationKind.PERPPU: BPK_DATABASE,
    RegulationKind.PERPRES: BPK_DATABASE,
}
