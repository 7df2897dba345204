#!/usr/bin/env python3
"""Generate the community satisfaction survey samples (IKM, PermenPAN-RB 14/2017) into input-samples/.

What it makes
    Four survey files of Kota Semarang (33.74) service units, as units keep them:
      * "Survei IKM Puskesmas Halmahera 2025.xlsx": one row per respondent (No, sex, age,
        education, occupation, U1..U9), labels above the header (unit, region code, period,
        population of users, regulation), and below the answers the unit's own totals computed
        with the rounded weight 0.11, as many units' sheets do; saved by LibreOffice;
      * "SKM Puskesmas Kedungmundu 2025.xlsx": the same shape, a sample smaller than the
        Krejcie-Morgan minimum for its population and a few unanswered items; saved by LibreOffice;
      * "ikm_disdukcapil_kota_semarang_2025.csv": one row per answer (semicolon CSV): region,
        period, unit and population per row, respondent, date, service used, the question named by
        the unsur's name, and the score; its exact IKM lies in band A while the rounded weight
        0.11 would put it in B;
      * "Survei IKM Puskesmas Halmahera 2024.csv": the unit's survey of the year before, for the trend.
    Every planted feature is a warning or a note, never a rejected row, so the samples' counts of
    rejected rows stay those of the SPM samples.

Why
    `./pantau run` on the bundled samples shows an IKM page; the job test checks the figures this
    script prints, which it computes with exact fractions (a second implementation of the rule).

How
    python3 src/test/samples/make-ikm-samples.py      (from the repository root)
    Python 3 standard library only; LibreOffice converts the workbooks. Deterministic (fixed seed).
    Only these four files are (re)written; the SPM samples of make-samples.py are left alone.
"""

import csv
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
from fractions import Fraction
from pathlib import Path

SEED = 20260114
ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "input-samples"
LIBREOFFICE = os.environ.get("LIBREOFFICE", "libreoffice")
BANDS = [("A", Fraction(8831, 100)), ("B", Fraction(7661, 100)), ("C", Fraction(65)), ("D", Fraction(25))]


def band(value):
    rounded = round2(value)
    for code, low in BANDS:
        if rounded >= low:
            return code
    return "D"


def round2(value):
    """Half up at two decimals, as the product rounds."""
    return Fraction(int(value * 100 + Fraction(1, 2)), 100)


def scores(rng, n, weights_by_unsur, blank_rate=0.0):
    """n respondents' scores for U1..U9; weights_by_unsur[u] = weights of scores 1..4."""
    rows = []
    for _ in range(n):
        row = []
        for w in weights_by_unsur:
            row.append(None if rng.random() < blank_rate else rng.choices([1, 2, 3, 4], weights=w)[0])
        rows.append(row)
    return rows


def ikm(rows):
    sums, counts = [0] * 9, [0] * 9
    for r in rows:
        for u, s in enumerate(r):
            if s is not None:
                sums[u] += s
                counts[u] += 1
    nrr = [Fraction(sums[u], counts[u]) for u in range(9)]
    exact = sum(nrr) * Fraction(1, 9) * 25
    shortcut = sum(nrr) * Fraction(11, 100) * 25
    return exact, shortcut, nrr


def attributes(rng):
    return [rng.choice(["L", "P"]), str(rng.randint(18, 72)), rng.choice(["SD", "SMP", "SMA", "D3", "S1", "S2"]),
            rng.choice(["PNS", "TNI/Polri", "Swasta", "Wiraswasta", "Pelajar/Mahasiswa", "Ibu rumah tangga", "Lainnya"])]


def wide_text(unit, period, population, rows, rng, totals):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=",", lineterminator="\n")
    w.writerow(["SURVEI KEPUASAN MASYARAKAT (SKM)"])
    w.writerow([])
    w.writerow(["Unit layanan", unit])
    w.writerow(["Kode wilayah", "33.74"])
    w.writerow(["Periode", period])
    w.writerow(["Jumlah populasi", str(population)])
    w.writerow(["Dasar", "PermenPAN-RB Nomor 14 Tahun 2017"])
    w.writerow([])
    w.writerow(["No", "Jenis Kelamin", "Umur", "Pendidikan", "Pekerjaan"] + [f"U{u}" for u in range(1, 10)])
    for i, r in enumerate(rows, 1):
        w.writerow([str(i)] + attributes(rng) + ["" if s is None else str(s) for s in r])
    if totals:
        _, shortcut, nrr = ikm(rows)
        sums = [sum(r[u] for r in rows if r[u] is not None) for u in range(9)]
        w.writerow([])
        w.writerow(["Jumlah nilai per unsur", "", "", "", ""] + [str(s) for s in sums])
        w.writerow(["NRR per unsur", "", "", "", ""] + [f"{float(x):.3f}" for x in nrr])
        w.writerow(["NRR tertimbang (x 0,11)", "", "", "", ""] + [f"{float(x * Fraction(11, 100)):.3f}" for x in nrr])
        w.writerow(["IKM unit pelayanan", "", "", "", "", f"{float(shortcut):.2f}"])
    return buf.getvalue()


def to_xlsx(text, name, tmp):
    """LibreOffice opens the CSV (column B, D, E as text; en-US numbers) and saves it as .xlsx."""
    src = tmp / (Path(name).stem + ".csv")
    src.write_text(text, encoding="utf-8")
    colfmt = "1/1/2/2/3/1/4/2/5/2"
    cmd = [LIBREOFFICE, f"-env:UserInstallation={(tmp / 'lo-profile').as_uri()}", "--headless",
           f"--infilter=CSV:44,34,76,1,{colfmt},1033", "--convert-to", "xlsx", "--outdir", str(tmp / "out"), str(src)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    made = tmp / "out" / (src.stem + ".xlsx")
    if not made.is_file():
        sys.exit(f"LibreOffice did not produce {made}")
    shutil.move(str(made), OUT / name)


UNSUR_NAMES = ["Persyaratan", "Sistem, Mekanisme, dan Prosedur", "Waktu Penyelesaian", "Biaya/Tarif",
               "Produk Spesifikasi Jenis Pelayanan", "Kompetensi Pelaksana", "Perilaku Pelaksana",
               "Penanganan Pengaduan, Saran dan Masukan", "Sarana dan Prasarana"]


def long_text(rows, rng):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(["kode_wilayah", "periode", "unit_layanan", "populasi", "responden", "tanggal", "jenis_layanan", "pertanyaan", "skor"])
    services = ["KTP elektronik", "Kartu keluarga", "Akta kelahiran", "Pindah datang"]
    for i, r in enumerate(rows, 1):
        day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        service = rng.choice(services)
        for u, s in enumerate(r):
            w.writerow(["33.74", "2025", "Disdukcapil Kota Semarang", "30000", f"R{i:03d}", day, service, UNSUR_NAMES[u], str(s)])
    return buf.getvalue()


def main():
    rng = random.Random(SEED)
    good = [0, 2, 30, 68]        # weights of scores 1..4: mostly 4s and 3s
    fair = [1, 8, 60, 31]
    weak = [3, 22, 60, 15]
    # Halmahera 2025: 360 respondents of 4,200 users (the table asks 354); U3 (waiting time) weakest.
    halmahera_2025 = scores(rng, 360, [fair, fair, weak, good, fair, fair, good, fair, fair])
    # Halmahera 2024: 352 of 4,000 users (351), a little worse everywhere.
    halmahera_2024 = scores(rng, 352, [weak, fair, weak, fair, fair, weak, fair, weak, fair])
    # Kedungmundu 2025: 150 respondents of 9,000 users (the table asks 368); complaints (U8) weakest; some blanks.
    kedungmundu = scores(rng, 150, [fair, weak, weak, fair, fair, fair, fair, [6, 30, 52, 12], weak], blank_rate=0.01)
    # Disdukcapil 2025: 380 respondents of 30,000 (379); seed searched so the exact IKM is A while 0.11 gives B.
    for attempt in range(1000):
        local = random.Random(SEED + attempt)
        disduk = scores(local, 380, [good, fair, good, good, good, fair, good, fair, good])
        exact, shortcut, _ = ikm(disduk)
        if band(exact) == "A" and band(shortcut) == "B":
            break
    else:
        sys.exit("no seed gives A exact and B with 0.11")
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pantau-ikm-samples-") as t:
        tmp = Path(t)
        to_xlsx(wide_text("Puskesmas Halmahera", "2025", 4200, halmahera_2025, rng, totals=True),
                "Survei IKM Puskesmas Halmahera 2025.xlsx", tmp)
        to_xlsx(wide_text("Puskesmas Kedungmundu", "2025", 9000, kedungmundu, rng, totals=False),
                "SKM Puskesmas Kedungmundu 2025.xlsx", tmp)
    (OUT / "Survei IKM Puskesmas Halmahera 2024.csv").write_text(
        wide_text("Puskesmas Halmahera", "2024", 4000, halmahera_2024, rng, totals=False), encoding="utf-8")
    (OUT / "ikm_disdukcapil_kota_semarang_2025.csv").write_bytes(long_text(disduk, rng).encode("utf-8"))

    print("IKM samples (exact IKM, its band; with the rounded weight 0.11):")
    for name, rows in [("Puskesmas Halmahera 2025", halmahera_2025), ("Puskesmas Halmahera 2024", halmahera_2024),
                       ("Puskesmas Kedungmundu 2025", kedungmundu), ("Disdukcapil Kota Semarang 2025", disduk)]:
        exact, shortcut, nrr = ikm(rows)
        weakest = min(range(9), key=lambda u: (nrr[u], u))
        blanks = sum(1 for r in rows for s in r if s is None)
        print(f"  {name}: {len(rows)} respondents, IKM {float(round2(exact)):.2f} ({exact}) {band(exact)}; "
              f"0.11: {float(round2(shortcut)):.2f} {band(shortcut)}; weakest U{weakest + 1} NRR {float(nrr[weakest]):.4f}; "
              f"{blanks} unanswered items")


if __name__ == "__main__":
    main()
