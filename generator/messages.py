"""Every message an editor reads from ``check``, in one place, each under a stable id.

The id travels with each problem (``Problem.code``, the ``code`` of ``--format json``), so tools
and tests can name a mistake without matching its wording, and the wording can be improved here
without hunting through the checks. Templates use ``str.format`` fields; ``{hint}`` fields take
one of the ``HINTS`` fragments (or nothing).
"""

from __future__ import annotations

import string
from typing import Final

MESSAGES: Final[dict[str, str]] = {
    # --- hand-written pages and consolidated texts --------------------------------------------
    "tautan-halaman-tidak-ada": (
        "tautan ke '{target}' menuju halaman yang tidak ada{hint} Bila unit atau peraturannya "
        "diganti id-nya, perbarui tautan ini."
    ),
    "catatan-kaki-tanpa-sumber": (
        "catatan kaki '[^{label}]' tidak merujuk sumber mana pun; tulis id sumber dari "
        "content/sumber.yml, atau tambahkan sumbernya di sana"
    ),
    "paragraf-tanpa-sumber": (
        "paragraf ini tidak menyebut sumber; tambahkan catatan kaki dengan id sumber, mis. "
        "[^uu-7-2017-teks], atau sebut pasalnya, mis. 'UU 7/2017 Pasal 77'"
    ),
    "naskah-tanpa-peraturan": (
        "peraturan '{target}' tidak ditemukan di content/peraturan/; naskah konsolidasi hanya "
        "untuk peraturan yang sudah ada"
    ),
    # --- reading a file: bytes, text, YAML ---------------------------------------------------
    "sumber-tidak-ada": "berkas daftar sumber tidak ada; buat berkas ini",
    "berkas-tidak-terbaca": "berkas tidak dapat dibaca ({reason})",
    "berkas-terlalu-besar": (
        "berkas terlalu besar ({size} bita; batasnya {limit} bita). Pecah isinya menjadi beberapa berkas"
    ),
    "berkas-ber-bom": "berkas diawali penanda BOM. Simpan ulang sebagai 'UTF-8' (tanpa BOM)",
    "berkas-bukan-utf8": (
        "berkas bukan teks UTF-8 (ada bita yang tidak dapat dibaca). Simpan ulang berkas "
        "dengan pengodean UTF-8"
    ),
    "berkas-kosong": "berkas kosong. Isi berkas dengan kolom-kolomnya, atau hapus berkasnya",
    "berkas-berakhiran-yaml": "berkas ini tidak dibaca; ganti akhiran nama berkas menjadi '{stem}.yml'",
    "berkas-di-luar-folder": (
        "berkas ini tidak dibaca; berkas konten ditaruh di salah satu folder {folders}, dengan akhiran .yml"
    ),
    "indentasi-tab": (
        "indentasi memakai karakter tab; YAML hanya menerima spasi. Ganti tab dengan spasi"
    ),
    "kutip-tidak-ditutup-di-sini": (
        "tanda kutip yang dibuka di sini tidak ditutup pada baris yang sama. Tutup tanda kutipnya"
    ),
    "yaml-titik-dua": (
        "titik dua (:) tidak boleh di sini. Bila nilai berisi ': ', apit seluruh nilai dengan tanda "
        'kutip ("…"); bila tidak, periksa indentasi baris ini'
    ),
    "yaml-titik-dua-hilang": (
        "tidak menemukan titik dua (:) yang diharapkan. Setiap baris kolom berbentuk 'nama_kolom: nilai'"
    ),
    "yaml-indentasi": (
        "indentasi tidak sejajar. Kolom yang setingkat harus dimulai pada kolom yang sama, dan butir "
        "daftar ('- ') harus sejajar satu sama lain"
    ),
    "yaml-butir-daftar": (
        "butir daftar tidak sejajar. Setiap butir daftar harus diawali '- ' pada kolom yang sama"
    ),
    "yaml-butir-tidak-sejajar": "butir daftar ('- ') tidak sejajar dengan butir sebelumnya",
    "yaml-indentasi-sebelumnya": "indentasi tidak sejajar dengan baris sebelumnya",
    "yaml-kutip-akhir-berkas": (
        "berkas berakhir di tengah teks bertanda kutip. Tutup tanda kutip yang dibuka"
    ),
    "yaml-alias-tanpa-anchor": "alias (*nama) merujuk anchor (&nama) yang tidak ada",
    "yaml-tab": "karakter tab tidak boleh dipakai untuk indentasi; ganti dengan spasi",
    "yaml-dua-dokumen": "berkas hanya boleh berisi satu dokumen; hapus pemisah '---' yang kedua",
    "yaml-anchor-ganda": "anchor (&nama) yang sama dipakai dua kali",
    "yaml-kutip-tidak-ditutup": "teks bertanda kutip tidak ditutup. Tutup tanda kutip yang dibuka",
    "yaml-kurung": "kurung [ ] atau {{ }} tidak ditutup dengan benar",
    "yaml-karakter-kontrol": (
        "berkas berisi karakter kontrol yang tidak diizinkan; hapus karakter tersebut"
    ),
    "yaml-tidak-valid": (
        "sintaks YAML tidak valid ({problem}). Periksa tanda kutip, titik dua, dan indentasi"
    ),
    "dokumen-mengembang": (
        "dokumen mengembang menjadi lebih dari {limit} nilai (kemungkinan karena anchor dan alias "
        "yang saling merujuk). Tulis nilainya secara langsung"
    ),
    "bersarang-lebih-dari": "struktur bersarang lebih dari {limit} tingkat",
    "bersarang-terlalu-dalam": "struktur bersarang terlalu dalam (lebih dari {limit} tingkat)",
    "tag-tidak-didukung": "tag YAML '{tag}' tidak didukung; hapus tag ini",
    "nilai-tidak-terbaca": (
        "nilai '{value}' tidak dapat dibaca; apit dengan tanda kutip bila maksudnya teks"
    ),
    "kunci-gabungan": "kunci gabungan '<<' tidak didukung; tulis kolomnya satu per satu",
    "kunci-bukan-teks": "nama kolom harus berupa teks, bukan '{key}'. Periksa baris ini",
    "kolom-ganda": (
        "kolom '{key}' ditulis dua kali dalam satu bagian (pertama di baris {line}). Hapus salah satunya"
    ),
    # --- one file against the schema ---------------------------------------------------------
    "kolom-wajib": "kolom wajib '{name}' belum diisi. Tambahkan baris '{name}: …'",
    "kolom-tidak-dikenal": "kolom '{name}' tidak dikenal{hint}",
    "nilai-kosong": "belum diisi. Tulis nilainya setelah titik dua, atau hapus kolomnya",
    "nilai-tidak-dikenal": "nilai '{value}' tidak dikenal{hint} Pilihan: {options}",
    "harus-teks-bukan-angka": (
        'harus berupa teks, bukan angka atau ya/tidak. Apit nilainya dengan tanda kutip: "{value}"'
    ),
    "harus-teks": "harus berupa teks, bukan daftar atau kumpulan kolom",
    "harus-daftar": "harus berupa daftar: tulis setiap butir pada baris sendiri, diawali '- '",
    "berkas-harus-kolom": (
        "berkas harus berisi kolom-kolom (baris 'nama_kolom: nilai'), bukan daftar atau teks"
    ),
    "harus-kolom": (
        "harus berupa kumpulan kolom (baris 'nama_kolom: nilai' yang menjorok ke dalam)"
    ),
    "harus-bilangan-bulat": "harus berupa bilangan bulat, bukan '{value}'",
    "di-luar-rentang": "angka {value} di luar rentang yang sah{hint}",
    "tanggal-tidak-sah": (
        "'{value}' bukan tanggal yang sah. Tulis dengan bentuk TTTT-BB-HH, mis. 2023-12-11"
    ),
    "teks-kosong": "tidak boleh kosong; isi dengan teks, atau hapus kolomnya",
    "id-tidak-valid": (
        "'{value}' bukan id yang sah. Id hanya boleh berisi huruf kecil a–z, angka, dan tanda "
        "hubung di antara kata, mis. 'biro-keuangan'"
    ),
    "url-berbahaya": "alamat '{scheme}:' tidak diizinkan. Tulis alamat web yang diawali https://",
    "url-tidak-valid": (
        "'{value}' bukan alamat web yang sah. Tulis alamat lengkap yang diawali https:// atau http://"
    ),
    "kutipan-kosong": "kutipan harus berisi 'teks', 'butir', atau keduanya",
    "tanggal-sumber-tidak-sah": (
        "'{value}' bukan tanggal yang sah. Tulis tanggal yang tertulis pada sumbernya dengan bentuk "
        "TTTT-BB-HH, TTTT-BB, atau TTTT, mis. 2025-10-27, 2025-10, atau 2025"
    ),
    "gambaran-tanpa-sumber": (
        "pernyataan gambaran ini belum punya sumber. Tambahkan 'sumber:' dengan id sumber "
        "bertanggal dari content/sumber.yml yang menyatakannya, mis. sumber: [berita-kpu-2025]"
    ),
    "pejabat-tanpa-sumber": (
        "nama pejabat hanya diterbitkan bila sumber bertanggal menyebutnya. Tambahkan 'sumber:' "
        "dengan id sumber dari content/sumber.yml yang menyebut orang ini pada jabatan ini"
    ),
    "kode-tidak-valid": (
        "kode '{value}' tidak sesuai bentuk kode Kemendagri; tulis dengan tanda kutip, mis. \"{example}\""
    ),
    "nilai-tidak-sah": "nilai tidak sah ({detail})",
    # --- files against each other --------------------------------------------------------------
    "belum-ada-unit": "belum ada unit satu pun; tambahkan berkas unit",
    "id-beda-dengan-nama-berkas": (
        "id '{id}' tidak sama dengan nama berkas '{stem}.yml'. Samakan keduanya "
        "(ganti nama berkas, atau perbaiki id)"
    ),
    "baris-skema": (
        "baris pertama sebaiknya '# yaml-language-server: $schema={schema}' agar editor dapat "
        "memeriksa dan melengkapi kolom saat Anda mengetik"
    ),
    "id-ganda": "id '{id}' sudah dipakai di {other}. Setiap id harus unik",
    "unit-tidak-ditemukan": "unit '{target}' tidak ditemukan{hint}",
    "unit-dihapus": (
        "unit '{target}' tidak ditemukan; bila unit itu dibubarkan, jangan hapus berkasnya: "
        "ubah `status: dibubarkan` dan isi `digantikan_oleh`"
    ),
    "peraturan-tidak-ditemukan": "peraturan '{target}' tidak ditemukan{hint}",
    "peraturan-merujuk-diri": "peraturan tidak dapat merujuk dirinya sendiri",
    "sumber-tidak-ditemukan": "sumber '{target}' tidak ada di content/sumber.yml{hint}",
    "sumber-tanpa-tanggal": (
        "sumber '{target}' belum punya 'tanggal'; sumber yang dirujuk '{field}' harus bertanggal. "
        "Tambahkan 'tanggal:' pada sumber '{target}' di content/sumber.yml, berisi tanggal yang "
        "tertulis pada sumbernya (TTTT-BB-HH, TTTT-BB, atau TTTT)"
    ),
    "situs-sumber-tanpa-situs": (
        "'situs_sumber' diisi, tetapi 'situs' kosong. Tulis alamat situsnya di 'situs', atau hapus "
        "'situs_sumber'"
    ),
    "induk-tidak-diisi": (
        "unit aktif harus punya 'induk' (id unit atasannya); hanya sekretariat-jenderal yang tidak"
    ),
    "puncak-tanpa-induk": "sekretariat-jenderal adalah puncak struktur dan tidak punya induk",
    "induk-diri-sendiri": "unit tidak dapat menjadi induk dirinya sendiri",
    "jenis-induk-tidak-sesuai": (
        "{kind} tidak dapat berada di bawah {parent} ('{parent_id}'). Induk yang sah untuk {kind}: "
        "{choices}"
    ),
    "aktif-di-bawah-unit-bubar": (
        "unit aktif tidak dapat berada di bawah unit yang sudah dibubarkan ('{parent_id}')"
    ),
    "pengganti-pada-unit-aktif": (
        "hanya unit berstatus 'dibubarkan' yang dapat digantikan; ubah status atau hapus kolom ini"
    ),
    "digantikan-diri-sendiri": "unit tidak dapat digantikan oleh dirinya sendiri",
    "rantai-induk-berputar": "rantai induk berputar: {chain}. Salah satu unit harus punya induk lain",
    "tidak-ada-puncak": (
        "tidak ada unit aktif berjenis sekretariat-jenderal; struktur harus punya satu puncak"
    ),
    "puncak-ganda": (
        "ada {count} sekretariat-jenderal yang aktif ({names}); struktur hanya boleh punya satu "
        "puncak. Ubah jenis salah satunya, atau ubah statusnya menjadi 'dibubarkan'"
    ),
    "rincian-kolom-kosong": "kolom '{key}' tidak diisi, jadi keyakinannya tidak dapat dirinci",
    "templat-tingkat-ganda": (
        "sudah ada templat untuk tingkat {level} ('{other}'); setiap tingkat hanya punya satu templat"
    ),
    "templat-tingkat-tidak-ada": (
        "belum ada templat untuk tingkat {level}; sekretariat daerah dibuat dari templat"
    ),
    "sub-unit-id-ganda": "id sub-unit '{id}' sudah dipakai; setiap id harus unik",
    "sub-unit-tidak-ada": "sub-unit '{target}' tidak ada di daftar ini{hint}",
    "jenis-sub-unit-tidak-sesuai": "{kind} tidak dapat berada di bawah {parent}",
    "templat-tanpa-sub-unit": "templat '{template}' tidak punya sub-unit '{target}'{hint}",
    "kode-wilayah-ganda": "kode '{code}' sudah dipakai di {other}; setiap kode harus unik",
    "kode-tidak-sesuai-provinsi": "kode '{code}' tidak diawali kode provinsinya '{province}.'",
    "nama-kabupaten-kota": (
        "nama '{name}' harus diawali 'Kabupaten' atau 'Kota', seperti dalam daftar Kemendagri"
    ),
    "nama-kabupaten-kota-ganda": "nama '{name}' sudah dipakai di butir kabupaten_kota[{index}]",
    "alamat-lama-masih-dipakai": (
        "{what} '{shown}' masih dipakai oleh {current}; alamat yang masih dipakai tidak dapat "
        "dialihkan. Hapus butir ini"
    ),
    "alamat-lama-ganda": (
        "{what} '{shown}' sudah ditulis di {where}; satu alamat lama hanya dapat dialihkan ke satu "
        "halaman. Hapus salah satunya"
    ),
    # --- warnings: the content is valid, but a reviewer should look ----------------------------
    "unit-tanpa-sumber": (
        "unit ini belum punya sumber. Tambahkan 'sumber:' dengan id dari content/sumber.yml"
    ),
    "terverifikasi-tanpa-pasal": (
        "unit ditandai terverifikasi tetapi belum ada pasal peraturan yang dirujuk"
    ),
    "terverifikasi-satu-sumber-sekunder": (
        "unit ditandai terverifikasi, tetapi satu-satunya sumbernya sumber sekunder. Tambahkan "
        "sumber primer atau salinan kedua yang terpisah dari dokumen resminya, atau ubah "
        "'keyakinan' menjadi sumber-sekunder"
    ),
    "tugas-belum-ada": "rumusan tugas unit ini belum ada",
    "bubar-tanpa-pengganti": (
        "unit yang dibubarkan sebaiknya menyebut penggantinya di 'digantikan_oleh'"
    ),
    "nama-dipakai-dua-unit": (
        "'{name}' juga dipakai sebagai nama atau alias unit '{other}'. Setiap nama harus menunjuk "
        "satu unit: hapus alias yang keliru, atau perjelas salah satu namanya"
    ),
    "kode-unit-ganda": (
        "kode '{code}' juga dipakai unit '{other}'. Periksa kode unit di SK KPU 1257/2024"
    ),
    "alias-sama-dengan-nama": (
        "alias '{name}' sama dengan nama unit ini, sehingga pembaca melihatnya sebagai nama lain "
        "padahal bukan. Hapus butir alias ini"
    ),
    "tanda-kutip-tipografis": (
        "ada tanda kutip miring ({chars}). Ganti dengan tanda kutip lurus (\" atau ') agar nama "
        "mudah dicari dan disalin"
    ),
    "spasi-tak-putus": (
        "ada spasi tak-putus (sering terbawa saat menyalin dari PDF atau situs). Hapus lalu ketik "
        "ulang spasinya"
    ),
    "url-http": "alamat '{url}' memakai http://. Pakai https:// bila situsnya mendukung",
    "url-host-bertitik": (
        "nama situs '{host}' dalam alamat '{url}' diakhiri titik, sehingga tautannya tampak "
        "salah bagi pembaca dan bisa gagal dibuka. Hapus titik itu: tulis '{fixed}'"
    ),
    "pasal-tidak-baku": (
        "'{value}' tidak berbentuk baku. Tulis 'Pasal 79', 'Pasal 88 ayat (1)', 'Pasal 5 huruf a', "
        "atau daftar seperti 'Pasal 77, 78, dan 81'"
    ),
    "provinsi-tanpa-kabupaten-kota": (
        "provinsi ini belum punya kabupaten/kota. Isi 'kabupaten_kota' menurut daftar Kemendagri"
    ),
    "nama-terlalu-panjang": (
        "nama ini {length} karakter (lebih dari {limit}). Periksa apakah keterangan lain ikut "
        "tertulis; pindahkan ke 'catatan'"
    ),
    "gambaran-terlalu-panjang": (
        "pernyataan ini {words} kata (lebih dari {limit}). Gambaran ditulis sebagai pernyataan "
        "singkat dengan kata-kata sendiri (sekitar 40 kata): ringkas, atau pecah menjadi beberapa "
        "butir"
    ),
    "pejabat-sumber-lama": (
        "sumber terbaru untuk jabatan '{post}' bertanggal {dated}, lebih dari 12 bulan sebelum "
        "tanggal pembangunan ({today}). Cari sumber yang lebih baru, lalu tambahkan butir "
        "'pejabat' dengan tanggalnya; bila belum ada, biarkan (halaman menyebut tanggal sumbernya)"
    ),
}

#: Ids of the messages that are warnings: the content is valid and the site is built.
WARNINGS: Final[frozenset[str]] = frozenset(
    {
        "baris-skema",
        "unit-tanpa-sumber",
        "terverifikasi-tanpa-pasal",
        "terverifikasi-satu-sumber-sekunder",
        "tugas-belum-ada",
        "bubar-tanpa-pengganti",
        "nama-dipakai-dua-unit",
        "kode-unit-ganda",
        "alias-sama-dengan-nama",
        "tanda-kutip-tipografis",
        "spasi-tak-putus",
        "url-http",
        "pasal-tidak-baku",
        "provinsi-tanpa-kabupaten-kota",
        "nama-terlalu-panjang",
        "paragraf-tanpa-sumber",
        "gambaran-terlalu-panjang",
        "pejabat-sumber-lama",
    }
)

#: Fragments that complete a message's ``{hint}``.
HINTS: Final[dict[str, str]] = {
    "maksud": " — maksud Anda '{match}'?",
    "kolom-dikenal": ". Kolom yang dikenal: {known}",
    "titik": ".",
    "paling-kecil": " (paling kecil {bound})",
    "paling-besar": " (paling besar {bound})",
}


def message(code: str, /, **values: object) -> str:
    """The text of message ``code`` with its fields filled in.

    >>> message("unit-tidak-ditemukan", target="biro-x", hint="")
    "unit 'biro-x' tidak ditemukan"
    """
    return MESSAGES[code].format(**values)


def hint(code: str, /, **values: object) -> str:
    """A fragment for a message's ``{hint}`` field."""
    return HINTS[code].format(**values)


def fields(code: str) -> tuple[str, ...]:
    """The names of the fields message ``code`` needs, in order of appearance."""
    names = (name for _, name, _, _ in string.Formatter().parse(MESSAGES[code]) if name)
    return tuple(dict.fromkeys(names))


def shape(code: str) -> str:
    """The message as an editor sees it, with '…' for each filled-in part (for the docs).

    Optional ``{hint}`` fragments are left out.

    >>> shape("unit-tidak-ditemukan")
    "unit '…' tidak ditemukan"
    """
    parts = string.Formatter().parse(MESSAGES[code])
    filled = {None: "", "hint": ""}
    return "".join(text + filled.get(name, "…") for text, name, _, _ in parts)
