#!/usr/bin/env python3
"""Generate realistic sample submissions for Pantau SPM into input-samples/.

What it makes
    About twenty small files, as Indonesian regional offices (dinas) would drop them into the
    inbox, all in "Layout 1: one value per row" of shared/docs/input-format.md:
      * two provinces, six kabupaten/kota (Jawa Tengah: 33.74 Kota Semarang, 33.02 Kab. Banyumas,
        33.19 Kab. Kudus; DI Yogyakarta: 34.71 Kota Yogyakarta, 34.04 Kab. Sleman,
        34.03 Kab. Gunungkidul);
      * period 2025 for every region and field (Kesehatan KES-K01..K12, Pendidikan PEND-K01..K03),
        period 2026-TW3 (cumulative year to date) for a few regions;
      * SASARAN proportional to each region's 2025 population (wilayah.csv), TERLAYANI mostly
        70-100 % of it, budget and stage-1 rows for KES-K01, short obstacle notes (keterangan);
      * spread over the formats a clerk produces: .xlsx saved by LibreOffice (some with title rows
        above the header), comma CSV in UTF-8 (one with BOM), semicolon CSV with decimal commas and
        thousands dots (Windows-1252 and UTF-8), a tab-delimited .txt; header spellings vary;
      * planted problems: a served count above its target (warning), a 0/0 service, a missing
        TERLAYANI (row absent) and a "-" value (missing, never zero), one workbook with
        row-level errors, and one truncated workbook that must be refused as a whole.

Why
    The pipeline's readers and receipts need input that looks like what real offices send, with
    known content, so tests and demos can check what is accepted, warned and rejected.

How
    python3 src/test/samples/make-samples.py      (from the repository root)
    Python 3 standard library only; LibreOffice (`libreoffice --headless`) converts the workbooks.
    Deterministic: fixed seed; the CSV/TXT outputs are byte-identical on every run. The .xlsx files
    differ between runs only in the zip entries' timestamps that LibreOffice writes (the XML inside
    is identical). The output folder is emptied and regenerated completely.
"""

import csv
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

SEED = 20250214
ROOT = Path(__file__).resolve().parents[3]          # src/test/samples/ -> repository root
OUT = ROOT / "input-samples"
LIBREOFFICE = os.environ.get("LIBREOFFICE", "libreoffice")

# --------------------------------------------------------------------------------------------
# Regions: code -> (name, 2025 population). Copied from shared/data/wilayah/wilayah.csv so the
# samples stay the same wherever the script runs; checked against that file when it is found.
REGIONS = {
    "33.74": ("Kota Semarang", 1702379),
    "33.02": ("Kabupaten Banyumas", 1868446),
    "33.19": ("Kabupaten Kudus", 877821),
    "34.71": ("Kota Yogyakarta", 415605),
    "34.04": ("Kabupaten Sleman", 1125571),
    "34.03": ("Kabupaten Gunungkidul", 776926),
}
WILAYAH_CANDIDATES = [
    os.environ.get("WILAYAH_CSV", ""),
    ROOT / "data" / "wilayah" / "wilayah.csv",
    ROOT.parent / "shared" / "data" / "wilayah" / "wilayah.csv",
]

# --------------------------------------------------------------------------------------------
# Services: code -> (share of population that is the target, served-rate range for a year,
# name of SASARAN row, name of TERLAYANI row). Shares follow the usual planning estimates.
KES = {
    "KES-K01": (0.0170, (0.88, 0.99), "Jumlah ibu hamil", "Ibu hamil mendapat pelayanan antenatal sesuai standar"),
    "KES-K02": (0.0161, (0.90, 0.99), "Jumlah ibu bersalin", "Ibu bersalin mendapat pelayanan persalinan sesuai standar"),
    "KES-K03": (0.0152, (0.92, 1.00), "Jumlah bayi baru lahir", "Bayi baru lahir mendapat pelayanan kesehatan sesuai standar"),
    "KES-K04": (0.0800, (0.82, 0.96), "Jumlah balita", "Balita mendapat pelayanan kesehatan sesuai standar"),
    "KES-K05": (0.0350, (0.93, 1.00), "Anak usia pendidikan dasar (kelas 1 dan 7)", "Anak usia pendidikan dasar mendapat skrining kesehatan"),
    "KES-K06": (0.6500, (0.68, 0.85), "Penduduk usia 15-59 tahun", "Penduduk usia 15-59 tahun mendapat skrining kesehatan"),
    "KES-K07": (0.1280, (0.72, 0.92), "Penduduk usia 60 tahun ke atas", "Warga usia lanjut mendapat skrining kesehatan"),
    "KES-K08": (0.2200, (0.40, 0.60), "Estimasi penderita hipertensi usia 15+", "Penderita hipertensi mendapat pelayanan sesuai standar"),
    "KES-K09": (0.0200, (0.65, 0.88), "Estimasi penderita diabetes melitus usia 15+", "Penderita DM mendapat pelayanan sesuai standar"),
    "KES-K10": (0.0010, (0.80, 1.00), "Estimasi ODGJ berat", "ODGJ berat mendapat pelayanan kesehatan sesuai standar"),
    "KES-K11": (0.0060, (0.72, 0.95), "Orang terduga TBC", "Orang terduga TBC mendapat pelayanan sesuai standar"),
    "KES-K12": (0.0050, (0.75, 0.95), "Orang berisiko terinfeksi HIV", "Orang berisiko HIV mendapat tes HIV sesuai standar"),
}
PEND = {
    "PEND-K01": (0.0320, (0.75, 0.93), "Anak usia 5-6 tahun", "Anak usia 5-6 tahun mengikuti PAUD"),
    "PEND-K02": (0.1400, (0.95, 0.995), "Anak usia 7-15 tahun", "Anak usia 7-15 tahun mengikuti pendidikan dasar (SD/SMP)"),
    "PEND-K03": (0.0080, (0.45, 0.75), "Anak usia 7-18 tahun belum tamat pendidikan dasar/menengah", "Anak usia 7-18 tahun mengikuti pendidikan kesetaraan"),
}
# DI Yogyakarta is older than Central Java.
ELDERLY_SHARE = {"34.71": 0.155, "34.04": 0.150, "34.03": 0.175, "33.74": 0.125, "33.02": 0.122, "33.19": 0.130}

NOTES = {
    "KES-K01": ["Kekurangan tenaga bidan di 3 puskesmas", "Sebagian ibu hamil periksa di bidan praktik mandiri, laporan belum lengkap"],
    "KES-K02": ["Masih ada persalinan di rumah di wilayah terpencil"],
    "KES-K03": ["Kunjungan neonatal ke-3 belum tercatat lengkap"],
    "KES-K04": ["Kunjungan posyandu menurun saat musim panen", "Buku KIA hilang, pemantauan tumbuh kembang tidak lengkap"],
    "KES-K05": ["Skrining dilaksanakan bersama program UKS"],
    "KES-K06": ["Skrining belum menjangkau pekerja sektor informal", "Posbindu PTM belum aktif di semua desa/kelurahan"],
    "KES-K07": ["Posyandu lansia belum aktif di semua desa/kelurahan", "Lansia dengan keterbatasan mobilitas sulit dijangkau"],
    "KES-K08": ["Banyak penderita tidak kontrol rutin ke FKTP", "Obat antihipertensi sempat kosong di 2 puskesmas"],
    "KES-K09": ["Stik pemeriksaan gula darah terbatas"],
    "KES-K10": ["Pendampingan oleh kader kesehatan jiwa", "Sebagian pasien dirawat di RSJ luar daerah"],
    "KES-K11": ["Stok cartridge TCM sempat kosong bulan Agustus", "Investigasi kontak belum optimal"],
    "KES-K12": ["Populasi kunci sulit dijangkau", "Reagen tes cepat HIV terlambat didistribusikan"],
    "PEND-K01": ["Kekurangan guru PAUD bersertifikat", "Sebagian desa/kelurahan belum memiliki satuan PAUD"],
    "PEND-K02": ["Data berdasarkan Dapodik per 31 Desember", "Anak putus sekolah karena bekerja"],
    "PEND-K03": ["Warga belajar sulit dijangkau", "PKBM terbatas di kecamatan pinggiran"],
}
ESTIMATE_NOTE = "Estimasi dari prevalensi SKI 2023"

CANON = ["kode_wilayah", "nama_wilayah", "periode", "kode_data", "nama_data", "nilai", "satuan", "keterangan"]
H_TITLE = ["Kode Wilayah", "Nama Wilayah", "Periode", "Kode Data", "Nama Data", "Nilai", "Satuan", "Keterangan"]
H_UPPER = ["KODE_WILAYAH", "NAMA_WILAYAH", "PERIODE", "KODE_DATA", "NAMA_DATA", "NILAI", "SATUAN", "KETERANGAN"]
H_UPPER_SP = ["KODE WILAYAH", "NAMA WILAYAH", "PERIODE", "KODE DATA", "NAMA DATA", "NILAI", "SATUAN", "KETERANGAN"]
H_MIXED = ["Kode_Wilayah", "Nama_Wilayah", "Periode", "Kode_Data", "Nama_Data", "Nilai", "Satuan", "Keterangan"]
H_LOWER_SP = ["kode wilayah", "nama wilayah", "periode", "kode data", "nama data", "nilai", "satuan", "keterangan"]
H_CAMEL = ["KodeWilayah", "NamaWilayah", "Periode", "KodeData", "NamaData", "Nilai", "Satuan", "Keterangan"]
H_ENGLISH = ["region_code", "region_name", "period", "measure_code", "measure_name", "value", "unit", "note"]
H_ALIAS = ["Kode Daerah", "Nama Wilayah", "Periode", "Kode Indikator", "Nama Data", "Jumlah", "Satuan", "Catatan"]


# --------------------------------------------------------------------------------------------
# Numbers per region


class Region:
    """Per-region planning factors, drawn once so 2025 and 2026 figures are coherent."""

    def __init__(self, code):
        self.code = code
        self.name, self.pop = REGIONS[code]
        rng = random.Random(f"{SEED}:region:{code}")
        self.factor, self.rate, self.tw3 = {}, {}, {}
        for svc, (share, (lo, hi), _, _) in list(KES.items()) + list(PEND.items()):
            self.factor[svc] = rng.uniform(0.96, 1.04)
            self.rate[svc] = rng.uniform(lo, hi)
            if svc == "KES-K08":
                self.tw3[svc] = rng.uniform(0.32, 0.45)   # hypertension lags all year
            else:
                self.tw3[svc] = rng.uniform(0.55, 0.75)   # cumulative to end of September
        self.growth = rng.uniform(1.006, 1.010)           # population 2026 / 2025
        self.budget_per_target = rng.uniform(42000, 58000)
        self.budget_spent = rng.uniform(0.86, 0.97)
        self.budget_spent_tw3 = rng.uniform(0.58, 0.68)

    def share(self, svc):
        if svc == "KES-K07":
            return ELDERLY_SHARE[self.code]
        return (KES.get(svc) or PEND.get(svc))[0]

    def sasaran(self, svc, year):
        pop = self.pop if year == 2025 else self.pop * self.growth
        return round(pop * self.share(svc) * self.factor[svc])

    def terlayani(self, svc, year):
        rate = self.rate[svc] if year == 2025 else self.tw3[svc]
        return round(self.sasaran(svc, year) * rate)

    def budget(self, year):
        plan = round(self.sasaran("KES-K01", year) * self.budget_per_target / 5e6) * 5_000_000
        spent_share = self.budget_spent if year == 2025 else self.budget_spent_tw3
        return plan, round(plan * spent_share, -2)


def row(region, periode, code, name, value, unit="orang", note="", region_name=None, region_code=None):
    return {
        "kode_wilayah": region_code or region.code,
        "nama_wilayah": region_name or region.name,
        "periode": periode,
        "kode_data": code,
        "nama_data": name,
        "nilai": value,
        "satuan": unit,
        "keterangan": note,
    }


def service_rows(region, field, year, periode, fname, note_rate=0.3, unit="orang", region_name=None,
                 region_code=None, overrides=None, omit=()):
    """SASARAN and TERLAYANI rows for every service of a field.

    overrides: {measure code: (value, note)} replaces the computed value (value may be text).
    omit: measure codes left out entirely (the office did not report them).
    """
    rng = random.Random(f"{SEED}:notes:{fname}")
    services = KES if field == "KES" else PEND
    overrides = overrides or {}
    rows = []
    for svc, (_, _, sas_name, ter_name) in services.items():
        for measure, name, value in (
            ("SASARAN", sas_name, region.sasaran(svc, year)),
            ("TERLAYANI", ter_name, region.terlayani(svc, year)),
        ):
            code = f"{svc}.{measure}"
            note = ""
            if measure == "SASARAN" and svc in ("KES-K08", "KES-K09", "KES-K10") and rng.random() < 0.5:
                note = ESTIMATE_NOTE
            if measure == "TERLAYANI" and rng.random() < note_rate:
                note = rng.choice(NOTES[svc])
            if code in overrides:
                value, note = overrides[code]
            if code in omit:
                continue
            rows.append(row(region, periode, code, name, value, unit, note, region_name, region_code))
    return rows


def budget_rows(region, year, periode, stage1=100, notes=("", "", ""), region_name=None):
    plan, spent = region.budget(year)
    return [
        row(region, periode, "KES-K01.ANGGARAN_RENCANA", "Anggaran yang direncanakan", plan, "rupiah", notes[0], region_name),
        row(region, periode, "KES-K01.ANGGARAN_REALISASI", "Realisasi anggaran", spent, "rupiah", notes[1], region_name),
        row(region, periode, "KES-K01.TAHAP1_PENGUMPULAN_DATA", "Progres tahap 1: pengumpulan data", stage1, "persen", notes[2], region_name),
    ]


def application_rows(region, periode, lines):
    """What a Laporan Penerapan SPM needs beside the counts (issue 11), for a few services:
    rupiah planned and spent, the four stages' progress, mutu items needed and available (an SDM
    item among them, the personnel support) and the office's problems and solutions, in words.

    lines: {service: dict(plan=, spent=, stages=(t1, t2, t3, t4), mutu={ITEM: (needed, available)},
            problem=, solution=)}; every key optional.
    """
    stage_names = ("TAHAP1_PENGUMPULAN_DATA", "TAHAP2_PENGHITUNGAN_KEBUTUHAN", "TAHAP3_PENYUSUNAN_RENCANA",
                   "TAHAP4_PELAKSANAAN")
    stage_words = ("Progres tahap 1: pengumpulan data", "Progres tahap 2: penghitungan kebutuhan",
                   "Progres tahap 3: penyusunan rencana", "Progres tahap 4: pelaksanaan")
    rows = []
    for svc, l in lines.items():
        if "plan" in l:
            rows.append(row(region, periode, f"{svc}.ANGGARAN_RENCANA", "Anggaran yang direncanakan", l["plan"], "rupiah"))
        if "spent" in l:
            rows.append(row(region, periode, f"{svc}.ANGGARAN_REALISASI", "Realisasi anggaran", l["spent"], "rupiah"))
        for code, words, value in zip(stage_names, stage_words, l.get("stages", ())):
            rows.append(row(region, periode, f"{svc}.{code}", words, value, "persen"))
        for item, (needed, available) in l.get("mutu", {}).items():
            rows.append(row(region, periode, f"{svc}.{item}_BUTUH", f"{item.replace('_', ' ').title()} (dibutuhkan)", needed, "orang" if item.startswith(("TENAGA", "KADER")) else "buah"))
            rows.append(row(region, periode, f"{svc}.{item}_TERSEDIA", f"{item.replace('_', ' ').title()} (tersedia)", available, "orang" if item.startswith(("TENAGA", "KADER")) else "buah"))
        if "problem" in l:
            rows.append(row(region, periode, f"{svc}.PERMASALAHAN", "Permasalahan", l["problem"], "teks"))
        if "solution" in l:
            rows.append(row(region, periode, f"{svc}.SOLUSI", "Solusi", l["solution"], "teks"))
    return rows


# --------------------------------------------------------------------------------------------
# Formatting


def fmt_en(v, group=False):
    """Dot decimals, as LibreOffice/Excel in an English locale write them."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, float) and not v.is_integer():
        return f"{v:.1f}"
    return f"{int(v):,}" if group else str(int(v))


def fmt_id(v, group=True):
    """Indonesian convention: thousands dots, decimal comma ("1.250.000.000", "87,5")."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, float) and not v.is_integer():
        return f"{v:.1f}".replace(".", ",")
    return f"{int(v):,}".replace(",", ".") if group else str(int(v))


class Sample:
    def __init__(self, name, kind, rows, header, titles=(), delimiter=",", encoding="utf-8",
                 newline="\n", numbers="en", group_amounts=False, number_col=False,
                 numeric_period=False, about=""):
        self.name, self.kind, self.rows, self.header = name, kind, rows, header
        self.titles, self.delimiter, self.encoding, self.newline = list(titles), delimiter, encoding, newline
        self.numbers, self.group_amounts, self.number_col = numbers, group_amounts, number_col
        self.numeric_period, self.about = numeric_period, about

    def cell_value(self, r):
        v = r["nilai"]
        if self.numbers == "id":
            return fmt_id(v)
        return fmt_en(v, group=self.group_amounts and r["satuan"] == "rupiah")

    def table(self):
        """All lines as lists of cells, title rows first; returns (lines, header_line_index)."""
        lines = [list(t) for t in self.titles]
        header = (["No."] if self.number_col else []) + self.header
        hidx = len(lines)
        lines.append(header)
        for i, r in enumerate(self.rows, 1):
            cells = [r[c] if c != "nilai" else self.cell_value(r) for c in CANON]
            lines.append(([str(i)] if self.number_col else []) + cells)
        return lines, hidx

    def text(self):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=self.delimiter, lineterminator=self.newline, quoting=csv.QUOTE_MINIMAL)
        lines, _ = self.table()
        for line in lines:
            w.writerow(line)
        return buf.getvalue()


# --------------------------------------------------------------------------------------------
# The submissions


def build():
    smg, bms, kds = Region("33.74"), Region("33.02"), Region("33.19")
    ygy, slm, gkd = Region("34.71"), Region("34.04"), Region("34.03")
    samples = []
    bad_rows = []   # (file, data-row index in rows, column name, value, why)

    # 1. Kota Semarang, Kesehatan 2025: xlsx with three title rows.
    f = "Dinkes Kota Semarang 2025.xlsx"
    rows = service_rows(smg, "KES", 2025, "2025", f) + budget_rows(smg, 2025, "2025", 100)
    samples.append(Sample(f, "xlsx", rows, H_TITLE, titles=[
        ["LAPORAN CAPAIAN SPM BIDANG KESEHATAN TAHUN 2025"], ["DINAS KESEHATAN KOTA SEMARANG"], []],
        about="xlsx, 3 title rows (header on row 4), headers 'Kode Wilayah'/'Nilai', with budget and stage-1 rows"))

    # 2. Kota Semarang, Pendidikan 2025: plain xlsx, canonical headers.
    f = "Disdik Kota Semarang 2025.xlsx"
    samples.append(Sample(f, "xlsx", service_rows(smg, "PEND", 2025, "2025", f), CANON,
                          about="xlsx, canonical lower-case headers, header on row 1"))

    # 3. Kabupaten Sleman, Kesehatan 2025: xlsx, three title rows, upper-case headers.
    f = "Laporan SPM Kesehatan Sleman 2025.xlsx"
    samples.append(Sample(f, "xlsx", service_rows(slm, "KES", 2025, "2025", f), H_UPPER, titles=[
        ["LAPORAN PENERAPAN STANDAR PELAYANAN MINIMAL (SPM) BIDANG KESEHATAN"],
        ["DINAS KESEHATAN KABUPATEN SLEMAN - TAHUN 2025"], []],
        about="xlsx, 3 title rows (header on row 4), headers 'KODE_WILAYAH'/'NILAI'"))

    # 4. Kabupaten Kudus, Kesehatan 2025: xlsx with row-level errors among good rows.
    f = "SPM Kes Kudus 2025 (rekap).xlsx"
    rows = service_rows(kds, "KES", 2025, "2025", f, overrides={
        "KES-K07.TERLAYANI": (-312, "Dihitung dari sasaran dikurangi yang belum terlayani"),
        "KES-K10.SASARAN": ("seribu", "Perkiraan kasar"),
    }) + budget_rows(kds, 2025, "2025", 100)
    # the stage-1 row carries a quarter that does not exist
    rows[-1]["periode"] = "2025-TW5"
    # an extra row with a service code that does not exist (kab/kota health services end at K12)
    k13 = row(kds, "2025", "KES-K13.SASARAN", "Sasaran pelayanan kesehatan tambahan (program daerah)", 1250,
              "orang", "Program unggulan bupati")
    rows.insert(len(KES) * 2, k13)
    samples.append(Sample(f, "xlsx", rows, H_ALIAS, titles=[
        ["REKAP CAPAIAN SPM KESEHATAN KABUPATEN KUDUS TAHUN 2025"],
        ["Sumber: Bidang Kesehatan Masyarakat, Dinas Kesehatan Kabupaten Kudus"]],
        about="xlsx, 2 title rows (header on row 3), alias headers 'Kode Daerah'/'Kode Indikator'/'Jumlah'/'Catatan'; 4 bad rows"))
    for code, col, why in (
        ("KES-K07.TERLAYANI", "nilai", "negative count"),
        ("KES-K10.SASARAN", "nilai", "unreadable number (text 'seribu')"),
        ("KES-K13.SASARAN", "kode_data", "unknown measure code (no service KES-K13)"),
        ("KES-K01.TAHAP1_PENGUMPULAN_DATA", "periode", "period that does not exist (quarter 5)"),
    ):
        i = next(n for n, r in enumerate(rows) if r["kode_data"] == code)
        bad_rows.append((f, i, col, rows[i][col], why))

    # 5. Kabupaten Kudus, Pendidikan 2025: xlsx whose period cells are numbers (2025), as Excel makes them.
    f = "Disdik Kudus 2025.xlsx"
    samples.append(Sample(f, "xlsx", service_rows(kds, "PEND", 2025, "2025", f), H_MIXED, numeric_period=True,
                          about="xlsx, headers 'Kode_Wilayah'/'Kode_Data', periode stored as a NUMBER cell 2025"))

    # 6. Kota Semarang, Kesehatan 2026-TW3: xlsx with title rows, cumulative to September.
    f = "Dinkes Kota Semarang TW3 2026.xlsx"
    rows = service_rows(smg, "KES", 2026, "2026-TW3", f) + budget_rows(
        smg, 2026, "2026-TW3", 100, notes=("", "Realisasi s.d. 30 September 2026", "")) + application_rows(smg, "2026-TW3", {
            "KES-K01": dict(mutu={"TENAGA_BIDAN": (120, 104), "BUKU_KIA": (29000, 29000)},
                            problem="Kekurangan 16 bidan di 3 puskesmas wilayah timur",
                            solution="Pengusulan formasi bidan PPPK 2027; bidan puskesmas tetangga bertugas bergilir"),
            "KES-K03": dict(plan=640_000_000, spent=401_250_000, stages=(100, 100, 90, 70),
                            problem="Kunjungan neonatal ke-3 belum tercatat di aplikasi",
                            solution="Pelatihan pencatatan bagi bidan kelurahan pada Oktober 2026"),
            "KES-K08": dict(plan=2_150_000_000, spent=1_204_000_000, stages=(100, 100, 100, 65),
                            mutu={"TENAGA_KESEHATAN": (380, 352), "TENSIMETER": (410, 410)},
                            problem="Banyak penderita hipertensi tidak kontrol rutin ke FKTP",
                            solution="Kunjungan rumah oleh kader dan pengingat lewat WhatsApp"),
        })
    samples.append(Sample(f, "xlsx", rows, H_TITLE, titles=[
        ["LAPORAN CAPAIAN SPM BIDANG KESEHATAN TRIWULAN III TAHUN 2026 (KUMULATIF)"],
        ["DINAS KESEHATAN KOTA SEMARANG"], []],
        about="xlsx, 3 title rows (header on row 4), quarter 2026-TW3 cumulative, with budget rows"))

    # 7. Kabupaten Sleman, Pendidikan 2026-TW3: xlsx, lower-case headers with spaces.
    f = "SPM Pendidikan Sleman TW III 2026.xlsx"
    samples.append(Sample(f, "xlsx", service_rows(slm, "PEND", 2026, "2026-TW3", f), H_LOWER_SP,
                          about="xlsx, headers 'kode wilayah'/'kode data' (spaces), quarter 2026-TW3"))

    # 8. Kabupaten Banyumas, Kesehatan 2025: comma CSV, UTF-8 with BOM, CRLF, amounts "1,250,000,000".
    f = "Dinkes Banyumas 2025.csv"
    rows = service_rows(bms, "KES", 2025, "2025", f, region_name="Kab. Banyumas") + budget_rows(
        bms, 2025, "2025", 92.5, notes=("APBD murni, sudah termasuk DAK non-fisik", "", "Pendataan ibu hamil, bersalin, nifas"),
        region_name="Kab. Banyumas")
    samples.append(Sample(f, "csv", rows, H_TITLE, encoding="utf-8-sig", newline="\r\n", group_amounts=True,
                          about="CSV ',' UTF-8 with BOM, CRLF; region name 'Kab. Banyumas'; rupiah as quoted \"1,250,000,000\"; 92.5 %"))

    # 9. Kabupaten Banyumas, Pendidikan 2025: comma CSV with English headers.
    f = "disdik_banyumas_2025.csv"
    samples.append(Sample(f, "csv", service_rows(bms, "PEND", 2025, "2025", f), H_ENGLISH,
                          about="CSV ',' UTF-8, LF; English alias headers region_code/period/measure_code/value/note"))

    # 10. Kota Yogyakarta, Kesehatan 2025: ';' CSV, Windows-1252, decimal comma, thousands dots;
    #     ibu bersalin served > target (mothers from neighbouring kabupaten deliver in city hospitals).
    f = "Capaian SPM Kesehatan Kota Yogyakarta 2025.csv"
    k02 = ygy.sasaran("KES-K02", 2025)
    rows = service_rows(ygy, "KES", 2025, "2025", f, overrides={
        "KES-K02.TERLAYANI": (round(k02 * 1.034), "Termasuk persalinan ibu dari luar kota di RS rujukan"),
        "KES-K05.TERLAYANI": (ygy.terlayani("KES-K05", 2025), "Tidak ada catatan \u2013 lihat lampiran"),
    }) + budget_rows(ygy, 2025, "2025", 87.5, notes=("", "", "Pendataan ulang sasaran di 2 kemantren"))
    samples.append(Sample(f, "csv", rows, H_UPPER_SP, delimiter=";", encoding="cp1252", newline="\r\n", numbers="id",
                          about="CSV ';' Windows-1252, CRLF, '1.250.000.000' / '87,5', en dash in a note; KES-K02 TERLAYANI > SASARAN"))

    # 11. Kota Yogyakarta, Pendidikan 2025: ';' CSV in UTF-8 with a leading "No." column;
    #     no children in scope for pendidikan kesetaraan (0 and 0).
    f = "Disdikpora Kota Yogyakarta 2025 \u2013 final.csv"
    rows = service_rows(ygy, "PEND", 2025, "2025", f, overrides={
        "PEND-K03.SASARAN": (0, "Pendataan bersama kalurahan \u2013 tidak ditemukan anak putus sekolah"),
        "PEND-K03.TERLAYANI": (0, ""),
    })
    samples.append(Sample(f, "csv", rows, H_TITLE, delimiter=";", encoding="utf-8", newline="\r\n", numbers="id",
                          number_col=True,
                          about="CSV ';' UTF-8 (no BOM), non-ASCII file name, extra 'No.' first column, thousands dots; PEND-K03 0/0"))

    # 12. Kabupaten Sleman, Pendidikan 2025: comma CSV, CamelCase headers, region code without dot.
    f = "Disdik Sleman 2025.csv"
    samples.append(Sample(f, "csv", service_rows(slm, "PEND", 2025, "2025", f, region_code="3404", unit="jiwa"), H_CAMEL,
                          about="CSV ',' UTF-8, headers 'KodeWilayah'/'KodeData', region code written '3404', unit 'jiwa'"))

    # 13. Kabupaten Gunungkidul, Kesehatan 2025: comma CSV; KES-K12.TERLAYANI not reported at all;
    #     one note with a line break inside quotes.
    f = "Dinkes Gunungkidul 2025.csv"
    rows = service_rows(gkd, "KES", 2025, "2025", f, overrides={
        "KES-K01.TERLAYANI": (gkd.terlayani("KES-K01", 2025), "Kekurangan tenaga bidan di 3 puskesmas,\nakses sulit di wilayah karst selatan"),
        "KES-K12.SASARAN": (gkd.sasaran("KES-K12", 2025), "Data tes HIV dari RSUD belum direkap"),
    }, omit=("KES-K12.TERLAYANI",))
    samples.append(Sample(f, "csv", rows, CANON,
                          about="CSV ',' UTF-8, LF, canonical headers; KES-K12.TERLAYANI row absent; quoted note with comma and line break"))

    # 14. Kabupaten Gunungkidul, Pendidikan 2025: tab-delimited .txt.
    f = "Disdik Gunungkidul 2025.txt"
    samples.append(Sample(f, "csv", service_rows(gkd, "PEND", 2025, "2025", f), H_MIXED, delimiter="\t",
                          newline="\r\n", about="tab-delimited .txt, UTF-8, CRLF, headers 'Kode_Wilayah'"))

    # 15. Kabupaten Banyumas, Kesehatan 2026-TW3: ';' CSV, Windows-1252, period "Triwulan III 2026".
    f = "Dinkes Banyumas Triwulan III 2026.csv"
    rows = service_rows(bms, "KES", 2026, "Triwulan III 2026", f, overrides={
        "KES-K11.TERLAYANI": (bms.terlayani("KES-K11", 2026), "Data diverifikasi oleh dr. Ren\u00e9 Kusuma, pengelola program TBC"),
    }) + budget_rows(bms, 2026, "Triwulan III 2026", 100)
    samples.append(Sample(f, "csv", rows, H_TITLE, delimiter=";", encoding="cp1252", newline="\r\n", numbers="id",
                          about="CSV ';' Windows-1252, 'é' in a note, period written 'Triwulan III 2026', thousands dots"))

    # 16. Kabupaten Sleman, Kesehatan 2026-TW3: comma CSV; one value "-" (missing, not zero).
    f = "dinkes_sleman_tw3_2026.csv"
    rows = service_rows(slm, "KES", 2026, "2026-TW3", f, overrides={
        "KES-K10.TERLAYANI": ("-", "Data dari RSJ Grhasia belum masuk"),
    }) + application_rows(slm, "2026-TW3", {
        "KES-K01": dict(plan=1_180_000_000, spent=742_000_000, stages=(100, 100, 100, 60),
                        mutu={"TENAGA_BIDAN": (95, 88), "TENAGA_DOKTER": (25, 25)},
                        problem="Pencatatan ANC di praktik mandiri bidan belum masuk laporan puskesmas",
                        solution="Surat edaran kepala dinas: rekap ANC praktik mandiri ke puskesmas setiap tanggal 5"),
        "KES-K08": dict(plan=1_450_000_000, spent=598_500_000, stages=(100, 100, 80, 40),
                        mutu={"TENAGA_KESEHATAN": (250, 190)},
                        problem="Skrining hipertensi di posbindu baru berjalan di 12 dari 25 desa",
                        solution="Posbindu keliling dan skrining di tempat kerja mulai Oktober 2026"),
        "KES-K11": dict(stages=(100, 100, 100, 70),
                        problem="Pelacakan kontak TBC terkendala jumlah kader",
                        solution="Rekrutmen 40 kader TBC bersama organisasi masyarakat"),
    })
    samples.append(Sample(f, "csv", rows, CANON,
                          about="CSV ',' UTF-8, LF, quarter 2026-TW3; KES-K10.TERLAYANI is '-' (missing)"))

    # 17. Kota Yogyakarta, Kesehatan 2026-TW3: xlsx, headers with mixed case.
    f = "Dinkes Kota Yogyakarta TW3 2026.xlsx"
    samples.append(Sample(f, "xlsx", service_rows(ygy, "KES", 2026, "2026-TW3", f), H_TITLE,
                          about="xlsx, headers 'Kode Wilayah', quarter 2026-TW3 for a small kota"))

    return samples, bad_rows


# --------------------------------------------------------------------------------------------
# Writing


def col_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def check_wilayah():
    for cand in WILAYAH_CANDIDATES:
        if cand and Path(cand).is_file():
            with open(cand, encoding="utf-8") as fh:
                ref = {r["kode"]: r for r in csv.DictReader(fh)}
            for code, (name, pop) in REGIONS.items():
                r = ref.get(code)
                if not r or r["nama"] != name or int(r["penduduk_2025"]) != pop:
                    print(f"WARNING: {code} {name} {pop} differs from {cand}: {r}", file=sys.stderr)
            return
    print("note: wilayah.csv not found; using the populations copied into this script", file=sys.stderr)


def convert_xlsx(sample, tmp):
    """Write a UTF-8 CSV and let LibreOffice save it as .xlsx, forcing text columns."""
    src = tmp / "csv" / (Path(sample.name).stem + ".csv")
    src.parent.mkdir(exist_ok=True)
    src.write_text(sample.text(), encoding="utf-8", newline="")
    # CSV filter options: separator 44 (,), quote 34 ("), charset 76 (UTF-8), start at line 1,
    # column formats (col/format: 1 = standard, 2 = text), language 1033 (en-US: dot decimals).
    # Text for codes, names and notes so 33.10 stays "33.10"; standard for nilai so numbers are numbers.
    fmts = {1: 2, 2: 2, 3: 1 if sample.numeric_period else 2, 4: 2, 5: 2, 6: 1, 7: 2, 8: 2}
    colfmt = "/".join(f"{c}/{t}" for c, t in fmts.items())
    outdir = tmp / "xlsx"
    cmd = [LIBREOFFICE, f"-env:UserInstallation={(tmp / 'lo-profile').as_uri()}", "--headless",
           f"--infilter=CSV:44,34,76,1,{colfmt},1033", "--convert-to", "xlsx", "--outdir", str(outdir), str(src)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    made = outdir / (src.stem + ".xlsx")
    if not made.is_file():
        sys.exit(f"LibreOffice did not produce {made}")
    shutil.move(str(made), OUT / sample.name)


NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def verify_xlsx(sample):
    """Check cell types in sheet1.xml: codes are strings, numeric nilai are numbers."""
    with zipfile.ZipFile(OUT / sample.name) as z:
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    cells = {}
    for c in sheet.iterfind(".//m:c", NS):
        cells[c.get("r")] = c.get("t", "n")
    lines, hidx = sample.table()
    problems = []
    for i, r in enumerate(sample.rows):
        rownum = hidx + 2 + i
        expect_num = not isinstance(r["nilai"], str) and r["nilai"] is not None
        checks = [("A", "s"), ("D", "s"), ("F", "n" if expect_num else "s"),
                  ("C", "n" if sample.numeric_period else "s")]
        for col, t in checks:
            got = cells.get(f"{col}{rownum}")
            if got != t:
                problems.append(f"{col}{rownum}: type {got}, expected {t}")
    if problems:
        sys.exit(f"{sample.name}: " + "; ".join(problems))


def truncated_workbook(tmp):
    """laporan-rusak.xlsx: a real workbook cut off after 45 % of its bytes (an interrupted copy)."""
    region = Region("34.03")
    f = "laporan-rusak.xlsx"
    s = Sample(f, "xlsx", service_rows(region, "KES", 2026, "2026-TW3", f), CANON)
    convert_xlsx(s, tmp)
    data = (OUT / f).read_bytes()
    (OUT / f).write_bytes(data[: int(len(data) * 0.45)])


def main():
    check_wilayah()
    samples, bad_rows = build()
    only = [n for n in os.environ.get("ONLY", "").split("|") if n]
    if only:
        # ONLY="a.csv|b.xlsx": rewrite just these samples, leave every other file as it is.
        samples = [s for s in samples if s.name in only]
        with tempfile.TemporaryDirectory(prefix="pantau-samples-") as t:
            for s in samples:
                if s.kind == "xlsx":
                    convert_xlsx(s, Path(t))
                    verify_xlsx(s)
                else:
                    (OUT / s.name).write_bytes(s.text().encode(s.encoding))
        print("Rewrote " + ", ".join(s.name for s in samples))
        return
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="pantau-samples-") as t:
        tmp = Path(t)
        for s in samples:
            if s.kind == "xlsx":
                convert_xlsx(s, tmp)
                verify_xlsx(s)
            else:
                text = s.text()
                (OUT / s.name).write_bytes(text.encode(s.encoding))
        truncated_workbook(tmp)

    print(f"Wrote {len(samples) + 1} files to {OUT}")
    for s in samples:
        print(f"  {s.name}: {s.about}; {len(s.rows)} data rows")
    print("  laporan-rusak.xlsx: truncated workbook (first 45 % of a real .xlsx), to be refused as a whole")
    print("Planted row-level errors (row numbers as the spreadsheet shows them):")
    by_name = {s.name: s for s in samples}
    for f, i, col, value, why in bad_rows:
        s = by_name[f]
        _, hidx = s.table()
        rownum = hidx + 2 + i
        letter = col_letter(CANON.index(col) + (1 if s.number_col else 0))
        print(f"  {f}: row {rownum}, column {letter} ({s.header[CANON.index(col)]}), value {value!r}: {why}")


if __name__ == "__main__":
    main()
