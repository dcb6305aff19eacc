"""What the open data holds: its folder, its columns and what each means, and whose data it is.

The Data page (plan) describes these; ``generator.render.opendata`` writes the files from them.
"""

from __future__ import annotations

from generator.model.organisation import Organisation
from generator.schema import Source

#: Where the files go under docs/ (and so under site/).
DATA_DIR = "data"

#: Unit fields whose confidence gets its own column ('<field>_keyakinan') in unit.csv.
UNIT_MARKED_FIELDS = (
    "nama", "status", "periode", "induk", "digantikan_oleh", "kepala", "jabatan", "eselon",
)  # fmt: skip

#: The same for sekretariat-daerah.csv: the composed name, the secretariat's existence, its site.
SECRETARIAT_MARKED_FIELDS = ("nama", "keberadaan", "situs")

CONFIDENCE_COLUMN = (
    "tingkat keyakinan atas kolom '{field}' (terverifikasi, sumber-sekunder, inferensi, "
    "perlu-verifikasi); sama dengan kolom keyakinan bila kolom itu tidak punya keyakinan sendiri; "
    "kosong bila kolomnya kosong"
)

UNIT_COLUMNS = {
    "id": "id tetap unit (juga bagian akhir alamat halamannya)",
    "nama": "nama resmi",
    "singkatan": "singkatan, bila ada",
    "jenis": "jenis unit (sekretariat-jenderal, deputi, biro, …)",
    "status": "aktif atau dibubarkan",
    "periode": "untuk unit terdahulu: masa keberadaannya, mis. 2020–2023",
    "induk": "id unit atasan langsung (kosong untuk Sekretariat Jenderal)",
    "digantikan_oleh": "untuk unit terdahulu: id pengganti, dipisah titik koma",
    "kepala": "sebutan jabatan pimpinan",
    "jabatan": "jenjang jabatan pimpinan",
    "eselon": "eselon pimpinan",
    "kode": "kode unit dalam SK KPU 1257/2024",
    "keyakinan": "tingkat keyakinan atas unit: terverifikasi, sumber-sekunder, inferensi, perlu-verifikasi",
    **{f"{f}_keyakinan": CONFIDENCE_COLUMN.format(field=f) for f in UNIT_MARKED_FIELDS},
    "gambaran": (
        "apa yang dikerjakan unit menurut sumber publik, bukan rumusan peraturan: pernyataan "
        "dipisah ' | '; pernyataan yang disimpulkan diakhiri [inferensi] (sumber dan tanggalnya "
        "ada di unit.json)"
    ),
    "pejabat_terbaru": (
        "pejabat yang disebut sumber terbaru untuk setiap jabatan: nama, jabatan (dengan Plt. atau "
        "Plh.), dan tanggal yang disebut sumbernya (TTTT-BB-HH, TTTT-BB, atau TTTT), dipisah "
        "' | '; bukan keterangan 'saat ini'"
    ),
    "alamat": "alamat halaman unit, relatif terhadap akar situs",
}

SECRETARIAT_COLUMNS = {
    "id": "id tetap: 'wilayah-' diikuti kode wilayah Kemendagri, mis. 'wilayah-32' atau 'wilayah-32.01'; tidak berubah bila nama diperbaiki",
    "kode": "kode wilayah Kemendagri",
    "nama": "nama sekretariat, disusun menurut pola nama dalam UU 7/2017 (inferensi)",
    "sebutan": "sebutan singkat, mis. 'Sekretariat KPU Kabupaten Bogor'",
    "tingkat": "provinsi atau kabupaten-kota",
    "induk": "id sekretariat atasan secara administratif ('sekretariat-jenderal' untuk provinsi)",
    "provinsi": "nama provinsi",
    "lembaga": "kpu, atau kip (Aceh)",
    "situs": (
        "situs KPU/KIP daerah itu, bila tercatat: disebut sumber bertanggal (sumber sekunder), atau "
        "diambil dari alamat halaman yang dirujuk (inferensi); lihat situs_keyakinan"
    ),
    "keyakinan": (
        "tingkat keyakinan atas keberadaan sekretariat, yang dibentuk menurut UU 7/2017 untuk "
        "setiap daerah dalam daftar wilayah Kemendagri"
    ),
    **{f"{f}_keyakinan": CONFIDENCE_COLUMN.format(field=f) for f in SECRETARIAT_MARKED_FIELDS},
    "alamat": "alamat halaman sekretariat, relatif terhadap akar situs",
}


def licence_sources(org: Organisation) -> list[Source]:
    """The sources the region codes and names come from, for the attribution on the Data page:
    those every province cites (a province also cites the sources of its own facts, e.g. news
    that names an official, which are not the list's)."""
    provinces = [sec.province for sec in org.regional.provinces()]
    if not provinces:
        return []
    shared = set.intersection(*(set(p.sumber) for p in provinces))
    return [org.sources[i] for i in provinces[0].sumber if i in shared]
